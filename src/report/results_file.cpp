#include "report/results_file.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#if defined(_WIN32)
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace fmconf::report {

Json run_info_to_json(const RunInfo& run) {
  Json json = {{"target", run.target},
               {"version", run.version},
               {"page_size", run.page_size},
               {"allocation_granularity", run.allocation_granularity},
               {"suite_commit", run.suite_commit},
               {"date", run.date},
               {"host", run.host},
               {"command", run.command}};
  if (!run.inferred.empty()) json["inferred"] = run.inferred;
  if (!run.launcher.empty()) json["launcher"] = run.launcher;
  if (!run.launcher_version.empty()) json["launcher_version"] = run.launcher_version;
  if (!run.expectations.empty()) json["expectations"] = run.expectations;
  if (!run.expectations_note.empty()) json["expectations_note"] = run.expectations_note;
  return json;
}

RunInfo run_info_from_json(const Json& json) {
  RunInfo run;
  run.target = json.value("target", "");
  run.version = json.value("version", "");
  run.page_size = json.value("page_size", std::uint32_t{0});
  run.allocation_granularity = json.value("allocation_granularity", std::uint32_t{0});
  run.suite_commit = json.value("suite_commit", "unknown");
  run.date = json.value("date", "");
  run.host = json.value("host", "");
  run.command = json.value("command", "");
  if (json.contains("inferred") && json["inferred"].is_array()) run.inferred = json["inferred"];
  run.launcher = json.value("launcher", "");
  run.launcher_version = json.value("launcher_version", "");
  run.expectations = json.value("expectations", "");
  run.expectations_note = json.value("expectations_note", "");
  return run;
}

ResultsFile parse_results_file(const Json& json, const std::string& where) {
  if (!json.is_object() || json.value("format", "") != kResultsFormat) {
    throw std::runtime_error(where + ": not an fmconf results file (\"format\" is not \"" +
                             kResultsFormat + "\")");
  }
  if (json.value("format_version", 0) != kResultsFormatVersion) {
    throw std::runtime_error(where + ": unsupported format_version " +
                             json.value("format_version", Json()).dump());
  }
  if (!json.contains("run") || !json["run"].is_object() || !json.contains("results") ||
      !json["results"].is_array()) {
    throw std::runtime_error(where + ": missing \"run\" object or \"results\" array");
  }
  ResultsFile file;
  file.run = run_info_from_json(json["run"]);
  if (file.run.target.empty()) throw std::runtime_error(where + ": run.target is empty");
  for (const auto& result : json["results"]) {
    if (!result.is_object() || !result.contains("id") || !result["id"].is_string()) {
      throw std::runtime_error(where + ": a result without a string \"id\"");
    }
    file.results.push_back(result);
  }
  return file;
}

ResultsFile read_results_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  Json json;
  try {
    json = Json::parse(in);
  } catch (const Json::exception& e) {  // parse_error, or out_of_range for a number overflow
    throw std::runtime_error(path.string() + ": " + e.what());
  }
  return parse_results_file(json, path.string());
}

std::string results_file_text(const ResultsFile& file) {
  std::ostringstream out;
  out << "{\"format\": \"" << kResultsFormat << "\", \"format_version\": " << kResultsFormatVersion
      << ",\n \"run\": " << run_info_to_json(file.run).dump() << ",\n \"results\": [";
  for (std::size_t i = 0; i < file.results.size(); ++i) {
    out << (i == 0 ? "\n  " : ",\n  ") << file.results[i].dump();
  }
  out << "\n]}\n";
  return out.str();
}

void write_results_file(const std::filesystem::path& path, const ResultsFile& file) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
  out << results_file_text(file);
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
#if defined(_WIN32)
  gmtime_s(&tm, &now);
#else
  gmtime_r(&now, &tm);
#endif
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text.data();
}

std::string host_name() {
#if defined(_WIN32)
  std::array<char, 256> name{};
  DWORD size = static_cast<DWORD>(name.size());
  if (GetComputerNameA(name.data(), &size)) return std::string(name.data(), size);
  return "unknown";
#else
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) == 0) return name.data();
  return "unknown";
#endif
}

std::string suite_commit(const std::filesystem::path& source_dir) {
#if defined(_WIN32)
  const std::string command = "git -C \"" + source_dir.string() + "\" rev-parse HEAD 2>NUL";
  FILE* pipe = _popen(command.c_str(), "r");
#else
  const std::string command = "git -C '" + source_dir.string() + "' rev-parse HEAD 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
#endif
  if (pipe == nullptr) return "unknown";
  std::array<char, 128> line{};
  std::string text;
  while (std::fgets(line.data(), static_cast<int>(line.size()), pipe) != nullptr)
    text += line.data();
#if defined(_WIN32)
  const int status = _pclose(pipe);
#else
  const int status = pclose(pipe);
#endif
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (status != 0 || text.size() != 40) return "unknown";
  return text;
}

}  // namespace fmconf::report
