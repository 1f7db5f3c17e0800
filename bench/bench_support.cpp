#include "bench_support.hpp"

#include <stdexcept>

namespace fmconf::bench {

std::filesystem::path source_dir() { return FMCONF_SOURCE_DIR; }

const std::vector<Case>& corpus() {
  static const std::vector<Case> cases = [] {
    LoadResult loaded = load_cases(source_dir() / "corpus" / "cases");
    return std::move(loaded.cases);
  }();
  return cases;
}

std::vector<const Case*> corpus_sample(std::size_t stride) {
  std::vector<const Case*> sample;
  std::size_t seen = 0;
  for (const Case& c : corpus()) {
    if (c.raw_names) continue;
    if (seen++ % stride == 0) sample.push_back(&c);
  }
  return sample;
}

const Case& roundtrip_case() {
  static const Case c = [] {
    const ParsedCase parsed = parse_case(
        Json::parse(
            R"({"id":"bench/pagefile-roundtrip","title":"bench","provenance":{"kind":"inferred","source":"bench"},"steps":[)"
            R"({"call":"CreateFileMappingW","out":"m","file":"INVALID_HANDLE_VALUE","protect":"PAGE_READWRITE","size_low":65536,"name":"bench"},)"
            R"({"call":"MapViewOfFile","out":"v","mapping":"m","access":"FILE_MAP_WRITE"},)"
            R"({"call":"WriteView","view":"v","offset":8,"data":"c0ffee"},)"
            R"({"call":"ReadView","view":"v","offset":8,"length":3,"expect":{"data":"c0ffee"}},)"
            R"({"call":"VirtualQuery","view":"v"},)"
            R"({"call":"QuerySection","handle":"m"},)"
            R"({"call":"UnmapViewOfFile","view":"v"},)"
            R"({"call":"CloseHandle","handle":"m"}]})"),
        CaseOrigin{"bench", 0, {}});
    if (!parsed.value) throw std::runtime_error(parsed.error->text());
    return *parsed.value;
  }();
  return c;
}

std::size_t step_count(const std::vector<const Case*>& cases) {
  std::size_t steps = 0;
  for (const Case* c : cases) steps += c->steps.size();
  return steps;
}

}  // namespace fmconf::bench
