#include "actorgraph/text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uchar.h>

#include <cstring>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/normalize.hpp"
#include "actorgraph/text/sentence_breaker.hpp"
#include "actorgraph/text/word_breaker.hpp"
#include "text/ascii_swar.hpp"

namespace actorgraph {

using namespace std::literals;
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<icu::BreakIterator> make_iterator(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) throw Error("ICU break iterator unavailable");
  return it;
}

bool is_space_segment(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    if (p[i] < 0x80) {  // ASCII white space: \t \n \v \f \r and space
      if (p[i] != ' ' && (p[i] < 0x09 || p[i] > 0x0D)) return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
    if (!u_isUWhiteSpace(c) && c != 0xAD && c != 0x200B && c != 0xFEFF) return false;
  }
  return true;
}

// set_case_flags for an ASCII word of at most 8 bytes with 8 bytes readable from its
// start before readable_end (most words): one 64-bit load. False (tok unchanged)
// otherwise. Bytes are in text order from the lowest (little-endian).
bool ascii_case_flags(std::string_view s, const char* readable_end, Token& tok) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
  return false;  // the first letter is the lowest byte only on little-endian machines
#endif
  if (s.size() > 8 || readable_end - s.data() < 8) return false;
  std::uint64_t v;
  std::memcpy(&v, s.data(), 8);
  if (s.size() < 8) v &= (std::uint64_t{1} << (8 * s.size())) - 1;
  if (v & kAsciiHighs) return false;
  const std::uint64_t upper = ascii_bytes_in(v, 'A', 'Z'), lower = ascii_bytes_in(v, 'a', 'z');
  const std::uint64_t letters = upper | lower;
  tok.capitalized = (upper & letters & (~letters + 1)) != 0;  // the first letter
  tok.all_caps = lower == 0 && (letters & (letters - 1)) != 0;  // two letters or more
  return true;
}

void set_case_flags(std::string_view s, const char* readable_end, Token& tok) {
  if (ascii_case_flags(s, readable_end, tok)) return;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  int letters = 0, upper = 0;
  bool first = true;
  while (i < len) {
    bool up;
    if (p[i] < 0x80) {  // ASCII: no ICU property lookups
      char ch = static_cast<char>(p[i++]);
      bool lower = ch >= 'a' && ch <= 'z';
      up = ch >= 'A' && ch <= 'Z';
      if (!lower && !up) continue;
    } else {
      UChar32 c;
      U8_NEXT(p, i, len, c);
      if (c < 0 || !u_isalpha(c)) continue;
      up = u_isupper(c) || u_istitle(c);
    }
    ++letters;
    if (up) ++upper;
    if (first) tok.capitalized = up;
    first = false;
  }
  tok.all_caps = letters >= 2 && upper == letters;
}

// A longer "sentence" (text without sentence punctuation, a list run together, a
// scraped page on one line) is cut into pieces of at most this many tokens, after
// the last comma, semicolon or colon of the piece's second half when there is one:
// the later stages look at whole sentences and their cost grows faster than the
// sentence length. Real sentences stay whole: the longest in the development
// corpus has 86 tokens, the longest of the 51,800 in ../shared/bench 367.
constexpr std::size_t kMaxSentenceTokens = 400;

void add_sentence(std::vector<Sentence>& out, Sentence s, const std::vector<Token>& toks) {
  while (s.end_token - s.first_token > kMaxSentenceTokens) {
    std::size_t cut = s.first_token + kMaxSentenceTokens;
    for (std::size_t c = cut; c > s.first_token + kMaxSentenceTokens / 2; --c) {
      const Token& t = toks[c - 1];
      if (t.kind == TokenKind::punct && (t.norm == ","sv || t.norm == ";"sv || t.norm == ":"sv)) {
        cut = c;
        break;
      }
    }
    Sentence head = s;
    head.end_token = cut;
    out.push_back(head);
    s.first_token = cut;
    s.starts_paragraph = false;
  }
  out.push_back(s);
}

}  // namespace

Segmenter::Segmenter(const Lexicon& lexicon)
    : lexicon_(lexicon), words_(make_iterator(true)), sentences_(make_iterator(false)) {}

Segmenter::~Segmenter() = default;

