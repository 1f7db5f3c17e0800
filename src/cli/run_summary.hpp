// The human summary of a run (stderr): counts per verdict, the first failures with their diffs,
// the first errors with their messages.
#pragma once

#include "cases/case_result.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace fmconf::cli {

class RunSummary {
 public:
  explicit RunSummary(std::size_t shown = 10) : shown_(shown) {}
  void add(const CaseResult& result);
  void print(std::ostream& out, const std::string& heading, double seconds) const;
  // 0 all pass, 1 some fail, 2 some error (invalid input or the target failed); errors win.
  int exit_code() const;

 private:
  std::size_t shown_;
  std::size_t pass_ = 0, fail_ = 0, error_ = 0, explorations_ = 0;
  std::vector<std::string> failures_;
  std::vector<std::string> errors_;
};

// "step 2 error: expected ERROR_ACCESS_DENIED, observed ERROR_SUCCESS"
std::string describe_diff(const Diff& diff);

}  // namespace fmconf::cli
