// fmconf-executor.exe: serves the executor protocol (src/remote/PROTOCOL.md) on stdin/stdout
// over NativeApi, one JSON line per request and per response (`run_cases`: one per case). Runs
// on Windows or under Wine. While a batch runs, a second thread reads and prepares the next
// requests (class Requests), so reading the next batch overlaps the current one.
// The pipes are read and written with ReadFile/WriteFile directly, not through the C runtime's
// stdio buffers: a request is read in large chunks, and a response goes out in one WriteFile as
// soon as it is ready.
#include "native/native_api.hpp"
#include "remote/executor_service.hpp"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
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

// Lines from a pipe handle, read in large chunks.
class LineReader {
 public:
  explicit LineReader(HANDLE input) : input_(input) {}

  // The next line without its "\n" (nor a "\r" before it); false at end of input.
  bool next(std::string* line) {
    for (;;) {
      const std::size_t newline = buffer_.find('\n', scanned_);
      if (newline != std::string::npos) {
        std::size_t end = newline;
        if (end > start_ && buffer_[end - 1] == '\r') --end;
        line->assign(buffer_, start_, end - start_);
        start_ = scanned_ = newline + 1;
        return true;
      }
      scanned_ = buffer_.size();
      if (start_ > 0) {  // keep only the unfinished line
        buffer_.erase(0, start_);
        scanned_ -= start_;
        start_ = 0;
      }
      if (eof_) {
        if (buffer_.empty()) return false;
        line->swap(buffer_);  // a last line without a newline
        buffer_.clear();
        scanned_ = 0;
        return true;
      }
      DWORD got = 0;
      if (!ReadFile(input_, chunk_.data(), static_cast<DWORD>(chunk_.size()), &got, nullptr) ||
          got == 0) {
        eof_ = true;  // broken pipe or end of file
      }
      buffer_.append(chunk_.data(), got);
    }
  }

 private:
  HANDLE input_;
  // 64 KiB: with a 1 MiB buffer every ReadFile under Wine 8, however little it returned, cost
  // about 15 us more (a `call` round trip went from ~95 to ~110 us in fmconf_bench).
  std::vector<char> chunk_ = std::vector<char>(std::size_t{64} << 10);
  std::string buffer_;
  std::size_t start_ = 0;    // where the next line begins
  std::size_t scanned_ = 0;  // no newline in [start_, scanned_)
  bool eof_ = false;
};

// Where the requests come from, in order. Normally the main thread reads and prepares each one
// itself. While it runs a batch (`run_cases`), a helper thread reads and prepares the requests
// that follow (a client posts its next batch before the current one ends), so that work is done
// by the time the batch is: the helper reads only during batches, because handing a request
// from one thread to the other costs more than preparing a single small one (a RemoteApi `call`).
// Win32 slim locks and condition variables: under Wine they wait on futexes (winpthreads' on
// events, a wineserver round trip each).
class Requests {
 public:
  using Service = fmconf::remote::ExecutorService;

  explicit Requests(HANDLE input) : lines_(input) {}
  Requests(const Requests&) = delete;
  Requests& operator=(const Requests&) = delete;

  // The next request; nullptr at the end of input.
  Service::Prepared next() {
    AcquireSRWLockExclusive(&lock_);
    for (;;) {
      if (!queue_.empty()) {
        Service::Prepared request = std::move(queue_.front());
        queue_.pop_front();
        ReleaseSRWLockExclusive(&lock_);
        WakeAllConditionVariable(&changed_);
        return request;
      }
      if (!helper_reading_) break;
      SleepConditionVariableSRW(&changed_, &lock_, INFINITE, 0);
    }
    const bool at_end = at_end_;
    ReleaseSRWLockExclusive(&lock_);
    return at_end ? nullptr : read_one();  // nobody else reads now
  }

  // A batch runs from now on: read ahead.
  void begin_batch() {
    AcquireSRWLockExclusive(&lock_);
    stop_ = false;
    if (!at_end_ && !helper_reading_) {
      helper_reading_ = true;
      if (!helper_started_) {
        helper_started_ = true;
        std::thread([this] { help(); }).detach();  // may be in ReadFile when main returns
      }
    }
    ReleaseSRWLockExclusive(&lock_);
    WakeAllConditionVariable(&changed_);
  }
  // The batch is over: the helper finishes the request it is reading, then stops.
  void end_batch() {
    AcquireSRWLockExclusive(&lock_);
    stop_ = true;
    ReleaseSRWLockExclusive(&lock_);
    WakeAllConditionVariable(&changed_);
  }

 private:
  static constexpr std::size_t kAhead = 4;  // requests prepared ahead at most

  Service::Prepared read_one() {  // by whichever thread reads now
    std::string line;
    while (lines_.next(&line)) {
      if (!line.empty()) return Service::prepare(line);
    }
    return nullptr;
  }

  void help() {
    AcquireSRWLockExclusive(&lock_);
    for (;;) {
      if (!helper_reading_ || (queue_.size() >= kAhead && !stop_)) {
        SleepConditionVariableSRW(&changed_, &lock_, INFINITE, 0);
        continue;
      }
      if (stop_) {
        helper_reading_ = false;
        WakeAllConditionVariable(&changed_);
        continue;
      }
      ReleaseSRWLockExclusive(&lock_);
      Service::Prepared request = read_one();
      AcquireSRWLockExclusive(&lock_);
      if (!request) {
        at_end_ = true;
        helper_reading_ = false;
      }
      queue_.push_back(std::move(request));
      WakeAllConditionVariable(&changed_);
    }
  }

  LineReader lines_;  // used by one thread at a time: the main one unless helper_reading_
  SRWLOCK lock_ = SRWLOCK_INIT;
  CONDITION_VARIABLE changed_ = CONDITION_VARIABLE_INIT;
  std::deque<Service::Prepared> queue_;
  bool helper_started_ = false;
  bool helper_reading_ = false;
  bool stop_ = false;
  bool at_end_ = false;
};

// One response line and its newline in one WriteFile (written through: nothing is buffered).
void write_line(HANDLE output, std::string* pending, std::string_view line) {
  pending->assign(line);
  pending->push_back('\n');
  std::size_t done = 0;
  while (done < pending->size()) {
    DWORD wrote = 0;
    if (!WriteFile(output, pending->data() + done, static_cast<DWORD>(pending->size() - done),
                   &wrote, nullptr) ||
        wrote == 0) {
      return;  // the client is gone; the next read sees the end of input
    }
    done += wrote;
  }
}

}  // namespace

int main() {
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  SetUnhandledExceptionFilter(terminate_on_crash);
  const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
  const HANDLE output = GetStdHandle(STD_OUTPUT_HANDLE);

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
  using Service = fmconf::remote::ExecutorService;
  Requests requests(input);
  std::string pending;
  const auto send = [&](std::string_view out) { write_line(output, &pending, out); };
  while (Service::Prepared request = requests.next()) {
    const bool batch = Service::is_batch(*request);
    if (batch) requests.begin_batch();
    const Action action = service.execute(*request, send);
    if (batch) requests.end_batch();
    switch (action) {
      case Action::none:
        break;
      case Action::hang:
        for (;;) Sleep(INFINITE);
      case Action::crash_abort:
      case Action::crash_access_violation:
        crash(action);
        return 3;
      case Action::quit:
        api.end_case();
        return 0;
    }
  }
  api.end_case();
  return 0;
}
