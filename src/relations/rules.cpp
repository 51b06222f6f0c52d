#include "actorgraph/relations/rules.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/normalize.hpp"
#include "relations/lemma_table.hpp"

namespace actorgraph {
namespace {

TokenGlob parse_glob(std::string_view s) {
  TokenGlob g;
  if (s.size() > 1 && s.front() == '=') {
    g.lemma = true;
    g.text = normalize(s.substr(1));
    return g;
  }
  if (!s.empty() && s.front() == '*') {
    g.open_start = true;
    s.remove_prefix(1);
  }
  if (!s.empty() && s.back() == '*') {
    g.open_end = true;
    s.remove_suffix(1);
  }
  g.text = normalize(s);
  return g;
}

// The parts of s between separators, empty ones included, as views without allocating:
// for (std::string_view part : Parts(s, ',')).
class Parts {
 public:
  Parts(std::string_view s, char sep) : s_(s), sep_(sep) {}
  class Iterator {
   public:
    Iterator(std::string_view rest, char sep, bool done) : rest_(rest), sep_(sep), done_(done) {}
    std::string_view operator*() const { return rest_.substr(0, rest_.find(sep_)); }
    Iterator& operator++() {
      const std::size_t p = rest_.find(sep_);
      if (p == std::string_view::npos) {
        done_ = true;
      } else {
        rest_.remove_prefix(p + 1);
      }
      return *this;
    }
    bool operator!=(const Iterator& o) const { return done_ != o.done_; }

   private:
    std::string_view rest_;
    char sep_;
    bool done_;
  };
  Iterator begin() const { return Iterator(s_, sep_, false); }
  Iterator end() const { return Iterator({}, sep_, true); }

