#include "cases/case_file.hpp"

#include "cases/step_parser.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

namespace fmconf {
namespace {

// Why a text is not JSON: where (`byte`, 1-based, the failing byte included; 0 when nlohmann
// does not say) and what, without nlohmann's "[json.exception...] ... column 9: " head.
struct JsonFailure {
  std::size_t byte = 0;
  std::string detail;
};

// Json::parse that never throws. Besides syntax errors (parse_error), nlohmann throws
// out_of_range for a number no double holds ("number overflow parsing '1e400'"): both are an
// invalid text, never a crash of the loader.
std::optional<JsonFailure> parse_json(std::string_view text, Json* out) {
  try {
    *out = Json::parse(text);
    return std::nullopt;
  } catch (const Json::parse_error& e) {
    const std::string what = e.what();
    const auto column = what.find("column ");
    const auto colon = column == std::string::npos ? column : what.find(": ", column);
    return JsonFailure{e.byte, colon == std::string::npos ? what : what.substr(colon + 2)};
  } catch (const Json::exception& e) {
    const std::string what = e.what();
    const auto head = what.find("] ");
    return JsonFailure{0, head == std::string::npos ? what : what.substr(head + 2)};
  }
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '+';
}

// `group/name`: two non-empty parts of [A-Za-z0-9._+-].
std::optional<std::string> id_problem(const std::string& id) {
  const auto slash = id.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == id.size() ||
      id.find('/', slash + 1) != std::string::npos) {
    return "'" + id + "' is not in group/name form";
  }
  for (const char c : id) {
    if (c != '/' && !is_id_char(c)) {
      return fmt::format("'{}' has the character '{}' (ids use A-Z a-z 0-9 . _ + -)", id, c);
    }
  }
  return std::nullopt;
}

const Json& require_string(const Json& obj, const std::string& key, const std::string& field) {
  const auto it = obj.find(key);
  if (it == obj.end()) throw InvalidField{field, "missing (required)"};
  if (!it->is_string()) throw InvalidField{field, "must be a string"};
  return *it;
}

// Optional extension fields a case may carry at its top level (style anchors: front matter).
void check_extension(const std::string& key, const Json& value) {
  if (key == "tags" || key == "flags") {
    if (!value.is_array() ||
        !std::all_of(value.begin(), value.end(), [](const Json& t) { return t.is_string(); })) {
      throw InvalidField{key, "must be an array of strings"};
    }
  } else if (key == "rule") {
    if (!value.is_string() && !value.is_array()) {
      throw InvalidField{key, "must be a string or an array of strings"};
    }
  } else if (key == "info" || key == "description" || key == "note" || key == "comment") {
    if (!value.is_string()) throw InvalidField{key, "must be a string"};
  } else if (!key.starts_with('_')) {
    throw InvalidField{key,
                       "unknown field (extensions: tags, rule, info, flags, description, "
                       "note, comment, or a name starting with '_')"};
  }
}

Provenance parse_provenance(const Json& obj) {
  const auto it = obj.find("provenance");
  if (it == obj.end()) throw InvalidField{"provenance", "missing (required)"};
  if (!it->is_object()) throw InvalidField{"provenance", "must be an object {kind, source}"};
  Provenance p;
  p.kind = require_string(*it, "kind", "provenance.kind").get<std::string>();
  // The evidence kinds of corpus/facts/README.md; `recorded` (the old name) reads as asserted.
  if (p.kind != "asserted" && p.kind != "documented" && p.kind != "derived" &&
      p.kind != "inferred" && p.kind != "recorded") {
    throw InvalidField{"provenance.kind", "'" + p.kind +
                                              "' is not one of asserted, documented, derived, "
                                              "inferred (or the old recorded)"};
  }
  p.source = require_string(*it, "source", "provenance.source").get<std::string>();
  if (p.source.empty()) throw InvalidField{"provenance.source", "must not be empty"};
  for (const auto& [key, value] : it->items()) {
    if (key != "kind" && key != "source" && key != "note" && !key.starts_with('_')) {
      throw InvalidField{"provenance." + key, "unknown field"};
    }
  }
  return p;
}

CaseError make_error(const CaseOrigin& origin, std::string id, std::optional<std::size_t> step,
                     std::string field, std::string message) {
  CaseError e;
  e.file = origin.file;
  e.line = origin.line;
  e.index = origin.index;
  e.case_id = std::move(id);
  e.step = step;
  e.field = std::move(field);
  e.message = std::move(message);
  return e;
}

// Collects cases and errors, checking that ids are unique across one load.
class Loader {
 public:
  void add_case(const Json& json, const CaseOrigin& origin) {
    ParsedCase parsed = parse_case(json, origin);
    if (parsed.error) return add_error(std::move(*parsed.error));
    Case& c = *parsed.value;
    const auto [it, fresh] = first_seen_.emplace(c.id, c.origin.where());
    if (!fresh) {
      return add_error(make_error(origin, c.id, std::nullopt, "id",
                                  "duplicate id (first defined at " + it->second + ")"));
    }
    c.order = next_order_++;
    result_.cases.push_back(std::move(c));
  }

  void add_error(CaseError error) {
    error.order = next_order_++;
    result_.errors.push_back(std::move(error));
  }

  void add_text(const std::string& text, const std::string& file) {
    if (file.ends_with(".jsonl")) return add_lines(text, file);
    Json json;
    if (const auto failure = parse_json(text, &json)) {
      return add_error(syntax_error(text, file, *failure));
    }
    if (json.is_array()) {
      for (std::size_t i = 0; i < json.size(); ++i) {
        add_case(json[i], CaseOrigin{file, 0, i});
      }
    } else {
      add_case(json, CaseOrigin{file, 0, std::nullopt});
    }
  }

