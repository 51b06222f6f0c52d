// Regression: HTML leftovers in scraped articles ("France and <b>Germany</b>
// signed ...") split coordinations and hid relations, and script text became
// actor mentions. make_document now blanks markup in place (spans stay byte
// offsets into the input) and decodes character references.
#include <catch2/catch.hpp>

#include <string>

#include "actorgraph/text/document.hpp"
#include "support.hpp"

using namespace actorgraph;

TEST_CASE("regression: HTML markup is blanked in place, plain text with '<' is kept", "[text]") {
  struct Case {
    const char* in;
    std::string text;  // Document::text afterwards (same length as the input)
  };
  const Case cases[] = {
      {"France and <b>Germany</b> met.", "France and    Germany     met."},
      {"<p>Erster Satz</p><p>Zweiter</p>", "\n  Erster Satz\n   \n  Zweiter\n   "},
      {"A<br/>B", "A\n    B"},
      {"x <script>var a = \"<p>\";</script> y", "x \n" + std::string(30, ' ') + " y"},
      {"x <STYLE type=\"text/css\">p { color: red }</STYLE> y", "x \n" + std::string(46, ' ') + " y"},
      {"x <!-- Russland --> y", "x " + std::string(17, ' ') + " y"},
      {"<!DOCTYPE html>\n<html>Text</html>", "               \n      Text       "},
      {"a < b and c > d", "a < b and c > d"},
      {"<Name> and <3 and <a", "<Name> and <3 and <a"},
      {"if x<y then", "if x<y then"},
  };
  for (const auto& c : cases) {
    Document doc = make_document("t", c.in);
    CHECK(doc.text == c.text);
    CHECK(doc.text.size() == std::string(c.in).size());
  }
}

TEST_CASE("regression: character references become their characters, padded invisibly", "[text]") {
  struct Case {
    const char* in;
    const char* text;
  };
  const Case cases[] = {
      {"Gespr&auml;che", "Gespr\xC3\xA4\xC2\xAD\xC2\xAD" "che"},  // ä + 2 soft hyphens
      {"A &amp; B", "A &\xC2\xAD\xC2\xAD B"},
      {"x &lt;y&gt;", "x <\xE2\x80\x8Cy>\xE2\x80\x8C"},  // '<' + zero width non-joiner
      {"&#228;&#xE4;", "\xC3\xA4\xC2\xAD\xC2\xAD\xC3\xA4\xC2\xAD\xC2\xAD"},
      {"&#0; &#xD800; &#99999999; &unknown; & ;", "&#0; &#xD800; &#99999999; &unknown; & ;"},
  };
  for (const auto& c : cases) {
    Document doc = make_document("t", c.in);
    CHECK(doc.text == c.text);
    CHECK(doc.text.size() == std::string(c.in).size());
  }
}

TEST_CASE("regression: relations in scraped HTML are found, script text is no actor", "[text]") {
  struct Case {
    Lang lang;
    const char* html;
    const char* actors;
    const char* edge;
  };
  const Case cases[] = {
      {Lang::en,
       "<html><head><script>var country = \"China\";</script></head><body><p>France and <b>Germany</b> "
       "signed a defence agreement in Paris.</p><div class=\"ad\">Subscribe now</div></body></html>",
       "DEU FRA", "DEU-FRA partnership asserted"},
      {Lang::de,
       "<p>Frankreich und <a href=\"/polen\">Polen</a> vereinbarten am Montag eine engere "
       "Zusammenarbeit.</p><style>.x{}</style>",
       "FRA POL", "FRA-POL partnership asserted"},
  };
  for (const auto& c : cases) {
    ArticleResult r = test::run(c.html, c.lang);
    CHECK(test::actors(r) == c.actors);
    CHECK(test::edges(r).find(c.edge) != std::string::npos);
  }
}

TEST_CASE("regression: a page of markup only is an empty article", "[text]") {
  CHECK_THROWS_WITH(make_document("t", "<html><body><div></div></body></html>"), Catch::Contains("empty article"));
}
