#include "cases/text_encoding.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace fmconf {
namespace {

constexpr char32_t kReplacement = 0xfffd;

// Decodes UTF-8 into code points; an ill-formed sequence yields one U+FFFD and resynchronises.
std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      out.push_back(lead);
      ++i;
      continue;
    } else if ((lead & 0xe0) == 0xc0) {
      extra = 1, cp = lead & 0x1f, min = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      extra = 2, cp = lead & 0x0f, min = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      extra = 3, cp = lead & 0x07, min = 0x10000;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    bool good = true;
    for (int k = 0; k < extra; ++k, ++j) {
      if (j >= s.size() || (static_cast<unsigned char>(s[j]) & 0xc0) != 0x80) {
        good = false;
        break;
      }
      cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3f);
    }
    if (!good || cp < min || cp > 0x10ffff) {
      out.push_back(kReplacement);
      i = good ? j : i + 1;
      continue;
    }
    // Encoded surrogates (CESU-style) pass through as lone surrogates: W names may hold them.
    out.push_back(cp);
    i = j;
  }
  return out;
}

// Windows-1252 bytes 0x80..0x9F and the code points they stand for (0: no character).
constexpr std::array<char16_t, 32> kHighControls = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178};

}  // namespace

std::u16string utf8_to_utf16(std::string_view utf8) {
  std::u16string out;
  for (const char32_t cp : decode_utf8(utf8)) {
    if (cp >= 0x10000) {
      const char32_t v = cp - 0x10000;
      out += static_cast<char16_t>(0xd800 + (v >> 10));
      out += static_cast<char16_t>(0xdc00 + (v & 0x3ff));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

std::string utf8_to_windows1252(std::string_view utf8) {
  std::string out;
  for (const char32_t cp : decode_utf8(utf8)) {
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) {
      out += static_cast<char>(static_cast<unsigned char>(cp));
      continue;
    }
    char byte = '?';
    for (std::size_t i = 0; i < kHighControls.size(); ++i) {
      if (kHighControls[i] == cp) {
        byte = static_cast<char>(static_cast<unsigned char>(0x80 + i));
        break;
      }
    }
    out += byte;
  }
  return out;
}

}  // namespace fmconf
