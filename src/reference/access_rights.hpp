// Access rights per object type: GENERIC_* mapping (each type's GENERIC_MAPPING) and the type's
// ALL_ACCESS, for CreateFile, Open* and DuplicateHandle.
#pragma once

#include "reference/objects.hpp"

#include <cstdint>

namespace fmconf::model {

std::uint32_t all_access(ObjectType type);
// GENERIC_READ/WRITE/EXECUTE/ALL replaced by the type's specific rights; MAXIMUM_ALLOWED kept.
std::uint32_t map_generic(ObjectType type, std::uint32_t access);

}  // namespace fmconf::model
