// What a step observes besides the return value: the `expect` fields of case-format.md.
#pragma once

#include "api/vocabulary.hpp"

#include <optional>
#include <string_view>

namespace fmconf {

enum class Observable {
  ok,
  error,
  size,                // GetFileSize
  protect,             // VirtualQuery
  allocation_protect,  // VirtualQuery
  state,               // VirtualQuery
  region_size,         // VirtualQuery
  attributes,          // QuerySection
  section_size,        // QuerySection
  data,                // ReadFile, ReadView
  fault,               // ReadView, WriteView
};

std::string_view observable_name(Observable field);
std::optional<Observable> parse_observable(std::string_view name);

// The flag family of a flag-valued observable (compared numerically), if it is one.
std::optional<Family> observable_family(Observable field);

}  // namespace fmconf
