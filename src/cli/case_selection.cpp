#include "cli/case_selection.hpp"

#include <algorithm>
#include <filesystem>

namespace fmconf::cli {

void add_case_selection_options(CLI::App& app, CaseSelectionOptions& options) {
  app.add_option("cases", options.paths,
                 "Case files (.json, .jsonl) or folders searched recursively, in sorted order")
      ->required();
  app.add_option("--filter", options.filters,
                 "Only cases whose id matches this glob (* and ?); may be repeated");
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Selection select_cases(const CaseSelectionOptions& options) {
  std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
  LoadResult loaded = load_cases(paths);
  const auto wanted = [&](const std::string& id) {
    return options.filters.empty() ||
           std::any_of(options.filters.begin(), options.filters.end(),
                       [&](const std::string& f) { return glob_match(f, id); });
  };
  std::vector<std::pair<std::size_t, std::variant<Case, CaseError>>> ordered;
  for (auto& c : loaded.cases) {
    if (wanted(c.id)) ordered.emplace_back(c.order, std::move(c));
  }
  for (auto& e : loaded.errors) {
    if (e.case_id.empty() || wanted(e.case_id)) ordered.emplace_back(e.order, std::move(e));
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Selection selection;
  for (auto& [order, item] : ordered) {
    (std::holds_alternative<Case>(item) ? selection.case_count : selection.error_count) += 1;
    selection.items.push_back(std::move(item));
  }
  return selection;
}

}  // namespace fmconf::cli
