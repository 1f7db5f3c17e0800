// Backend construction for the CLI: `--backend model|wine|native`.
#pragma once

#include "cases/target.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace fmconf::cli {

// Settings a backend may need (the wine backend adds what it needs here).
struct TargetOptions {
  std::string executor;    // path of fmconf-executor.exe ("" = default)
  std::string wine;        // --wine: the `wine` launcher ("" = FMCONF_WINE, else PATH)
  std::string wineserver;  // --wineserver ("" = FMCONF_WINESERVER, else beside the launcher)
  std::chrono::milliseconds timeout{30'000};  // per case, for remote targets
};

// The backends `--backend` accepts, whether or not this build has them.
const std::vector<std::string>& backend_names();

// A fresh target (one per worker with --jobs). Throws std::runtime_error when the backend is
// unknown or not built, with a message saying so.
std::unique_ptr<Target> make_target(const std::string& backend, const TargetOptions& options);

// What a target says about itself beyond its Environment: the Wine launcher that runs it and
// its `wine --version` line (both empty for other targets).
struct TargetDetails {
  std::string launcher;
  std::string launcher_version;
};
TargetDetails target_details(Target& target);

// Declares --executor, --wine and --wineserver on a command that runs the wine backend.
void add_wine_options(CLI::App& app, TargetOptions& options);

}  // namespace fmconf::cli
