// One CreateFileMapping situation of the flProtect sweep: a backing (pagefile, a data file, a PE
// image file) × the file handle's access × a size class, and what a call observably does there.
// `ScenarioRunner` prepares the files once on an Api and evaluates any flProtect value against
// every scenario, putting the files back after each call, so a value costs a few calls.
#pragma once

#include "api/api.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace fmconf::property {

enum class Backing { pagefile, data_file, image_file };
enum class SizeClass { zero, inside_file, beyond_file, high_dword, huge };

struct Scenario {
  Backing backing = Backing::pagefile;
  std::uint32_t file_access = 0;  // CreateFile access (file backings)
  SizeClass size = SizeClass::inside_file;
  std::string label() const;
};

// Every scenario of the sweep, in a stable order.
const std::vector<Scenario>& sweep_scenarios();

// What one CreateFileMappingW call does, observably (never raw handle values).
struct ProtectOutcome {
  bool ok = false;
  std::uint32_t error = 0;            // GetLastError after the call
  std::uint32_t attributes = 0;       // QuerySection, when ok
  std::uint64_t section_size = 0;     // QuerySection, when ok
  std::uint64_t file_size_after = 0;  // the backing file's size after the call (files)
  std::uint32_t views = 0;            // bit i: view kViewProbes[i] could be mapped
  friend bool operator==(const ProtectOutcome&, const ProtectOutcome&) = default;
  std::string text() const;
};

// The view accesses probed on a created mapping: FILE_MAP_READ, FILE_MAP_WRITE, FILE_MAP_COPY,
// FILE_MAP_EXECUTE|FILE_MAP_READ (spec:1D).
inline constexpr std::uint32_t kViewProbes[] = {0x4, 0x2, 0x1, 0x24};

inline constexpr std::uint64_t kFileSize = 0x2000;  // two pages of data

class ScenarioRunner {
 public:
  // Calls api.begin_case() and prepares the files; the destructor calls end_case().
  explicit ScenarioRunner(Api& api);
  ~ScenarioRunner();
  ScenarioRunner(const ScenarioRunner&) = delete;
  ScenarioRunner& operator=(const ScenarioRunner&) = delete;

  ProtectOutcome evaluate(const Scenario& scenario, std::uint32_t flprotect);

 private:
  Handle file_for(const Scenario& scenario);

  Api& api_;
  Handle data_rw_ = 0;   // restores the data file's size
  Handle image_rw_ = 0;  // restores the image file's size
  std::vector<std::pair<std::pair<Backing, std::uint32_t>, Handle>> opened_;
};

}  // namespace fmconf::property