  void add_file(const std::filesystem::path& path) {
    const std::string file = path.generic_string();
    if (!file.ends_with(".json") && !file.ends_with(".jsonl")) {
      return add_error(make_error(CaseOrigin{file, 0, {}}, "", std::nullopt, "",
                                  "not a case file (.json or .jsonl)"));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return add_error(make_error(CaseOrigin{file, 0, {}}, "", std::nullopt, "", "cannot read"));
    }
    std::ostringstream text;
    text << in.rdbuf();
    add_text(text.str(), file);
  }

  void add_path(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> files;
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if ((ext == ".json" || ext == ".jsonl") && it->is_regular_file(ec)) {
          files.push_back(it->path());
        }
      }
      if (ec) {
        add_error(make_error(CaseOrigin{path.generic_string(), 0, {}}, "", std::nullopt, "",
                             "cannot list folder: " + ec.message()));
      }
      std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return a.generic_string() < b.generic_string();
      });
      for (const auto& f : files) add_file(f);
    } else if (std::filesystem::exists(path, ec)) {
      add_file(path);
    } else {
      add_error(make_error(CaseOrigin{path.generic_string(), 0, {}}, "", std::nullopt, "",
                           "no such file or folder"));
    }
  }

  LoadResult take() { return std::move(result_); }

 private:
  void add_lines(const std::string& text, const std::string& file) {
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      ++line;
      const std::string_view content(text.data() + start, end - start);
      start = end + 1;
      if (content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      const CaseOrigin origin{file, line, std::nullopt};
      Json json;
      if (const auto failure = parse_json(content, &json)) {
        add_error(make_error(origin, "", std::nullopt, "",
                             failure->byte > 0 ? fmt::format("invalid JSON at column {}: {}",
                                                             failure->byte, failure->detail)
                                               : "invalid JSON: " + failure->detail));
        continue;
      }
      if (!json.is_object()) {
        add_error(
            make_error(origin, "", std::nullopt, "", "a .jsonl line must hold one case object"));
        continue;
      }
      add_case(json, origin);
    }
  }

  static CaseError syntax_error(const std::string& text, const std::string& file,
                                const JsonFailure& failure) {
    // failure.byte counts the bytes read, the failing one included; 0: no line is known.
    const auto read = std::min<std::size_t>(failure.byte > 0 ? failure.byte - 1 : 0, text.size());
    const auto line =
        failure.byte == 0
            ? std::size_t{0}
            : 1 + static_cast<std::size_t>(std::count(
                      text.begin(), text.begin() + static_cast<std::ptrdiff_t>(read), '\n'));
    return make_error(CaseOrigin{file, line, {}}, "", std::nullopt, "",
                      "invalid JSON (the whole file is skipped): " + failure.detail);
  }

  LoadResult result_;
  std::map<std::string, std::string> first_seen_;
  std::size_t next_order_ = 0;
};

}  // namespace

std::string CaseOrigin::where() const {
  if (line > 0) return fmt::format("{}:{}", file, line);
  if (index) return fmt::format("{}[{}]", file, *index);
  return file;
}

std::string Case::group() const { return id.substr(0, id.find('/')); }

bool Case::exploration() const {
  return std::all_of(steps.begin(), steps.end(), [](const Step& s) { return s.expect.empty(); });
}

std::string CaseError::text() const {
  std::string out = CaseOrigin{file, line, index}.where();
  out += ": ";
  if (!case_id.empty()) out += "case '" + case_id + "': ";
  if (step) out += fmt::format("step {}: ", *step);
  if (!field.empty()) out += "field '" + field + "': ";
  out += message;
  return out;
}

ParsedCase parse_case(const Json& json, const CaseOrigin& origin) {
  ParsedCase result;
  std::string id;
  std::optional<std::size_t> step_index;
  try {
    if (!json.is_object()) throw InvalidField{"", "a case must be a JSON object"};
    id = require_string(json, "id", "id").get<std::string>();
    if (const auto problem = id_problem(id)) throw InvalidField{"id", *problem};
    Case c;
    c.id = id;
    c.title = require_string(json, "title", "title").get<std::string>();
    c.provenance = parse_provenance(json);
    if (const auto it = json.find("raw_names"); it != json.end()) {
      if (!it->is_boolean()) throw InvalidField{"raw_names", "must be true or false"};
      c.raw_names = it->get<bool>();
    }
    for (const auto& [key, value] : json.items()) {
      if (key != "id" && key != "title" && key != "provenance" && key != "steps" &&
          key != "raw_names") {
        check_extension(key, value);
      }
    }
    const auto steps = json.find("steps");
    if (steps == json.end()) throw InvalidField{"steps", "missing (required)"};
    if (!steps->is_array() || steps->empty()) {
      throw InvalidField{"steps", "must be a non-empty array of steps"};
    }
    StepContext context;
    for (std::size_t i = 0; i < steps->size(); ++i) {
      step_index = i;
      c.steps.push_back(parse_step((*steps)[i], context));
    }
    c.json = json;
    c.origin = origin;
    result.value = std::move(c);
  } catch (const InvalidField& e) {
    result.error = make_error(origin, id, step_index, e.field, e.message);
  }
  return result;
}

LoadResult load_cases(const std::filesystem::path& file_or_folder) {
  return load_cases(std::span<const std::filesystem::path>(&file_or_folder, 1));
}

LoadResult load_cases(std::span<const std::filesystem::path> files_or_folders) {
  Loader loader;
  for (const auto& p : files_or_folders) loader.add_path(p);
  return loader.take();
}

LoadResult load_cases_from_text(const std::string& text, const std::string& file) {
  Loader loader;
  loader.add_text(text, file);
  return loader.take();
}

}  // namespace fmconf
