// Stage 4 (graph): one display language for the actor labels of a graph. An
// article graph labels its actors in the article's language; a merged graph
// keeps the label of the first article that named each actor, so "Egypt" stood
// next to "Deutschland". relabel_actors() gives every known actor its
// dictionary label in one language.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string_view>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

// --names: the majority language of the articles (automatic), English, German,
// or the actor codes.
enum class NameChoice { automatic, en, de, code };
// "" -> automatic, "en", "de", "code"; nullopt otherwise.
std::optional<NameChoice> parse_name_choice(std::string_view s);

// Counts articles per language; majority() is the language of most articles
// (a tie goes to English), unknown when no article had a known language.
class LanguageTally {
 public:
  void add(Lang lang, std::size_t articles = 1);
  Lang majority() const;

 private:
  std::map<Lang, std::size_t> counts_;
};

// g with every actor the dictionary has a label for labelled in lang (de or en);
// actors it does not know (codes from other tools) keep their label.
ActorGraph relabel_actors(const ActorGraph& g, const ActorDictionary& dictionary, Lang lang);

}  // namespace actorgraph
