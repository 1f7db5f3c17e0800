#include "property/protect_sweep.hpp"

#include "api/vocabulary.hpp"
#include "reference/model_api.hpp"
#include "reference/protection.hpp"
#include "reference/section_attributes.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <thread>

namespace fmconf::property {

namespace {
constexpr std::uint32_t kProtectMask = ~model::kSectionAttributeMask;  // low 23 bits
}

std::uint32_t protect_signature(std::uint32_t flprotect) {
  const std::uint32_t protect = flprotect & kProtectMask;
  const std::uint32_t index = model::is_section_protection(protect)
                                  ? static_cast<std::uint32_t>(std::countr_zero(protect))
                                  : 0;
  return ((flprotect & model::kSectionAttributeMask) >> 20) | index;  // >> 23, * 8
}

std::uint32_t signature_representative(std::uint32_t signature) {
  return signature_member(signature, 0);
}

std::uint32_t signature_member(std::uint32_t signature, std::uint32_t noise) {
  const std::uint32_t attributes = (signature >> 3) << 23;
  const std::uint32_t index = signature & 7;
  if (index) return attributes | (1u << index);
  std::uint32_t protect = noise & kProtectMask;
  if (model::is_section_protection(protect)) protect |= 0x1;  // two bits: invalid (spec:B4...)
  return attributes | protect;
}

SignatureCounts sweep_signatures(std::uint64_t first, std::uint64_t last, unsigned threads) {
  threads = std::max(1u, threads);
  std::vector<SignatureCounts> partial(threads);
  std::vector<std::thread> workers;
  const std::uint64_t total = last - first + 1;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      SignatureCounts counts{};
      const std::uint64_t begin = first + total * t / threads;
      const std::uint64_t end = first + total * (t + 1) / threads;
      for (std::uint64_t v = begin; v < end; ++v) {
        ++counts[protect_signature(static_cast<std::uint32_t>(v))];
      }
      partial[t] = counts;
    });
  }
  for (auto& w : workers) w.join();
  SignatureCounts sum{};
  for (const auto& counts : partial) {
    for (std::uint32_t s = 0; s < kSignatures; ++s) sum[s] += counts[s];
  }
  return sum;
}

std::vector<ProtectOutcome> model_outcomes(std::uint32_t flprotect) {
  ModelApi api;
  ScenarioRunner runner(api);
  std::vector<ProtectOutcome> out;
  for (const Scenario& scenario : sweep_scenarios()) {
    out.push_back(runner.evaluate(scenario, flprotect));
  }
  return out;
}

namespace {

struct OutcomeKey {
  std::vector<ProtectOutcome> outcomes;
  bool operator<(const OutcomeKey& other) const {
    return std::lexicographical_compare(
        outcomes.begin(), outcomes.end(), other.outcomes.begin(), other.outcomes.end(),
        [](const ProtectOutcome& a, const ProtectOutcome& b) {
          return std::tie(a.ok, a.error, a.attributes, a.section_size, a.file_size_after, a.views) <
                 std::tie(b.ok, b.error, b.attributes, b.section_size, b.file_size_after, b.views);
        });
  }
};

}  // namespace

std::vector<OutcomeClass> outcome_classes(const SignatureCounts& counts) {
  std::map<OutcomeKey, OutcomeClass> groups;
  ModelApi api;
  ScenarioRunner runner(api);
  for (std::uint32_t s = 0; s < kSignatures; ++s) {
    if (!counts[s]) continue;
    OutcomeKey key;
    const std::uint32_t value = signature_representative(s);
    for (const Scenario& scenario : sweep_scenarios()) {
      key.outcomes.push_back(runner.evaluate(scenario, value));
    }
    OutcomeClass& group = groups[key];
    group.outcomes = key.outcomes;
    group.signatures.push_back(s);
    group.values += counts[s];
  }
  std::vector<OutcomeClass> out;
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  std::stable_sort(out.begin(), out.end(), [](const OutcomeClass& a, const OutcomeClass& b) {
    return a.values > b.values;
  });
  return out;
}

