// Stage 1 (text): word and sentence segmentation (ICU's rules, see word_breaker.hpp
// and sentence_breaker.hpp) with German/English fix-ups
// for abbreviations, initials and ordinals ("z. B.", "Dr.", "3. Oktober", "U.S.").
#pragma once
#include <memory>

#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actorgraph/text/morphology.hpp"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace actorgraph {

class Segmenter {
 public:
  // Uses the lexicon classes "abbrev" (forms ending in '.'), "month" and "ordinal_next".
  explicit Segmenter(const Lexicon& lexicon);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Fills doc.tokens and doc.sentences for doc.body. White space is not a token.
  // doc.lang selects the fix-ups; Lang::unknown applies both languages'. Thread-safe.
  void segment(Document& doc) const;

 private:
  bool keeps_sentence_open(const Document& doc, std::size_t last_token, std::size_t next_token) const;
  const Lexicon& lexicon_;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unique_ptr<icu::BreakIterator> sentences_;
};

// Guesses German or English from function words of the lexicon class "stop";
// Lang::unknown when the text has several words but none of either language.
Lang detect_language(const Document& doc, const Lexicon& lexicon, const Morphology& morphology);

}  // namespace actorgraph
