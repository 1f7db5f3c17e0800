#include "cases/observable.hpp"

#include <array>
#include <utility>

namespace fmconf {
namespace {

constexpr std::array<std::pair<Observable, std::string_view>, 11> kObservables{{
    {Observable::ok, "ok"},
    {Observable::error, "error"},
    {Observable::size, "size"},
    {Observable::protect, "protect"},
    {Observable::allocation_protect, "allocation_protect"},
    {Observable::state, "state"},
    {Observable::region_size, "region_size"},
    {Observable::attributes, "attributes"},
    {Observable::section_size, "section_size"},
    {Observable::data, "data"},
    {Observable::fault, "fault"},
}};

}  // namespace

std::string_view observable_name(Observable field) {
  for (const auto& [f, name] : kObservables) {
    if (f == field) return name;
  }
  return "?";
}

std::optional<Observable> parse_observable(std::string_view name) {
  for (const auto& [f, n] : kObservables) {
    if (n == name) return f;
  }
  return std::nullopt;
}

std::optional<Family> observable_family(Observable field) {
  switch (field) {
    case Observable::protect:
    case Observable::allocation_protect:
      return Family::protect;
    case Observable::state:
      return Family::mem_state;
    case Observable::attributes:
      return Family::section_attributes;
    default:
      return std::nullopt;
  }
}

}  // namespace fmconf
