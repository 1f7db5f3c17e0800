// How the guard works: a vectored exception handler (installed once per process) looks at the
// faulting thread's recovery point. A guarded access captures its context with RtlCaptureContext
// before touching memory; on a memory fault the handler resumes the thread at that captured
// context with `faulted` set, so RtlCaptureContext "returns a second time" and the access reports
// the fault. Progress lives in thread-local volatile memory, never in registers, so what the
// compiler assumes after the call still holds on the second return. No C++ object with a
// destructor lives between the capture and the fault.
#include "native/guarded_access.hpp"

#include <windows.h>

namespace fmconf::native {
namespace {

struct Recovery {
  CONTEXT* context = nullptr;  // where to resume on a fault; null when no access is guarded
  volatile LONG faulted = 0;
  volatile std::uint32_t done = 0;  // bytes accessed successfully
};

thread_local Recovery t_recovery;

bool is_memory_fault(DWORD code) {
  return code == EXCEPTION_ACCESS_VIOLATION || code == EXCEPTION_GUARD_PAGE ||
         code == EXCEPTION_IN_PAGE_ERROR;
}

LONG CALLBACK on_exception(EXCEPTION_POINTERS* info) {
  Recovery& recovery = t_recovery;
  if (recovery.context == nullptr || !is_memory_fault(info->ExceptionRecord->ExceptionCode)) {
    return EXCEPTION_CONTINUE_SEARCH;
  }
  recovery.faulted = 1;
  CONTEXT* resume = recovery.context;
  recovery.context = nullptr;
  *info->ContextRecord = *resume;
  return EXCEPTION_CONTINUE_EXECUTION;
}

void install_handler_once() {
  static const PVOID handler = AddVectoredExceptionHandler(1, on_exception);
  (void)handler;
}

// The raw accesses: no inlining, so the faulting instruction is inside a frame below the one
// that captured the context.
__declspec(noinline) void copy_in(const volatile std::uint8_t* from, std::uint8_t* to,
                                  std::uint32_t length) {
  for (std::uint32_t i = 0; i < length; ++i) {
    to[i] = from[i];
    t_recovery.done = i + 1;
  }
}

__declspec(noinline) void copy_out(const std::uint8_t* from, volatile std::uint8_t* to,
                                   std::uint32_t length) {
  for (std::uint32_t i = 0; i < length; ++i) {
    to[i] = from[i];
    t_recovery.done = i + 1;
  }
}

enum class Direction { read, write };

// Returns true if the access faulted; t_recovery.done says how far it got.
__declspec(noinline) bool run_guarded(Direction direction, Address address, std::uint8_t* buffer,
                                      std::uint32_t length) {
  install_handler_once();
  CONTEXT context{};
  t_recovery.faulted = 0;
  t_recovery.done = 0;
  RtlCaptureContext(&context);
  if (t_recovery.faulted != 0) {
    return true;  // second return, from the exception handler
  }
  t_recovery.context = &context;
  if (direction == Direction::read) {
    copy_in(reinterpret_cast<const volatile std::uint8_t*>(address), buffer, length);
  } else {
    copy_out(buffer, reinterpret_cast<volatile std::uint8_t*>(address), length);
  }
  t_recovery.context = nullptr;
  return false;
}

}  // namespace

ViewAccess guarded_read(Address address, std::uint32_t length) {
  ViewAccess access;
  access.data.resize(length);
  access.fault = run_guarded(Direction::read, address, access.data.data(), length);
  access.data.resize(t_recovery.done);
  return access;
}

ViewAccess guarded_write(Address address, const Bytes& data) {
  ViewAccess access;
  Bytes copy = data;
  access.fault =
      run_guarded(Direction::write, address, copy.data(), static_cast<std::uint32_t>(copy.size()));
  return access;
}

}  // namespace fmconf::native
