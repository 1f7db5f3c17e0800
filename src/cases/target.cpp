#include "cases/target.hpp"

namespace fmconf {

LocalTarget::LocalTarget(Api& api) : api_(api) {}

LocalTarget::LocalTarget(std::unique_ptr<Api> api) : owned_(std::move(api)), api_(*owned_) {}

Environment LocalTarget::environment() { return api_.environment(); }

CaseResult LocalTarget::run(const Case& c, const RunOptions& options) {
  return run_case(c, api_, options);
}

}  // namespace fmconf
