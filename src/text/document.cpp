#include "actorgraph/text/document.hpp"

#include <unicode/ustring.h>

#include "actorgraph/core/error.hpp"
#include "core/utf8.hpp"

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

// ---- Scraped HTML: markup is blanked in place, so spans stay byte offsets into
// the input and quotes carry no tags.

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

// HTML elements whose tags are removed; the block ones also end a sentence.
constexpr std::string_view kInlineTags[] = {"a", "abbr", "b", "body", "cite", "em", "font", "head", "html", "i",
                                            "img", "link", "meta", "q", "s", "small", "span", "strong", "sub",
                                            "sup", "time", "u", "noscript", "iframe", "svg", "picture", "source",
                                            "button", "form", "input", "label", "figure"};
constexpr std::string_view kBlockTags[] = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
                                           "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th",
                                           "title", "header", "footer", "section", "article", "aside", "nav",
                                           "main", "blockquote", "pre", "figcaption", "caption", "address"};

// 0 = not an HTML element name, 1 = inline, 2 = block.
int tag_class(std::string_view name) {
  for (auto t : kBlockTags) {
    if (ascii_iequal(name, t)) return 2;
  }
  for (auto t : kInlineTags) {
    if (ascii_iequal(name, t)) return 1;
  }
  return 0;
}

// Spaces over [b, e), keeping line breaks; a '\n' first when the markup ends a block.
void blank(std::string& s, std::size_t b, std::size_t e, bool block) {
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] != '\n') s[i] = ' ';
  }
  if (block && e > b) s[b] = '\n';
}

// Case-insensitive search for needle (ASCII) in s from pos; npos when absent.
std::size_t find_ci(const std::string& s, std::string_view needle, std::size_t pos) {
  for (std::size_t i = pos; i + needle.size() <= s.size(); ++i) {
    if (ascii_iequal(std::string_view(s).substr(i, needle.size()), needle)) return i;
  }
  return std::string::npos;
}

// Blanks tags of known HTML elements, comments, <!DOCTYPE ...> and the contents of
// <script> and <style>. Text without such markup ("a < b", "<Name>") is unchanged.
void blank_html(std::string& s) {
  constexpr std::size_t kMaxTag = 4096;  // a '>' further away than this is no tag end
  bool unclosed[2] = {false, false};      // no closing </script>, </style> after some point
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      std::size_t end = s.find("-->", i + 4);
      if (end == std::string::npos) break;
      blank(s, i, end + 3, false);
      i = end + 3;
      continue;
    }
    std::size_t j = i + 1;
    bool closing = j < s.size() && s[j] == '/';
    if (closing) ++j;
    bool doctype = !closing && j < s.size() && s[j] == '!';
    if (doctype) ++j;
    std::size_t name_begin = j;
    while (j < s.size() && is_ascii_alnum(s[j])) ++j;
    std::string_view name = std::string_view(s).substr(name_begin, j - name_begin);
    int cls = doctype ? (ascii_iequal(name, "doctype") ? 1 : 0) : tag_class(name);
    bool script = !closing && !doctype && (ascii_iequal(name, "script") || ascii_iequal(name, "style"));
    if ((cls == 0 && !script) || name.empty() || (j < s.size() && s[j] != '>' && s[j] != '/' && s[j] != ' ' &&
                                                  s[j] != '\t' && s[j] != '\n' && s[j] != '\r')) {
      ++i;
      continue;
    }
    std::size_t gt = j;
    while (gt < s.size() && gt - i < kMaxTag && s[gt] != '>' && s[gt] != '<') ++gt;
    if (gt >= s.size() || s[gt] != '>') {
      ++i;
      continue;
    }
    std::size_t end = gt + 1;
    if (script) {
      bool& none = unclosed[ascii_iequal(name, "style") ? 1 : 0];
      std::string close = "</" + std::string(name);
      std::size_t c = none ? std::string::npos : find_ci(s, close, end);
      std::size_t cgt = c == std::string::npos ? std::string::npos : s.find('>', c);
      if (cgt == std::string::npos) {  // never closed: prose that names the tag, kept as text
        none = true;                   // (and no later one is closed either: stays linear)
        ++i;
        continue;
      }
      end = cgt + 1;
    }
    blank(s, i, end, cls == 2 || script);
    i = end;
  }
}

// Appends code point c as UTF-8; returns its length.
std::size_t put_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

struct NamedEntity {
  std::string_view name;
  char32_t c;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", 0xA0},    {"auml", 0xE4},     {"ouml", 0xF6},      {"uuml", 0xFC},      {"Auml", 0xC4},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},     {"szlig", 0xDF},     {"eacute", 0xE9},    {"egrave", 0xE8},
    {"aacute", 0xE1},  {"oacute", 0xF3},   {"ccedil", 0xE7},    {"ndash", 0x2013},   {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A},   {"ldquo", 0x201C},   {"rdquo", 0x201D},
    {"bdquo", 0x201E}, {"hellip", 0x2026}, {"laquo", 0xAB},     {"raquo", 0xBB},     {"shy", 0xAD},
};

// Character references (&amp; &#228; &#xE4; and the common named ones) become their
// character, padded to the reference's length with soft hyphens (2 bytes) and zero
// width non-joiners (3 bytes), which word segmentation and matching ignore.
void decode_entities(std::string& s) {
  std::size_t i = 0;
  while ((i = s.find('&', i)) != std::string::npos) {
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string::npos) break;
    if (semi - i > 10 || semi == i + 1) {
      ++i;
      continue;
    }
    std::string_view ref = std::string_view(s).substr(i + 1, semi - i - 1);
    char32_t c = 0;
    bool ok = false;
    if (ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view digits = ref.substr(hex ? 2 : 1);
      ok = !digits.empty();
      for (char d : digits) {
        int v = (d >= '0' && d <= '9') ? d - '0'
                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                              : -1;
        if (v < 0 || c > 0x10FFFF) {
          ok = false;
          break;
        }
        c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      // No NUL, no surrogates, nothing beyond Unicode.
      if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) ok = false;
    } else {
      for (const auto& e : kEntities) {
        if (ref == e.name) {
          c = e.c;
          ok = true;
        }
      }
    }
    if (!ok) {
      ++i;
      continue;
    }
    char buf[4];
    std::size_t n = put_utf8(c, buf);
    std::size_t len = semi + 1 - i;  // at least 4 ("&lt;"), and n + 2 <= len always
    std::string out(buf, n);
    std::size_t pad = len - n;
    while (pad >= 2) {
      if (pad == 3 || pad == 5 || pad == 7) {
        out += "\xE2\x80\x8C";  // U+200C
        pad -= 3;
      } else {
        out += "\xC2\xAD";  // U+00AD
        pad -= 2;
      }
    }
    if (pad == 1) out += ' ';  // cannot happen for valid references; kept for safety
    s.replace(i, len, out);
    i += len;
  }
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
  }
  // A UTF-8 byte-order mark stays in the text (spans are offsets into the file as
  // given) and is left out of the body.
  const std::size_t bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  if (bytes.find('\0') != std::string::npos) {
    throw InputError("binary input (contains NUL bytes), not a text article");
  }
  std::size_t fixed = replace_invalid_utf8(bytes);
  if (repaired) *repaired = fixed;
  if (bytes.find('<') != std::string::npos) blank_html(bytes);
  if (bytes.find('&') != std::string::npos) decode_entities(bytes);
  doc.text = std::move(bytes);

  std::size_t pos = bom;
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
