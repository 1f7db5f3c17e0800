// The report outputs from the fixture results in reports/fixtures/: the JUnit and Markdown
// numbers, the Wine divergence list, the HTML data, and merging runs into columns.
#include "report/html_page.hpp"
#include "report/junit_xml.hpp"
#include "report/markdown_summary.hpp"
#include "report/protect_heatmap.hpp"
#include "report/report_set.hpp"
#include "report/results_file.hpp"
#include "report/wine_divergences.hpp"
#include "report/write_outputs.hpp"

#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace fmconf::report {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(FMCONF_SOURCE_DIR) / "reports/fixtures";

ResultsFile fixture(const char* name) { return read_results_file(kFixtures / name); }

ReportSet model_and_wine() {
  return build_report_set({fixture("results-wine.json"), fixture("results-model.json")});
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(ReportOutputs, ColumnsAreOrderedModelWindowsWine) {
  const ReportSet set =
      build_report_set({fixture("results-wine.json"), fixture("results-windows.json"),
                        fixture("results-model.json")});
  ASSERT_EQ(set.columns.size(), 3u);
  EXPECT_EQ(set.columns[0].label, "model");
  EXPECT_EQ(set.columns[1].label, "windows");
  EXPECT_EQ(set.columns[2].label, "wine");
  EXPECT_EQ(set.groups, (std::vector<std::string>{"handles", "protect", "seed", "sizes"}));
  EXPECT_EQ(set.case_ids.size(), 7u);
}

TEST(ReportOutputs, CountsPerGroupAndTarget) {
  const ReportSet set = model_and_wine();
  const Counts wine = set.counts(1, "");
  EXPECT_EQ(wine.total(), 7u);
  EXPECT_EQ(wine[Outcome::pass], 1u);
  EXPECT_EQ(wine[Outcome::known], 1u);
  EXPECT_EQ(wine[Outcome::xpass], 1u);
  EXPECT_EQ(wine[Outcome::fail], 2u);
  EXPECT_EQ(wine[Outcome::flaky], 1u);
  EXPECT_EQ(wine[Outcome::error], 1u);
  EXPECT_EQ(wine.gating(), 4u);
  const Counts protect = set.counts(1, "protect");
  EXPECT_EQ(protect.total(), 3u);
  EXPECT_EQ(protect[Outcome::known], 1u);
  EXPECT_EQ(set.counts(0, "").total(), 7u);
  EXPECT_EQ(set.counts(0, "")[Outcome::pass], 7u);
}

TEST(ReportOutputs, JunitNumbersMatchTheResults) {
  const std::string xml = junit_xml(model_and_wine());
  // 7 model + 7 wine test cases; failures = wine fail (2) + xpass (1); errors = 1.
  EXPECT_NE(xml.find(R"(<testsuites name="fmconf" tests="14" failures="3" errors="1")"),
            std::string::npos)
      << xml.substr(0, 300);
  EXPECT_EQ(count_of(xml, "<testcase "), 14u);
  EXPECT_EQ(count_of(xml, "<testsuite "), 8u);  // 4 groups x 2 targets
  EXPECT_NE(xml.find(R"(<testsuite name="wine.protect" tests="3" failures="1" errors="0")"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(<testsuite name="wine.sizes" tests="2" failures="1" errors="0")"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(<property name="outcome" value="known"/>)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<property name="outcome" value="xpass"/>)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<failure type="xpass")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<error type="error" message="executor crashed">)"), std::string::npos);
  EXPECT_NE(xml.find("&lt;is&gt;"), std::string::npos);  // the seed title is not in junit, but
  EXPECT_EQ(xml.find("<is>"), std::string::npos);        // nothing is left unescaped
}

TEST(ReportOutputs, MarkdownSummaryShowsTheNumbers) {
  const std::string md = markdown_summary(model_and_wine());
  EXPECT_NE(md.find("| model | 7 | 7 | 0 | 0 | 0 | 0 | 0 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| wine | 7 | 1 | 2 | 1 | 1 | 1 | 1 |"), std::string::npos) << md;
  // Per group: pass / known / new failures / xpass (of total).
  EXPECT_NE(md.find("| protect | 3 / 0 / 0 / 0 (of 3) | 1 / 1 / 0 / 1 (of 3) |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| sizes | 2 / 0 / 0 / 0 (of 2) | 0 / 0 / 1 / 0 (of 2) |"), std::string::npos)
      << md;
  EXPECT_NE(
      md.find("| wine | `sizes/zero-file` | fail | step 1 error: expected ERROR_FILE_INVALID, "
              "observed ERROR_NOT_ENOUGH_MEMORY |"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("| wine | `protect/0x20-sec_commit-file` | xpass |"), std::string::npos);
}

TEST(ReportOutputs, MergingASecondResultsFileAddsAColumn) {
  const ReportSet two = model_and_wine();
  const ReportSet three =
      build_report_set({fixture("results-model.json"), fixture("results-wine.json"),
                        fixture("results-windows.json")});
  EXPECT_EQ(three.columns.size(), two.columns.size() + 1);
  const std::string md = markdown_summary(three);
  EXPECT_NE(md.find("| group | model | windows | wine |"), std::string::npos) << md;
  EXPECT_NE(md.find("| handles | 1 / 0 / 0 / 0 (of 1) | – | 0 / 0 / 0 / 0 (of 1) |"),
            std::string::npos)
      << md;
  const Json data = html_page_data(three);
  ASSERT_EQ(data["columns"].size(), 3u);
  EXPECT_EQ(data["columns"][1]["label"], "windows");
  EXPECT_EQ(data["matrix"]["protect"][1]["total"], 2);
  // Two runs of one target keep apart by version.
  ResultsFile wine9 = fixture("results-wine.json");
  wine9.run.version = "wine-9.0";
  const ReportSet wines = build_report_set({fixture("results-wine.json"), wine9});
  EXPECT_EQ(wines.columns[0].label, "wine wine-8.0");
  EXPECT_EQ(wines.columns[1].label, "wine wine-9.0");
}

TEST(ReportOutputs, WineDivergencesListEveryFailingCaseWithItsSpecRow) {
  const std::string md = wine_divergences_markdown(model_and_wine());
  EXPECT_NE(md.find("4 divergence(s)"), std::string::npos) << md;  // known, fail x2, flaky
  EXPECT_NE(md.find("## spec:B17"), std::string::npos) << md;
  EXPECT_NE(md.find("### `protect/0x10-none-pagefile`"), std::string::npos);
  EXPECT_NE(md.find("step 0 error: expected ERROR_INVALID_PARAMETER, observed ERROR_SUCCESS"),
            std::string::npos);
  EXPECT_NE(md.find("m = CreateFileMappingW(file=INVALID_HANDLE_VALUE"), std::string::npos);
  EXPECT_EQ(md.find("protect/0x20-sec_commit-file"), std::string::npos);  // passes on Wine
}

TEST(ReportOutputs, HeatmapCellComesFromTheFirstCreateFileMappingStep) {
  const Json the_case = {{"steps",
                          {{{"call", "CreateFileW"}, {"out", "f"}},
                           {{"call", "CreateFileMappingA"},
                            {"file", "f"},
                            {"protect", "0x37|SEC_COMMIT|SEC_NOCACHE"}}}}};
  const auto cell = heatmap_cell(the_case);
  ASSERT_TRUE(cell.has_value());
  EXPECT_EQ(cell->low_byte, 0x37u);
  EXPECT_EQ(cell->attributes, "SEC_COMMIT|SEC_NOCACHE");
  EXPECT_EQ(cell->backing, "file");
  const auto none = heatmap_cell({{"steps",
                                   {{{"call", "CreateFileMappingW"},
                                     {"file", "INVALID_HANDLE_VALUE"},
                                     {"protect", "PAGE_READONLY"}}}}});
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->attributes, "none");
  EXPECT_EQ(none->backing, "pagefile");
  EXPECT_FALSE(heatmap_cell({{"steps", Json::array()}}).has_value());
}

TEST(ReportOutputs, HtmlPageIsSelfContainedAndEmbedsEscapedData) {
  const std::string page = html_page(model_and_wine());
  EXPECT_EQ(page.find("/*FMCONF_DATA*/"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("<is>"), std::string::npos);  // '<' inside the data is \u003c
  EXPECT_NE(page.find("\\u003cis>"), std::string::npos);
  const std::regex script_close("</script>", std::regex::icase);
  EXPECT_EQ(std::distance(std::sregex_iterator(page.begin(), page.end(), script_close),
                          std::sregex_iterator()),
            2);
}

TEST(ReportOutputs, WriteOutputsWritesEveryFileAndResultsRoundTrip) {
  const auto dir = std::filesystem::temp_directory_path() / "fmconf-report-outputs-test";
  std::filesystem::remove_all(dir);
  const auto written = write_outputs(model_and_wine(), dir);
  for (const char* name : {"results-model.json", "results-wine.json", "junit.xml", "summary.md",
                           "index.html", "wine-divergences.md"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  }
  EXPECT_EQ(written.size(), 6u);
  const ResultsFile back = read_results_file(dir / "results-wine.json");
  const ResultsFile original = fixture("results-wine.json");
  EXPECT_EQ(back.run.version, "wine-8.0");
  EXPECT_EQ(back.results, original.results);
  std::filesystem::remove_all(dir);
}

TEST(ReportOutputs, BadResultsFilesAreRejectedWithTheirName) {
  EXPECT_THROW(parse_results_file({{"format", "other"}}, "x.json"), std::runtime_error);
  EXPECT_THROW(parse_results_file({{"format", "fmconf-results"}, {"format_version", 2}}, "x.json"),
               std::runtime_error);
  try {
    read_results_file(kFixtures / "missing.json");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing.json"), std::string::npos);
  }
}

}  // namespace
}  // namespace fmconf::report