bool Segmenter::keeps_sentence_open(const Document& doc, std::size_t last, std::size_t next) const {
  const auto& toks = doc.tokens;
  if (last == 0 || toks[last].norm != "."sv || next >= toks.size()) return false;
  const Token& word = toks[last - 1];
  if (word.span.end != toks[last].span.begin) return false;  // "word ." is a real end
  const Token& following = toks[next];
  auto langs = doc.lang == Lang::unknown ? std::vector<Lang>{Lang::de, Lang::en}
                                         : std::vector<Lang>{doc.lang};
  std::string with_dot = word.norm + ".";
  for (Lang l : langs) {
    if (lexicon_.has("abbrev", l, with_dot)) return true;
  }
  // An initial: "George W. Bush".
  if (word.kind == TokenKind::word && word.capitalized && word.span.size() == 1 &&
      following.capitalized) {
    return true;
  }
  // An ordinal: "3. Oktober", "2. Weltkrieg", "am 5. des Monats".
  if (word.kind == TokenKind::number && word.span.size() <= 3) {
    for (Lang l : langs) {
      if (l != Lang::de) continue;
      if (!following.capitalized && following.kind == TokenKind::word) return true;
      if (lexicon_.has("month", l, following.norm) || lexicon_.has("ordinal_next", l, following.norm))
        return true;
    }
  }
  return false;
}

void Segmenter::segment(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  const std::size_t base = doc.body.begin;
  std::string_view body = std::string_view(doc.text).substr(base, doc.body.size());
  if (body.size() > static_cast<std::size_t>(INT32_MAX)) throw InputError("article too large");

  doc.tokens.reserve(body.size() / 5);
  auto add_token = [&](std::size_t b, std::size_t e, int32_t status_rule) {
    std::string_view seg = body.substr(b, e - b);
    Token tok;
    if (status_rule >= UBRK_WORD_NONE_LIMIT) {
      tok.kind = (status_rule < UBRK_WORD_NUMBER_LIMIT) ? TokenKind::number : TokenKind::word;
    } else {
      if (is_space_segment(seg)) return;
      tok.kind = TokenKind::punct;
    }
    tok.span = Span{base + b, base + e};
    tok.norm = normalize(seg);
    if (tok.norm.empty()) return;  // only soft hyphens or zero-width characters
    if (tok.kind == TokenKind::word) set_case_flags(seg, body.data() + body.size(), tok);
    doc.tokens.push_back(std::move(tok));
  };
  // Words and sentences: the fast breakers give ICU's boundaries and statuses for the
  // scripts they know; ICU's iterators do the rest (ideographs, kana, Thai, Hebrew,
  // emoji, invalid UTF-8). Sentence boundaries are body offsets.
  std::vector<WordSegment> words;
  std::vector<std::size_t> bounds;
  if (fast_word_segments(body, &words) && fast_sentence_breaks(body, &bounds)) {
    for (const WordSegment& w : words) add_token(w.begin, w.end, w.status);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, body.data(), static_cast<int64_t>(body.size()), &status));
    if (U_FAILURE(status)) throw InputError("cannot segment text");
    std::unique_ptr<icu::BreakIterator> wi(words_->clone());
    wi->setText(ut.get(), status);
    if (U_FAILURE(status)) throw InputError("cannot segment text");
    int32_t prev = wi->first();
    for (int32_t cur = wi->next(); cur != icu::BreakIterator::DONE; prev = cur, cur = wi->next()) {
      add_token(static_cast<std::size_t>(prev), static_cast<std::size_t>(cur), wi->getRuleStatus());
    }
    std::unique_ptr<icu::BreakIterator> si(sentences_->clone());
    si->setText(ut.get(), status);
    if (U_FAILURE(status)) throw InputError("cannot segment text");
    bounds.clear();
    for (int32_t cur = si->next(); cur != icu::BreakIterator::DONE; cur = si->next()) {
      bounds.push_back(static_cast<std::size_t>(cur));
    }
  }

  // Group tokens into sentences; merge across a boundary the fix-ups keep open.
  std::size_t t = 0;
  std::size_t prev_end = base;
  Sentence current;
  bool open = false;
  for (std::size_t bound : bounds) {
    std::size_t first = t;
    while (t < doc.tokens.size() && doc.tokens[t].span.begin < base + bound) ++t;
    if (t == first) continue;
    if (open && keeps_sentence_open(doc, current.end_token - 1, first)) {
      current.end_token = t;
      prev_end = doc.tokens[t - 1].span.end;
      continue;
    }
    if (open) add_sentence(doc.sentences, current, doc.tokens);
    current = Sentence{};
    current.first_token = first;
    current.end_token = t;
    std::string_view gap = std::string_view(doc.text).substr(prev_end, doc.tokens[first].span.begin - prev_end);
    current.starts_paragraph = doc.sentences.empty() || gap.find('\n') != std::string_view::npos;
    open = true;
    prev_end = doc.tokens[t - 1].span.end;
  }
  if (open) add_sentence(doc.sentences, current, doc.tokens);
  for (auto& s : doc.sentences) {
    s.span = Span{doc.tokens[s.first_token].span.begin, doc.tokens[s.end_token - 1].span.end};
  }
}

