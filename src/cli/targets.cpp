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
    return remote::make_wine_target(options.executor, options.timeout);
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

}  // namespace fmconf::cli
