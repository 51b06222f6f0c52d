// The fast sentence breaker must give exactly the boundaries of ICU's sentence iterator.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "actorgraph/text/sentence_breaker.hpp"
#include "support.hpp"

namespace {

std::vector<std::size_t> icu_breaks(const std::string& text) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
  REQUIRE(U_SUCCESS(st));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  it->setText(ut, st);
  std::vector<std::size_t> out;
  for (int32_t cur = it->next(); cur != icu::BreakIterator::DONE; cur = it->next()) {
    out.push_back(static_cast<std::size_t>(cur));
  }
  utext_close(ut);
  return out;
}

// The text with a '|' at every boundary.
std::string show(const std::string& text, const std::vector<std::size_t>& breaks) {
  std::string s;
  std::size_t prev = 0;
  for (std::size_t b : breaks) {
    s += text.substr(prev, b - prev) + "|";
    prev = b;
  }
  return s;
}

void check_same_as_icu(const std::string& text) {
  std::vector<std::size_t> fast;
  REQUIRE(actorgraph::fast_sentence_breaks(text, &fast));
  CAPTURE(text);
  CHECK(show(text, fast) == show(text, icu_breaks(text)));
}

}  // namespace

TEST_CASE("fast sentence breaks equal ICU's on German and English news text", "[text]") {
  const char* cases[] = {
      "Die USA verhängten am 3. Oktober Sanktionen. Russland protestierte.",
      "The U.S. Army left. The U.S. and the E.U. imposed sanctions on Oct. 3, 2023.",
      "Er sagte: „Wir reagieren.“ Dann ging er. „Nein!“, rief sie. (Das stimmt.) Weiter.",
      "He said: “We will respond.” Then he left. ‘No!’ she said? Yes!! Really?! ...and so on.",
      "e.g. the case; i.e. this. Mr. Smith met Dr. Jones at 5 p.m. in St. Louis.",
      "Version 2.0 is out. Pi is 3.14. Call 1.800.555. Ende.",
      "Title line\nFirst sentence. Second one\n\nNew paragraph.\r\nWindows line.\rMac line.",
      "No terminator at the end", "Ends with space. ", "Ends with newline.\n", "Two spaces.  Next.",
      "Quote closes. \" Then more.", "Paren. ) Next.", "Dash. – next one. — Next.", "a.B.c. D.",
      "Weird. \xc2\xa0Non-breaking space. Tab.\tNext.", "Ellipsis\xe2\x80\xa6 Next. Sep\xe2\x80\xa8line. Nel\xc2\x85" "x.",
      "Accent a\xcc\x81. B\xcc\x81 and x.\xcc\x81 Y. \xcc\x81Start.", "Soft\xc2\xadhyphen. Zero\xe2\x80\x8bwidth. Next.",
      "Ελλάδα. Россия. Україна? İstanbul! Łódź. ¿Qué? ¡Sí! 中文。日本語！テスト。",
      "", " ", ".", "...", "!?", "\n", "\n\n", "\r\n", "a. b", "A. b", "1. 2.", "x.5", "X.Y", "x.y",
  };
  for (const char* c : cases) check_same_as_icu(c);
}

TEST_CASE("fast sentence breaks equal ICU's on random strings of tricky characters", "[text]") {
  // One or more characters of every Sentence_Break class, ASCII and not.
  const std::vector<std::string> alphabet = {
      "a", "Z", "ä", "Ä", "ß", "1", "٣", ".", "!", "?", "\xe2\x80\xa4", "\xe3\x80\x82", ",", ";", ":", "-", "–",
      "\"", "'", ")", "(", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xbb", " ", "\t", "\n", "\r", "\r\n", "\xc2\x85",
      "\xe2\x80\xa8", "\xe2\x80\xa9", "\xc2\xad", "\xcc\x81", "\xe2\x80\x8b", "\xc2\xa0", "א", "中", "ー", "/", "€",
  };
  for (const std::string& s : actorgraph::test::random_strings(alphabet, 14, 5000, 11)) check_same_as_icu(s);
}

TEST_CASE("fast sentence breaks leave invalid UTF-8 to ICU", "[text]") {
  std::vector<std::size_t> out;
  for (const char* text : {"Bad \xff byte.", "Cut \xc3", "Overlong \xc0\xaf.", "Surrogate \xed\xa0\x80."}) {
    CAPTURE(text);
    CHECK_FALSE(actorgraph::fast_sentence_breaks(text, &out));
  }
}
