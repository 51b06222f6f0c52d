// Stage 1 (text): a fast sentence breaker that gives exactly the boundaries of ICU's
// root sentence BreakIterator (UAX #29 sentence rules SB1-SB998) over ICU's
// Sentence_Break property, without ICU's iterator machinery. The segmenter uses it
// when the fast word segmenter handled the text and keeps ICU's iterator otherwise.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace actorgraph {

// The sentence boundaries of UTF-8 text as byte offsets, in increasing order and
// after the start of the text (the end of non-empty text is the last), as ICU's
// BreakIterator::next() returns them; appended to *out (cleared first). Returns
// false, with *out unspecified, when the text is not valid UTF-8 or longer than
// INT32_MAX bytes (ICU would read other characters than the bytes say).
bool fast_sentence_breaks(std::string_view utf8, std::vector<std::size_t>* out);

}  // namespace actorgraph
