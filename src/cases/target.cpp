#include "cases/target.hpp"

namespace fmconf {

void Target::run_stream(const NextItem& next, const OnResult& on_result) {
  for (std::size_t k = 0;; ++k) {
    const std::optional<BatchItem> item = next();
    if (!item) return;
    on_result(k, run(*item->c, item->options));
  }
}

void Target::run_batch(std::span<const BatchItem> items, const OnResult& on_result) {
  std::size_t given = 0;
  run_stream(
      [&]() -> std::optional<BatchItem> {
        if (given == items.size()) return std::nullopt;
        return items[given++];
      },
      on_result);
}

LocalTarget::LocalTarget(Api& api) : api_(api) {}

LocalTarget::LocalTarget(std::unique_ptr<Api> api) : owned_(std::move(api)), api_(*owned_) {}

Environment LocalTarget::environment() { return api_.environment(); }

CaseResult LocalTarget::run(const Case& c, const RunOptions& options) {
  return run_case(c, api_, options);
}

}  // namespace fmconf
