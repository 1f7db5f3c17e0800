// The JSON type of reports: insertion-ordered, as the case library's (results keep "id" first).
#pragma once

#include <nlohmann/json.hpp>

namespace fmconf::report {

using Json = nlohmann::ordered_json;

}  // namespace fmconf::report
