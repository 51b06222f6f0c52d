#include "actorgraph/graph/labels.hpp"

namespace actorgraph {

std::optional<NameChoice> parse_name_choice(std::string_view s) {
  if (s.empty()) return NameChoice::automatic;
  if (s == "en") return NameChoice::en;
  if (s == "de") return NameChoice::de;
  if (s == "code") return NameChoice::code;
  return std::nullopt;
}

void LanguageTally::add(Lang lang, std::size_t articles) {
  if (lang != Lang::unknown) counts_[lang] += articles;
}

Lang LanguageTally::majority() const {
  auto count = [&](Lang l) {
    auto it = counts_.find(l);
    return it == counts_.end() ? std::size_t{0} : it->second;
  };
  if (count(Lang::de) == 0 && count(Lang::en) == 0) return Lang::unknown;
  return count(Lang::de) > count(Lang::en) ? Lang::de : Lang::en;
}

ActorGraph relabel_actors(const ActorGraph& g, const ActorDictionary& dictionary, Lang lang) {
  ActorGraph out = g;
  if (lang == Lang::unknown) return out;
  for (auto [it, end] = boost::vertices(out.store()); it != end; ++it) {
    ActorNode& n = out.store()[*it];
    if (!dictionary.kind(n.code)) continue;  // not an actor of the dictionary
    std::string label = dictionary.label(n.code, lang);
    if (label != n.code.str() || n.label.empty()) n.label = std::move(label);
  }
  return out;
}

}  // namespace actorgraph
