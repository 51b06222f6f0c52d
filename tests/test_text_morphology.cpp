// The morphology stage: lemmas from the compiled tables, German separable verbs,
// compound heads; the table compiler. Sentences are our own.
#include <catch2/catch.hpp>

#include "actorgraph/core/error.hpp"
#include "support.hpp"

using namespace actorgraph;

namespace {

struct LemmaCase {
  Lang lang;
  const char* text;
  const char* word;   // normalised token
  const char* lemma;  // expected among its lemmas (own, joined or head)
};

const TokenMorph* morph_of(const ArticleResult& r, std::string_view word) {
  for (const Token& t : r.doc.tokens) {
    if (t.norm == word) return &t.morph;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lemmas of inflected forms, German and English side by side", "[text][morph]") {
  const std::vector<LemmaCase> cases = {
      {Lang::de, "Russland hat der Ukraine mit Vergeltung gedroht.", "gedroht", "drohen"},
      {Lang::en, "Russia has threatened Ukraine with retaliation.", "threatened", "threaten"},
      {Lang::de, "Polen verurteilte die Entscheidung.", "verurteilte", "verurteilen"},
      {Lang::en, "Poland condemned the decision.", "condemned", "condemn"},
      {Lang::de, "Die Türkei unterstützt die Opposition.", "unterstuetzt", "unterstuetzen"},
      {Lang::en, "Turkey supports the opposition.", "supports", "support"},
      {Lang::de, "Die Angriffe dauerten an.", "angriffe", "angriff"},
      {Lang::en, "The attacks went on.", "attacks", "attack"},
      {Lang::de, "Frankreich traf sich mit Spanien.", "traf", "treffen"},
      {Lang::en, "France met Spain in Madrid.", "met", "meet"},
      {Lang::de, "Kanada suchte bessere Beziehungen.", "suchte", "suchen"},
      {Lang::en, "Canada sought better ties with Chile.", "sought", "seek"},
      {Lang::de, "Die Armee hat die Grenze beschossen.", "beschossen", "beschiessen"},
      {Lang::en, "The army struck the border post.", "struck", "strike"},
      {Lang::de, "Die Sanktionen gegen Kuba bleiben.", "sanktionen", "sanktion"},
      {Lang::en, "The sanctions on Cuba remain.", "sanctions", "sanction"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto r = test::run(c.text, c.lang);
    const TokenMorph* m = morph_of(r, c.word);
    REQUIRE(m != nullptr);
    CHECK(has_lemma(*m, c.lemma));
  }
}

TEST_CASE("German separable verbs are joined with their clause-final particle", "[text][morph]") {
  struct Case {
    const char* text;
    const char* verb;
    const char* joined;  // "" = no join
  };
  const std::vector<Case> cases = {
      {"Russland griff am Montag die Ukraine an.", "griff", "angreifen"},
      {"Iran greift Israel an, sagte der Sprecher.", "greift", "angreifen"},
      {"Japan fror die Beziehungen zu Nordkorea ein.", "fror", "einfrieren"},
      {"Litauen wies die Vorwürfe Moskaus zurück.", "wies", "zurueckweisen"},
      {"China und Russland arbeiten eng zusammen.", "arbeiten", "zusammenarbeiten"},
      {"Serbien brach die Beziehungen zu Kosovo ab.", "brach", "abbrechen"},
      {"Spanien erkannte Palästina im Mai als Staat an.", "erkannte", "anerkennen"},
      // no particle at the clause end: no join
      {"Russland griff nach der Macht.", "griff", ""},
      // the particle closes another clause than the verb's
      {"Polen lehnte ab, dass Ungarn zustimmt.", "zustimmt", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto r = test::run(c.text, Lang::de);
    const TokenMorph* m = morph_of(r, c.verb);
    REQUIRE(m != nullptr);
    if (*c.joined) {
      REQUIRE(m->joined);
      CHECK(m->joined.form() == c.joined);
    } else {
      CHECK_FALSE(m->joined);
    }
  }
}

TEST_CASE("German compounds: the head is the longest known noun tail", "[text][morph]") {
  const auto& morphology = test::pipeline().morphology();
  struct Case {
    const char* word;
    const char* head_lemma;  // "" = none
  };
  const std::vector<Case> cases = {
      {"luftangriffe", "angriff"},    {"drohnenangriffs", "angriff"}, {"waffenlieferungen", "lieferung"},
      {"nato-luftangriff", "angriff"}, {"hilfsgelder", "geld"},   {"xyzq", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    morph::Entry e = morphology.compound_head(c.word);
    if (*c.head_lemma) {
      REQUIRE(e);
      CHECK(e.has_lemma(c.head_lemma));
    } else {
      CHECK_FALSE(e);
    }
  }
}

TEST_CASE("the lemma table compiler round-trips and rejects bad rows", "[text][morph]") {
  std::string blob = morph::compile("#actorgraph-morph 1\nwent\tgo\tv\nleft\tleave left\tvn\n", "t.tsv");
  auto begin = reinterpret_cast<const unsigned char*>(blob.data());
  morph::Table t(begin, begin + blob.size(), "t.tsv");
  REQUIRE(t.find("left"));
  CHECK(t.find("left").lemma_count() == 2);
  CHECK(t.find("left").lemma(1) == "left");
  CHECK(t.find("left").classes() == (morph::kVerb | morph::kNoun));
  CHECK(t.find("went").has_lemma("go"));
  CHECK_FALSE(t.find("go"));
  CHECK_FALSE(t.find(""));
  CHECK_THROWS_AS(morph::compile("went\tgo\n", "t.tsv"), DataError);
  CHECK_THROWS_AS(morph::compile("went\tgo\tx\n", "t.tsv"), DataError);
  CHECK_THROWS_AS(morph::compile("went\tgo\tv\nwent\tgo\tv\n", "t.tsv"), DataError);
  CHECK_THROWS_AS(morph::Table(begin, begin + blob.size() - 1, "t"), DataError);
}
