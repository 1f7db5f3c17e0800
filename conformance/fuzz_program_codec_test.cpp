// The fuzz program decoder (fuzz/program/program_codec.hpp) keeps every decoded program a valid
// case: here, that a raw ReadFile/ReadView `length` is clamped to the case format's
// kMaxReadLength (issue 6: fuzz_program and fuzz_handles timed out on reads of up to 4 GiB).
// Built when the host build has fuzz/ (FMCONF_HAVE_FUZZ_PROGRAM, set by fuzz/CMakeLists.txt).
#include <gtest/gtest.h>

#if FMCONF_HAVE_FUZZ_PROGRAM

#include "cases/case_file.hpp"
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/program_codec.hpp"
#include "fuzz/program/program_runner.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace fmconf {
namespace {

const std::filesystem::path kSlowInput =
    std::filesystem::path(FMCONF_SOURCE_DIR) / "corpus" / "regressions" / "slow" /
    "fuzz_program-timeout-f40f8d110fed42f6508c4641f18394a502dfe72a";

Bytes read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every ReadFile/ReadView step of `program` asks for at most kMaxReadLength bytes.
void expect_reads_within_limit(const Json& program) {
  for (const Json& step : program["steps"]) {
    if (step["call"] != "ReadView" && step["call"] != "ReadFile") continue;
    EXPECT_LE(step["length"].get<std::uint64_t>(), kMaxReadLength) << step.dump();
  }
}

// The input that timed out: a 4 GiB PAGE_READWRITE file section (size_high 1), a copy-on-write
// view of all of it, and a ReadView of 1663986785 bytes (1.5 GiB materialised, over a minute).
TEST(FuzzProgramCodec, TheSlowInputReadsAtMostTheLimitAndRunsAtOnce) {
  const Bytes input = read_bytes(kSlowInput);
  ASSERT_EQ(input.size(), 86u) << kSlowInput;
  const Json program = fuzz::decode_program(input, fuzz::Profile::program);
  const Json& steps = program["steps"];
  ASSERT_EQ(steps.size(), 14u);
  EXPECT_EQ(steps[1]["size_high"], 1);
  ASSERT_EQ(steps[7]["call"], "ReadView");
  EXPECT_EQ(steps[7]["length"], kMaxReadLength) << "1663986785 clamped to the limit";
  expect_reads_within_limit(program);

  fuzz::CheckedModel model;  // aborts on a broken invariant or an undocumented error
  const CaseResult result = fuzz::run_program(program, model);
  ASSERT_EQ(result.verdict, Verdict::pass) << result.message;
  ASSERT_TRUE(result.steps[7].data);
  EXPECT_EQ(result.steps[7].data->size(), kMaxReadLength) << "the view holds 4 GiB";
  EXPECT_EQ(result.steps[7].fault, false);
  EXPECT_EQ(result.steps[7].data->at(0), 0) << "page 0 is the view's private copy, written 00";
}

// Raw lengths (the u32 after the table's escape index) decode clamped, in every profile, and a
// case with a longer read encodes to bytes that decode to the limit.
TEST(FuzzProgramCodec, RawReadLengthsAreClampedInEveryProfile) {
  const Json case_json = Json::parse(R"({"steps": [
    {"call": "CreateFileW", "out": "f", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE",
     "share": "0", "disposition": "CREATE_ALWAYS"},
    {"call": "SetFileSize", "handle": "f", "size": 4294967295},
    {"call": "ReadFile", "handle": "f", "offset": 0, "length": 4294967295},
    {"call": "CreateFileMappingW", "out": "m", "file": "f", "protect": "PAGE_READWRITE"},
    {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"},
    {"call": "ReadView", "view": "v", "offset": 0, "length": 1048577},
    {"call": "ReadView", "view": "v", "offset": 0, "length": 36}]})");
  for (const fuzz::Profile profile :
       {fuzz::Profile::program, fuzz::Profile::handles, fuzz::Profile::differential}) {
    SCOPED_TRACE(std::string(fuzz::profile_target(profile)));
    const Json program = fuzz::decode_program(fuzz::encode_program(case_json, profile), profile);
    expect_reads_within_limit(program);
    std::vector<std::uint64_t> lengths;
    for (const Json& step : program["steps"]) {
      if (step.contains("length")) lengths.push_back(step["length"].get<std::uint64_t>());
    }
    EXPECT_EQ(lengths, (std::vector<std::uint64_t>{kMaxReadLength, kMaxReadLength, 36}));
    const ParsedCase parsed = parse_case(program, CaseOrigin{"decoded", 0, std::nullopt});
    EXPECT_TRUE(parsed.value) << (parsed.error ? parsed.error->text() : "");
  }
}

}  // namespace
}  // namespace fmconf

#endif  // FMCONF_HAVE_FUZZ_PROGRAM
