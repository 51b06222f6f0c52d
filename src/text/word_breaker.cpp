#include "actorgraph/text/word_breaker.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace actorgraph {
namespace {

// Word_Break classes as ICU's root rules (word.txt) use them.
enum class Wb : std::uint8_t {
  other,
  cr,
  lf,
  newline,
  extend,  // Extend, Format, ZWJ (rule 4 attaches them to what precedes)
  aletter,
  mid_letter,
  mid_num,
  mid_num_let,
  single_quote,
  numeric,
  extend_num_let,
  wseg_space,
  unsupported,  // needs ICU: dictionary scripts, kana, Hebrew, regional indicators, ZWJ
};

Wb classify(UChar32 c) {
  if (c == 0x200D) return Wb::unsupported;  // ZWJ: emoji sequences (rule 3c)
  // ICU's root rules take the colons out of MidLetter (only Swedish keeps them).
  if (c == 0x3A || c == 0xFE55 || c == 0xFF1A) return Wb::other;
  if (c == 0x40) return Wb::aletter;  // ICU counts '@' as a letter: "@user", "a@b.de"
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_CR: return Wb::cr;
    case U_WB_LF: return Wb::lf;
    case U_WB_NEWLINE: return Wb::newline;
    case U_WB_EXTEND:
    case U_WB_FORMAT: return Wb::extend;
    case U_WB_ALETTER: break;
    case U_WB_MIDLETTER: return Wb::mid_letter;
    case U_WB_MIDNUM: return Wb::mid_num;
    case U_WB_MIDNUMLET: return Wb::mid_num_let;
    case U_WB_SINGLE_QUOTE: return Wb::single_quote;
    case U_WB_NUMERIC: return Wb::numeric;
    case U_WB_EXTENDNUMLET: return Wb::extend_num_let;
    case U_WB_WSEGSPACE: return Wb::wseg_space;
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:  // only matters next to Hebrew letters
      // Ideographs and kana (other, but segmented by dictionary or rule 13).
      if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || ublock_getCode(c) == UBLOCK_HIRAGANA) return Wb::unsupported;
      if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return Wb::unsupported;
      return Wb::other;
    default:
      return Wb::unsupported;  // Katakana, Hebrew_Letter, Regional_Indicator, ZWJ, E_Base, ...
  }
  // ALetter: ICU's $ALetterPlus leaves out dictionary scripts; Hangul has rules of its own.
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return Wb::unsupported;
  if (u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE) != U_HST_NOT_APPLICABLE) return Wb::unsupported;
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return Wb::unsupported;
  return Wb::aletter;
}

struct AsciiTable {
  Wb cls[128];
  AsciiTable() {
    for (int c = 0; c < 128; ++c) cls[c] = classify(c);
  }
};

// One character after rule 4: its class and where it starts; Extend/Format
// characters after it belong to it.
struct Item {
  std::uint32_t begin;
  Wb cls;
  bool glued;          // no boundary before it (rules 3, 3d, and ^ExFm+)
  bool prev_extended;  // Extend/Format characters were attached to the item before it
};

bool ahl(Wb c) { return c == Wb::aletter; }
bool mid_letter_q(Wb c) { return c == Wb::mid_letter || c == Wb::mid_num_let || c == Wb::single_quote; }
bool mid_num_q(Wb c) { return c == Wb::mid_num || c == Wb::mid_num_let || c == Wb::single_quote; }

// True when rules 5-13b keep items a and b together; a2 is the item before a and b2
// the one after b (Wb::other at the text's ends).
bool joined(Wb a2, Wb a, Wb b, Wb b2) {
  if (ahl(a) && ahl(b)) return true;                                    // 5
  if (ahl(a) && mid_letter_q(b) && ahl(b2)) return true;                // 6
  if (ahl(a2) && mid_letter_q(a) && ahl(b)) return true;                // 7
  if (a == Wb::numeric && b == Wb::numeric) return true;                // 8
  if (ahl(a) && b == Wb::numeric) return true;                          // 9
  if (a == Wb::numeric && ahl(b)) return true;                          // 10
  if (a2 == Wb::numeric && mid_num_q(a) && b == Wb::numeric) return true;  // 11
  if (a == Wb::numeric && mid_num_q(b) && b2 == Wb::numeric) return true;  // 12
  if ((ahl(a) || a == Wb::numeric || a == Wb::extend_num_let) && b == Wb::extend_num_let) return true;  // 13a
  if (a == Wb::extend_num_let && (ahl(b) || b == Wb::numeric)) return true;                            // 13b
  return false;
}

}  // namespace

