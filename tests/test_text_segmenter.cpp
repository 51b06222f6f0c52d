#include <catch2/catch.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/segmenter.hpp"
#include "support.hpp"

using namespace actorgraph;

namespace {

Document segmented(const std::string& text, Lang lang) {
  Document doc = make_document("t", text);
  doc.lang = lang;
  static const Lexicon lex(DataBundle::defaults());
  static const Segmenter seg(lex);
  seg.segment(doc);
  return doc;
}

std::vector<std::string> sentences(const std::string& text, Lang lang) {
  Document doc = segmented(text, lang);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.slice(s.span));
  return out;
}

}  // namespace

TEST_CASE("sentence fix-ups keep abbreviations, initials and ordinals inside a sentence", "[text]") {
  struct Case {
    Lang lang;
    const char* text;
    std::size_t count;
  };
  const Case cases[] = {
      {Lang::de, "Das gilt z. B. für Kiew. Dann kam die Antwort.", 2},
      {Lang::de, "Am 3. Oktober traf Dr. Müller den Minister. Er reiste ab.", 2},
      {Lang::de, "Nach dem 2. Weltkrieg wurde die NATO gegründet. Die Allianz wuchs.", 2},
      {Lang::de, "Das ist ein Thema der NATO. Die Mitglieder beraten.", 2},
      {Lang::en, "The U.S. Army arrived in Jan. and stayed. Then it left.", 2},
      {Lang::en, "George W. Bush met the press. Reporters asked questions.", 2},
      {Lang::en, "It was decided by the U.N. Security Council. Nobody objected.", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(sentences(c.text, c.lang).size() == c.count);
  }
}

TEST_CASE("tokens and sentences carry half-open byte spans into the original text", "[text]") {
  std::string text = "date 2024-01-02 Südkorea  protestiert. Seoul schweigt.";
  Document doc = make_document("t", text);
  CHECK(doc.date.str() == "2024-01-02");
  CHECK(text.substr(doc.body.begin, 5) == " Süd");
  static const Lexicon lex(DataBundle::defaults());
  static const Segmenter seg(lex);
  seg.segment(doc);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.slice(doc.sentences[0].span) == "Südkorea  protestiert.");
  CHECK(doc.slice(doc.tokens[0].span) == "Südkorea");
  CHECK(doc.tokens[0].norm == "suedkorea");
  CHECK(doc.tokens[0].capitalized);
  CHECK(doc.slice(doc.tokens[2].span) == ".");
}

TEST_CASE("make_document rejects what is not an article and repairs bad UTF-8", "[text]") {
  CHECK_THROWS_AS(make_document("t", ""), InputError);
  CHECK_THROWS_AS(make_document("t", "  \n\t "), InputError);
  CHECK_THROWS_AS(make_document("t", std::string("abc\0def", 7)), InputError);
  CHECK_THROWS_AS(make_document("t", "date 2023-02-30 Text"), InputError);
  CHECK_THROWS_AS(make_document("t", " date 2023-10"), InputError);
  std::size_t repaired = 0;
  Document d = make_document("t", "Kiew \xff\xfe sagt", &repaired);
  CHECK(repaired == 2);
  CHECK(d.text == "Kiew ?? sagt");
  // Bad bytes after and between 8-byte runs of ASCII (the check skips those whole).
  Document d3 = make_document("t", "Die Regierung \xc3 in Kiew sagt\xe2\x82 \xed\xa0\x80 ja \xc3\xa4", &repaired);
  CHECK(repaired == 6);
  CHECK(d3.text == "Die Regierung ? in Kiew sagt?? ??? ja \xc3\xa4");
  Document bom = make_document("t", "\xEF\xBB\xBFRussland");
  CHECK(bom.text == "\xEF\xBB\xBFRussland");  // spans count the file's bytes (issue 14)
  CHECK(bom.body.begin == 3);
  Document utf16 = make_document("t", std::string("\xFF\xFE" "K\0i\0", 6));
  CHECK(utf16.text == "Ki");
  Document d2 = make_document("t", " date 2023-10 Text");
  CHECK(d2.date.str() == "2023-10");
}

