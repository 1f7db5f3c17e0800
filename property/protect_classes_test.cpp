// The flProtect outcome classes (protect_sweep.hpp) against the spec: every class, on random
// members, behaves like its representative (the sweep's partition is sound), and every outcome
// follows the spec's rules (spec_rules.hpp).
#include "api/vocabulary.hpp"
#include "property/protect_sweep.hpp"
#include "property/spec_rules.hpp"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace fmconf::property {
namespace {

std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

const std::vector<OutcomeClass>& all_classes() {
  static const std::vector<OutcomeClass> classes = [] {
    SignatureCounts ones{};
    // Every reachable signature is non-empty: the sweep's counts only weigh the classes.
    for (std::uint32_t s = 0; s < kSignatures; ++s) ones[s] = signature_reachable(s) ? 1 : 0;
    return outcome_classes(ones);
  }();
  return classes;
}

bool shared_write(std::uint32_t flprotect) { return spec::grows_file(flprotect); }
bool executable(std::uint32_t flprotect) {
  const std::uint32_t p = flprotect & 0xff;
  return p == page::kExecuteRead || p == page::kExecuteReadWrite || p == page::kExecuteWriteCopy;
}

// Every spec rule one outcome must satisfy; failures name the value, scenario and rule.
void expect_follows_spec(std::uint32_t v, const Scenario& s, const ProtectOutcome& o) {
  const std::string where =
      hex(v) + " (" + format_flags(v, Family::protect) + ") on " + s.label() + ": " + o.text();
  const bool file = s.backing != Backing::pagefile;
  const bool image = (v & sec::kImage) != 0;
  const std::uint64_t original = s.backing == Backing::data_file ? kFileSize : 0;
  if (!o.ok) {
    EXPECT_TRUE(spec::documented_error(o.error)) << "undocumented error, " << where;
    // spec:B1-B31: a wrong protection is ERROR_INVALID_PARAMETER (LARGE_PAGES: inferred).
    if (!spec::valid_protection(v) && !(v & sec::kLargePages)) {
      EXPECT_EQ(o.error, error::kInvalidParameter) << "spec:B1-B31, " << where;
    }
  } else {
    EXPECT_EQ(o.error, error::kSuccess) << "spec:§0 fresh creation sets 0, " << where;
    EXPECT_TRUE(spec::valid_protection(v))
        << "spec:§2.2 success needs a valid protection, " << where;
    EXPECT_TRUE(spec::attributes_can_succeed(v, file)) << "spec:1C, " << where;
    if (file) {
      const std::uint32_t need = spec::required_generic(v);
      EXPECT_EQ(s.file_access & need, need) << "spec:H3 file rights, " << where;
    } else {
      EXPECT_TRUE(o.attributes & (sec::kCommit | sec::kReserve)) << "spec:H4, " << where;
      EXPECT_EQ(o.section_size % 4096, 0u) << "spec:S10 page-rounded, " << where;
    }
    if (s.backing == Backing::data_file) {
      EXPECT_TRUE(o.attributes & sec::kFile) << "spec:C22, C36, " << where;
      EXPECT_EQ(o.attributes & ~(sec::kFile | sec::kNoCache | sec::kWriteCombine), 0u)
          << "spec:C19, C22, " << where;
      if (s.size == SizeClass::beyond_file || s.size == SizeClass::high_dword) {
        EXPECT_TRUE(spec::grows_file(v)) << "spec:S5, §5 only write protections grow, " << where;
        EXPECT_EQ(o.file_size_after, o.section_size) << "spec:§2.5 grown to the size, " << where;
      }
    }
    // spec:1D, spec:H13, spec:D47: READ and COPY views fit every section; WRITE needs RW/XRW;
    // EXECUTE needs an EXECUTE_* protection.
    if (!image) {
      EXPECT_TRUE(o.views & 1u) << "spec:H13 FILE_MAP_READ, " << where;
      EXPECT_TRUE(o.views & 4u) << "spec:D1 FILE_MAP_COPY, " << where;
      EXPECT_EQ((o.views & 2u) != 0, shared_write(v)) << "spec:D2, H13 FILE_MAP_WRITE, " << where;
      EXPECT_EQ((o.views & 8u) != 0, executable(v)) << "spec:D20 FILE_MAP_EXECUTE, " << where;
    }
  }
  if (s.backing == Backing::data_file && !spec::grows_file(v)) {
    EXPECT_EQ(o.file_size_after, original) << "spec:S5 read-only never grows, " << where;
  }
}

TEST(ProtectClasses, EveryClassFollowsTheSpec) {
  const auto& classes = all_classes();
  ASSERT_GT(classes.size(), 1u);
  const auto& scenarios = sweep_scenarios();
  for (const OutcomeClass& c : classes) {
    const std::uint32_t v = signature_representative(c.signatures.front());
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      expect_follows_spec(v, scenarios[s], c.outcomes[s]);
    }
  }
}

TEST(ProtectClasses, RandomMembersBehaveLikeTheirClass) {
  std::mt19937 random(12345);  // deterministic: the same sample every run
  const auto& scenarios = sweep_scenarios();
  for (std::size_t k = 0; k < all_classes().size(); ++k) {
    const OutcomeClass& c = all_classes()[k];
    for (int sample = 0; sample < 6; ++sample) {
      const std::uint32_t sig = c.signatures[random() % c.signatures.size()];
      const std::uint32_t v = signature_member(sig, static_cast<std::uint32_t>(random()));
      ASSERT_EQ(protect_signature(v), sig) << hex(v);
      const auto outcomes = model_outcomes(v);
      for (std::size_t s = 0; s < scenarios.size(); ++s) {
        EXPECT_EQ(outcomes[s], c.outcomes[s])
            << "class " << k + 1 << ", " << hex(v) << " on " << scenarios[s].label() << ": "
            << outcomes[s].text() << " vs " << c.outcomes[s].text();
        expect_follows_spec(v, scenarios[s], outcomes[s]);
      }
    }
  }
}

TEST(ProtectClasses, PartialSweepCountsEveryValueOnce) {
  const SignatureCounts counts = sweep_signatures(0x7f000000u, 0x7f0fffffu, 2);
  std::uint64_t total = 0;
  for (const auto n : counts) total += n;
  EXPECT_EQ(total, 0x100000u);
  // spec:§2.2: six valid protections per SEC_* word; this range has one SEC_* word (0x7f000000).
  std::uint64_t valid = 0;
  for (std::uint32_t s = 0; s < kSignatures; ++s) {
    if (s & 7) valid += counts[s];
  }
  EXPECT_EQ(valid, 6u);
}

TEST(ProtectClasses, SixValidProtectionsAreTheOnlySuccessesWithoutSecWords) {
  // spec:B1-B31 exhaustively over the low byte, through the Api (not the signature).
  for (std::uint32_t v = 0; v < 0x100; ++v) {
    const auto outcomes = model_outcomes(v);
    bool any_ok = false;
    for (const auto& o : outcomes) any_ok = any_ok || o.ok;
    EXPECT_EQ(any_ok, spec::valid_protection(v)) << hex(v);
  }
}

}  // namespace
}  // namespace fmconf::property
