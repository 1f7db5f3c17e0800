// fmconf-executor.exe: serves the executor protocol (src/remote/PROTOCOL.md) on stdin/stdout
// over NativeApi, one JSON line per request and per response. Runs on Windows or under Wine.
#include "native/native_api.hpp"
#include "remote/executor_service.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <io.h>
#include <iostream>
#include <string>
#include <windows.h>

namespace {

// An unhandled exception ends the process at once (the client sees EOF and restarts it),
// instead of waiting on a crash dialog or a debugger.
LONG WINAPI terminate_on_crash(EXCEPTION_POINTERS* info) {
  std::fprintf(stderr, "fmconf-executor: unhandled exception 0x%08lx\n",
               static_cast<unsigned long>(info->ExceptionRecord->ExceptionCode));
  std::fflush(stderr);
  TerminateProcess(GetCurrentProcess(), 3);
  return EXCEPTION_EXECUTE_HANDLER;
}

void crash(fmconf::remote::ExecutorService::Action action) {
  if (action == fmconf::remote::ExecutorService::Action::crash_abort) std::abort();
  int* volatile nowhere = nullptr;
  *nowhere = 1;  // an access violation nobody guards
}

}  // namespace

int main() {
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  SetUnhandledExceptionFilter(terminate_on_crash);
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  std::ios::sync_with_stdio(false);

  fmconf::native::NativeApi api;
  // A case that closes "0x4" must not close the executor's own pipes.
  for (const DWORD which : {STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE}) {
    const HANDLE handle = GetStdHandle(which);
    if (handle != nullptr && handle != INVALID_HANDLE_VALUE) {
      api.protect_handle(static_cast<fmconf::Handle>(reinterpret_cast<ULONG_PTR>(handle)));
    }
  }
  fmconf::remote::ExecutorService service(api);

  using Action = fmconf::remote::ExecutorService::Action;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto reply = service.handle(line);
    if (!reply.line.empty()) {
      std::fwrite(reply.line.data(), 1, reply.line.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    }
    switch (reply.action) {
      case Action::none:
        break;
      case Action::hang:
        for (;;) Sleep(INFINITE);
      case Action::crash_abort:
      case Action::crash_access_violation:
        crash(reply.action);
        return 3;
      case Action::quit:
        return 0;
    }
  }
  api.end_case();
  return 0;
}