TEST_CASE("language detection tells German from English", "[text]") {
  CHECK(test::run("Die Regierung hat das Abkommen mit der EU nicht unterzeichnet.", Lang::unknown).doc.lang == Lang::de);
}

TEST_CASE("language detection on headlines and single sentences", "[text]") {
  // Short texts share function words (in, an, was, will) and are full of names.
  struct Case {
    Lang lang;
    const char* text;
  };
  const std::vector<Case> cases = {
      {Lang::de, "Russland liefert Waffen an Nordkorea."},  {Lang::en, "Russia supplies weapons to North Korea."},
      {Lang::de, "Frankreich kritisierte Polen scharf."},   {Lang::en, "France sharply criticised Poland."},
      {Lang::de, "Staatsstreich in Togo"},                   {Lang::en, "Coup in Togo"},
      {Lang::de, "Anschlag in Bagdad"},                      {Lang::en, "Attack in Baghdad"},
      {Lang::de, "Kanzler empfängt Macron in Berlin"},       {Lang::en, "Chancellor hosts Macron in Berlin"},
      {Lang::de, "Was will Peking in Afrika?"},              {Lang::en, "What does Beijing want in Africa?"},
      {Lang::de, "Neue Sanktionen gegen Iran"},              {Lang::en, "New sanctions on Iran"},
      {Lang::de, "Gipfeltreffen der Nato in Vilnius"},       {Lang::en, "NATO summit in Vilnius"},
      {Lang::de, "Japan kritisiert Nordkorea."},             {Lang::en, "Japan criticises North Korea."},
      {Lang::de, "Iran droht Israel."},                      {Lang::en, "Iran threatens Israel."},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    Document doc = make_document("t", c.text);
    test::pipeline().segmenter().segment(doc);
    CHECK(detect_language(doc, test::pipeline().lexicon(), test::pipeline().morphology()) == c.lang);
  }
}

TEST_CASE("language detection: other languages are neither German nor English", "[text]") {
  for (const char* text : {"Ceci est un article sur la France et la Pologne, qui ont signé un accord.",
                           "El gobierno de España firmó un acuerdo con Francia sobre la frontera.",
                           "Il governo italiano ha firmato un accordo con la Francia."}) {
    CAPTURE(text);
    Document doc = make_document("t", text);
    test::pipeline().segmenter().segment(doc);
    CHECK(detect_language(doc, test::pipeline().lexicon(), test::pipeline().morphology()) == Lang::unknown);
  }
}

TEST_CASE("case flags of words: the 8-byte fast path agrees with the general one", "[text]") {
  struct Case {
    const char* word;
    bool capitalized, all_caps;
  };
  const Case cases[] = {
      {"Berlin", true, false},   {"berlin", false, false}, {"USA", true, true},        {"U", true, false},
      {"a", false, false},       {"NATO-Gipfel", true, true}, {"7G", true, false},     {"F-35", true, false},
      {"EU-", true, true},       {"iPhone", false, false},   {"ABCDEFGH", true, true},  {"ABCDEFGh", true, false},
      {"ABCDEFGHI", true, true}, {"x1Y", false, false},      {"@ZZ", true, true},       {"Äpfel", true, false},
      {"ÄÖ", true, true},        {"dAB", false, false},      {"3M", true, false},       {"MMXXIV", true, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    // The token the word starts with ("NATO" of "NATO-Gipfel"), followed by enough text
    // for the one-load path, and at the very end of the text.
    for (const std::string& text : {std::string(c.word) + " und mehr Text danach", std::string("und ") + c.word}) {
      Document doc = segmented(text, Lang::de);
      const Token* tok = nullptr;
      for (const Token& t : doc.tokens) {
        if (t.kind == TokenKind::word && doc.slice(t.span).find(c.word[0]) == 0 && t.span.begin == text.find(c.word)) tok = &t;
      }
      REQUIRE(tok);
      CHECK(tok->capitalized == c.capitalized);
      CHECK(tok->all_caps == c.all_caps);
    }
  }
}