Lang detect_language(const Document& doc, const Lexicon& lexicon, const Morphology& morphology) {
  // Evidence per word: a stop word of one language; a form only one lemma table knows
  // (German: Morphy, English: WordNet); German letters (ä ö ü ß). Short texts (headlines,
  // single sentences) have few stop words, and the lists overlap (an, in, was, will).
  double de = 0, en = 0;
  std::size_t words = 0;
  const morph::Table& de_table = morphology.table(Lang::de);
  const morph::Table& en_table = morphology.table(Lang::en);
  bool after_word = false;  // the previous token is a word (not the start or punctuation)
  std::size_t lower_words = 0, known_de = 0, known_en = 0;  // lower-case words, and those each language knows
  for (const Token& tok : doc.tokens) {
    if (tok.kind != TokenKind::word) {
      after_word = false;
      continue;
    }
    if (++words > 3000) break;
    const bool after_word_before = after_word;
    after_word = true;
    const bool lower = !tok.capitalized && !tok.all_caps;
    if (lower) ++lower_words;
    if (lexicon.has("langid_shared", Lang::de, tok.norm)) {
      if (lower) ++known_de, ++known_en;
      continue;
    }
    bool de_stop = lexicon.has("stop", Lang::de, tok.norm), en_stop = lexicon.has("stop", Lang::en, tok.norm);
    if (de_stop != en_stop) (de_stop ? de : en) += 1.0;
    bool in_de = static_cast<bool>(de_table.find(tok.norm));
    bool in_en = static_cast<bool>(en_table.find(tok.norm));
    // (short forms are often abbreviations in the tables: "la", "un", "est")
    const bool content = tok.norm.size() >= 4;
    if (lower) known_de += de_stop || (in_de && content), known_en += en_stop || (in_en && content);
    if (de_stop || en_stop) continue;  // function words: the lemma tables list content words
    // A capitalised word is a German noun or a name in either language: only the German
    // table (and a German compound's known noun tail) speaks for it.
    double weight = 0.5;
    if (tok.capitalized && !tok.all_caps) {
      if (!in_de && tok.norm.size() >= 8) in_de = static_cast<bool>(morphology.compound_head(tok.norm));
      if (in_en && in_de) {
        in_en = in_de = false;  // both: a name or a loan word
      } else if (in_en) {
        // capitalised mid-sentence: a name; opening a sentence: a word or a name
        // ("Japan", "Iran" are English nouns too)
        in_en = !after_word_before;
        weight = 0.25;
      }
    }
    if (in_de != in_en) (in_de ? de : en) += weight;
    std::string_view raw = doc.slice(tok.span);
    for (std::size_t k = 0; k + 1 < raw.size(); ++k) {
      if (static_cast<unsigned char>(raw[k]) != 0xC3) continue;
      unsigned char c = static_cast<unsigned char>(raw[k + 1]);
      if (c == 0xA4 || c == 0xB6 || c == 0xBC || c == 0x9F || c == 0x84 || c == 0x96 || c == 0x9C) {
        de += 1.0;
        break;
      }
    }
  }
  if (de == en) return de == 0 && words < 8 ? Lang::en : Lang::unknown;
  const Lang lang = de > en ? Lang::de : Lang::en;
  // Neither: most lower-case words unknown to the winner's word lists (French, Spanish ...).
  const std::size_t known = lang == Lang::de ? known_de : known_en;
  if (lower_words >= 6 && known * 10 < lower_words * 4) return Lang::unknown;
  return lang;
}

}  // namespace actorgraph
