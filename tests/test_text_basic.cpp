#include <catch2/catch.hpp>

#include "actorgraph/text/normalize.hpp"

using actorgraph::normalize;
using actorgraph::normalize_append;

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

TEST_CASE("normalize: the ASCII fast path (8 bytes at a time) folds as the general path", "[text]") {
  // Lengths around the 8-byte blocks, every letter and the bytes next to 'A' and 'Z',
  // and text that turns non-ASCII after a block.
  const char* cases[] = {
      "", "A", "@[`{", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      "Mixed-Case_123/XYZ@[\\]^`{|}~", "\x01\x7f\tZ", "ABCDEFGHÄ", "ABCDEFGH\xC2\xADIJ", "STRASSENBAHNÜBERFÜHRUNG",
  };
  for (const char* c : cases) {
    CAPTURE(c);
    std::string general;
    normalize_append(c, general);
    CHECK(normalize(c) == general);
  }
  CHECK(normalize("@[AZ`{az]") == "@[az`{az]");
}
