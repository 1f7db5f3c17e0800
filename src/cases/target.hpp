// Where cases run: a Target takes whole cases. LocalTarget runs them in-process on an Api (the
// model, or kernel32 on Windows); the wine helper's WineTarget sends them to the executor.
#pragma once

#include "api/api.hpp"
#include "cases/runner.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>

namespace fmconf {

// One case of a batch and how to run it.
struct BatchItem {
  const Case* c = nullptr;
  RunOptions options;
};

class Target {
 public:
  using OnResult = std::function<void(std::size_t index, CaseResult&& result)>;
  using NextItem = std::function<std::optional<BatchItem>()>;

  virtual ~Target() = default;
  virtual Environment environment() = 0;
  // Never throws for a problem of the case or the target: such results have verdict "error".
  virtual CaseResult run(const Case& c, const RunOptions& options) = 0;
  // Runs the items `next` hands out (until it returns nullopt) one after the other, as run()
  // would, and hands each result to `on_result` (on the calling thread, in the order the items
  // came; `index` counts them from 0) as soon as it is there. `next` is called on the calling
  // thread, possibly some items ahead of the results: a target with a per-case round trip
  // (WineTarget) sends many cases at once. The default calls run() per item.
  virtual void run_stream(const NextItem& next, const OnResult& on_result);
  // run_stream over a list.
  void run_batch(std::span<const BatchItem> items, const OnResult& on_result);
};

class LocalTarget : public Target {
 public:
  explicit LocalTarget(Api& api);                  // borrows
  explicit LocalTarget(std::unique_ptr<Api> api);  // owns
  Environment environment() override;
  CaseResult run(const Case& c, const RunOptions& options) override;

 private:
  std::unique_ptr<Api> owned_;
  Api& api_;
};

}  // namespace fmconf
