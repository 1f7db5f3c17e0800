// The suite's built-in minimal valid PE image: the bytes of "@minimal-pe" in case files.
#pragma once

#include "api/types.hpp"

namespace fmconf {

// A tiny x86-64 DLL (tools/make-minimal-pe.sh), the same bytes on every backend.
const Bytes& minimal_pe();

}  // namespace fmconf
