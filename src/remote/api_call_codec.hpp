// The `call` request of the executor protocol (src/remote/PROTOCOL.md): one Api call with raw
// handle and address values. The executor decodes and performs it (perform_call); RemoteApi
// encodes it (the *_arg helpers). Standard C++ only: both sides compile it.
#pragma once

#include "api/api.hpp"
#include "cases/step.hpp"  // fmconf::Json

#include <cstdint>
#include <stdexcept>
#include <string>

namespace fmconf::remote {

// A request the executor cannot perform (unknown function, missing or mistyped argument).
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// UTF-16 strings travel as arrays of code units (they may hold lone surrogates, which UTF-8
// JSON strings cannot); byte strings (A-call names, data) travel as lower-case hex.
Json u16_to_json(const std::u16string& text);
std::u16string u16_from_json(const Json& value, const char* what);
Json bytes_to_json(const Bytes& bytes);
Bytes bytes_from_json(const Json& value, const char* what);

Json environment_to_json(const Environment& environment);
Environment environment_from_json(const Json& value);

// Performs {"fn": NAME, "args": {...}, "last_error": N} on `api`: sets the last error to N
// (when given), makes the call, and returns {"ret": R, "last_error": E, "out": {...}} where R is
// the call's return value as a number (BOOL 0/1, HANDLE, address) and E is GetLastError()
// right after it. Throws ProtocolError on a malformed request.
Json perform_call(Api& api, const Json& request);

}  // namespace fmconf::remote
