// Differential single-call properties, model vs Wine: CreateFileMappingW over
// protect × size × file access × backing, and the name rules, each followed by the observables
// that show what the call did (QuerySection, the file size, a view). Skipped, with the reason,
// when Wine or fmconf-executor.exe is not available.
#include "property/differential_support.hpp"
#include "property/gen_file_access.hpp"
#include "property/gen_names.hpp"
#include "property/gen_protect.hpp"
#include "property/gen_sizes.hpp"
#include "property/gen_view_access.hpp"

namespace fmconf::property {
namespace {

constexpr const char* kShareAll = "FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE";

Json program(const std::string& title, Json steps) {
  return Json{{"id", "generated/program"},
              {"title", title},
              {"provenance", {{"kind", "inferred"}, {"source", "generated"}}},
              {"steps", std::move(steps)}};
}

Json hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", v);
  return buf;
}

#define FMCONF_NEED_WINE(api)              \
  std::string why;                         \
  remote::RemoteApi* api = wine_api(&why); \
  if (!api) GTEST_SKIP() << "Wine properties skipped: " << why

TEST(Differential, CreateFileMappingProtectSizeAccessBacking) {
  FMCONF_NEED_WINE(wine);
  check_differential([wine] {
    const bool pagefile = *rc::gen::element(false, true);
    const auto file_size = *rc::gen::element<std::uint64_t>(0x2000, 0, 0x3456);
    const auto access = *file_access_masks();
    const auto protect = *protect_values();
    const auto size = *sizes_near(file_size);
    const auto view_access = *view_access_masks();
    RC_CLASSIFY(pagefile, "pagefile");
    Json steps = Json::array();
    steps.push_back({{"call", "CreateFileW"},
                     {"out", "w"},
                     {"path", "data.bin"},
                     {"access", "GENERIC_READ|GENERIC_WRITE"},
                     {"share", kShareAll},
                     {"disposition", "CREATE_ALWAYS"}});
    steps.push_back({{"call", "SetFileSize"}, {"handle", "w"}, {"size", file_size}});
    steps.push_back({{"call", "CreateFileW"},
                     {"out", "f"},
                     {"path", "data.bin"},
                     {"access", hex(access)},
                     {"share", kShareAll},
                     {"disposition", "OPEN_EXISTING"}});
    steps.push_back({{"call", "CreateFileMappingW"},
                     {"out", "m"},
                     {"file", pagefile ? "INVALID_HANDLE_VALUE" : "f"},
                     {"protect", hex(protect)},
                     {"size_high", size.high},
                     {"size_low", size.low},
                     {"name", nullptr}});
    steps.push_back({{"call", "QuerySection"}, {"handle", "m"}});
    steps.push_back({{"call", "GetFileSize"}, {"handle", "w"}});
    steps.push_back(
        {{"call", "MapViewOfFile"}, {"out", "v"}, {"mapping", "m"}, {"access", hex(view_access)}});
    steps.push_back({{"call", "VirtualQuery"}, {"view", "v"}});
    steps.push_back({{"call", "ReadView"}, {"view", "v"}, {"length", 4}});
    assert_same_on_both(
        program("CreateFileMappingW " + format_flags(protect, Family::protect), std::move(steps)),
        *wine, "spec:A5-A20, B1-B31, C1-C43, S1-S15, D0-D31");
  });
}

TEST(Differential, NamedMappingsAndOtherObjects) {
  FMCONF_NEED_WINE(wine);
  check_differential([wine] {
    const std::string name =
        *rc::gen::apply([](const std::string& p, const std::string& l) { return p + l; },
                        rc::gen::element<std::string>("", "Local\\"), plain_leaves());
    const std::string second = *rc::gen::element(name, case_variant(name), name + "x");
    const auto first_call =
        *rc::gen::element<std::string>("CreateFileMappingW", "CreateEventW", "CreateMutexW");
    const auto second_call = *rc::gen::element<std::string>(
        "CreateFileMappingW", "OpenFileMappingW", "CreateFileMappingA", "OpenFileMappingA");
    const bool close_first = *rc::gen::element(false, true);
    Json steps = Json::array();
    Json first = {{"call", first_call}, {"out", "a"}, {"name", name}};
    if (first_call == "CreateFileMappingW") {
      first.update(
          {{"file", "INVALID_HANDLE_VALUE"}, {"protect", "PAGE_READWRITE"}, {"size_low", 4096}});
    }
    steps.push_back(first);
    if (first_call == "CreateFileMappingW") {
      steps.push_back({{"call", "MapViewOfFile"},
                       {"out", "va"},
                       {"mapping", "a"},
                       {"access", "FILE_MAP_WRITE"}});
      steps.push_back({{"call", "WriteView"}, {"view", "va"}, {"data", "c0ffee"}});
    }
    if (close_first) steps.push_back({{"call", "CloseHandle"}, {"handle", "a"}});
    Json again = {{"call", second_call}, {"out", "b"}, {"name", second}};
    if (second_call.starts_with("Create")) {
      again.update(
          {{"file", "INVALID_HANDLE_VALUE"}, {"protect", "PAGE_READWRITE"}, {"size_low", 8192}});
    } else {
      again["access"] = "FILE_MAP_READ|FILE_MAP_WRITE";
    }
    steps.push_back(again);
    steps.push_back({{"call", "QuerySection"}, {"handle", "b"}});
    steps.push_back(
        {{"call", "MapViewOfFile"}, {"out", "vb"}, {"mapping", "b"}, {"access", "FILE_MAP_READ"}});
    steps.push_back({{"call", "ReadView"}, {"view", "vb"}, {"length", 3}});
    assert_same_on_both(program("names: " + first_call + " then " + second_call, std::move(steps)),
                        *wine, "spec:N1-N26, §3");
  });
}

}  // namespace
}  // namespace fmconf::property
