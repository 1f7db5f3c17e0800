// Writes every report output of a merged set into a folder: results-<column>.json, junit.xml,
// summary.md, index.html, wine-divergences.md.
#pragma once

#include "report/report_set.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace fmconf::report {

// The file name of a column's results: "results-wine.json", "results-windows.json".
std::string results_file_name(const std::string& column_label);

// Returns the paths written. Throws std::runtime_error on an I/O failure.
std::vector<std::filesystem::path> write_outputs(const ReportSet& set,
                                                 const std::filesystem::path& out_dir);

}  // namespace fmconf::report
