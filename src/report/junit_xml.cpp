#include "report/junit_xml.hpp"

#include "report/apply_expectations.hpp"
#include "report/describe.hpp"
#include "report/expectations.hpp"

#include <fmt/format.h>

namespace fmconf::report {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

namespace {

std::string failure_text(const Json& result) {
  std::string text;
  if (result.contains("diff") && result["diff"].is_array()) {
    for (const auto& d : result["diff"]) text += describe_diff(d) + "\n";
  }
  if (result.contains("message")) text += describe_value(result["message"]) + "\n";
  return text;
}

void testcase(std::string& out, const std::string& suite, const Json& result) {
  const Outcome outcome = outcome_of(result);
  const std::string id = result.value("id", "");
  out += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\">\n", xml_escape(suite),
                     xml_escape(id));
  out += "      <properties>\n";
  out += fmt::format("        <property name=\"outcome\" value=\"{}\"/>\n", outcome_name(outcome));
  std::string title = result.value("title", "");
  if (title.empty() && result.contains("case") && result["case"].is_object()) {
    title = result["case"].value("title", "");
  }
  if (!title.empty()) {
    out += fmt::format("        <property name=\"title\" value=\"{}\"/>\n", xml_escape(title));
  }
  if (const std::string rows = spec_rows_of(result); !rows.empty()) {
    out += fmt::format("        <property name=\"spec\" value=\"{}\"/>\n", xml_escape(rows));
  }
  if (result.contains("expectation") && result["expectation"].is_object()) {
    out += fmt::format("        <property name=\"expectation\" value=\"{}\"/>\n",
                       xml_escape(result["expectation"].value("reason", "")));
  }
  out += "      </properties>\n";
  const std::string details = failure_text(result);
  switch (outcome) {
    case Outcome::fail:
      out += fmt::format("      <failure type=\"fail\" message=\"new failure\">{}</failure>\n",
                         xml_escape(details));
      break;
    case Outcome::xpass:
      out += fmt::format(
          "      <failure type=\"xpass\" message=\"listed as known but passes: remove the "
          "expectation\"></failure>\n");
      break;
    case Outcome::error:
      out += fmt::format("      <error type=\"error\" message=\"{}\">{}</error>\n",
                         xml_escape(result.value("message", std::string("error"))),
                         xml_escape(details));
      break;
    case Outcome::known:
    case Outcome::flaky:
      if (!details.empty())
        out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(details));
      break;
    case Outcome::pass:
      break;
  }
  out += "    </testcase>\n";
}

}  // namespace

std::string junit_xml(const ReportSet& set) {
  std::string body;
  Counts all;
  for (std::size_t c = 0; c < set.columns.size(); ++c) {
    const ReportColumn& column = set.columns[c];
    for (const auto& group : set.groups) {
      const Counts counts = set.counts(c, group);
      if (counts.total() == 0) continue;
      for (Outcome o : kAllOutcomes) all[o] += counts[o];
      const std::string suite = column.label + "." + group;
      body += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" "
          "timestamp=\"{}\" hostname=\"{}\">\n",
          xml_escape(suite), counts.total(), counts[Outcome::fail] + counts[Outcome::xpass],
          counts[Outcome::error], xml_escape(column.run.run.date),
          xml_escape(column.run.run.host.empty() ? "unknown" : column.run.run.host));
      body += "    <properties>\n";
      body += fmt::format("      <property name=\"target\" value=\"{}\"/>\n",
                          xml_escape(column.run.run.target));
      body += fmt::format("      <property name=\"version\" value=\"{}\"/>\n",
                          xml_escape(column.run.run.version));
      body += fmt::format("      <property name=\"suite_commit\" value=\"{}\"/>\n",
                          xml_escape(column.run.run.suite_commit));
      if (!column.run.run.launcher.empty()) {
        body += fmt::format("      <property name=\"launcher\" value=\"{}\"/>\n",
                            xml_escape(column.run.run.launcher));
      }
      for (Outcome o : {Outcome::known, Outcome::xpass, Outcome::flaky}) {
        body +=
            fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", outcome_name(o), counts[o]);
      }
      body += "    </properties>\n";
      for (const auto& result : column.run.results) {
        if (group_of(result.value("id", "")) == group) testcase(body, suite, result);
      }
      body += "  </testsuite>\n";
    }
  }
  return fmt::format(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"fmconf\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
             "skipped=\"0\">\n",
             all.total(), all[Outcome::fail] + all[Outcome::xpass], all[Outcome::error]) +
         body + "</testsuites>\n";
}

}  // namespace fmconf::report
