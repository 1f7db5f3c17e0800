#include "fuzz/program/name_program.hpp"

#include "api/vocabulary.hpp"
#include "fuzz/program/choice_stream.hpp"

#include <array>

#include <fmt/format.h>

namespace fmconf::fuzz {
namespace {

// 16 calls: enough to create, re-open, collide across types and close; the namespace is fresh
// for every input, so longer programs only repeat.
constexpr std::size_t kMaxCalls = 16;
// Up to 8 tokens a name: prefixes and separators combine within that; longer names come from
// the padding below.
constexpr std::size_t kMaxTokens = 8;

constexpr std::array<std::string_view, 11> kCalls = {
    "CreateFileMappingW", "CreateFileMappingA", "OpenFileMappingW", "OpenFileMappingA",
    "CreateEventW",       "OpenEventW",         "CreateMutexW",     "OpenMutexW",
    "CreateSemaphoreW",   "OpenSemaphoreW",     "CloseHandle"};

// spec:§3 namespaces: Local\ and Global\ (case-sensitive), the reserved Session\, a leading "\".
const std::array<std::u16string, 7> kPrefixes = {
    u"", u"Local\\", u"Global\\", u"Session\\1\\", u"\\", u"local\\", u"Global\\Local\\"};
// Tokens: the pre-populated names and their case variants [N3, N5], separators [§3 "Other
// backslashes"], NUL (C-string end), lone surrogates, a BOM, non-ASCII (A calls: '?').
const std::array<std::u16string, 14> kTokens = {u"sec",
                                                u"evt",
                                                u"mtx",
                                                u"sem",
                                                u"SEC",
                                                u"lsec",
                                                u"a",
                                                u"\\",
                                                std::u16string(1, u'\0'),
                                                std::u16string(1, char16_t{0xd800}),
                                                std::u16string(1, char16_t{0xdc00}),
                                                u"\u00e9",
                                                u"\u20ac",
                                                u"\ufeff"};
// Padding to the limits: MAX_PATH for the A calls (K32), the NT limit of 32766 units (OM
// test_name_limits). 32767 is the cap: a longer name only costs time.
constexpr std::array<std::size_t, 7> kPadTo = {0, 259, 260, 261, 32766, 32767, 64};

void prelude(Api& api) {
  api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, u"sec");
  api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, u"Local\\lsec");
  api.CreateEventW(false, false, u"evt");
  api.CreateMutexW(false, u"mtx");
  api.CreateSemaphoreW(0, 1, u"sem");
}

std::string ansi(const std::u16string& name) {
  std::string out;
  for (char16_t c : name) out += static_cast<char>(c & 0xff);
  return out;
}

std::string utf8(const std::u16string& s, bool* lossy) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::uint32_t cp = s[i];
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.size() && s[i + 1] >= 0xdc00 &&
        s[i + 1] < 0xe000) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (s[++i] - 0xdc00u);
    } else if (cp >= 0xd800 && cp < 0xe000) {
      cp = 0xfffd;
      *lossy = true;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  return out;
}

}  // namespace

std::vector<NameCall> decode_names(std::span<const std::uint8_t> data) {
  ChoiceReader in(data);
  std::vector<NameCall> calls;
  while (!in.empty() && calls.size() < kMaxCalls) {
    NameCall c;
    c.call = kCalls[in.pick(kCalls.size())];
    if (c.call != "CloseHandle") {
      c.name = kPrefixes[in.pick(kPrefixes.size())];
      const std::size_t tokens = in.pick(kMaxTokens + 1);
      for (std::size_t t = 0; t < tokens; ++t) {
        const std::size_t i = in.pick(kTokens.size() + 1);
        c.name +=
            i < kTokens.size() ? kTokens[i] : std::u16string(1, static_cast<char16_t>(in.u32()));
      }
      const std::size_t pad = kPadTo[in.pick(kPadTo.size())];
      if (c.name.size() < pad) c.name.append(pad - c.name.size(), u'a');
    }
    calls.push_back(std::move(c));
  }
  return calls;
}

Bytes encode_names(std::span<const std::u16string> names) {
  ChoiceWriter out;
  std::size_t count = 0;
  for (const std::u16string& name : names) {
    for (std::size_t call : {std::size_t{0}, std::size_t{2}, std::size_t{1}, std::size_t{3}}) {
      if (count++ == kMaxCalls) return out.finish();
      out.pick(call, kCalls.size());
      out.pick(0, kPrefixes.size());  // the prefix stays in the raw units below
      const std::size_t units = std::min(name.size(), kMaxTokens);
      out.pick(units, kMaxTokens + 1);
      for (std::size_t u = 0; u < units; ++u) {
        out.pick(kTokens.size(), kTokens.size() + 1);
        out.u32(name[u]);
      }
      out.pick(0, kPadTo.size());
    }
  }
  return out.finish();
}

