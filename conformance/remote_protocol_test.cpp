// The executor protocol's request handler (src/remote/executor_service.hpp) over the model:
// garbage in gives an error response and the service keeps serving; calls and whole cases work.
#include <gtest/gtest.h>

#if __has_include("reference/model_api.hpp")
#include "reference/model_api.hpp"
#include "remote/api_call_codec.hpp"
#include "remote/executor_service.hpp"

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
  EXPECT_EQ(hello.at("protocol"), kProtocolVersion);
  EXPECT_EQ(hello.at("environment").at("target"), "model");
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