 private:
  std::string_view s_;
  char sep_;
};

// Role strategy names as written in rule files; prep and place take prepositions.
struct StrategyName {
  std::string_view name;
  RoleStrategy strategy;
  bool preps;
};
constexpr StrategyName kStrategies[] = {
    {"subj", RoleStrategy::subj, false},       {"obj", RoleStrategy::obj, false},
    {"poss", RoleStrategy::poss, false},       {"gen", RoleStrategy::gen, false},
    {"prep", RoleStrategy::prep, true},        {"between", RoleStrategy::between, false},
    {"speaker", RoleStrategy::speaker, false}, {"hyph", RoleStrategy::hyph, false},
    {"acr", RoleStrategy::acr, false},         {"rel", RoleStrategy::rel, false},
    {"comp", RoleStrategy::comp, false},       {"other", RoleStrategy::other, false},
    {"place", RoleStrategy::place, true},      {"site", RoleStrategy::site, true},
    {"reporter", RoleStrategy::reporter, false}, {"appos", RoleStrategy::appos, false},
};

std::vector<RoleSpec> parse_roles(std::string_view s, const DataFile& f, std::size_t line) {
  std::vector<RoleSpec> out;
  if (s == "-" || s.empty()) return out;
  for (std::string_view part : Parts(s, ',')) {
    RoleSpec r;
    std::string_view name = part.substr(0, part.find(':'));
    const StrategyName* known = nullptr;
    for (const StrategyName& k : kStrategies) {
      if (k.name == name) known = &k;
    }
    if (!known) throw DataError(f.name, line, "unknown role strategy '" + std::string(name) + "'");
    r.strategy = known->strategy;
    if (known->preps) {
      auto colon = part.find(':');
      if (colon == std::string_view::npos)
        throw DataError(f.name, line, std::string(name) + " needs prepositions: " + std::string(name) + ":gegen|an");
      for (auto p : Parts(part.substr(colon + 1), '|')) {
        if (p.empty()) throw DataError(f.name, line, "empty preposition in '" + std::string(part) + "'");
        r.preps.push_back(normalize(p));
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Checks a lemma cue against the table; an unlisted German compound is read by its head.
void resolve_lemma(TokenGlob& g, Lang lang, const Morphology& morphology, const DataFile& file, std::size_t line) {
  if (morphology.table(lang).find(g.text).has_lemma(g.text)) return;
  if (lang == Lang::de) {
    if (morph::Entry tail = morphology.compound_head(g.text)) {
      g.head = std::string(tail.lemma(0));
      g.compound_prefix = g.text.substr(0, g.text.size() - tail.form().size());
      return;
    }
  }
  throw DataError(file.name, line, "'" + g.text + "' is not a lemma of the lemma table (data/morph)");
}

// The frame of a two-sided noun (talks, summit, alliance): whatever its row lists first,
// a compound's first part names a party when nothing else does ("die Nato-Gespräche mit
// Russland", "NATO-led talks with Russia"), and so does a German genitive ("der Gipfel
// der EU mit der Türkei"); an English "of" names topics and places as often ("a tour of
// Senegal", "discussion of Venezuela").
void add_party_frame(Lang lang, std::vector<RoleSpec>& source) {
  for (RoleStrategy s : {RoleStrategy::gen, RoleStrategy::hyph, RoleStrategy::acr}) {
    if (s == RoleStrategy::gen && lang != Lang::de) continue;
    bool listed = std::any_of(source.begin(), source.end(), [&](const RoleSpec& r) { return r.strategy == s; });
    if (!listed) source.push_back(RoleSpec{s, {}});
  }
}

}  // namespace

bool TokenGlob::matches(const Token& tok) const {
  if (!lemma) return matches(tok.norm);
  if (tok.norm == text || has_lemma(tok.morph, text, word_class)) return true;
  if (head.empty() || !tok.morph.head.has_lemma(head)) return false;
  std::size_t tail = tok.morph.head.form().size();
  std::string_view norm = tok.norm;
  return norm.size() >= tail + compound_prefix.size() &&
         norm.substr(norm.size() - tail - compound_prefix.size(), compound_prefix.size()) == compound_prefix;
}

bool TokenGlob::matches(std::string_view norm) const {
  if (!open_start && !open_end) return norm == text;
  if (open_start && open_end) return norm.find(text) != std::string_view::npos;
  if (open_end) return norm.size() >= text.size() && norm.compare(0, text.size(), text) == 0;
  return norm.size() >= text.size() && norm.compare(norm.size() - text.size(), text.size(), text) == 0;
}

RuleSet::RuleSet(const DataBundle& data, const Morphology& morphology) {
  // Role columns repeat ("subj,speaker" on hundreds of rows): each text parsed once.
  std::unordered_map<std::string_view, std::vector<RoleSpec>> roles_of_text;
  const std::vector<const DataFile*> files = data.files_of("rules");
  std::size_t lines = 0;  // at most one rule per line: room for all at once
  for (const DataFile* file : files) {
    lines += static_cast<std::size_t>(std::count(file->content.begin(), file->content.end(), '\n')) + 1;
  }
  rules_.reserve(lines);
  for (const DataFile* file : files) {
    const lemma_table::View resolved(file->resolved_lemmas);
    auto resolve = [&](TokenGlob& g, Lang lang, std::size_t line) {
      if (resolved.valid()) {
        if (auto r = resolved.find(lang, g.text)) {
          g.head = std::string(r->head);
          g.compound_prefix = std::string(r->compound_prefix);
          return;
        }
      }
      resolve_lemma(g, lang, morphology, *file, line);
    };
    auto roles = [&](std::string_view text, std::size_t line) {
      auto it = roles_of_text.find(text);
      if (it == roles_of_text.end()) it = roles_of_text.emplace(text, parse_roles(text, *file, line)).first;
      return it->second;
    };
    for_each_tsv_row(*file, 5, 6, [&](const TsvRow& row) {
      Rule r;
      r.id = file->name + ":" + std::to_string(row.line);
      auto lang = parse_lang(row.cols[0]);
      if (!lang) throw DataError(file->name, row.line, "unknown language '" + std::string(row.cols[0]) + "'");
      r.lang = *lang;
      r.cue = std::string(row.cols[1]);
      const auto words = static_cast<std::size_t>(std::count(r.cue.begin(), r.cue.end(), ' ')) + 1;
      r.tokens.reserve(words);
      r.gap.reserve(words);
      bool gap = false;
      for (std::string_view w : Parts(row.cols[1], ' ')) {
        if (w.empty()) continue;
        if (w == "...") {
          gap = true;
          continue;
        }
        TokenGlob g = parse_glob(w);
        if (g.text.empty()) throw DataError(file->name, row.line, "empty cue token in '" + r.cue + "'");
        if (g.lemma) resolve(g, r.lang, row.line);
        r.tokens.push_back(std::move(g));
        r.gap.push_back(gap);
        gap = false;
      }
      if (r.tokens.empty() || r.gap[0]) throw DataError(file->name, row.line, "bad cue '" + r.cue + "'");
      auto type = parse_relation_type(row.cols[2]);
      if (!type) throw DataError(file->name, row.line, "unknown relation type '" + std::string(row.cols[2]) + "'");
      r.type = *type;
      r.source = roles(row.cols[3], row.line);
      r.target = roles(row.cols[4], row.line);
      if (r.source.empty() && r.target.empty()) throw DataError(file->name, row.line, "rule has no roles");
      if (row.cols.size() > 5) {
        for (std::string_view flag : Parts(row.cols[5], ' ')) {
          if (flag.empty()) continue;
          if (flag == "speech") {
            r.speech = true;
          } else if (flag == "noun") {
            r.noun = true;
          } else if (flag == "block") {
            r.block = true;
          } else if (flag == "joint") {
            r.joint = true;
          } else if (flag == "mutual") {
            r.mutual = true;
          } else if (flag == "adjective") {
            r.adjective = true;
          } else if (flag.substr(0, 5) == "need=" || flag.substr(0, 4) == "not=") {
            bool need = flag[1] == 'e';
            for (auto w : Parts(flag.substr(need ? 5 : 4), '|')) {
              if (w.empty()) throw DataError(file->name, row.line, "empty word in '" + std::string(flag) + "'");
              TokenGlob g = parse_glob(w);
              if (g.lemma) resolve(g, r.lang, row.line);
              (need ? r.need : r.forbid).push_back(std::move(g));
            }
          } else if (flag.substr(0, 4) == "mod=") {
            auto m = parse_modality(flag.substr(4));
            if (!m) throw DataError(file->name, row.line, "unknown modality in '" + std::string(flag) + "'");
            r.modality = *m;
          } else {
            throw DataError(file->name, row.line, "unknown flag '" + std::string(flag) + "'");
          }
        }
      }
      for (TokenGlob& g : r.tokens) {
        if (g.lemma) g.word_class = r.noun ? morph::kNoun : morph::kVerb;
      }
      if (r.noun && !is_directed(r.type)) add_party_frame(r.lang, r.source);
      rules_.push_back(std::move(r));
    });
  }
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const int l = rules_[i].lang == Lang::de ? 0 : 1;
    const TokenGlob& first = rules_[i].tokens[0];
    if (first.lemma) {
      const std::string& key = first.head.empty() ? first.text : first.head;
      lemma_first_[l][key].push_back(static_cast<std::uint32_t>(i));
    } else {
      automata_[l].add(first.text, static_cast<std::uint32_t>(i));
    }
  }
  automata_[0].build();
  automata_[1].build();
}

std::string RuleSet::compile_lemmas() const {
  std::map<std::string, std::pair<std::string, std::string>> resolved;  // by lemma_table::key
  for (const Rule& r : rules_) {
    for (const auto* globs : {&r.tokens, &r.need, &r.forbid}) {
      for (const TokenGlob& g : *globs) {
        if (g.lemma) resolved[lemma_table::key(r.lang, g.text)] = {g.head, g.compound_prefix};
      }
    }
  }
  std::string offsets, pool;
  auto put = [&](std::string_view s) {
    if (s.size() > 255) throw DataError("data/rules", 0, "lemma cue '" + std::string(s) + "' longer than 254 bytes");
    pool.push_back(static_cast<char>(s.size()));
    pool.append(s);
  };
  for (const auto& [key, head_prefix] : resolved) {
    const auto offset = static_cast<std::uint32_t>(pool.size());
    offsets.append(reinterpret_cast<const char*>(&offset), sizeof offset);
    put(key);
    put(head_prefix.first);
    put(head_prefix.second);
  }
  const auto count = static_cast<std::uint32_t>(resolved.size());
  std::string out(lemma_table::kMagic, sizeof lemma_table::kMagic);
  out.append(reinterpret_cast<const char*>(&count), sizeof count);
  return out + offsets + pool;
}

}  // namespace actorgraph
