// Stage 1 (text): an article as read from input, with its tokens and sentences.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/types.hpp"
#include "actorgraph/text/lemma.hpp"

namespace actorgraph {

enum class TokenKind : std::uint8_t { word, number, punct };

// One token of the article. span is a half-open byte range into Document::text.
struct Token {
  Span span;
  std::string norm;  // normalize()d form used for every dictionary lookup
  TokenKind kind = TokenKind::punct;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // every letter is upper case (and at least two letters)
  TokenMorph morph;          // lemmas (set by the morphology stage)
};

// The lexicon's classes of one word (text/lexicon.hpp, Lexicon::classes_of): one bit
// per class id.
struct WordClasses {
  std::uint64_t words = 0;          // classes with the word as a single-word entry (classes 0..63)
  std::uint64_t phrase_starts = 0;  // classes with a phrase starting with it (classes 0..63)
  std::uint64_t more_words = 0;     // as words, for the classes 64..127 (bit id - 64)
};

// One sentence: tokens [first_token, end_token) of Document::tokens.
struct Sentence {
  Span span;
  std::size_t first_token = 0;
  std::size_t end_token = 0;
  bool starts_paragraph = false;  // first sentence after a blank line or start of text
};

struct Document {
  std::string id;
  std::string text;  // the whole input, valid UTF-8 (see make_document)
  Span body;         // the analysed part: text after an optional "date ..." prefix
  Lang lang = Lang::unknown;
  Date date;
  std::string source;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // By token: its classes in the lexicon whose serial is word_classes_lexicon, for
  // word_classes_lang (set by Lexicon::annotate; empty before). Lexicon::classes_of(doc, i)
  // reads them here instead of looking the word up again.
  std::vector<WordClasses> word_classes;
  std::uint64_t word_classes_lexicon = 0;
  Lang word_classes_lang = Lang::unknown;

  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

// Builds a Document from raw input bytes, without segmenting it.
// - throws InputError for empty or whitespace-only input and for binary input (NUL bytes);
// - keeps a UTF-8 BOM in text but out of body, so spans are byte offsets into the
//   file as given; converts UTF-16 with a BOM to UTF-8 (spans then count the UTF-8
//   bytes of the converted text);
// - replaces each byte of an invalid UTF-8 sequence by '?' (same length, so spans stay
//   stable) and counts them in *repaired when given;
// - reads an optional leading "date YYYY-MM[-DD]" prefix (after white space) into date and
//   excludes it from body; throws InputError for an impossible date there.
Document make_document(std::string id, std::string bytes, std::size_t* repaired = nullptr);

}  // namespace actorgraph
