#include "property/protect_scenario.hpp"

#include "api/minimal_pe.hpp"
#include "api/vocabulary.hpp"

#include <array>

namespace fmconf::property {

namespace {

constexpr std::uint32_t kShareAll = share::kRead | share::kWrite | share::kDelete;

// The file accesses of table 1A (spec:A5-A20, spec:H3).
constexpr std::array<std::uint32_t, 5> kAccesses = {
    access::kGenericRead | access::kGenericWrite | access::kGenericExecute,
    access::kGenericRead | access::kGenericWrite, access::kGenericRead,
    access::kGenericRead | access::kGenericExecute, 0};

constexpr std::array<SizeClass, 5> kSizes = {SizeClass::zero, SizeClass::inside_file,
                                             SizeClass::beyond_file, SizeClass::high_dword,
                                             SizeClass::huge};

// dwMaximumSizeHigh:Low of a size class (spec:§5, spec:S4).
std::pair<std::uint32_t, std::uint32_t> size_args(SizeClass size) {
  switch (size) {
    case SizeClass::zero:
      return {0, 0};
    case SizeClass::inside_file:
      return {0, 0x1000};
    case SizeClass::beyond_file:
      return {0, 0x3000};
    case SizeClass::high_dword:
      return {1, 0};
    case SizeClass::huge:
      return {0x8000000, 0x10000};
  }
  return {0, 0};
}

const char* size_label(SizeClass size) {
  switch (size) {
    case SizeClass::zero:
      return "0:0";
    case SizeClass::inside_file:
      return "0:0x1000";
    case SizeClass::beyond_file:
      return "0:0x3000";
    case SizeClass::high_dword:
      return "1:0";
    case SizeClass::huge:
      return "0x8000000:0x10000";
  }
  return "?";
}

}  // namespace

std::string Scenario::label() const {
  std::string text;
  switch (backing) {
    case Backing::pagefile:
      text = "pagefile";
      break;
    case Backing::data_file:
      text = "data file";
      break;
    case Backing::image_file:
      text = "PE file";
      break;
  }
  if (backing != Backing::pagefile) {
    text += " " + format_flags(file_access, Family::file_access);
  }
  return text + " size " + size_label(size);
}

const std::vector<Scenario>& sweep_scenarios() {
  static const std::vector<Scenario> all = [] {
    std::vector<Scenario> out;
    for (const SizeClass size : kSizes) out.push_back({Backing::pagefile, 0, size});
    for (const Backing backing : {Backing::data_file, Backing::image_file}) {
      for (const std::uint32_t access : kAccesses) {
        for (const SizeClass size : kSizes) out.push_back({backing, access, size});
      }
    }
    return out;
  }();
  return all;
}

std::string ProtectOutcome::text() const {
  if (!ok) return "fails " + error_name(error);
  std::string out = "ok " + error_name(error) + ", " +
                    format_flags(attributes, Family::section_attributes) + ", size " +
                    std::to_string(section_size);
  if (file_size_after) out += ", file " + std::to_string(file_size_after);
  out += ", views";
  const char* names[] = {" R", " W", " C", " XR"};
  for (int i = 0; i < 4; ++i) {
    if (views & (1u << i)) out += names[i];
  }
  return out;
}

ScenarioRunner::ScenarioRunner(Api& api) : api_(api) {
  api_.begin_case();
  data_rw_ = api_.CreateFileW(u"data.bin", access::kGenericRead | access::kGenericWrite, kShareAll,
                              disposition::kCreateAlways, file_flags::kAttributeNormal);
  api_.WriteFile(data_rw_, 0, Bytes(kFileSize, 0x5a));
  image_rw_ = api_.CreateFileW(u"image.dll", access::kGenericRead | access::kGenericWrite,
                               kShareAll, disposition::kCreateAlways, file_flags::kAttributeNormal);
  api_.WriteFile(image_rw_, 0, minimal_pe());
}

ScenarioRunner::~ScenarioRunner() { api_.end_case(); }

Handle ScenarioRunner::file_for(const Scenario& scenario) {
  if (scenario.backing == Backing::pagefile) return kInvalidHandleValue;
  const auto key = std::make_pair(scenario.backing, scenario.file_access);
  for (const auto& [k, handle] : opened_) {
    if (k == key) return handle;
  }
  const std::u16string path = scenario.backing == Backing::data_file ? u"data.bin" : u"image.dll";
  const Handle handle = api_.CreateFileW(path, scenario.file_access, kShareAll,
                                         disposition::kOpenExisting, file_flags::kAttributeNormal);
  opened_.push_back({key, handle});
  return handle;
}

ProtectOutcome ScenarioRunner::evaluate(const Scenario& scenario, std::uint32_t flprotect) {
  const Handle file = file_for(scenario);
  const auto [high, low] = size_args(scenario.size);
  ProtectOutcome outcome;
  api_.SetLastError(kLastErrorSentinel);
  const Handle mapping = api_.CreateFileMappingW(file, false, flprotect, high, low, std::nullopt);
  outcome.error = api_.GetLastError();
  outcome.ok = mapping != kNullHandle;
  if (outcome.ok) {
    SectionInfo info;
    if (api_.QuerySection(mapping, &info)) {
      outcome.attributes = info.attributes;
      outcome.section_size = info.size;
    }
    for (std::uint32_t i = 0; i < 4; ++i) {
      const Address view = api_.MapViewOfFile(mapping, kViewProbes[i], 0, 0, 0);
      if (view) {
        outcome.views |= 1u << i;
        api_.UnmapViewOfFile(view);
      }
    }
    api_.CloseHandle(mapping);
  }
  if (scenario.backing != Backing::pagefile) {
    const Handle rw = scenario.backing == Backing::data_file ? data_rw_ : image_rw_;
    std::uint64_t size = 0;
    api_.GetFileSizeEx(rw, &size);
    outcome.file_size_after = size;
    const std::uint64_t original =
        scenario.backing == Backing::data_file ? kFileSize : minimal_pe().size();
    if (size != original) api_.SetFileSize(rw, original);
  }
  return outcome;
}

}  // namespace fmconf::property