namespace {

// Reads the text item by item (rule 4 applied: Extend/Format characters are consumed
// into the item before them), marking items that rules 3 and 3d glue to the previous.
class Items {
 public:
  explicit Items(std::string_view s) : p_(reinterpret_cast<const std::uint8_t*>(s.data())), len_(static_cast<std::int32_t>(s.size())) {}
  // False at the end of the text; sets *bad for a character needing ICU.
  bool next(Item* it, bool* bad) {
    static const AsciiTable ascii;
    while (i_ < len_) {
      std::int32_t start = i_;
      Wb c;
      if (p_[i_] < 0x80) {
        c = ascii.cls[p_[i_]];
        ++i_;
      } else {
        UChar32 cp;
        U8_NEXT(p_, i_, len_, cp);
        c = cp < 0 ? Wb::unsupported : classify(cp);
      }
      if (c == Wb::unsupported) {
        *bad = true;
        return false;
      }
      if (c == Wb::extend && have_prev_ && prev_raw_ != Wb::cr && prev_raw_ != Wb::lf && prev_raw_ != Wb::newline) {
        prev_raw_ = Wb::extend;  // part of the previous item (rule 4)
        extended_ = true;
        continue;
      }
      it->begin = static_cast<std::uint32_t>(start);
      it->cls = c;
      it->glued = have_prev_ && ((prev_raw_ == Wb::cr && c == Wb::lf) ||                  // 3
                                 (prev_raw_ == Wb::wseg_space && c == Wb::wseg_space) ||  // 3d
                                 (c == Wb::extend && prev_raw_ == Wb::extend));           // ^ExFm+
      it->prev_extended = extended_;
      extended_ = false;
      prev_raw_ = c;
      have_prev_ = true;
      return true;
    }
    return false;
  }

  // Continues at byte at, the character before it being one space (for
  // fast_word_segments' run of words, which decided everything before at itself).
  void restart_after_space(std::uint32_t at) {
    i_ = static_cast<std::int32_t>(at);
    prev_raw_ = Wb::wseg_space;
    have_prev_ = true;
    extended_ = false;
  }

  // True when the last item has Extend/Format characters attached (at the end of the text).
  bool last_extended() const { return extended_; }

  // Consumes the ASCII letters that follow; returns how many, and in *last_begin
  // where the last of them starts. They are letters in a row: no boundary inside.
  std::int32_t skip_ascii_letters(std::uint32_t* last_begin) {
    std::int32_t start = i_;
    while (i_ < len_ && static_cast<std::uint8_t>((p_[i_] | 0x20) - 'a') < 26) ++i_;
    if (i_ > start) {
      *last_begin = static_cast<std::uint32_t>(i_ - 1);
      prev_raw_ = Wb::aletter;
      extended_ = false;
    }
    return i_ - start;
  }

 private:
  const std::uint8_t* p_;
  std::int32_t len_;
  std::int32_t i_ = 0;
  bool extended_ = false;  // the last item returned has Extend/Format characters attached
  Wb prev_raw_ = Wb::other;
  bool have_prev_ = false;
};

bool hard(Wb c) { return c == Wb::cr || c == Wb::lf || c == Wb::newline; }

bool ascii_letter(char c) { return static_cast<std::uint8_t>((c | 0x20) - 'a') < 26; }

// Words of ASCII letters, each followed by one space and then an ASCII letter (most
// of a text): the boundaries before and after each space are certain (no rule joins
// a letter and a space, or a single space and a letter), so they are emitted
// directly. From x, the start of such a word; returns where the words stop (the
// start of a word whose end needs the rules).
std::uint32_t simple_words(std::string_view s, std::uint32_t x, std::vector<WordSegment>* out) {
  const auto len = static_cast<std::uint32_t>(s.size());
  while (true) {
    std::uint32_t q = x;
    while (q < len && ascii_letter(s[q])) ++q;
    if (q + 1 >= len || s[q] != ' ' || !ascii_letter(s[q + 1])) return x;
    out->push_back(WordSegment{x, q, 200});
    out->push_back(WordSegment{q, q + 1, 0});
    x = q + 1;
  }
}

}  // namespace

