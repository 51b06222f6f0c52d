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
