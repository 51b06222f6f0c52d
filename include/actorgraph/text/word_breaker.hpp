// Stage 1 (text): a fast word segmenter that gives exactly the boundaries and rule
// statuses of ICU's root word BreakIterator (UAX #29 as ICU implements it) for the
// scripts news text is written in, without ICU's iterator machinery. Text it does
// not handle (ideographs, kana, Thai-like scripts, Hebrew, regional indicators,
// emoji joined with ZWJ) is left to ICU: fast_word_segments() then returns false.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace actorgraph {

// A segment [begin, end) of the text, in bytes, with ICU's rule status:
// < 100 none (spaces, punctuation), 100..199 number, 200..299 letters.
struct WordSegment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int32_t status = 0;
};

// Splits valid UTF-8 text (at most 4 GiB) into word-break segments, appending them to
// *out (cleared first). Returns false, with *out unspecified, when the text contains a
// character whose segmentation needs ICU's dictionaries or rules not implemented here.
bool fast_word_segments(std::string_view utf8, std::vector<WordSegment>* out);

}  // namespace actorgraph
