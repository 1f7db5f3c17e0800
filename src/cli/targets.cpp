#include "cli/targets.hpp"

#include <stdexcept>

#if defined(FMCONF_HAVE_REFERENCE)
#include "reference/model_api.hpp"
#endif
#if defined(FMCONF_HAVE_WINE)
#include "remote/wine_target.hpp"
#endif
#if defined(FMCONF_HAVE_NATIVE)
#include "native/native_api.hpp"
#endif

namespace fmconf::cli {

const std::vector<std::string>& backend_names() {
  static const std::vector<std::string> names{"model", "wine", "native"};
  return names;
}

std::unique_ptr<Target> make_target(const std::string& backend, const TargetOptions& options) {
  (void)options;
  if (backend == "model") {
#if defined(FMCONF_HAVE_REFERENCE)
    return std::make_unique<LocalTarget>(std::make_unique<ModelApi>());
#else
    throw std::runtime_error("backend 'model' not built (src/reference is missing)");
#endif
  }
  if (backend == "wine") {
#if defined(FMCONF_HAVE_WINE)
    // Whole cases sent to fmconf-executor.exe under Wine (src/remote); one executor a target.
    return remote::make_wine_target(options.executor, options.timeout, 1,
                                    {options.wine, options.wineserver});
#else
    throw std::runtime_error(
        "backend 'wine' not built (Linux builds only; run fmconf.exe --backend native under Wine "
        "instead)");
#endif
  }
  if (backend == "native") {
#if defined(FMCONF_HAVE_NATIVE)
    // In-process kernel32 (src/native): the Windows build of fmconf, on Windows or under Wine.
    return std::make_unique<LocalTarget>(std::make_unique<native::NativeApi>());
#else
    throw std::runtime_error("backend 'native' not built (use the mingw build: fmconf.exe)");
#endif
  }
  throw std::runtime_error("unknown backend '" + backend + "' (model, wine or native)");
}

TargetDetails target_details(Target& target) {
  TargetDetails details;
#if defined(FMCONF_HAVE_WINE)
  if (const auto* wine = dynamic_cast<const remote::WineTarget*>(&target)) {
    details.launcher = wine->wine().wine;
    details.launcher_version = wine->wine().version_line;
  }
#else
  (void)target;
#endif
  return details;
}

void add_wine_options(CLI::App& app, TargetOptions& options) {
  app.add_option("--executor", options.executor,
                 "fmconf-executor.exe for the wine target (default: next to fmconf)");
  app.add_option("--wine", options.wine,
                 "The `wine` launcher of an installed Wine or a Wine build tree (its folder or "
                 "its `wine`); default $FMCONF_WINE, else wine64/wine on PATH. Each Wine "
                 "version gets its own prefix");
  app.add_option("--wineserver", options.wineserver,
                 "Its wineserver (default $FMCONF_WINESERVER, else beside the launcher: the same "
                 "folder or the build tree's server/wineserver)");
}

}  // namespace fmconf::cli
