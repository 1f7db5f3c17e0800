// What running a case produced: per-step observations, differences from `expect`, the verdict.
#pragma once

#include "cases/case_file.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fmconf {

enum class Verdict { pass, fail, error };
std::string_view verdict_name(Verdict verdict);
std::optional<Verdict> parse_verdict(std::string_view name);

// What one step observed. Observables are set only for calls that have them (and, for
// GetFileSize/VirtualQuery/QuerySection/ReadFile, only when the call succeeded).
struct StepResult {
  std::string call;
  bool ok = false;
  std::uint32_t error = 0;  // GetLastError() right after the call
  std::optional<std::uint64_t> size;
  std::optional<std::uint32_t> protect;
  std::optional<std::uint32_t> allocation_protect;
  std::optional<std::uint32_t> state;
  std::optional<std::uint64_t> region_size;
  std::optional<std::uint32_t> type;  // VirtualQuery Type (MEM_MAPPED, MEM_IMAGE): reported only
  std::optional<std::uint32_t> attributes;
  std::optional<std::uint64_t> section_size;
  std::optional<Bytes> data;
  std::optional<bool> fault;
  Json expect;  // the step's `expect` as written (null if none)
};

// One field that differs from what the case expects.
struct Diff {
  std::size_t step = 0;  // 0-based index into the case's steps
  std::string field;     // an Observable's name
  Json expected;         // as written in the case (a value or an array of accepted values)
  Json observed;         // null when the call did not produce the observable
};

struct CaseResult {
  std::string id;
  std::string title;
  std::string file;
  std::size_t line = 0;
  std::optional<std::size_t> index;
  Verdict verdict = Verdict::pass;
  std::string message;  // verdict error: what was wrong (file, case, step)
  Provenance provenance;
  bool exploration = false;  // the case expects nothing: observations only
  std::vector<StepResult> steps;
  std::vector<Diff> diffs;
};

// An observable of a step as a number (ok and fault as 0/1); nullopt for data and for an
// observable the step did not produce.
std::optional<std::uint64_t> observed_number(const StepResult& step, Observable field);

// An observable of a step as results and diffs print it: a number, a bool, flags formatted with
// their family (format_flags), the error's name, data as hex; null if the step did not observe it.
Json observed_value(const StepResult& step, Observable field);

// A result naming the case (id, title, origin, provenance), with no step run yet.
CaseResult result_for(const Case& c);

// The result reported for an invalid case (verdict error, message naming file/case/step/field).
CaseResult error_result(const CaseError& error);

}  // namespace fmconf
