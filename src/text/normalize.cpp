#include "actorgraph/text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "text/ascii_swar.hpp"

namespace actorgraph {
namespace {

void append_utf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (error) {
    out.push_back('?');
  } else {
    out.append(buf, static_cast<std::size_t>(len));
  }
}

// Case-folds c and removes combining marks of its canonical decomposition.
void append_folded(UChar32 c, std::string& out) {
  UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status) && nfd->getDecomposition(f, decomposed)) {
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 d = decomposed.char32At(i);
      i += U16_LENGTH(d);
      if (u_charType(d) == U_NON_SPACING_MARK) continue;
      if (d < 0x80) {
        out.push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d + 32 : d));
      } else {
        append_utf8(d, out);
      }
    }
    return;
  }
  append_utf8(f, out);
}

void append_code_point(UChar32 c, std::string& out) {
  switch (c) {
    case 0xE4: case 0xC4: out += "ae"; return;
    case 0xF6: case 0xD6: out += "oe"; return;
    case 0xFC: case 0xDC: out += "ue"; return;
    case 0xDF: case 0x1E9E: out += "ss"; return;
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0xB4: case 0x02BC:
      out.push_back('\''); return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
    case 0x2039: case 0x203A: case 0x2033:
      out.push_back('"'); return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D:
      out.push_back('-'); return;
    case 0xA0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: case 0x3000:
      out.push_back(' '); return;
    default: break;
  }
  append_folded(c, out);
}

// Lower-cases ASCII text in place, 8 bytes at a time; false (s partly lowered) at
// the first byte that is not ASCII.
bool ascii_lower_in_place(std::string& s) {
  char* p = s.data();
  std::size_t n = s.size(), i = 0;
  for (; n - i >= 8; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    if (v & kAsciiHighs) return false;
    v |= ascii_bytes_in(v, 'A', 'Z') >> 2;  // 0x80 -> 0x20 on each upper-case letter
    std::memcpy(p + i, &v, 8);
  }
  for (; i < n; ++i) {
    auto b = static_cast<std::uint8_t>(p[i]);
    if (b >= 0x80) return false;
    if (b >= 'A' && b <= 'Z') p[i] = static_cast<char>(b + 32);
  }
  return true;
}

}  // namespace

void normalize_append(std::string_view s, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    uint8_t b = p[i];
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      out.push_back('?');
    } else {
      append_code_point(c, out);
    }
  }
}

std::string normalize(std::string_view utf8) {
  std::string out(utf8);  // most tokens are ASCII: one copy, lower-cased in place
  if (ascii_lower_in_place(out)) return out;
  out.clear();
  out.reserve(utf8.size() + 4);
  normalize_append(utf8, out);
  return out;
}

}  // namespace actorgraph