std::string signature_text(std::uint32_t signature) {
  const std::uint32_t index = signature & 7;
  const std::uint32_t attributes = (signature >> 3) << 23;
  std::string text = index ? format_flags(1u << index, Family::protect) : "invalid protection";
  if (attributes) text += "|" + format_flags(attributes, Family::protect);
  return text;
}

namespace {

// "SEC_* words: 0, SEC_COMMIT, ..." or the count when there are many.
std::string describe_signatures(const std::vector<std::uint32_t>& signatures) {
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_protect;
  for (const std::uint32_t s : signatures) by_protect[s & 7].push_back((s >> 3) << 23);
  std::string out;
  for (const auto& [index, words] : by_protect) {
    if (!out.empty()) out += "; ";
    out += index ? format_flags(1u << index, Family::protect) : "invalid protection";
    out += " with ";
    if (words.size() == 512) {
      out += "any SEC_* word";
    } else if (words.size() > 12) {
      out += std::to_string(words.size()) + " of the 512 SEC_* words (e.g. ";
      for (std::size_t i = 0; i < 3; ++i) {
        out += (i ? ", " : "") + (words[i] ? format_flags(words[i], Family::protect) : "none");
      }
      out += ")";
    } else {
      for (std::size_t i = 0; i < words.size(); ++i) {
        out += (i ? ", " : "") + (words[i] ? format_flags(words[i], Family::protect) : "none");
      }
    }
  }
  return out;
}

}  // namespace

std::string classes_markdown(const std::vector<OutcomeClass>& classes, std::uint64_t swept,
                             double seconds, unsigned threads) {
  std::string md;
  md += "# flProtect outcome classes of the reference model\n\n";
  md +=
      "Generated by `fmconf_protect_sweep --out reports/protect-classes.md` (property/; see "
      "property/README.md). Do not edit by hand.\n\n";
  md += "All " + std::to_string(swept) + " flProtect values were swept (" +
        std::to_string(threads) + " threads, " + std::to_string(seconds).substr(0, 5) +
        " s) and grouped by what `CreateFileMappingW` does with them on the model in each of " +
        std::to_string(sweep_scenarios().size()) +
        " scenarios (backing × file access × size class): success or failure, last error, "
        "NtQuerySection attributes and size, the file size afterwards, and which of the views "
        "R = FILE_MAP_READ, W = FILE_MAP_WRITE, C = FILE_MAP_COPY, XR = FILE_MAP_EXECUTE|READ "
        "can be mapped. Values in one class are indistinguishable through these observables.\n\n";
  md += "**" + std::to_string(classes.size()) + " outcome classes.**\n\n";
  md += "| class | values | flProtect values in the class |\n|---|---|---|\n";
  for (std::size_t i = 0; i < classes.size(); ++i) {
    md += "| " + std::to_string(i + 1) + " | " + std::to_string(classes[i].values) + " | " +
          describe_signatures(classes[i].signatures) + " |\n";
  }
  md += "\n## Outcomes per class\n\n";
  const auto& scenarios = sweep_scenarios();
  for (std::size_t i = 0; i < classes.size(); ++i) {
    md += "### Class " + std::to_string(i + 1) + " (" + std::to_string(classes[i].values) +
          " values; e.g. " +
          format_flags(signature_representative(classes[i].signatures.front()), Family::protect) +
          ")\n\n";
    // Scenarios with the same outcome are listed together.
    std::map<std::string, std::vector<std::string>> by_outcome;
    std::vector<std::string> order;
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      const std::string text = classes[i].outcomes[s].text();
      if (!by_outcome.count(text)) order.push_back(text);
      by_outcome[text].push_back(scenarios[s].label());
    }
    for (const std::string& text : order) {
      md += "- **" + text + "**: ";
      const auto& labels = by_outcome[text];
      if (labels.size() == scenarios.size()) {
        md += "every scenario\n";
        continue;
      }
      for (std::size_t k = 0; k < labels.size(); ++k) md += (k ? "; " : "") + labels[k];
      md += "\n";
    }
    md += "\n";
  }
  return md;
}

}  // namespace fmconf::property
