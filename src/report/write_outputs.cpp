#include "report/write_outputs.hpp"

#include "report/html_page.hpp"
#include "report/junit_xml.hpp"
#include "report/markdown_summary.hpp"
#include "report/wine_divergences.hpp"

#include <cctype>
#include <fstream>
#include <stdexcept>

namespace fmconf::report {

std::string results_file_name(const std::string& column_label) {
  std::string name;
  for (char c : column_label) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '_' || c == '-') {
      name += static_cast<char>(std::tolower(u));
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  return "results-" + (name.empty() ? std::string("unnamed") : name) + ".json";
}

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
  out << text;
  if (!out) throw std::runtime_error(path.string() + ": write failed");
}

}  // namespace

std::vector<std::filesystem::path> write_outputs(const ReportSet& set,
                                                 const std::filesystem::path& out_dir) {
  std::filesystem::create_directories(out_dir);
  std::vector<std::filesystem::path> written;
  for (const auto& column : set.columns) {
    const auto path = out_dir / results_file_name(column.label);
    write_results_file(path, column.run);
    written.push_back(path);
  }
  const std::pair<const char*, std::string> files[] = {
      {"junit.xml", junit_xml(set)},
      {"summary.md", markdown_summary(set)},
      {"wine-divergences.md", wine_divergences_markdown(set)},
      {"index.html", html_page(set)},
  };
  for (const auto& [name, text] : files) {
    write_text(out_dir / name, text);
    written.push_back(out_dir / name);
  }
  return written;
}

}  // namespace fmconf::report
