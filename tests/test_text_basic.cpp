#include <catch2/catch.hpp>

#include "actorgraph/text/normalize.hpp"

using actorgraph::normalize;

TEST_CASE("normalize folds case, umlauts and typography", "[text]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Südkorea", "suedkorea"},       {"Suedkorea", "suedkorea"},     {"Straße", "strasse"},
      {"STRASSE", "strasse"},          {"Erdoğan", "erdogan"},          {"Russia’s", "russia's"},
      {"Außen\xC2\xADminister", "aussenminister"}, {"«Frieden»", "\"frieden\""}, {"a–b", "a-b"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(normalize(c.in) == c.out);
  }
}
