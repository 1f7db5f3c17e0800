// What the fmconf_bench benchmarks share: the corpus, a fixed case, and the result counters.
#pragma once

#include "cases/case_file.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace fmconf::bench {

// The source tree's corpus/cases, loaded once (the benchmarks only read it).
const std::vector<Case>& corpus();
std::filesystem::path source_dir();

// Every `stride`-th corpus case that may run beside others (no raw_names): a sample of the
// corpus in its own proportions.
std::vector<const Case*> corpus_sample(std::size_t stride);

// A pagefile section, a view, a write, a read, VirtualQuery, QuerySection, unmap, close: the
// calls most cases make, 8 steps.
const Case& roundtrip_case();

std::size_t step_count(const std::vector<const Case*>& cases);

}  // namespace fmconf::bench
