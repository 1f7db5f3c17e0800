// Guarded memory access through a view (the ReadView/WriteView helpers of the case format): an
// access violation (or guard-page / in-page error) is caught and reported as `fault`, never a
// crash. Windows only. Works with mingw-w64 and MSVC (no SEH keywords, no GNU extensions).
#pragma once

#include "api/types.hpp"

#include <cstdint>

namespace fmconf::native {

// Reads `length` bytes at `address` one byte at a time; on a fault, data holds the bytes read
// before the faulting one.
ViewAccess guarded_read(Address address, std::uint32_t length);
// Writes `data` at `address` one byte at a time; stops at the first faulting byte.
ViewAccess guarded_write(Address address, const Bytes& data);

}  // namespace fmconf::native
