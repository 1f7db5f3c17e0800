// Runs cases on one target per worker and hands results back in input order.
#pragma once

#include "cases/target.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace fmconf::cli {

// Runs `cases` on `targets` (one worker each; targets.size() >= 1). Cases with raw_names run
// alone, after the others (case-format.md: such a case never runs beside another case).
// `on_result(i, result)` is called in index order, from one thread at a time.
void run_in_parallel(const std::vector<const Case*>& cases,
                     std::vector<std::unique_ptr<Target>>& targets, const std::string& name_prefix,
                     const std::function<void(std::size_t, const CaseResult&)>& on_result);

}  // namespace fmconf::cli
