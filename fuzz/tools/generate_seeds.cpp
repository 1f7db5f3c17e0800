// fmconf-fuzz-seeds: writes the seed corpora corpus/fuzz/<target>/<sha1> from the conformance
// cases (not by hand): each case encoded as each program target's input, its names as
// fuzz_names input, its own JSON line as fuzz_casefile input. Regenerate after the cases change:
//   build/<preset>/fmconf-fuzz-seeds corpus/cases corpus/fuzz
#include "cases/case_file.hpp"
#include "fuzz/program/name_program.hpp"
#include "fuzz/program/program_codec.hpp"
#include "fuzz/program/sha1.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace fmconf;
using namespace fmconf::fuzz;

namespace {

std::u16string to_u16(const std::string& utf8) {
  std::u16string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<std::uint8_t>(utf8[i]);
    std::uint32_t cp = c;
    std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (n > 1) cp = c & (0xff >> (n + 1));
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<std::uint8_t>(utf8[i + k]) & 0x3fu);
    }
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xd800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += n;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fmconf-fuzz-seeds CASES_FOLDER CORPUS_FUZZ_FOLDER\n";
    return 2;
  }
  const LoadResult loaded = load_cases(fs::path(argv[1]));
  std::map<std::string, std::set<std::string>> written;  // target -> hashes
  std::map<std::string, std::map<std::string, Bytes>> seeds;
  auto add = [&](const std::string& target, const Bytes& bytes) {
    if (bytes.empty()) return;
    seeds[target][sha1_hex(bytes)] = bytes;
  };
  for (const Case& c : loaded.cases) {
    for (Profile p : {Profile::program, Profile::handles, Profile::differential}) {
      add(std::string(profile_target(p)), encode_program(c.json, p));
    }
    std::vector<std::u16string> names;
    for (const Step& s : c.steps) {
      if (s.name && !s.name->empty()) names.push_back(to_u16(*s.name));
    }
    add("fuzz_names", encode_names(names));
    const std::string line = c.json.dump();
    add("fuzz_casefile", Bytes(line.begin(), line.end()));
  }
  for (const auto& [target, files] : seeds) {
    const fs::path folder = fs::path(argv[2]) / target;
    fs::remove_all(folder);  // generated: nothing hand-made lives here
    fs::create_directories(folder);
    for (const auto& [hash, bytes] : files) {
      std::ofstream(folder / hash, std::ios::binary)
          .write(reinterpret_cast<const char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()));
    }
    std::cerr << target << ": " << files.size() << " seeds in " << folder.string() << "\n";
  }
  std::cerr << loaded.cases.size() << " cases read, " << loaded.errors.size() << " invalid\n";
  return 0;
}