bool fast_word_segments(std::string_view utf8, std::vector<WordSegment>* out) {
  out->clear();
  if (utf8.size() >= UINT32_MAX) return false;
  out->reserve(utf8.size() / 3 + 1);
  Items items(utf8);
  bool bad = false;
  // A sliding window over the items: a2 a | b b2, deciding the boundary before b.
  const Item none{0, Wb::other, false, false};
  Item a2 = none, a = none, b = none, b2 = none;
  if (!items.next(&b, &bad)) return !bad;
  bool have_b2 = items.next(&b2, &bad);
  if (bad) return false;
  std::uint32_t seg_begin = b.begin;
  Wb seg_prev = Wb::other;  // the item before the segment's last one, when in the segment
  bool seg_single = true;
  const auto len = static_cast<std::uint32_t>(utf8.size());
  while (true) {
    // b is the segment's newest item; advance the window by one item.
    a2 = a;
    a = b;
    if (!have_b2) break;
    b = b2;
    have_b2 = items.next(&b2, &bad);
    if (bad) return false;
    if (!have_b2) b2 = none;
    bool boundary = true;
    if (b.glued) {
      boundary = false;
    } else if (!hard(a.cls) && !hard(b.cls) && a.cls != Wb::extend && b.cls != Wb::extend) {
      boundary = !joined(a2.cls, a.cls, b.cls, b2.cls);
    }
    if (boundary) {
      Item last = a;
      std::int32_t status = 0;
      if (ahl(last.cls)) {
        status = 200;
      } else if (last.cls == Wb::numeric) {
        status = 100;
      } else if (last.cls == Wb::extend_num_let && !seg_single && !b.prev_extended) {
        status = seg_prev == Wb::numeric ? 100 : (ahl(seg_prev) || seg_prev == Wb::extend_num_let) ? 200 : 0;
      }
      out->push_back(WordSegment{seg_begin, b.begin, status});
      seg_begin = b.begin;
      seg_single = true;
    } else {
      seg_prev = a.cls;
      seg_single = false;
    }
    // A word's last letter, one space, an ASCII letter: the words from there on that
    // end the same way go without the window, which restarts at the first that does not.
    if (have_b2 && b.cls == Wb::aletter && b2.cls == Wb::wseg_space && b2.begin + 1 < len &&
        utf8[b2.begin] == ' ' && ascii_letter(utf8[b2.begin + 1])) {
      out->push_back(WordSegment{seg_begin, b2.begin, 200});
      out->push_back(WordSegment{b2.begin, b2.begin + 1, 0});
      seg_begin = simple_words(utf8, b2.begin + 1, out);
      seg_single = true;
      a = Item{seg_begin - 1, Wb::wseg_space, false, false};
      items.restart_after_space(seg_begin);
      items.next(&b, &bad);  // the letter at seg_begin
      have_b2 = items.next(&b2, &bad);
      if (bad) return false;
      if (!have_b2) b2 = none;
    }
    // A run of ASCII letters after b2: rule 5 all the way, skip it in one go.
    if (have_b2 && b.cls == Wb::aletter && b2.cls == Wb::aletter) {
      std::uint32_t last_begin = 0;
      if (items.skip_ascii_letters(&last_begin) > 0) {
        a = b2;
        b = Item{last_begin, Wb::aletter, false, false};
        seg_prev = Wb::aletter;
        seg_single = false;
        have_b2 = items.next(&b2, &bad);
        if (bad) return false;
        if (!have_b2) b2 = none;
      }
    }
  }
  // The last segment ends with item a.
  std::int32_t status = 0;
  if (ahl(a.cls)) {
    status = 200;
  } else if (a.cls == Wb::numeric) {
    status = 100;
  } else if (a.cls == Wb::extend_num_let && !seg_single && !items.last_extended()) {
    status = seg_prev == Wb::numeric ? 100 : (ahl(seg_prev) || seg_prev == Wb::extend_num_let) ? 200 : 0;
  }
  out->push_back(WordSegment{seg_begin, len, status});
  return true;
}

}  // namespace actorgraph
