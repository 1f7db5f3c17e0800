// The conformance runner: every case of the corpus is one GoogleTest test per target, named
// `<target>.<group>/<case>`, e.g. `wine.names/collision-with-event`.
//
// Targets: the model always; Wine through the executor on Linux when wine and
// fmconf-executor.exe are available (otherwise every Wine test is skipped with the reason); the
// native kernel32 backend in the Windows build (fmconf-conformance.exe, on Windows or under Wine).
// A target's expectations (corpus/expectations/<target>-<version>.json) turn listed failures into
// passing `known` tests that say so, and a listed case that passes into a failure (todo_wine).
//
// Options (besides GoogleTest's): --cases DIR (default: the source tree's corpus/cases),
// --expectations DIR (default: corpus/expectations), --targets model,wine.
#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "cases/target.hpp"
#include "reference/model_api.hpp"
#include "report/expectations.hpp"
#include "report/outcome.hpp"
#include "report/results_file.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>
#if defined(_WIN32)
#include "native/native_api.hpp"
#else
#include "remote/wine_target.hpp"
#endif

#include <gtest/gtest.h>

namespace fmconf {
namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path cases = fs::path(FMCONF_SOURCE_DIR) / "corpus" / "cases";
  fs::path expectations = fs::path(FMCONF_SOURCE_DIR) / "corpus" / "expectations";
  std::vector<std::string> targets;
};

// A target as the tests see it: constructed lazily (starting Wine costs time), or the reason it
// is unavailable.
class TargetSlot {
 public:
  TargetSlot(std::string name, fs::path expectations_dir)
      : name_(std::move(name)), expectations_dir_(std::move(expectations_dir)) {}

  const std::string& name() const { return name_; }

  // The target, or nullptr with skip_reason() saying why.
  Target* get() {
    if (!tried_) {
      tried_ = true;
      try {
        target_ = make();
        const Environment env = target_->environment();
        report::RunInfo info;
        info.target = env.target;
        info.version = env.version;
        const std::string key = report::expectations_key(info);
        if (!key.empty()) {
          expectations_ =
              report::load_expectations(report::expectations_path(expectations_dir_, info), key);
        }
      } catch (const std::exception& e) {
        target_.reset();
        skip_reason_ = e.what();
      }
    }
    return target_.get();
  }
  const std::string& skip_reason() const { return skip_reason_; }
  const report::Expectation* expectation(const std::string& case_id) const {
    return expectations_ ? expectations_->find(case_id) : nullptr;
  }

 private:
  std::unique_ptr<Target> make() {
    if (name_ == "model") return std::make_unique<LocalTarget>(std::make_unique<ModelApi>());
#if defined(_WIN32)
    if (name_ == "native")
      return std::make_unique<LocalTarget>(std::make_unique<native::NativeApi>());
#else
    if (name_ == "wine") return remote::make_wine_target("", std::chrono::seconds(30));
#endif
    throw std::runtime_error("target '" + name_ + "' is not available in this build");
  }

  std::string name_;
  fs::path expectations_dir_;
  bool tried_ = false;
  std::unique_ptr<Target> target_;
  std::optional<report::Expectations> expectations_;
  std::string skip_reason_;
};

std::string describe(const CaseResult& result) {
  std::ostringstream out;
  out << "case " << result.id << " (" << result.file;
  if (result.line) out << ":" << result.line;
  out << "), provenance " << result.provenance.kind << ": " << result.provenance.source << "\n";
  if (result.verdict == Verdict::error) out << "  error: " << result.message << "\n";
  for (const Diff& d : result.diffs) {
    out << "  step " << d.step << " (" << result.steps.at(d.step).call << "): " << d.field
        << ": expected " << d.expected.dump() << ", got " << d.observed.dump() << "\n";
  }
  return out.str();
}

class CaseTest : public testing::Test {
 public:
  CaseTest(TargetSlot* slot, const Case* c, std::size_t serial)
      : slot_(slot), case_(c), serial_(serial) {}

