#include "report/report_set.hpp"

#include "report/apply_expectations.hpp"

#include <algorithm>
#include <set>

namespace fmconf::report {

std::size_t Counts::total() const {
  std::size_t sum = 0;
  for (std::size_t n : by_outcome) sum += n;
  return sum;
}

std::size_t Counts::gating() const {
  return (*this)[Outcome::fail] + (*this)[Outcome::xpass] + (*this)[Outcome::error];
}

std::string group_of(const std::string& case_id) {
  const auto slash = case_id.find('/');
  return slash == std::string::npos ? case_id : case_id.substr(0, slash);
}

namespace {

int column_rank(const std::string& target) {
  if (target == "model") return 0;
  if (target == "windows" || target == "native") return 1;
  if (target == "wine") return 2;
  return 3;
}

}  // namespace

ReportSet build_report_set(std::vector<ResultsFile> runs) {
  std::stable_sort(runs.begin(), runs.end(), [](const ResultsFile& a, const ResultsFile& b) {
    return column_rank(a.run.target) < column_rank(b.run.target);
  });
  ReportSet set;
  std::map<std::string, int> target_uses;
  for (const auto& run : runs) ++target_uses[run.run.target];
  std::set<std::string> ids;
  std::set<std::string> labels;
  for (auto& run : runs) {
    ReportColumn column;
    column.label = run.run.target;
    if (target_uses[run.run.target] > 1 && !run.run.version.empty()) {
      column.label += " " + run.run.version;
    }
    for (int n = 2; labels.contains(column.label); ++n) {
      column.label = run.run.target + " #" + std::to_string(n);
    }
    labels.insert(column.label);
    for (std::size_t i = 0; i < run.results.size(); ++i) {
      const std::string id = run.results[i].value("id", "");
      column.index.emplace(id, i);
      ids.insert(id);
    }
    column.run = std::move(run);
    set.columns.push_back(std::move(column));
  }
  std::set<std::string> groups;
  for (const auto& id : ids) groups.insert(group_of(id));
  set.groups.assign(groups.begin(), groups.end());
  set.case_ids.assign(ids.begin(), ids.end());
  std::stable_sort(
      set.case_ids.begin(), set.case_ids.end(),
      [](const std::string& a, const std::string& b) { return group_of(a) < group_of(b); });
  return set;
}

const Json* ReportSet::result(std::size_t column, const std::string& case_id) const {
  const auto& c = columns.at(column);
  const auto it = c.index.find(case_id);
  return it == c.index.end() ? nullptr : &c.run.results[it->second];
}

Counts ReportSet::counts(std::size_t column, const std::string& group) const {
  Counts counts;
  for (const auto& result : columns.at(column).run.results) {
    if (!group.empty() && group_of(result.value("id", "")) != group) continue;
    ++counts[outcome_of(result)];
  }
  return counts;
}

const Json* ReportSet::case_info(const std::string& case_id) const {
  const Json* first = nullptr;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const Json* r = result(c, case_id);
    if (r == nullptr) continue;
    if (r->contains("case") && (*r)["case"].is_object()) return r;
    if (first == nullptr) first = r;
  }
  return first;
}

}  // namespace fmconf::report