void run_names(const std::vector<NameCall>& calls, Api& api) {
  api.begin_case();
  prelude(api);
  std::vector<Handle> opened;
  for (const NameCall& c : calls) {
    api.SetLastError(kLastErrorSentinel);
    const std::u16string& n = c.name;
    Handle h = kNullHandle;
    if (c.call == "CreateFileMappingW") {
      h = api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, n);
    } else if (c.call == "CreateFileMappingA") {
      h = api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, ansi(n));
    } else if (c.call == "OpenFileMappingW") {
      h = api.OpenFileMappingW(map_access::kRead, false, n);
    } else if (c.call == "OpenFileMappingA") {
      h = api.OpenFileMappingA(map_access::kRead, false, ansi(n));
    } else if (c.call == "CreateEventW") {
      h = api.CreateEventW(false, false, n);
    } else if (c.call == "OpenEventW") {
      h = api.OpenEventW(access::kSynchronize, false, n);
    } else if (c.call == "CreateMutexW") {
      h = api.CreateMutexW(false, n);
    } else if (c.call == "OpenMutexW") {
      h = api.OpenMutexW(access::kSynchronize, false, n);
    } else if (c.call == "CreateSemaphoreW") {
      h = api.CreateSemaphoreW(0, 1, n);
    } else if (c.call == "OpenSemaphoreW") {
      h = api.OpenSemaphoreW(access::kSynchronize, false, n);
    } else if (!opened.empty()) {
      api.CloseHandle(opened.back());
      opened.pop_back();
    }
    if (h != kNullHandle) opened.push_back(h);
  }
  api.end_case();
}

Json names_to_case(const std::vector<NameCall>& calls) {
  bool lossy = false;
  Json steps = Json::parse(R"([
    {"call": "CreateFileMappingW", "out": "sec", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_low": 4096, "name": "sec"},
    {"call": "CreateFileMappingW", "out": "lsec", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_low": 4096, "name": "Local\\lsec"},
    {"call": "CreateEventW", "out": "evt", "name": "evt"},
    {"call": "CreateMutexW", "out": "mtx", "name": "mtx"},
    {"call": "CreateSemaphoreW", "out": "sem", "name": "sem"}])");
  std::vector<std::string> opened;
  std::size_t next = 0;
  for (const NameCall& c : calls) {
    Json step = {{"call", c.call}};
    if (c.call == "CloseHandle") {
      if (opened.empty()) continue;
      step["handle"] = opened.back();
      opened.pop_back();
      steps.push_back(std::move(step));
      continue;
    }
    const bool is_ansi = c.call.back() == 'A';
    std::u16string name = c.name;
    if (is_ansi) {  // the runner turns UTF-8 into Windows-1252; bytes >= 0x80 may not survive
      for (char16_t& u : name) {
        u = static_cast<char16_t>(u & 0xff);
        if (u >= 0x80 && u < 0xa0) lossy = true;
      }
    }
    step["name"] = utf8(name, &lossy);
    if (c.call.starts_with("CreateFileMapping")) {
      step["file"] = "INVALID_HANDLE_VALUE";
      step["protect"] = "PAGE_READWRITE";
      step["size_low"] = 4096;
    } else if (c.call.starts_with("OpenFileMapping")) {
      step["access"] = "FILE_MAP_READ";
    } else if (c.call.starts_with("Open")) {
      step["access"] = "SYNCHRONIZE";
    }
    step["out"] = "n" + std::to_string(next++);
    opened.push_back(step["out"]);
    steps.push_back(std::move(step));
  }
  Json program;
  program["id"] = "fuzz/fuzz_names";
  program["title"] = fmt::format("fuzz_names input: {} named calls{}", calls.size(),
                                 lossy ? " (approximate: a lone surrogate or byte 0x80-0x9f)" : "");
  program["provenance"] = {{"kind", "inferred"},
                           {"source", "fuzz/fuzz_names: a generated program, no expectations"}};
  program["raw_names"] = true;
  program["steps"] = std::move(steps);
  return program;
}

}  // namespace fmconf::fuzz
