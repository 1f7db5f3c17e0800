// Result<T>: a value or the Win32 error code that replaced it. The model's internal layers return
// these; only the Api shim turns them into a return value plus a last error.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

namespace fmconf::model {

struct Failure {
  std::uint32_t error;
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}       // NOLINT: implicit on purpose
  Result(Failure failure) : error_(failure.error) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const T& value() const { return *value_; }
  T& value() { return *value_; }
  std::uint32_t error() const { return error_; }

 private:
  std::optional<T> value_;
  std::uint32_t error_ = 0;
};

// A Result for calls that return nothing but success.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace fmconf::model
