// Regression: a scraped page on one line (no sentence punctuation) was one
// "sentence" of 1.8 million tokens, and the relation stage's cost grows faster than
// the sentence length (a 200 KB line took three minutes). The segmenter now cuts
// such runs into pieces of at most 400 tokens, after a comma when it can.
#include <catch2/catch.hpp>

#include <string>

#include "actorgraph/text/document.hpp"
#include "actorgraph/text/segmenter.hpp"
#include "support.hpp"

using namespace actorgraph;

namespace {

Document segmented(const std::string& text, Lang lang) {
  Document doc = make_document("long", text);
  doc.lang = lang;
  static const Lexicon lex(DataBundle::defaults());
  static const Segmenter seg(lex);
  seg.segment(doc);
  return doc;
}

}  // namespace

TEST_CASE("regression: a line without sentence ends is cut into sentences of at most 400 tokens", "[text]") {
  struct Case {
    Lang lang;
    const char* words;  // repeated without any sentence punctuation
    bool commas;        // every 7th word ends with a comma
  };
  const Case cases[] = {
      {Lang::en, "France and Germany signed an agreement while Russia criticised the talks ", false},
      {Lang::de, "Frankreich und Polen vereinbarten eine Zusammenarbeit und Russland kritisierte das ", false},
      {Lang::en, "France and Germany signed an agreement while Russia criticised the talks ", true},
      {Lang::de, "Frankreich und Polen vereinbarten eine Zusammenarbeit und Russland kritisierte das ", true},
  };
  for (const auto& c : cases) {
    std::string text;
    std::size_t n = 0;
    while (text.size() < 60000) {
      text += c.words;
      if (c.commas && ++n % 7 == 0) text.insert(text.size() - 1, ",");
    }
    Document doc = segmented(text, c.lang);
    INFO(c.words << " commas=" << c.commas);
    REQUIRE(doc.sentences.size() > 10);
    std::size_t expect_first = 0;
    for (const auto& s : doc.sentences) {
      CHECK(s.first_token == expect_first);  // the pieces cover every token, in order
      CHECK(s.end_token - s.first_token <= 400);
      if (s.end_token < doc.tokens.size()) {
        CHECK(s.end_token - s.first_token > 200);
        if (c.commas) CHECK(doc.tokens[s.end_token - 1].norm == ",");
      }
      expect_first = s.end_token;
    }
    CHECK(expect_first == doc.tokens.size());
  }
}

TEST_CASE("regression: real sentences are never cut", "[text]") {
  // 364 tokens, about the longest real sentence seen (367 tokens in ../shared/bench).
  std::string text;
  for (int i = 0; i < 60; ++i) text += "France, Germany and Poland agreed ";
  text += "on a plan.";
  Document doc = segmented(text, Lang::en);
  CHECK(doc.sentences.size() == 1);
}

TEST_CASE("regression: a long single line still yields its relations", "[text]") {
  std::string text;
  while (text.size() < 40000) text += "France and Germany signed a defence agreement in Paris while talks went on ";
  ArticleResult r = test::run(text, Lang::en);
  CHECK(r.doc.sentences.size() > 10);
  CHECK(test::edges(r).find("DEU-FRA partnership") != std::string::npos);
}
