// Where cases run: a Target takes whole cases. LocalTarget runs them in-process on an Api (the
// model, or kernel32 on Windows); the wine helper's WineTarget sends them to the executor.
#pragma once

#include "api/api.hpp"
#include "cases/runner.hpp"

#include <memory>

namespace fmconf {

class Target {
 public:
  virtual ~Target() = default;
  virtual Environment environment() = 0;
  // Never throws for a problem of the case or the target: such results have verdict "error".
  virtual CaseResult run(const Case& c, const RunOptions& options) = 0;
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
