// The executor's request handler, independent of the process around it (so it is tested on
// Linux over the model too): one JSON line in, one or more JSON lines out (`run_cases` streams
// one line per case). The protocol is in src/remote/PROTOCOL.md. Garbage in gives an error
// response, never an exception.
//
// A request is handled in two halves: prepare() reads it (the JSON, and the cases of
// `run_case`/`run_cases`, validated) without touching the Api, so the executor does it on a
// second thread while the previous request runs; execute() makes the calls and answers.
#pragma once

#include "api/api.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace fmconf::remote {

// The newest protocol version this build speaks; `hello` negotiates down to what the client
// asks for (1 when it asks for nothing, as version-1 clients do).
inline constexpr int kProtocolVersion = 2;

class ExecutorService {
 public:
  // What the process must do after sending the response (the test-only requests).
  enum class Action { none, hang, crash_abort, crash_access_violation, quit };

  // Receives each response line (without the newline) as soon as it is ready; the process
  // writes it out before the next case runs, so a crash later in a batch loses nothing that
  // was already answered.
  using Send = std::function<void(std::string_view line)>;

  struct Reply {
    std::string line;  // the response line(s), joined with '\n', without a final newline
    Action action = Action::none;
  };

  struct Request;  // a request line, read and checked by prepare()
  struct DeleteRequest {
    void operator()(Request* request) const;
  };
  using Prepared = std::unique_ptr<Request, DeleteRequest>;

  explicit ExecutorService(Api& api) : api_(api) {}

  // Thread-safe, and independent of the Api and of earlier requests.
  static Prepared prepare(std::string_view line);
  // Whether the request is a batch (`run_cases`): worth reading the next requests during it.
  static bool is_batch(const Request& request);
  // Requests must be executed in the order they came.
  Action execute(Request& request, const Send& send);

  Action handle(std::string_view line, const Send& send);
  // The same, collecting the lines (for tests).
  Reply handle(std::string_view line);

 private:
  Api& api_;
  bool in_case_ = false;  // a begin_case without its end_case yet
};

}  // namespace fmconf::remote
