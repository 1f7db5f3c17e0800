// Backend construction for the CLI: `--backend model|wine|native`.
#pragma once

#include "cases/target.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace fmconf::cli {

// Settings a backend may need (the wine backend adds what it needs here).
struct TargetOptions {
  std::string executor;                       // path of fmconf-executor.exe ("" = default)
  std::chrono::milliseconds timeout{30'000};  // per case, for remote targets
};

// The backends `--backend` accepts, whether or not this build has them.
const std::vector<std::string>& backend_names();

// A fresh target (one per worker with --jobs). Throws std::runtime_error when the backend is
// unknown or not built, with a message saying so.
std::unique_ptr<Target> make_target(const std::string& backend, const TargetOptions& options);

}  // namespace fmconf::cli
