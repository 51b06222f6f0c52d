// Stage 1b (text): what the morphology stage (text/morphology.hpp) says of a token.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace actorgraph {
namespace morph {

inline constexpr std::uint8_t kVerb = 1;
inline constexpr std::uint8_t kNoun = 2;
inline constexpr std::uint8_t kAdjective = 4;

// One table entry: a view into the embedded pool.
class Entry {
 public:
  Entry() = default;
  explicit Entry(const unsigned char* record) : p_(record) {}
  explicit operator bool() const { return p_ != nullptr; }
  std::string_view form() const { return {reinterpret_cast<const char*>(p_ + 1), p_[0]}; }
  std::size_t lemma_count() const { return p_ ? p_[1 + p_[0]] : 0; }
  // The i-th lemma, in byte order of the lemmas.
  std::string_view lemma(std::size_t i) const;
  bool has_lemma(std::string_view lemma) const;
  std::uint8_t classes() const;

 private:
  const unsigned char* p_ = nullptr;
};

}  // namespace morph

// What the morphology stage found for one token.
struct TokenMorph {
  morph::Entry entry;  // the form's entry (its lemmas), or empty when unknown
  morph::Entry joined; // German separable verb joined with its particle: "griff ... an" -> angreifen
  morph::Entry head;   // German compound: the entry of its longest known noun tail (Luftangriffe -> Angriffe)
};

// True when a token's lemmas (its own, its joined separable verb, or its compound
// head's) include lemma. word_class morph::kVerb or kNoun narrows it to that class
// ("=ally" as a verb is not "allies"): a joined verb counts as a verb, a compound head
// as a noun; 0 takes any.
bool has_lemma(const TokenMorph& m, std::string_view lemma, std::uint8_t word_class = 0);

}  // namespace actorgraph
