// Generator of hFile kinds for CreateFileMapping (spec:§4): a valid file, NULL,
// INVALID_HANDLE_VALUE (the pagefile), the pseudo handle GetCurrentThread(), a closed handle,
// a handle of another object type, and a file handle with reduced access. Shrinks towards a
// valid file. `materialize` turns a kind into a handle value on a backend.
#pragma once

#include "api/api.hpp"
#include "api/vocabulary.hpp"

#include <cstdint>
#include <ostream>
#include <rapidcheck.h>

namespace fmconf::property {

enum class HandleKind {
  valid_file,
  invalid_handle_value,
  null,
  current_thread,
  closed,
  other_object,
  reduced_access_file,
};

inline const char* handle_kind_name(HandleKind kind) {
  switch (kind) {
    case HandleKind::valid_file:
      return "valid file";
    case HandleKind::invalid_handle_value:
      return "INVALID_HANDLE_VALUE";
    case HandleKind::null:
      return "NULL";
    case HandleKind::current_thread:
      return "CURRENT_THREAD";
    case HandleKind::closed:
      return "closed handle";
    case HandleKind::other_object:
      return "event handle";
    case HandleKind::reduced_access_file:
      return "file with FILE_READ_ATTRIBUTES only";
  }
  return "?";
}

inline void showValue(HandleKind kind, std::ostream& os) { os << handle_kind_name(kind); }

inline rc::Gen<HandleKind> handle_kinds() {
  return rc::gen::element(HandleKind::valid_file, HandleKind::invalid_handle_value,
                          HandleKind::null, HandleKind::current_thread, HandleKind::closed,
                          HandleKind::other_object, HandleKind::reduced_access_file);
}

// A handle of `kind` on `api` (inside a case). `valid_file` is the case's own file handle.
inline Handle materialize(Api& api, HandleKind kind, Handle valid_file) {
  switch (kind) {
    case HandleKind::valid_file:
      return valid_file;
    case HandleKind::invalid_handle_value:
      return kInvalidHandleValue;
    case HandleKind::null:
      return kNullHandle;
    case HandleKind::current_thread:
      return kCurrentThread;
    case HandleKind::closed: {
      const Handle h = api.CreateEventW(false, false, std::nullopt);
      api.CloseHandle(h);
      return h;
    }
    case HandleKind::other_object:
      return api.CreateEventW(false, false, std::nullopt);
    case HandleKind::reduced_access_file:
      return api.CreateFileW(u"data.bin", file_access::kReadAttributes,
                             share::kRead | share::kWrite | share::kDelete,
                             disposition::kOpenExisting, file_flags::kAttributeNormal);
  }
  return kNullHandle;
}

}  // namespace fmconf::property
