// The executor's request handler, independent of the process around it (so it is tested on
// Linux over the model too): one JSON line in, one JSON line out. The protocol is in
// src/remote/PROTOCOL.md. Garbage in gives an error response, never an exception.
#pragma once

#include "api/api.hpp"

#include <string>

namespace fmconf::remote {

inline constexpr int kProtocolVersion = 1;

class ExecutorService {
 public:
  // What the process must do after sending the response (the test-only requests).
  enum class Action { none, hang, crash_abort, crash_access_violation, quit };

  struct Reply {
    std::string line;  // the response, one line of JSON without the newline
    Action action = Action::none;
  };

  explicit ExecutorService(Api& api) : api_(api) {}

  Reply handle(const std::string& line);

 private:
  Api& api_;
  bool in_case_ = false;  // a begin_case without its end_case yet
};

}  // namespace fmconf::remote
