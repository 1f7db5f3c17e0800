// The whole flProtect space on the model: all 2^32 values, for every sweep scenario, partitioned
// into outcome classes (values whose CreateFileMappingW outcome is the same in every scenario).
//
// How it stays cheap: the model reads flProtect as its SEC_* word (model::kSectionAttributeMask)
// and its page protection, and accepts a protection only when model::is_section_protection says
// so. So a value's *signature* (its 9 SEC_* bits, and which valid protection it is, if any) is
// computed from the model's pure rule functions for each of the 2^32 values (the sweep, on every
// core), and each signature's outcome comes from real ModelApi calls on its smallest value.
// protect_classes_test checks, on random samples, that values of a signature really behave like
// its representative, and that each class follows the spec's rules.
#pragma once

#include "property/protect_scenario.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace fmconf::property {

inline constexpr std::uint32_t kSignatures = 512 * 8;

// 0..4095: (flProtect >> 23) * 8 + (index of the valid protection, 0 when invalid).
std::uint32_t protect_signature(std::uint32_t flprotect);
// Whether some flProtect has that signature (index 4, PAGE_EXECUTE, is never valid).
inline bool signature_reachable(std::uint32_t signature) { return (signature & 7) != 4; }
// The smallest flProtect with that signature.
std::uint32_t signature_representative(std::uint32_t signature);
// A flProtect with that signature built from `noise` (random bits for an invalid protection).
std::uint32_t signature_member(std::uint32_t signature, std::uint32_t noise);

using SignatureCounts = std::array<std::uint64_t, kSignatures>;

// Counts the values of each signature over [first, last] (inclusive), on `threads` threads.
SignatureCounts sweep_signatures(std::uint64_t first, std::uint64_t last, unsigned threads);

struct OutcomeClass {
  std::vector<ProtectOutcome> outcomes;  // one per sweep_scenarios() entry
  std::vector<std::uint32_t> signatures;
  std::uint64_t values = 0;  // flProtect values in the class
};

// Groups signatures by their outcome vector (each evaluated on a fresh ModelApi), largest class
// first. `counts` from sweep_signatures gives each class its number of values.
std::vector<OutcomeClass> outcome_classes(const SignatureCounts& counts);

// The outcome vector of one flProtect value on a ModelApi (fresh per call).
std::vector<ProtectOutcome> model_outcomes(std::uint32_t flprotect);

// The class table as Markdown (reports/protect-classes.md).
std::string classes_markdown(const std::vector<OutcomeClass>& classes, std::uint64_t swept,
                             double seconds, unsigned threads);

// Human description of a signature: "PAGE_READWRITE|SEC_COMMIT" or "invalid protection|SEC_...".
std::string signature_text(std::uint32_t signature);

}  // namespace fmconf::property
