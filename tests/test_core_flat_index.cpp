#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "actorgraph/core/flat_index.hpp"

using actorgraph::FlatIndex;
using actorgraph::FlatMap;

TEST_CASE("FlatIndex: ids in order of insertion, every key found, others not", "[core]") {
  FlatIndex index;
  CHECK(index.find("russland") == FlatIndex::kNone);  // empty
  const std::vector<std::string> words = {"", "a", "ab", "russland", "russia", "außenminister",
                                          "u.s", "kreml", "sanktionen", "sanctions", "abcdefgh", "abcdefghi"};
  for (std::size_t k = 0; k < words.size(); ++k) CHECK(index.insert(words[k]) == k);
  CHECK(index.insert("kreml") == 7);  // again: the same id, nothing added
  CHECK(index.size() == words.size());
  for (std::size_t k = 0; k < words.size(); ++k) {
    CAPTURE(words[k]);
    CHECK(index.find(words[k]) == k);
    CHECK(index.key(static_cast<std::uint32_t>(k)) == words[k]);
  }
  for (const char* other : {"b", "russlands", "abcdefgj", "u.s.", "Kreml"}) CHECK(index.find(other) == FlatIndex::kNone);
  CHECK(index.find(std::string_view()) == 0);  // a null view is the empty key
  // growing keeps every id
  FlatIndex big;
  for (int k = 0; k < 50000; ++k) REQUIRE(big.insert("word" + std::to_string(k)) == static_cast<std::uint32_t>(k));
  for (int k = 0; k < 50000; ++k) REQUIRE(big.find("word" + std::to_string(k)) == static_cast<std::uint32_t>(k));
  CHECK(big.find("word50000") == FlatIndex::kNone);
}

TEST_CASE("FlatMap: values by key, default when new", "[core]") {
  FlatMap<std::vector<int>> map;
  map["berlin"].push_back(1);
  map["paris"].push_back(2);
  map["berlin"].push_back(3);
  REQUIRE(map.find("berlin") != nullptr);
  CHECK(*map.find("berlin") == std::vector<int>{1, 3});
  CHECK(*map.find("paris") == std::vector<int>{2});
  CHECK(map.find("london") == nullptr);
  CHECK(map.values().size() == 2);
}
