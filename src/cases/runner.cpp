#include "cases/runner.hpp"

#include "cases/text_encoding.hpp"
#include "cases/unique_name.hpp"

#include <exception>
#include <map>

#include <fmt/format.h>

namespace fmconf {
namespace {

// The state of one running case: symbolic handles and views bound to real values.
class CaseRun {
 public:
  CaseRun(const Case& c, Api& api, const RunOptions& options)
      : case_(c), api_(api), options_(options) {}

  StepResult run(const Step& s) {
    StepResult r;
    r.call = std::string(call_name(s.call));
    r.expect = s.expect_json;
    switch (s.call) {
      case Call::CreateFileW: {
        const auto path = utf8_to_utf16(s.path);
        before();
        bind(s,
             check_handle(s, api_.CreateFileW(path, s.access, s.share, s.disposition, s.flags), r));
        break;
      }
      case Call::CreateFileA: {
        const auto path = utf8_to_windows1252(s.path);
        before();
        bind(s,
             check_handle(s, api_.CreateFileA(path, s.access, s.share, s.disposition, s.flags), r));
        break;
      }
      case Call::CreateFileMappingW: {
        const Handle file = handle(s.file);
        const auto name = wide_name(s.name);
        before();
        bind(s, check_handle(s,
                             api_.CreateFileMappingW(file, s.inherit, s.protect, s.size_high,
                                                     s.size_low, name),
                             r));
        break;
      }
      case Call::CreateFileMappingA: {
        const Handle file = handle(s.file);
        const auto name = ansi_name(s.name);
        before();
        bind(s, check_handle(s,
                             api_.CreateFileMappingA(file, s.inherit, s.protect, s.size_high,
                                                     s.size_low, name),
                             r));
        break;
      }
      case Call::OpenFileMappingW: {
        const auto name = *wide_name(s.name);
        before();
        bind(s, check_handle(s, api_.OpenFileMappingW(s.access, s.inherit, name), r));
        break;
      }
      case Call::OpenFileMappingA: {
        const auto name = *ansi_name(s.name);
        before();
        bind(s, check_handle(s, api_.OpenFileMappingA(s.access, s.inherit, name), r));
        break;
      }
      case Call::MapViewOfFile: {
        const Handle mapping = handle(s.mapping);
        before();
        const Address a =
            api_.MapViewOfFile(mapping, s.access, s.offset_high, s.offset_low, s.bytes);
        r.ok = a != 0;
        bind_view(s, a);
        break;
      }
      case Call::MapViewOfFileEx: {
        const Handle mapping = handle(s.mapping);
        const Address base = s.base ? address(*s.base) : 0;
        before();
        const Address a =
            api_.MapViewOfFileEx(mapping, s.access, s.offset_high, s.offset_low, s.bytes, base);
        r.ok = a != 0;
        bind_view(s, a);
        break;
      }
      case Call::UnmapViewOfFile: {
        const Address a = address(s.address);
        before();
        r.ok = api_.UnmapViewOfFile(a);
        break;
      }
      case Call::CloseHandle: {
        const Handle h = handle(s.handle);
        before();
        r.ok = api_.CloseHandle(h);  // the name keeps the now stale value
        break;
      }
      case Call::DuplicateHandle: {
        const Handle h = handle(s.handle);
        Handle target = kNullHandle;
        before();
        r.ok = api_.DuplicateHandle(h, s.access, s.same_access, &target);
        bind(s, target);
        break;
      }
      case Call::CreateEventW: {
        const auto name = wide_name(s.name);
        before();
        bind(s, check_handle(s, api_.CreateEventW(s.manual_reset, s.initial, name), r));
        break;
      }
      case Call::CreateMutexW: {
        const auto name = wide_name(s.name);
        before();
        bind(s, check_handle(s, api_.CreateMutexW(s.initial, name), r));
        break;
      }
      case Call::CreateSemaphoreW: {
        const auto name = wide_name(s.name);
        before();
        bind(s, check_handle(s, api_.CreateSemaphoreW(s.initial_count, s.maximum_count, name), r));
        break;
      }
      case Call::OpenEventW:
      case Call::OpenMutexW:
      case Call::OpenSemaphoreW: {
        const auto name = *wide_name(s.name);
        before();
        const Handle h = s.call == Call::OpenEventW ? api_.OpenEventW(s.access, s.inherit, name)
                         : s.call == Call::OpenMutexW
                             ? api_.OpenMutexW(s.access, s.inherit, name)
                             : api_.OpenSemaphoreW(s.access, s.inherit, name);
        bind(s, check_handle(s, h, r));
        break;
      }
      case Call::GetFileSize: {
        const Handle h = handle(s.handle);
        std::uint64_t size = 0;
        before();
        r.ok = api_.GetFileSizeEx(h, &size);
        if (r.ok) r.size = size;
        break;
      }
      case Call::SetFileSize: {
        const Handle h = handle(s.handle);
        before();
        r.ok = api_.SetFileSize(h, s.size);
        break;
      }
      case Call::SetEndOfFile: {
        const Handle h = handle(s.handle);
        before();
        r.ok = api_.SetEndOfFile(h);
        break;
      }
      case Call::ReadFile: {
        const Handle h = handle(s.handle);
        Bytes data;
        before();
        r.ok = api_.ReadFile(h, s.offset, s.length, &data);
        if (r.ok) r.data = std::move(data);
        break;
      }
      case Call::WriteFile: {
        const Handle h = handle(s.handle);
        before();
        r.ok = api_.WriteFile(h, s.offset, s.data);
        break;
      }
      case Call::VirtualQuery: {
        const Address a = address(s.address);
        MemoryInfo info;
        before();
        r.ok = api_.VirtualQuery(a, &info) != 0;
        if (r.ok) {
          r.protect = info.protect;
          r.allocation_protect = info.allocation_protect;
          r.state = info.state;
          r.region_size = info.region_size;
          r.type = info.type;
        }
        break;
      }
      case Call::ReadView: {
        const Address a = address(s.address);
        before();
        ViewAccess v = api_.ReadView(a, s.length);
        r.ok = !v.fault;
        r.fault = v.fault;
        r.data = std::move(v.data);
        break;
      }
      case Call::WriteView: {
        const Address a = address(s.address);
        before();
        r.ok = !api_.WriteView(a, s.data).fault;
        r.fault = !r.ok;
        break;
      }
      case Call::QuerySection: {
        const Handle h = handle(s.handle);
        SectionInfo info;
        before();
        r.ok = api_.QuerySection(h, &info);
        if (r.ok) {
          r.attributes = info.attributes;
          r.section_size = info.size;
        }
        break;
      }
    }
    r.error = api_.GetLastError();
    return r;
  }

