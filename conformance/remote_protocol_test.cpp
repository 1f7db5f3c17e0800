// The executor protocol's request handler (src/remote/executor_service.hpp) over the model:
// garbage in gives an error response and the service keeps serving; calls and whole cases work.
#include <gtest/gtest.h>

#if __has_include("reference/model_api.hpp")
#include "reference/model_api.hpp"
#include "remote/api_call_codec.hpp"
#include "remote/executor_service.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace fmconf::remote {
namespace {

Json reply_json(ExecutorService& service, const std::string& line) {
  const auto reply = service.handle(line);
  EXPECT_EQ(reply.action, ExecutorService::Action::none) << line;
  return Json::parse(reply.line);
}

TEST(RemoteProtocol, GarbageGetsAnErrorAndTheServiceGoesOn) {
  ModelApi model;
  ExecutorService service(model);
  const std::vector<std::string> garbage_lines = {
      "garbage{",
      "[1,2]",
      "42",
      "\"op\"",
      "{}",
      R"({"op":7})",
      R"({"op":"nope","id":9})",
      R"({"op":"call"})",
      R"({"op":"call","fn":"Bogus","args":{}})",
      R"({"op":"call","fn":"CloseHandle","args":{"handle":-1}})",
      R"({"op":"call","fn":"CreateFileW","args":{"path":"not units"}})",
      R"({"op":"run_case","case":5})",
      R"({"op":"crash","how":"gently"})",
      std::string("\xff\xfe\x00{", 4)};
  for (const std::string& garbage : garbage_lines) {
    const Json response = reply_json(service, garbage);
    EXPECT_FALSE(response.at("ok").get<bool>()) << garbage;
    EXPECT_FALSE(response.at("error").get<std::string>().empty()) << garbage;
  }
  EXPECT_EQ(reply_json(service, R"({"op":"nope","id":9})").at("id"), 9);
  const Json hello = reply_json(service, R"({"op":"hello","id":"h"})");
  EXPECT_TRUE(hello.at("ok").get<bool>());
  EXPECT_EQ(hello.at("id"), "h");
  EXPECT_EQ(hello.at("protocol"), 1);  // a version-1 client asks for no version and gets 1
  EXPECT_EQ(hello.at("environment").at("target"), "model");
}

TEST(RemoteProtocol, HelloAgreesOnTheVersionBothSpeak) {
  ModelApi model;
  ExecutorService service(model);
  EXPECT_EQ(reply_json(service, R"({"op":"hello","protocol":1})").at("protocol"), 1);
  EXPECT_EQ(reply_json(service, R"({"op":"hello","protocol":2})").at("protocol"), 2);
  EXPECT_EQ(reply_json(service, R"({"op":"hello","protocol":99})").at("protocol"),
            kProtocolVersion);
  for (const char* bad : {R"({"op":"hello","protocol":0})", R"({"op":"hello","protocol":"2"})"}) {
    EXPECT_FALSE(reply_json(service, bad).at("ok").get<bool>()) << bad;
  }
}

TEST(RemoteProtocol, CallsCarryRawValuesAndTheLastError) {
  ModelApi model;
  ExecutorService service(model);
  ASSERT_TRUE(reply_json(service, R"({"op":"begin_case"})").at("ok").get<bool>());
  Json create = Json::parse(
      R"({"op":"call","fn":"CreateFileMappingW","last_error":3735928559,"args":{"file":18446744073709551615,"inherit":false,"protect":4,"size_high":0,"size_low":4096,"name":null}})");
  const Json created = reply_json(service, create.dump());
  ASSERT_TRUE(created.at("ok").get<bool>()) << created.dump();
  const auto mapping = created.at("ret").get<std::uint64_t>();
  EXPECT_NE(mapping, 0u);
  EXPECT_EQ(created.at("last_error"), 0);

  Json map = {
      {"op", "call"},
      {"fn", "MapViewOfFile"},
      {"args",
       {{"mapping", mapping}, {"access", 2}, {"offset_high", 0}, {"offset_low", 0}, {"bytes", 0}}}};
  const auto view = reply_json(service, map.dump()).at("ret").get<std::uint64_t>();
  ASSERT_NE(view, 0u);
  Json write = {
      {"op", "call"}, {"fn", "WriteView"}, {"args", {{"address", view + 1}, {"data", "abcd"}}}};
  EXPECT_EQ(reply_json(service, write.dump()).at("out").at("fault"), false);
  Json read = {{"op", "call"}, {"fn", "ReadView"}, {"args", {{"address", view}, {"length", 3}}}};
  EXPECT_EQ(reply_json(service, read.dump()).at("out").at("data"), "00abcd");

  Json close = {{"op", "call"}, {"fn", "CloseHandle"}, {"args", {{"handle", mapping}}}};
  EXPECT_EQ(reply_json(service, close.dump()).at("ret"), 1);
  const Json again = reply_json(service, close.dump());
  EXPECT_EQ(again.at("ret"), 0);
  EXPECT_EQ(again.at("last_error"), 6);  // ERROR_INVALID_HANDLE
  EXPECT_TRUE(reply_json(service, R"({"op":"end_case"})").at("ok").get<bool>());
}

TEST(RemoteProtocol, Utf16NamesKeepLoneSurrogates) {
  const std::u16string name = {u'a', static_cast<char16_t>(0xd800), u'b'};
  EXPECT_EQ(u16_from_json(u16_to_json(name), "name"), name);
}

TEST(RemoteProtocol, RunCaseReturnsTheResultAndInvalidCasesAreErrors) {
  ModelApi model;
  ExecutorService service(model);
  const Json good =
      Json::parse(R"({"op":"run_case","name_prefix":"t_","origin":{"file":"x.jsonl","line":3},
    "case":{"id":"g/ok","title":"t","provenance":{"kind":"inferred","source":"test"},
    "steps":[{"call":"CreateEventW","out":"e","name":"ev","expect":{"ok":true,"error":"ERROR_SUCCESS"}}]}})");
  const Json result = reply_json(service, good.dump()).at("result");
  EXPECT_EQ(result.at("verdict"), "pass") << result.dump();
  EXPECT_EQ(result.at("file"), "x.jsonl");