  void TestBody() override {
    Target* target = slot_->get();
    if (!target) GTEST_SKIP() << slot_->name() << " unavailable: " << slot_->skip_reason();
    RunOptions options;
    options.name_prefix = "fmconf-gt" + std::to_string(serial_) + "-";
    const CaseResult result = target->run(*case_, options);
    const report::Expectation* listed = slot_->expectation(case_->id);
    const std::optional<report::ExpectationStatus> status =
        listed ? std::optional(listed->status) : std::nullopt;
    const report::Outcome outcome = report::classify(verdict_name(result.verdict), status);
    switch (outcome) {
      case report::Outcome::pass:
        return;
      case report::Outcome::known:
      case report::Outcome::flaky:
        // Listed divergence, still there: recorded, not a failure (like todo_wine).
        RecordProperty("outcome", std::string(report::outcome_name(outcome)));
        std::cout << "[  KNOWN   ] " << slot_->name() << " " << case_->id << ": " << listed->reason
                  << "\n";
        return;
      case report::Outcome::xpass:
        ADD_FAILURE() << "listed as known in the " << slot_->name()
                      << " expectations but passed (remove the entry): " << case_->id
                      << "\n  reason was: " << listed->reason;
        return;
      case report::Outcome::fail:
      case report::Outcome::error:
        ADD_FAILURE() << describe(result);
        return;
    }
  }

 private:
  TargetSlot* slot_;
  const Case* case_;
  std::size_t serial_;
};

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep)) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

Options parse_options(int& argc, char** argv) {
  Options options;
#if defined(_WIN32)
  options.targets = {"model", "native"};
#else
  options.targets = {"model", "wine"};
#endif
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      const std::string prefix = std::string(name) + "=";
      if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
      if (arg == name && i + 1 < argc) return std::string(argv[++i]);
      return std::nullopt;
    };
    if (auto v = value("--cases")) {
      options.cases = *v;
    } else if (auto e = value("--expectations")) {
      options.expectations = *e;
    } else if (auto t = value("--targets")) {
      options.targets = split(*t, ',');
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return options;
}

}  // namespace
}  // namespace fmconf

int main(int argc, char** argv) {
  using namespace fmconf;
  testing::InitGoogleTest(&argc, argv);
  const Options options = parse_options(argc, argv);

  static LoadResult loaded = load_cases(options.cases);
  if (loaded.cases.empty() && loaded.errors.empty()) {
    std::cerr << "fmconf-conformance: no cases under " << options.cases.string() << "\n";
    return 2;
  }
  static std::vector<std::unique_ptr<TargetSlot>> slots;
  for (const std::string& name : options.targets) {
    slots.push_back(std::make_unique<TargetSlot>(name, options.expectations));
  }
  std::size_t serial = 0;
  for (const auto& slot : slots) {
    for (const Case& c : loaded.cases) {
      const std::string suite = slot->name() + "." + c.group();
      const std::string name = c.id.substr(c.id.find('/') + 1);
      TargetSlot* s = slot.get();
      const Case* cp = &c;
      const std::size_t n = ++serial;
      testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, c.origin.file.c_str(),
                            static_cast<int>(c.origin.line),
                            [=]() -> testing::Test* { return new CaseTest(s, cp, n); });
    }
  }
  // An invalid case file is a failure of its own test, with the loader's message.
  for (const CaseError& e : loaded.errors) {
    const std::string name = e.case_id.empty() ? e.file : e.case_id;
    const std::string text = e.text();
    testing::RegisterTest("invalid", name.c_str(), nullptr, nullptr, e.file.c_str(),
                          static_cast<int>(e.line), [text]() -> testing::Test* {
                            struct Invalid : testing::Test {
                              explicit Invalid(std::string t) : text_(std::move(t)) {}
                              void TestBody() override { ADD_FAILURE() << text_; }
                              std::string text_;
                            };
                            return new Invalid(text);
                          });
  }
  return RUN_ALL_TESTS();
}
