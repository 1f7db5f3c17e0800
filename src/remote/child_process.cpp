#include "remote/child_process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace fmconf::remote {
namespace {

constexpr std::size_t kReadChunk = 256 * 1024;
constexpr int kPipeSize = 1024 * 1024;

// Writing to an executor that died must be an error return (EPIPE), not a fatal signal.
void ignore_sigpipe_once() {
  static std::once_flag once;
  std::call_once(once, [] { ::signal(SIGPIPE, SIG_IGN); });
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (const std::string& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

[[noreturn]] void throw_errno(int error, const char* what) {
  throw std::system_error(error, std::generic_category(), what);
}

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
            int child_stdin, int child_stdout, bool keep_stderr) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_stdin, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child_stdout, STDOUT_FILENO);
  if (!keep_stderr) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  auto args = c_strings(argv);
  auto env = c_strings(environment);
  pid_t pid = -1;
  const int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw_errno(error, "posix_spawnp");
  return pid;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& environment, bool keep_stderr) {
  ignore_sigpipe_once();
  int in[2];
  int out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) throw_errno(errno, "pipe2");
  if (::pipe2(out, O_CLOEXEC) != 0) {
    const int error = errno;
    ::close(in[0]);
    ::close(in[1]);
    throw_errno(error, "pipe2");
  }
  try {
    pid_ = spawn(argv, environment, in[0], out[1], keep_stderr);
  } catch (...) {
    for (const int fd : {in[0], in[1], out[0], out[1]}) ::close(fd);
    throw;
  }
  ::close(in[0]);
  ::close(out[1]);
  // Big pipes: a batch request or a burst of results passes without waiting for the reader
  // (best effort; the default 64 KiB still works).
  ::fcntl(in[1], F_SETPIPE_SZ, kPipeSize);
  ::fcntl(out[0], F_SETPIPE_SZ, kPipeSize);
  to_child_ = in[1];
  from_child_ = out[0];
}

ChildProcess::~ChildProcess() { kill(); }

bool ChildProcess::write_line(std::string_view line) {
  if (to_child_ < 0) return false;
  // The line and its newline in one writev: the executor never wakes up for half a request.
  std::size_t done = 0;
  const std::size_t total = line.size() + 1;
  char newline = '\n';
  while (done < total) {
    iovec parts[2];
    int count = 0;
    if (done < line.size()) {
      parts[count++] = {const_cast<char*>(line.data()) + done, line.size() - done};
      parts[count++] = {&newline, 1};
    } else {
      parts[count++] = {&newline, 1};
    }
    const ssize_t n = ::writev(to_child_, parts, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

ChildProcess::ReadStatus ChildProcess::read_line(std::string* line,
                                                 std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto newline = buffer_.find('\n', scanned_); newline != std::string::npos) {
      std::size_t end = newline;
      if (end > start_ && buffer_[end - 1] == '\r') --end;
      line->assign(buffer_, start_, end - start_);
      start_ = scanned_ = newline + 1;
      return ReadStatus::line;
    }
    // No whole line buffered: keep only the unfinished one, then read more.
    scanned_ = buffer_.size();
    if (start_ > 0) {
      buffer_.erase(0, start_);
      scanned_ -= start_;
      start_ = 0;
    }
    if (from_child_ < 0) return ReadStatus::eof;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return ReadStatus::timeout;
    if (coalesce_.count() > 0 && last_read_.time_since_epoch().count() != 0) {
      // Let the lines of a stream gather: the writer goes on without waking this reader for
      // each one, and one read then takes many.
      const auto resume = std::min(last_read_ + coalesce_, deadline);
      if (resume > std::chrono::steady_clock::now()) std::this_thread::sleep_until(resume);
    }
    pollfd fd{from_child_, POLLIN, 0};
    const auto poll_left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    const int ready =
        ::poll(&fd, 1, static_cast<int>(std::max<std::int64_t>(poll_left.count(), 0)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return ReadStatus::timeout;
    if (chunk_.empty()) chunk_.resize(kReadChunk);
    const ssize_t n = ::read(from_child_, chunk_.data(), chunk_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(from_child_);
      from_child_ = -1;
      return ReadStatus::eof;
    }
    buffer_.append(chunk_.data(), static_cast<std::size_t>(n));
    last_read_ = std::chrono::steady_clock::now();
  }
}

void ChildProcess::kill() {
  if (to_child_ >= 0) ::close(to_child_);
  if (from_child_ >= 0) ::close(from_child_);
  to_child_ = from_child_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
}

int run_to_completion(const std::vector<std::string>& argv,
                      const std::vector<std::string>& environment,
                      std::chrono::milliseconds timeout) {
  const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int null_out = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  pid_t pid = -1;
  try {
    pid = spawn(argv, environment, null_in, null_out, false);
  } catch (const std::system_error&) {
    pid = -1;
  }
  ::close(null_in);
  ::close(null_out);
  if (pid < 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace fmconf::remote