  const Json bad = Json::parse(R"({"op":"run_case","case":{"id":"g/bad","title":"t",
    "provenance":{"kind":"inferred","source":"test"},"steps":[{"call":"NoSuchCall"}]}})");
  const Json response = reply_json(service, bad.dump());
  EXPECT_TRUE(response.at("ok").get<bool>());
  EXPECT_EQ(response.at("result").at("verdict"), "error") << response.dump();
}

// The lines of one reply (run_cases answers with several).
std::vector<Json> reply_lines(ExecutorService& service, const std::string& line,
                              ExecutorService::Action expected = ExecutorService::Action::none) {
  std::vector<Json> lines;
  const auto action = service.handle(line, [&](std::string_view out) {
    EXPECT_EQ(out.find('\n'), std::string_view::npos);
    lines.push_back(Json::parse(out));
  });
  EXPECT_EQ(action, expected) << line;
  return lines;
}

constexpr const char* kPassingCase =
    R"({"id":"g/ok","title":"t","provenance":{"kind":"inferred","source":"test"},
    "steps":[{"call":"CreateEventW","out":"e","name":"ev","expect":{"ok":true,"error":"ERROR_SUCCESS"}}]})";

TEST(RemoteProtocol, RunCasesStreamsOneLinePerCaseThenDone) {
  ModelApi model;
  ExecutorService service(model);
  Json request = Json::parse(R"({"op":"run_cases","id":7,"name_prefix":"d_","cases":[]})");
  const Json good = Json::parse(kPassingCase);
  request["cases"].push_back({{"case", good}, {"origin", {{"file", "a.jsonl"}, {"line", 4}}}});
  request["cases"].push_back({{"case", 5}});  // not a case: an error for this item only
  request["cases"].push_back(Json::parse(R"({"case":{"id":"g/bad","title":"t",
    "provenance":{"kind":"inferred","source":"test"},"steps":[{"call":"NoSuchCall"}]}})"));
  request["cases"].push_back({{"case", good}, {"name_prefix", "own_"}});
  request["cases"].push_back("garbage");
  const std::vector<Json> lines = reply_lines(service, request.dump());
  ASSERT_EQ(lines.size(), 6u);
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(lines[k].at("id"), 7);
    EXPECT_EQ(lines[k].at("index"), k);
  }
  EXPECT_TRUE(lines[0].at("ok").get<bool>());
  EXPECT_EQ(lines[0].at("result").at("verdict"), "pass") << lines[0].dump();
  EXPECT_EQ(lines[0].at("result").at("file"), "a.jsonl");
  EXPECT_EQ(lines[0].at("result").at("line"), 4);
  EXPECT_FALSE(lines[1].at("ok").get<bool>());
  EXPECT_FALSE(lines[1].at("error").get<std::string>().empty());
  EXPECT_TRUE(lines[2].at("ok").get<bool>());
  EXPECT_EQ(lines[2].at("result").at("verdict"), "error");
  EXPECT_EQ(lines[3].at("result").at("verdict"), "pass");
  EXPECT_FALSE(lines[4].at("ok").get<bool>());
  EXPECT_EQ(lines[5].at("id"), 7);
  EXPECT_TRUE(lines[5].at("ok").get<bool>());
  EXPECT_EQ(lines[5].at("done"), 5);
  EXPECT_FALSE(lines[5].contains("index"));

  // The same case through run_case and through run_cases gives the same result line.
  Json single = {{"op", "run_case"}, {"case", good}, {"name_prefix", "own_"}};
  EXPECT_EQ(reply_json(service, single.dump()).at("result"), lines[3].at("result"));
}

