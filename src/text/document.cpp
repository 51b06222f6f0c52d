#include "actorgraph/text/document.hpp"

#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "actorgraph/core/error.hpp"

namespace actorgraph {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string utf16_to_utf8(const std::string& bytes, bool little_endian) {
  std::u16string units;
  units.reserve(bytes.size() / 2);
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    units.push_back(static_cast<char16_t>(lo | (hi << 8)));
  }
  std::string out(units.size() * 3 + 1, '\0');
  int32_t out_len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &out_len,
                     reinterpret_cast<const UChar*>(units.data()),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) throw InputError("cannot decode UTF-16 input");
  out.resize(static_cast<std::size_t>(out_len));
  return out;
}

// Replaces each byte of an invalid UTF-8 sequence with '?'; returns how many.
std::size_t repair_utf8(std::string& s) {
  std::size_t repaired = 0;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      for (int32_t k = start; k < i; ++k) s[static_cast<std::size_t>(k)] = '?';
      repaired += static_cast<std::size_t>(i - start);
    }
  }
  return repaired;
}

}  // namespace

Document make_document(std::string id, std::string bytes, std::size_t* repaired) {
  Document doc;
  doc.id = std::move(id);
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    bytes = utf16_to_utf8(bytes, true);
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    bytes = utf16_to_utf8(bytes, false);
  } else if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
  }
  if (bytes.find('\0') != std::string::npos) {
    throw InputError("binary input (contains NUL bytes), not a text article");
  }
  std::size_t fixed = repair_utf8(bytes);
  if (repaired) *repaired = fixed;
  doc.text = std::move(bytes);

  std::size_t pos = 0;
  while (pos < doc.text.size() && is_space(doc.text[pos])) ++pos;
  if (pos == doc.text.size()) throw InputError("empty article (no text)");
  std::string_view rest = std::string_view(doc.text).substr(pos);
  if (rest.size() > 5 && rest.substr(0, 5) == "date ") {
    std::size_t end = 5;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    std::string_view value = rest.substr(5, end - 5);
    bool looks_like_date = !value.empty() && value[0] >= '0' && value[0] <= '9';
    if (looks_like_date) {
      auto d = parse_date(value);
      if (!d) throw InputError("impossible date in 'date' prefix: " + std::string(value.substr(0, 20)));
      doc.date = *d;
      pos += end;
    }
  }
  doc.body = Span{pos, doc.text.size()};
  bool has_text = false;
  for (std::size_t i = pos; i < doc.text.size(); ++i) {
    if (!is_space(doc.text[i])) {
      has_text = true;
      break;
    }
  }
  if (!has_text) throw InputError("empty article (only a date prefix)");
  return doc;
}

}  // namespace actorgraph
