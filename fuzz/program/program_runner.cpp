#include "fuzz/program/program_runner.hpp"

#include "cases/case_file.hpp"
#include "cases/runner.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace fmconf::fuzz {

CaseResult run_program(const Json& program, Api& api) {
  if (program["steps"].empty()) return {};  // a case has steps; an empty input runs nothing
  const ParsedCase parsed = parse_case(program, CaseOrigin{"<fuzz input>", 0, std::nullopt});
  if (!parsed.value) {
    std::cerr << "fmconf fuzz: the decoder made an invalid case: "
              << (parsed.error ? parsed.error->text() : "?") << "\n"
              << program.dump(1) << "\n";
    std::fflush(stderr);
    std::abort();
  }
  return run_case(*parsed.value, api, RunOptions{"fz"});
}

Json with_expectations(Json program, const CaseResult& result) {
  Json& steps = program["steps"];
  for (std::size_t i = 0; i < steps.size() && i < result.steps.size(); ++i) {
    Json expect = Json::object();
    for (Observable field :
         {Observable::ok, Observable::error, Observable::size, Observable::protect,
          Observable::allocation_protect, Observable::state, Observable::region_size,
          Observable::attributes, Observable::section_size, Observable::data, Observable::fault}) {
      Json value = observed_value(result.steps[i], field);
      if (!value.is_null()) expect[std::string(observable_name(field))] = std::move(value);
    }
    steps[i]["expect"] = std::move(expect);
  }
  return program;
}

}  // namespace fmconf::fuzz
