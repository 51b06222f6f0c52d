// The fast word segmenter must give exactly ICU's boundaries and statuses.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "actorgraph/text/word_breaker.hpp"
#include "support.hpp"

using actorgraph::WordSegment;

namespace {

// ICU's segments, statuses bucketed as the segmenter reads them: 0 none, 1 number, 2 word.
std::vector<WordSegment> icu_segments(const std::string& text) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
  REQUIRE(U_SUCCESS(st));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  it->setText(ut, st);
  std::vector<WordSegment> out;
  int32_t prev = it->first();
  for (int32_t cur = it->next(); cur != icu::BreakIterator::DONE; prev = cur, cur = it->next()) {
    out.push_back(WordSegment{static_cast<std::uint32_t>(prev), static_cast<std::uint32_t>(cur), it->getRuleStatus()});
  }
  utext_close(ut);
  return out;
}

int bucket(std::int32_t status) { return status < 100 ? 0 : status < 200 ? 1 : 2; }

std::string show(const std::string& text, const std::vector<WordSegment>& segs) {
  std::string s;
  for (const auto& w : segs) s += "[" + text.substr(w.begin, w.end - w.begin) + "]" + std::to_string(bucket(w.status));
  return s;
}

void check_same_as_icu(const std::string& text) {
  std::vector<WordSegment> fast;
  REQUIRE(actorgraph::fast_word_segments(text, &fast));
  auto ref = icu_segments(text);
  CAPTURE(text);
  bool same = fast.size() == ref.size();
  for (std::size_t k = 0; same && k < fast.size(); ++k) {
    same = fast[k].begin == ref[k].begin && fast[k].end == ref[k].end && bucket(fast[k].status) == bucket(ref[k].status);
  }
  if (!same) CHECK(show(text, fast) == show(text, ref));
}

}  // namespace

TEST_CASE("fast word segments equal ICU's on German and English news text", "[text]") {
  const char* cases[] = {
      "Die USA und die EU verhängten am 3. Oktober Sanktionen gegen Russland.",
      "The U.S. and the E.U. imposed sanctions on Russia's banks on Oct. 3.",
      "Außenministerin Baerbock traf ihren Amtskollegen in Kyjiw – „ein starkes Signal“.",
      "Russia’s foreign minister said: “We will respond.” 1,000.5 tonnes; 3.5km; 50%",
      "don't O’Neill e-mail x_y __ _x 5_ a1 1a 3D 12:30 2020/21 COVID-19 F-35 G7-Gipfel",
      "@user wrote to games@example.org via http://a.b/c #tag, ¿Qué? «Frieden» ½ 2½",
      "Erdoğan Łódź Škoda Ελλάδα Россия Україна İstanbul naïve café ＡＢＣ",
      "two  spaces\ttab\nnew line\r\nwindows\rmac\x0bvt\x0c\xc2\x85nel\xe2\x80\xa8ls",
      "soft\xc2\xadhyphen \xc2\xad lone a\xe2\x80\x8b" "b x\xcc\x81y \xcc\x81start a\xc2\xa0" "b a\xe2\x80\x83\xe2\x80\x83" "b",
      "", " ", "a", ".", "...", "a..b", "a.b.c.", "1.2.3", "'a' \"b\" (c) [d]",
  };
  for (const char* c : cases) check_same_as_icu(c);
}

TEST_CASE("fast word segments equal ICU's on random strings of tricky characters", "[text]") {
  // Letters, digits and every character class the rules treat specially.
  const std::vector<std::string> alphabet = {
      "a", "Z", "ä", "ß", "é", "1", "9", ".", ",", ";", ":", "'", "\xe2\x80\x99", "_", "@", "-", " ", "  ",
      "\t", "\n", "\r", "\r\n", "\xc2\xad", "\xcc\x81", "\xc2\xa0", "\xe2\x80\x83", "\xe2\x80\x8b", "\"", "/", "€",
  };
  for (const std::string& s : actorgraph::test::random_strings(alphabet, 12, 3000, 7)) check_same_as_icu(s);
}

TEST_CASE("fast word segments: runs of words of ASCII letters with single spaces", "[text]") {
  // The direct path for "letters, one space, letter" and where it hands back to the rules.
  const char* cases[] = {
      "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland verhängt",
      "a b c d e f", "x y", "two  spaces here", "tab\tand space", "ends with space ", " starts with space",
      "word word. Next word, and word; word: word's word's o'clock it's e-mail a_b a@b.de x.y",
      "wörd word wörd word", "word word1 word 1word w0rd", "a \xcc\x81" "b c", "a b\xcc\x81 c d", "a b\xc2\xad c",
      "a\xe2\x80\x8b b c", "A B C D", "ab cd\nef gh\r\nij kl",
  };
  for (const char* c : cases) check_same_as_icu(c);
  const std::vector<std::string> alphabet = {"ab", "Xy", "a", " ", " ", "  ", "1", ".", ",", "'", "_", "@", "ä",
                                             "\xcc\x81", "\xc2\xad", "\n", "-"};
  for (const std::string& s : actorgraph::test::random_strings(alphabet, 16, 3000, 13)) check_same_as_icu(s);
}

TEST_CASE("fast word segments leave scripts with dictionaries or special rules to ICU", "[text]") {
  std::vector<WordSegment> out;
  for (const char* text : {"中文新闻", "ひらがな", "カタカナ", "ภาษาไทย", "שלום", "한국어", "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa",
                           "a\xe2\x80\x8d" "b"}) {
    CAPTURE(text);
    CHECK_FALSE(actorgraph::fast_word_segments(std::string("Text ") + text, &out));
  }
}
