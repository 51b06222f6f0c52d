#include <catch2/catch.hpp>

#include <string>

#include "actorgraph/core/word_filter.hpp"

using actorgraph::WordFilter;

TEST_CASE("WordFilter: every word added is found, few others are", "[core]") {
  WordFilter filter;
  const char* words[] = {"", "a", "ab", "abc", "abcd", "russland", "ä", "außenminister", "u.s", "kreml"};
  for (const char* w : words) filter.add(w);
  for (const char* w : words) {
    CAPTURE(w);
    CHECK(filter.may_contain(w));
  }
  // 20,000 words in, 20,000 others out: a few percent of the others pass.
  WordFilter big;
  for (int k = 0; k < 20000; ++k) big.add("word" + std::to_string(k) + "x");
  int passed = 0;
  for (int k = 0; k < 20000; ++k) {
    REQUIRE(big.may_contain("word" + std::to_string(k) + "x"));
    passed += big.may_contain("other" + std::to_string(k) + "y") ? 1 : 0;
  }
  CHECK(passed < 2000);
}

TEST_CASE("WordFilter: an empty filter holds no bits and contains nothing", "[core]") {
  WordFilter filter;
  CHECK(filter.bits().empty());
  CHECK_FALSE(filter.may_contain(""));
  CHECK_FALSE(filter.may_contain("russland"));
  filter.add("russland");
  CHECK(filter.bits().size() == (std::size_t{1} << (WordFilter::kBits - 6)));
  CHECK(filter.may_contain("russland"));
}
