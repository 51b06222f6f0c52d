#include "actorgraph/text/sentence_breaker.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace actorgraph {
namespace {

// Sentence_Break classes (UAX #29); Extend and Format are one class (rule SB5).
enum class Sb : std::uint8_t { other, cr, lf, sep, extend, sp, lower, upper, oletter, numeric, aterm, sterm, close, scontinue };

Sb classify(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_CR: return Sb::cr;
    case U_SB_LF: return Sb::lf;
    case U_SB_SEP: return Sb::sep;
    case U_SB_EXTEND:
    case U_SB_FORMAT: return Sb::extend;
    case U_SB_SP: return Sb::sp;
    case U_SB_LOWER: return Sb::lower;
    case U_SB_UPPER: return Sb::upper;
    case U_SB_OLETTER: return Sb::oletter;
    case U_SB_NUMERIC: return Sb::numeric;
    case U_SB_ATERM: return Sb::aterm;
    case U_SB_STERM: return Sb::sterm;
    case U_SB_CLOSE: return Sb::close;
    case U_SB_SCONTINUE: return Sb::scontinue;
    default: return Sb::other;
  }
}

bool para_sep(Sb c) { return c == Sb::cr || c == Sb::lf || c == Sb::sep; }
bool sa_term(Sb c) { return c == Sb::aterm || c == Sb::sterm; }
bool letter(Sb c) { return c == Sb::upper || c == Sb::lower; }

// The classes of U+0000..U+2FFF (Latin, Greek, Cyrillic, general punctuation:
// typographic quotes and dashes) looked up once, and the bytes a run of ASCII
// without a sentence end stops at.
constexpr UChar32 kTableSize = 0x3000;
struct Table {
  Sb cls[kTableSize];
  bool stop[256];
  Table() {
    for (UChar32 c = 0; c < kTableSize; ++c) cls[c] = classify(c);
    for (int b = 0; b < 256; ++b) stop[b] = b >= 0x80 || sa_term(cls[b]) || para_sep(cls[b]);
  }
};
const Table& table() {
  static const Table t;
  return t;
}

// One character after rule SB5: its class and where it ends, Extend/Format
// characters after it (not after a paragraph separator) included; CR LF is one.
struct Unit {
  Sb cls;
  std::size_t end;
};

class Units {
 public:
  explicit Units(std::string_view s)
      : p_(reinterpret_cast<const std::uint8_t*>(s.data())), len_(static_cast<std::int32_t>(s.size())), t_(table()) {}
  std::size_t size() const { return static_cast<std::size_t>(len_); }
  bool bad() const { return bad_; }

  Unit at(std::size_t i) {
    std::size_t next;
    Sb c = char_at(i, &next);
    if (c == Sb::cr && next < size() && p_[next] == '\n') return Unit{Sb::cr, next + 1};  // SB3
    if (para_sep(c)) return Unit{c, next};
    while (next < size()) {  // SB5
      std::size_t after;
      if (char_at(next, &after) != Sb::extend) break;
      next = after;
    }
    return Unit{c, next};
  }

  // Skips ASCII characters that cannot end a sentence, from i; sets *letter_before
  // when the last one skipped is a letter (unchanged when none is skipped).
  std::size_t skip_ascii(std::size_t i, bool* letter_before) const {
    const std::size_t start = i;
    while (i < size() && !t_.stop[p_[i]]) ++i;
    if (i > start) *letter_before = letter(t_.cls[p_[i - 1]]);
    return i;
  }

 private:
  Sb char_at(std::size_t i, std::size_t* next) {
    if (p_[i] < 0x80) {
      *next = i + 1;
      return t_.cls[p_[i]];
    }
    auto j = static_cast<std::int32_t>(i);
    UChar32 c;
    U8_NEXT(p_, j, len_, c);
    *next = static_cast<std::size_t>(j);
    if (c < 0) {
      bad_ = true;
      return Sb::other;
    }
    return c < kTableSize ? t_.cls[c] : classify(c);
  }

  const std::uint8_t* p_;
  std::int32_t len_;
  const Table& t_;
  bool bad_ = false;
};

// SB8: after "ATerm Close* Sp*" at i, a lower-case letter follows before any other
// letter, paragraph separator or sentence terminator.
bool lower_follows(Units& u, std::size_t i) {
  while (i < u.size()) {
    Unit v = u.at(i);
    if (v.cls == Sb::lower) return true;
    if (v.cls == Sb::oletter || v.cls == Sb::upper || para_sep(v.cls) || sa_term(v.cls)) return false;
    i = v.end;
  }
  return false;
}

}  // namespace

bool fast_sentence_breaks(std::string_view utf8, std::vector<std::size_t>* out) {
  out->clear();
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  Units u(utf8);
  const std::size_t n = u.size();
  std::size_t pos = 0;
  bool after_letter = false;  // the unit before pos is Upper or Lower (SB7)
  while (pos < n) {
    pos = u.skip_ascii(pos, &after_letter);
    if (pos >= n) break;
    Unit t = u.at(pos);
    if (para_sep(t.cls)) {  // SB4
      out->push_back(t.end);
      pos = t.end;
      after_letter = false;
      continue;
    }
    if (!sa_term(t.cls)) {
      // A lone Extend/Format here belongs to the unit before it (only at the start
      // of the text or of a paragraph is it one of its own, after no letter).
      if (t.cls != Sb::extend) after_letter = letter(t.cls);
      pos = t.end;
      continue;
    }
    const bool aterm = t.cls == Sb::aterm;
    std::size_t p = t.end;
    if (aterm && p < n) {
      Sb next = u.at(p).cls;
      if (next == Sb::numeric || (after_letter && next == Sb::upper)) {  // SB6, SB7
        after_letter = false;
        pos = p;
        continue;
      }
    }
    after_letter = false;
    Unit v{Sb::other, p};
    while (p < n && (v = u.at(p)).cls == Sb::close) p = v.end;  // SB9
    while (p < n && (v = u.at(p)).cls == Sb::sp) p = v.end;     // SB10
    if (p >= n) break;
    if (para_sep(v.cls)) {  // SB9, SB10, then SB4
      out->push_back(v.end);
      pos = v.end;
      continue;
    }
    pos = p;
    if (v.cls == Sb::scontinue || sa_term(v.cls)) continue;  // SB8a
    if (aterm && lower_follows(u, p)) continue;              // SB8
    out->push_back(p);                                        // SB11
  }
  if (u.bad()) return false;
  if (n > 0 && (out->empty() || out->back() != n)) out->push_back(n);
  return true;
}

}  // namespace actorgraph