TEST(RemoteProtocol, RunCasesCanReportObservationsOnly) {
  ModelApi model;
  ExecutorService service(model);
  Json request = {{"op", "run_cases"}, {"report", "observations"}, {"cases", Json::array()}};
  request["cases"].push_back({{"case", Json::parse(kPassingCase)}});
  const std::vector<Json> lines = reply_lines(service, request.dump());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].contains("result"));
  EXPECT_EQ(lines[0].at("observed"), Json::parse(R"({"steps":[[1,0]]})")) << lines[0].dump();
  EXPECT_EQ(lines[1].at("done"), 1);
  EXPECT_TRUE(lines[1].at("run_ns").is_number_unsigned());

  request["report"] = "everything";
  const std::vector<Json> refused = reply_lines(service, request.dump());
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(refused[0].at("ok").get<bool>());
}

TEST(RemoteProtocol, RunCasesWithoutAListIsOneError) {
  ModelApi model;
  ExecutorService service(model);
  for (const char* bad : {R"({"op":"run_cases","id":1})", R"({"op":"run_cases","id":1,"cases":{}})",
                          R"({"op":"run_cases","id":1,"cases":[],"name_prefix":3})"}) {
    const std::vector<Json> lines = reply_lines(service, bad);
    ASSERT_EQ(lines.size(), 1u) << bad;
    EXPECT_FALSE(lines[0].at("ok").get<bool>()) << bad;
    EXPECT_FALSE(lines[0].contains("index")) << bad;
  }
  const std::vector<Json> empty = reply_lines(service, R"({"op":"run_cases","cases":[]})");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].at("done"), 0);
}

TEST(RemoteProtocol, ATestItemStopsTheBatchAfterTheResultsBeforeIt) {
  ModelApi model;
  ExecutorService service(model);
  for (const auto& [item, action] : {std::pair{R"({"op":"hang"})", ExecutorService::Action::hang},
                                     std::pair{R"({"op":"crash","how":"access_violation"})",
                                               ExecutorService::Action::crash_access_violation}}) {
    const std::string request = std::string(R"({"op":"run_cases","cases":[{"case":)") +
                                kPassingCase + "}," + item + R"(,{"case":)" + kPassingCase + "}]}";
    const std::vector<Json> lines = reply_lines(service, request, action);
    ASSERT_EQ(lines.size(), 1u) << request;  // the first case's result, then nothing
    EXPECT_EQ(lines[0].at("index"), 0);
    EXPECT_EQ(lines[0].at("result").at("verdict"), "pass");
  }
}

TEST(RemoteProtocol, BenchCasesTimesTheCasesInProcess) {
  ModelApi model;
  ExecutorService service(model);
  const std::string request = std::string(R"({"op":"bench_cases","repeat":3,"cases":[{"case":)") +
                              kPassingCase + R"(},{"case":)" + kPassingCase + "}]}";
  const Json response = reply_json(service, request);
  ASSERT_TRUE(response.at("ok").get<bool>()) << response.dump();
  EXPECT_EQ(response.at("cases"), 2);
  EXPECT_EQ(response.at("repeat"), 3);
  EXPECT_EQ(response.at("passed"), 6);
  EXPECT_TRUE(response.at("nanoseconds").is_number_unsigned());
}

TEST(RemoteProtocol, TestOnlyRequestsAskTheProcessToActWithoutAnswering) {
  ModelApi model;
  ExecutorService service(model);
  EXPECT_EQ(service.handle(R"({"op":"hang"})").action, ExecutorService::Action::hang);
  EXPECT_TRUE(service.handle(R"({"op":"hang"})").line.empty());
  EXPECT_EQ(service.handle(R"({"op":"crash","how":"access_violation"})").action,
            ExecutorService::Action::crash_access_violation);
  EXPECT_EQ(service.handle(R"({"op":"crash"})").action, ExecutorService::Action::crash_abort);
  EXPECT_EQ(service.handle(R"({"op":"quit"})").action, ExecutorService::Action::quit);
}

}  // namespace
}  // namespace fmconf::remote
#endif
