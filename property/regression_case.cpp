#include "property/regression_case.hpp"

#include "cases/case_file.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace fmconf::property {

namespace {

std::string slug(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string fnv_hex(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h & 0xffffffffu));
  return buf;
}

}  // namespace

std::filesystem::path regressions_dir(const std::filesystem::path& source_dir) {
  if (const char* dir = std::getenv("FMCONF_REGRESSIONS_DIR"); dir && *dir) return dir;
  return source_dir / "corpus" / "regressions";
}

std::filesystem::path write_regression(const std::filesystem::path& dir, Json case_json,
                                       const std::string& property, const std::string& rule,
                                       const std::string& rc_params) {
  const std::string group = "regressions";
  const std::string name = slug(property) + "-" + fnv_hex(case_json["steps"].dump());
  Json out = Json::object();
  out["id"] = group + "/" + name;
  out["title"] = case_json.value("title", "model and Wine differ");
  out["provenance"] = {{"kind", "inferred"},
                       {"source", rule + "; found by property " + property +
                                      "; reproduce: RC_PARAMS=\"" + rc_params + "\""}};
  out["steps"] = case_json["steps"];
  out = Json::parse(out.dump());  // as read back from the file (unsigned numbers)
  const ParsedCase parsed = parse_case(out, CaseOrigin{name + ".json", 0, std::nullopt});
  if (!parsed.value) throw std::runtime_error("regression case invalid: " + parsed.error->text());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / (name + ".json");
  std::ofstream file(path);
  file << out.dump(2) << "\n";
  if (!file) throw std::runtime_error("cannot write " + path.string());
  return path;
}

}  // namespace fmconf::property