 private:
  // The sentinel goes in right before the call, after every conversion. spec: case-format expect
  void before() { api_.SetLastError(kLastErrorSentinel); }

  Handle check_handle(const Step& s, Handle h, StepResult& r) {
    r.ok = ok_convention(s.call) == OkConvention::not_invalid_handle ? h != kInvalidHandleValue
                                                                     : h != kNullHandle;
    return h;
  }
  void bind(const Step& s, Handle h) {
    if (!s.out.empty()) handles_[s.out] = h;
  }
  void bind_view(const Step& s, Address a) {
    if (!s.out.empty()) views_[s.out] = a;
  }
  Handle handle(const HandleRef& ref) const {
    if (ref.value) return *ref.value;
    const auto it = handles_.find(ref.text);
    return it == handles_.end() ? kNullHandle : it->second;
  }
  Address address(const AddressRef& ref) const {
    if (ref.view.empty()) return ref.fixed;
    const auto it = views_.find(ref.view);
    return (it == views_.end() ? 0 : it->second) + ref.offset;
  }
  std::optional<std::string> name(const std::optional<std::string>& n) const {
    if (!n) return std::nullopt;
    return case_.raw_names ? *n : unique_name(*n, options_.name_prefix);
  }
  OptionalName wide_name(const std::optional<std::string>& n) const {
    const auto u = name(n);
    return u ? OptionalName(utf8_to_utf16(*u)) : std::nullopt;
  }
  OptionalNameA ansi_name(const std::optional<std::string>& n) const {
    const auto u = name(n);
    return u ? OptionalNameA(utf8_to_windows1252(*u)) : std::nullopt;
  }

  const Case& case_;
  Api& api_;
  const RunOptions& options_;
  std::map<std::string, Handle, std::less<>> handles_;
  std::map<std::string, Address, std::less<>> views_;
};

std::string exception_text(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace

void compare_step(const Step& step, std::size_t index, const StepResult& observed,
                  std::vector<Diff>& diffs) {
  for (const Expected& e : step.expect) {
    bool match = false;
    if (e.field == Observable::data) {
      for (const auto& b : e.bytes) match = match || (observed.data && *observed.data == b);
    } else if (const auto value = observed_number(observed, e.field)) {
      for (const auto n : e.numbers) match = match || n == *value;
    }
    if (!match) {
      diffs.push_back(Diff{index, std::string(observable_name(e.field)), e.written,
                           observed_value(observed, e.field)});
    }
  }
}

CaseResult run_case(const Case& c, Api& api, const RunOptions& options) {
  CaseResult result = result_for(c);

  std::optional<std::string> failure;
  try {
    api.begin_case();
  } catch (...) {
    failure = "begin_case failed: " + exception_text(std::current_exception());
  }
  if (!failure) {
    CaseRun run(c, api, options);
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
      const Step& step = c.steps[i];
      try {
        result.steps.push_back(run.run(step));
      } catch (...) {
        failure = fmt::format("step {}: {} failed: {}", i, call_name(step.call),
                              exception_text(std::current_exception()));
        break;
      }
      compare_step(step, i, result.steps.back(), result.diffs);
    }
  }
  try {
    api.end_case();
  } catch (...) {
    if (!failure) failure = "end_case failed: " + exception_text(std::current_exception());
  }

  if (failure) {
    result.verdict = Verdict::error;
    result.message = fmt::format("{}: case '{}': {}", c.origin.where(), c.id, *failure);
  } else {
    result.verdict = result.diffs.empty() ? Verdict::pass : Verdict::fail;
  }
  return result;
}

}  // namespace fmconf
