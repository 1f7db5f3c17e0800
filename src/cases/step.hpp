// One parsed step of a case: the call, its parameters with defaults applied, and what is expected.
#pragma once

#include "api/types.hpp"
#include "cases/call.hpp"
#include "cases/observable.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fmconf {

// JSON as fmconf reads and writes it: keys keep the order they were written in.
using Json = nlohmann::ordered_json;

// The largest `length` one ReadFile or ReadView step may ask for: 1 MiB. Every backend holds
// the bytes it reads in memory (the native backend allocates the whole buffer up front, as
// ReadFile needs) and results print them as hex, so a 4 GiB read would cost 4 GiB of memory and
// 8 GiB of text on every backend. The case validator rejects a longer read (naming the step
// and field); the fuzz decoders clamp to it. The corpus reads at most 36 bytes.
inline constexpr std::uint32_t kMaxReadLength = std::uint32_t{1} << 20;

// A handle parameter: a symbolic name (an earlier step's `out`) or a fixed value
// (NULL, INVALID_HANDLE_VALUE, CURRENT_PROCESS, CURRENT_THREAD, a number).
struct HandleRef {
  std::string text;             // as written, e.g. "m" or "0x1234"
  std::optional<Handle> value;  // set for fixed values; unset: the named handle
};

// An address inside a view: the view's base (an earlier MapViewOfFile `out`) plus an offset,
// or a fixed number (view empty).
struct AddressRef {
  std::string view;          // empty: `fixed` is the address
  std::uint64_t offset = 0;  // added to the view's base
  Address fixed = 0;
};

// An accepted value (or the accepted values of an array) of one `expect` field.
struct Expected {
  Observable field = Observable::ok;
  Json written;                        // as the case wrote it, for results and diffs
  std::vector<std::uint64_t> numbers;  // ok/fault as 0/1, errors and flags numerically
  std::vector<Bytes> bytes;            // data
};

struct Step {
  Call call = Call::CloseHandle;
  std::string out;  // names the returned handle (or view); empty: unnamed

  // Parameters, defaults per case-format.md "Parameters of each call". Only those of `call`
  // are meaningful.
  std::string path;                 // CreateFile (UTF-8, relative)
  std::uint32_t access = 0;         // CreateFile, OpenFileMapping, MapViewOfFile, Duplicate, Open*
  std::uint32_t share = 0;          // CreateFile
  std::uint32_t disposition = 3;    // CreateFile: OPEN_EXISTING
  std::uint32_t flags = 0x80;       // CreateFile: FILE_ATTRIBUTE_NORMAL
  std::uint32_t protect = 0;        // CreateFileMapping
  std::uint32_t size_high = 0;      // CreateFileMapping
  std::uint32_t size_low = 0;       // CreateFileMapping
  std::optional<std::string> name;  // UTF-8; nullopt: lpName == NULL
  bool inherit = false;
  HandleRef handle;                // CloseHandle, DuplicateHandle, file calls, QuerySection
  HandleRef file;                  // CreateFileMapping
  HandleRef mapping;               // MapViewOfFile(Ex)
  std::uint32_t offset_high = 0;   // MapViewOfFile(Ex)
  std::uint32_t offset_low = 0;    // MapViewOfFile(Ex)
  std::uint64_t bytes = 0;         // MapViewOfFile(Ex)
  std::optional<AddressRef> base;  // MapViewOfFileEx; nullopt: NULL
  AddressRef address;              // UnmapViewOfFile, VirtualQuery, ReadView, WriteView
  bool same_access = false;        // DuplicateHandle
  bool manual_reset = false;       // CreateEventW
  bool initial = false;            // CreateEventW initial state, CreateMutexW initial owner
  std::int32_t initial_count = 0;  // CreateSemaphoreW `initial`
  std::int32_t maximum_count = 1;  // CreateSemaphoreW `maximum`
  std::uint64_t size = 0;          // SetFileSize
  std::uint64_t offset = 0;        // ReadFile, WriteFile
  std::uint32_t length = 0;        // ReadFile, ReadView; at most kMaxReadLength
  Bytes data;                      // WriteFile, WriteView

  std::vector<Expected> expect;  // empty: nothing expected
  Json expect_json;              // the `expect` object as written (null if absent)
  Json json;                     // the step as written
};

}  // namespace fmconf
