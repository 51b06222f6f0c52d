#include "actorgraph/learn/edge_model.hpp"

#include <algorithm>
#include <charconv>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/learn/model_blob.hpp"

namespace actorgraph {

namespace {

constexpr std::string_view kModelRule = "model:data/model/edges.tsv";
constexpr std::size_t kWindow = 3;       // tokens before the left and after the right mention
constexpr std::size_t kStemChars = 6;    // code points kept of a word for its stem feature
constexpr std::size_t kMaxBetween = 40;  // tokens between two mentions beyond which no candidate
// A sentence naming more actors is a list (of members, signatories, participants: the spec
// makes such pairwise edges optional); it gets no candidates, which also bounds the memory
// of the quadratic pairing.
constexpr std::size_t kMaxActorsInSentence = 8;

std::size_t idx(RelationType t) { return static_cast<std::size_t>(t); }

// The first kStemChars code points of a normalised word: a crude stem that joins
// inflections (kritisiert/kritisierte, sanction/sanctions/sanctioned).
std::string_view stem(std::string_view w) {
  std::size_t cps = 0, i = 0;
  while (i < w.size()) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (cps == kStemChars) return w.substr(0, i);
    i += len;
    ++cps;
  }
  return w;
}

std::string_view dist_bucket(std::size_t d) {
  if (d == 0) return "0";
  if (d == 1) return "1";
  if (d == 2) return "2";
  if (d <= 4) return "3-4";
  if (d <= 7) return "5-7";
  if (d <= 12) return "8-12";
  if (d <= 20) return "13-20";
  return "21+";
}

bool usable(const ActorMention& m) {
  return !m.venue && !m.dateline && m.role != ActorRole::region && m.kind != ActorKind::collective;
}

constexpr std::uint64_t kFnvBasis = 14695981039346656037ULL;

// FNV-1a continued over s from state h: feature_hash(a + b) == fnv(fnv(kFnvBasis, a), b).
std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Hashes "LANG|" + the parts of each feature without building the string (the strings
// only when names are asked for) and appends it to the candidate's features.
class FeatureSink {
 public:
  FeatureSink(std::vector<std::uint64_t>& out, std::vector<std::string>* names, std::string_view lang)
      : out_(out), names_(names), lang_(lang), seed_(fnv(fnv(kFnvBasis, lang), "|")) {}
  FeatureSink(EdgeCandidate& c, bool names, std::string_view lang)
      : FeatureSink(c.features, names ? &c.feature_names : nullptr, lang) {}
  void add(std::string_view a, std::string_view b = {}, std::string_view d = {}, std::string_view e = {}) {
    out_.push_back(fnv(fnv(fnv(fnv(seed_, a), b), d), e));
    if (!names_) return;
    std::string& n = names_->emplace_back(lang_);
    n.append("|").append(a).append(b).append(d).append(e);
  }
  // Appends features hashed before (by a sink of the same language, without names).
  void append(const std::uint64_t* begin, const std::uint64_t* end) { out_.insert(out_.end(), begin, end); }
  bool names() const { return names_ != nullptr; }

 private:
  std::vector<std::uint64_t>& out_;
  std::vector<std::string>* names_;
  std::string_view lang_;
  std::uint64_t seed_;
};

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

}  // namespace

namespace {
// A float with nothing after it (std::from_chars: no locale, no allocation).
template <typename Fail>
float parse_float(std::string_view s, Fail&& fail) {
  float v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) fail("not a number: '" + std::string(s) + "'");
  return v;
}

// Calls fn(prefix, lemma) for the lemmas of a token: "" for its own (the joined
// separable verb when there is one), "H" for its compound head's.
template <typename F>
void for_each_lemma(const TokenMorph& m, F&& fn) {
  if (m.joined) {
    fn("", m.joined.form());
  } else {
    for (std::size_t k = 0; k < m.entry.lemma_count(); ++k) fn("", m.entry.lemma(k));
  }
  for (std::size_t k = 0; k < m.head.lemma_count(); ++k) fn("H", m.head.lemma(k));
}

// The features a word outside the pair adds to the sentence's bag: its stem and lemmas.
void bag_features(FeatureSink& f, const Token& tok) {
  if (tok.kind != TokenKind::word) return;
  f.add("S:", stem(tok.norm));
  for_each_lemma(tok.morph, [&](std::string_view prefix, std::string_view lemma) { f.add(prefix, "SL:", lemma); });
}
}  // namespace

std::uint64_t feature_hash(std::string_view s) { return fnv(kFnvBasis, s); }

EdgeModel::EdgeModel(const DataBundle& data, const Lexicon& lexicon, const RuleSet& rules)
    : lexicon_(lexicon),
      alleged_id_(lexicon.class_id("alleged")),
      hyp_id_(lexicon.class_id("hyp")),
      rules_(rules) {
  for (const DataFile* f : data.files_of("model")) {
    weights_.reserve(weights_.size() + static_cast<std::size_t>(std::count(f->content.begin(), f->content.end(), '\n')));
    for (const TsvRow& row : read_tsv(*f, 2, 4)) {
      auto fail = [&](const std::string& why) {
        throw DataError(f->name, row.line, why);
      };
      std::string_view key = row.cols[0];
      if (key == "builtin") {  // the compiled weights (DataBundle::defaults)
        if (row.cols.size() != 2 || row.cols[1] != "compiled") fail("builtin<TAB>compiled");
        builtin_ = model_blob::builtin();
        continue;
      }
      if (key == "mode" || key == "threshold") {
        auto lang = row.cols.size() > 1 ? parse_lang(row.cols[1]) : std::nullopt;
        if (!lang || *lang == Lang::unknown) fail(std::string(key) + " needs a language, de or en");
        Settings& st = settings_[*lang == Lang::de ? 0 : 1];
        if (key == "mode") {
          if (row.cols.size() != 3) fail("mode LANG off|add|replace");
          if (row.cols[2] == "off") st.mode = ModelMode::off;
          else if (row.cols[2] == "add") st.mode = ModelMode::add;
          else if (row.cols[2] == "replace") st.mode = ModelMode::replace;
          else fail("mode is off, add or replace");
        } else {
          if (row.cols.size() != 4) fail("threshold LANG TYPE VALUE");
          auto t = parse_relation_type(row.cols[2]);
          if (!t) fail("unknown relation type " + std::string(row.cols[2]));
          st.thresholds[idx(*t)] = parse_float(row.cols[3], fail);
        }
        continue;
      }
      std::uint64_t h = 0;
      auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), h, 16);
      if (key.size() != 16 || ec != std::errc() || end != key.data() + key.size()) fail("feature hash is 16 hex digits");
      TypeScores w{};
      std::string_view list = row.cols[1];
      while (!list.empty()) {
        auto comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        auto colon = item.find(':');
        if (colon == std::string_view::npos) fail("weight is TYPE:VALUE");
        auto t = parse_relation_type(item.substr(0, colon));
        if (!t) fail("unknown relation type " + std::string(item.substr(0, colon)));
        w[idx(*t)] = parse_float(item.substr(colon + 1), fail);
      }
      weights_[h] = w;
    }
  }
}

std::vector<EdgeCandidate> EdgeModel::candidates(const Document& doc, const std::vector<ActorMention>& mentions,
                                                 const std::vector<RelationMention>& rules, bool names) const {
  std::vector<EdgeCandidate> out;
  std::string_view lang = to_string(doc.lang);
  // The rule edges of each sentence and of the whole article, by (source, target).
  std::map<std::tuple<std::size_t, std::string, std::string>, std::set<RelationType>> rule_in_sentence;
  std::map<std::pair<std::string, std::string>, std::set<RelationType>> rule_in_article;
  for (const auto& r : rules) {
    rule_in_sentence[{r.sentence, r.source.str(), r.target.str()}].insert(r.type);
    rule_in_article[{r.source.str(), r.target.str()}].insert(r.type);
  }
  if (mentions.size() < 2) return out;
  // The cue masks of a sentence's tokens, found when a candidate of the sentence asks.
  std::vector<std::uint16_t> masks(doc.tokens.size(), 0);
  std::vector<bool> masked(doc.sentences.size(), false);
  auto masks_of = [&](std::size_t s) -> const std::vector<std::uint16_t>& {
    if (!masked[s]) {
      cue_masks(doc, doc.sentences[s], masks);
      masked[s] = true;
    }
    return masks;
  };
  // Sports reports (no relations, as in the rules), decided once per sentence.
  std::vector<std::int8_t> sports(doc.sentences.size(), -1);
  auto is_sport = [&](std::size_t s) {
    if (sports[s] < 0) {
      const Sentence& sent = doc.sentences[s];
      sports[s] = sports_word(doc, sent, lexicon_) < sent.end_token;
    }
    return sports[s] == 1;
  };
  std::vector<std::uint64_t> bag;
  std::vector<std::uint32_t> bag_first;
  std::size_t i = 0;
  while (i < mentions.size()) {
    std::size_t s = mentions[i].sentence, j = i;
    while (j < mentions.size() && mentions[j].sentence == s) ++j;
    std::set<std::string> codes_here;
    for (std::size_t x = i; x < j; ++x) {
      if (usable(mentions[x])) codes_here.insert(mentions[x].code.str());
    }
    if (codes_here.size() > kMaxActorsInSentence) {
      i = j;
      continue;
    }
    // The closest pair of mentions per ordered pair of codes.
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> best;
    for (std::size_t x = i; x < j; ++x) {
      if (!usable(mentions[x])) continue;
      for (std::size_t y = i; y < j; ++y) {
        if (x == y || !usable(mentions[y]) || mentions[x].code == mentions[y].code) continue;
        const ActorMention& l = x < y ? mentions[x] : mentions[y];
        const ActorMention& r = x < y ? mentions[y] : mentions[x];
        if (r.first_token < l.end_token) continue;  // overlapping
        std::size_t d = r.first_token - l.end_token;
        if (d > kMaxBetween) continue;
        auto key = std::make_pair(mentions[x].code.str(), mentions[y].code.str());
        auto it = best.find(key);
        if (it == best.end()) {
          best[key] = {x, y};
        } else {
          const auto& [bx, by] = it->second;
          const ActorMention& bl = bx < by ? mentions[bx] : mentions[by];
          const ActorMention& br = bx < by ? mentions[by] : mentions[bx];
          if (d < br.first_token - bl.end_token) it->second = {x, y};
        }
      }
    }
    const Sentence& sent = doc.sentences[s];
    if (is_sport(s)) best.clear();  // "Germany and Brazil met in the final"
    std::size_t first_usable = j;
    for (std::size_t x = i; x < j; ++x) {
      if (usable(mentions[x])) {
        first_usable = x;
        break;
      }
    }
    // The bag-of-words features of each token of the sentence, hashed once: every
    // candidate of the sentence repeats them (tokens [bag_first[k], bag_first[k + 1])
    // of bag for token sent.first_token + k).
    bag.clear();
    bag_first.clear();
    if (!names && !best.empty()) {
      FeatureSink bf(bag, nullptr, lang);
      for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
        bag_first.push_back(static_cast<std::uint32_t>(bag.size()));
        bag_features(bf, doc.tokens[t]);
      }
      bag_first.push_back(static_cast<std::uint32_t>(bag.size()));
    }
    for (const auto& [codes, pair] : best) {
      EdgeCandidate c;
      c.sentence = s;
      c.a = mentions[pair.first].code;
      c.b = mentions[pair.second].code;
      c.mention_a = pair.first;
      c.mention_b = pair.second;
      FeatureSink f(c, names, lang);
      const ActorMention& ma = mentions[pair.first];
      const ActorMention& mb = mentions[pair.second];
      bool a_left = pair.first < pair.second;
      const ActorMention& l = a_left ? ma : mb;
      const ActorMention& r = a_left ? mb : ma;
      std::string_view dir = a_left ? "ab:" : "ba:";
      std::size_t between = r.first_token - l.end_token;
      f.add("bias");
      f.add("d:", dir, dist_bucket(between));
      std::size_t others = 0;
      for (std::size_t x = i; x < j; ++x) {
        if (x != pair.first && x != pair.second && usable(mentions[x]) && mentions[x].first_token >= l.end_token &&
            mentions[x].end_token <= r.first_token) {
          ++others;
        }
      }
      f.add("nm:", dir, others == 0 ? "0" : others == 1 ? "1" : "2+");
      bool comma_between = false;
      for (std::size_t t = l.end_token; t < r.first_token; ++t) {
        const Token& tok = doc.tokens[t];
        if (tok.kind == TokenKind::number) continue;
        if (tok.norm == ",") comma_between = true;
        f.add("w:", dir, tok.norm);
        f.add("s:", stem(tok.norm));
        if (between <= 12) f.add("sd:", dir, stem(tok.norm));
        for_each_lemma(tok.morph, [&](std::string_view prefix, std::string_view lemma) {
          f.add(prefix, "L:", dir, lemma);
        });
      }
      f.add("comma:", comma_between ? "y" : "n");
      for (RelationType t : cue_types(masks_of(s), l.end_token, r.first_token)) f.add("cue-in:", dir, to_string(t));
      for (RelationType t : cue_types(masks_of(s), sent.first_token, sent.end_token)) {
        f.add("cue-s:", to_string(t));
        c.sentence_cues |= 1u << idx(t);
      }
      for (std::size_t k = 1; k <= kWindow && l.first_token >= sent.first_token + k; ++k) {
        const Token& tok = doc.tokens[l.first_token - k];
        f.add("l:", dir, stem(tok.norm));
        if (k == 1) f.add("l1:", dir, tok.norm);
      }
      for (std::size_t k = 0; k < kWindow && r.end_token + k < sent.end_token; ++k) {
        const Token& tok = doc.tokens[r.end_token + k];
        f.add("r:", dir, stem(tok.norm));
        if (k == 0) f.add("r1:", dir, tok.norm);
      }
      // The word before each mention (its preposition or article) and after it.
      auto around = [&](const ActorMention& m, std::string_view who) {
        if (m.first_token > sent.first_token) f.add("p", who, ":", doc.tokens[m.first_token - 1].norm);
        else f.add("p", who, ":", "<s>");
        if (m.first_token > sent.first_token + 1) {
          f.add("pp", who, ":", doc.tokens[m.first_token - 2].norm);
        }
        if (m.end_token < sent.end_token) f.add("n", who, ":", doc.tokens[m.end_token].norm);
        f.add("role", who, ":", to_string(m.role));
        if (m.genitive) f.add("gen", who);
        if (m.coref) f.add("coref", who);
        if (m.weak) f.add("weak", who);
        if (m.attribute) f.add("attr", who);
        f.add("kind", who, ":", to_string(m.kind));
      };
      around(ma, "a");
      around(mb, "b");
      f.add("first:", pair.first == first_usable ? "a" : pair.second == first_usable ? "b" : "none");
      // The rest of the sentence as a bag of stems (cues before or after both mentions).
      for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
        if (t >= l.first_token && t < r.end_token) continue;
        if (f.names()) {
          bag_features(f, doc.tokens[t]);
        } else {
          f.append(bag.data() + bag_first[t - sent.first_token], bag.data() + bag_first[t - sent.first_token + 1]);
        }
      }
      // What the rules said about this pair, here and in the article.
      if (auto it = rule_in_sentence.find({s, c.a.str(), c.b.str()}); it != rule_in_sentence.end()) {
        for (RelationType t : it->second) f.add("R:", to_string(t));
      }
      if (auto it = rule_in_sentence.find({s, c.b.str(), c.a.str()}); it != rule_in_sentence.end()) {
        for (RelationType t : it->second) f.add("Rr:", to_string(t));
      }
      if (auto it = rule_in_article.find({c.a.str(), c.b.str()}); it != rule_in_article.end()) {
        for (RelationType t : it->second) f.add("RA:", to_string(t));
      }
      out.push_back(std::move(c));
    }
    i = j;
  }
  add_cross_sentence(doc, mentions, rule_in_article, masks_of, is_sport, names, out);
  return out;
}

void EdgeModel::cue_masks(const Document& doc, const Sentence& sent, std::vector<std::uint16_t>& masks) const {
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    if (doc.tokens[t].kind != TokenKind::word) continue;
    rules_.first_token_hits(doc.lang, doc.tokens[t], [&](const Rule& r) {
      // (a reported wrong, "violated", "responsible", is no event between two actors: its
      // row pairs the reporter with the doer, and the model never saw such words as cues)
      const bool reported = !r.source.empty() && r.source.front().strategy == RoleStrategy::reporter;
      if (r.lang != doc.lang || r.block || reported) return;
      // A row with words between its cue tokens ("traded ... insults", "held ...
      // responsible") or an idiom of three or more words ("war of words") counts only where
      // its later tokens follow in the sentence: its first token alone ("traded", "held",
      // "war") is an everyday word or another event.
      if (std::find(r.gap.begin(), r.gap.end(), true) != r.gap.end() || r.tokens.size() > 2) {
        std::size_t pos = t + 1;
        for (std::size_t k = 1; k < r.tokens.size(); ++k) {
          if (!r.gap[k]) {
            if (pos >= sent.end_token || !r.tokens[k].matches(doc.tokens[pos])) return;
          } else {
            while (pos < sent.end_token && !r.tokens[k].matches(doc.tokens[pos])) ++pos;
            if (pos >= sent.end_token) return;
          }
          ++pos;
        }
      }
      masks[t] |= static_cast<std::uint16_t>(1u << idx(r.type));
    });
  }
}

std::vector<RelationType> EdgeModel::cue_types(const std::vector<std::uint16_t>& masks, std::size_t first,
                                               std::size_t end) {
  std::uint16_t all = 0;
  for (std::size_t t = first; t < end; ++t) all |= masks[t];
  std::vector<RelationType> out;
  for (RelationType type : kAllRelationTypes) {
    if (all & (1u << idx(type))) out.push_back(type);
  }
  return out;
}

void EdgeModel::add_cross_sentence(
    const Document& doc, const std::vector<ActorMention>& mentions,
    const std::map<std::pair<std::string, std::string>, std::set<RelationType>>& rule_in_article,
    const std::function<const std::vector<std::uint16_t>&(std::size_t)>& masks_of,
    const std::function<bool(std::size_t)>& is_sport, bool names,
    std::vector<EdgeCandidate>& out) const {
  // Arguments across sentences ("The Taliban control the north. On Monday they attacked
  // a border post of Pakistan."): a sentence that names one actor only is paired with
  // each actor of the sentence before, in both directions. A feature space of its own
  // ("x" before the language) keeps these weights apart from the in-sentence ones.
  const std::string lang = "x" + std::string(to_string(doc.lang));
  std::vector<std::vector<std::size_t>> firsts(doc.sentences.size());  // first usable mention per code
  for (std::size_t x = 0; x < mentions.size(); ++x) {
    if (!usable(mentions[x])) continue;
    auto& f = firsts[mentions[x].sentence];
    bool seen = false;
    for (std::size_t k : f) seen = seen || mentions[k].code == mentions[x].code;
    if (!seen) f.push_back(x);
  }
  for (std::size_t s = 1; s < doc.sentences.size(); ++s) {
    if (firsts[s].size() != 1 || firsts[s - 1].empty() || firsts[s - 1].size() > kMaxActorsInSentence) continue;
    const Sentence& sent = doc.sentences[s];
    if (is_sport(s)) continue;
    const std::vector<RelationType> cues = cue_types(masks_of(s), sent.first_token, sent.end_token);
    if (cues.empty()) continue;  // no event word here
    const std::size_t y = firsts[s][0];
    const ActorMention& my = mentions[y];
    for (std::size_t x : firsts[s - 1]) {
      const ActorMention& mx = mentions[x];
      if (mx.code == my.code) continue;
      for (int forward = 0; forward < 2; ++forward) {
        EdgeCandidate c;
        c.sentence = s;
        c.mention_a = forward ? x : y;
        c.mention_b = forward ? y : x;
        c.a = mentions[c.mention_a].code;
        c.b = mentions[c.mention_b].code;
        FeatureSink f(c, names, lang);
        std::string_view dir = forward ? "prev>here" : "here>prev";
        f.add("bias:", dir);
        f.add("prev-first:", firsts[s - 1][0] == x ? "y" : "n");
        f.add("prev-n:", firsts[s - 1].size() == 1 ? "1" : firsts[s - 1].size() == 2 ? "2" : "3+");
        f.add("here-at:", my.first_token == sent.first_token ? "start" : "inside");
        for (RelationType t : cues) {
          f.add("cue:", dir, to_string(t));
          c.sentence_cues |= 1u << idx(t);
        }
        auto who = [&](const ActorMention& m, std::string_view w) {
          f.add("role", w, ":", to_string(m.role));
          f.add("kind", w, ":", to_string(m.kind));
          if (m.coref) f.add("coref", w);
          if (m.genitive) f.add("gen", w);
        };
        who(mx, "p");
        who(my, "h");
        if (my.first_token > sent.first_token) f.add("hp:", doc.tokens[my.first_token - 1].norm);
        if (my.end_token < sent.end_token) f.add("hn:", doc.tokens[my.end_token].norm);
        for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
          const Token& tok = doc.tokens[t];
          if (tok.kind != TokenKind::word || (t >= my.first_token && t < my.end_token)) continue;
          std::string_view side = t < my.first_token ? "<" : ">";
          f.add("S", side, ":", stem(tok.norm));
          for_each_lemma(tok.morph, [&](std::string_view prefix, std::string_view lemma) {
            f.add(prefix, "SL", side, lemma);
          });
        }
        if (auto it = rule_in_article.find({c.a.str(), c.b.str()}); it != rule_in_article.end()) {
          for (RelationType t : it->second) f.add("RA:", to_string(t));
        }
        out.push_back(std::move(c));
      }
    }
  }
}

const float* EdgeModel::weights_of(std::uint64_t h) const {
  if (!weights_.empty()) {
    if (auto it = weights_.find(h); it != weights_.end()) return it->second.data();
  }
  return builtin_.find(h);
}

namespace {

// The weights of recently seen feature hashes, for the candidates of one article: a
// sentence's bag of words is a feature of every candidate of the sentence, so most
// lookups repeat, and this small direct-mapped table answers them from the cache
// instead of the model's large one. Sums stay in feature order (identical scores).
class WeightCache {
 public:
  template <typename Lookup>
  const float* get(std::uint64_t h, Lookup&& lookup) {
    if (slots_.empty()) slots_.resize(kSlots);  // not for an article without candidates
    Slot& slot = slots_[(h ^ (h >> 29)) & (kSlots - 1)];
    if (!slot.used || slot.hash != h) slot = Slot{h, lookup(h), true};
    return slot.weights;
  }
  // Calls load(h) when get(h) would have to look h up.
  template <typename Load>
  void prefetch(std::uint64_t h, Load&& load) const {
    if (slots_.empty()) return;
    const Slot& slot = slots_[(h ^ (h >> 29)) & (kSlots - 1)];
    if (!slot.used || slot.hash != h) load(h);
  }

 private:
  static constexpr std::size_t kSlots = 1024;
  struct Slot {
    std::uint64_t hash = 0;
    const float* weights = nullptr;
    bool used = false;
  };
  std::vector<Slot> slots_;
};

// The sum of the weights of c's features, in feature order; ahead(k) is called before
// feature k is looked up (prefetches of features further on).
template <typename Lookup, typename Ahead>
TypeScores sum_weights(const EdgeCandidate& c, Lookup&& lookup, Ahead&& ahead) {
  TypeScores s{};
  for (std::size_t k = 0; k < c.features.size(); ++k) {
    ahead(k);
    if (const float* w = lookup(c.features[k])) {
      for (std::size_t t = 0; t < kRelationTypeCount; ++t) s[t] += w[t];
    }
  }
  return s;
}

}  // namespace

TypeScores EdgeModel::scores(const EdgeCandidate& c) const {
  return sum_weights(c, [&](std::uint64_t h) { return weights_of(h); }, [](std::size_t) {});
}

Modality EdgeModel::modality_of(const Document& doc, const EdgeCandidate& c,
                                const std::vector<const RelationMention*>& rules_here) const {
  // The rules' reading of the same sentence and pair wins; else the sentence's
  // modality words (negation is left to the rules: a wrong "negated" drops an edge).
  for (const RelationMention* r : rules_here) {
    if ((r->source == c.a && r->target == c.b) || (r->source == c.b && r->target == c.a)) return r->modality;
  }
  const Sentence& sent = doc.sentences[c.sentence];
  bool alleged = false, hyp = false;
  // one lookup of each word answers both classes (has())
  const bool bits = alleged_id_ < Lexicon::kBitClasses && hyp_id_ < Lexicon::kBitClasses;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const std::string& w = doc.tokens[t].norm;
    if (bits) {
      const Lexicon::WordClasses classes = lexicon_.classes_of(doc, t);
      if (alleged_id_ >= 0 && Lexicon::word_in(classes, alleged_id_)) alleged = true;
      if (hyp_id_ >= 0 && Lexicon::word_in(classes, hyp_id_)) hyp = true;
      continue;
    }
    if (lexicon_.has("alleged", doc.lang, w)) alleged = true;
    if (lexicon_.has("hyp", doc.lang, w)) hyp = true;
  }
  if (alleged) return Modality::alleged;
  if (hyp) return Modality::hypothetical;
  return Modality::asserted;
}

void EdgeModel::apply(const Document& doc, const std::vector<ActorMention>& mentions,
                      std::vector<RelationMention>& relations, std::vector<TraceLine>* trace) const {
  const Settings& st = settings(doc.lang);
  if (empty() || st.mode == ModelMode::off) return;
  apply_with(doc, mentions, relations, st.thresholds, st.mode, nullptr, trace);
}

void EdgeModel::apply_with(const Document& doc, const std::vector<ActorMention>& mentions,
                           std::vector<RelationMention>& relations, const TypeScores& thresholds, ModelMode mode,
                           const std::vector<EdgeCandidate>* precomputed, std::vector<TraceLine>* trace) const {
  std::vector<EdgeCandidate> own;
  if (!precomputed) own = candidates(doc, mentions, relations);
  const std::vector<EdgeCandidate>& cands = precomputed ? *precomputed : own;
  // The rules' relations of each sentence (linear in the article: no scan of all
  // relations per candidate).
  std::vector<RelationMention> rules = relations;
  std::vector<std::vector<const RelationMention*>> rules_in(doc.sentences.size());
  for (const auto& r : rules) {
    if (r.sentence < rules_in.size()) rules_in[r.sentence].push_back(&r);
  }
  static const std::vector<const RelationMention*> kNone;
  std::vector<RelationMention> added;
  // (sentence, unordered pair) decided by the model in replace mode
  std::set<std::tuple<std::size_t, std::string, std::string>> decided;
  WeightCache cache;
  auto lookup = [&](std::uint64_t h) { return weights_of(h); };
  for (const auto& c : cands) {
    // scores(c), through the cache, with the compiled model's slot of the feature eight
    // ahead and the entry of the feature four ahead prefetched
    constexpr std::size_t kAhead = 8;
    const TypeScores s = sum_weights(
        c, [&](std::uint64_t h) { return cache.get(h, lookup); },
        [&](std::size_t k) {
          if (k + kAhead < c.features.size()) {
            cache.prefetch(c.features[k + kAhead], [&](std::uint64_t h) { builtin_.prefetch(h); });
          }
          if (k + kAhead / 2 < c.features.size()) {
            cache.prefetch(c.features[k + kAhead / 2], [&](std::uint64_t h) { builtin_.prefetch_entry(h); });
          }
        });
    const ActorMention& ma = mentions[c.mention_a];
    const ActorMention& mb = mentions[c.mention_b];
    Span stretch{std::min(ma.span.begin, mb.span.begin), std::max(ma.span.end, mb.span.end)};
    if (ma.sentence != mb.sentence) stretch = (ma.sentence == c.sentence ? ma : mb).span;  // across sentences
    if (mode == ModelMode::replace) {
      decided.insert({c.sentence, std::min(c.a.str(), c.b.str()), std::max(c.a.str(), c.b.str())});
    }
    for (RelationType t : kAllRelationTypes) {
      float score = s[idx(t)];
      // symmetric types are scored on both orders; keep the one with a before b
      if (!is_directed(t) && c.mention_a > c.mention_b) continue;
      bool yes = score > thresholds[idx(t)];
      // An edge needs an event word in its sentence: without one the model pairs
      // actors that are merely named together (check English: precision 0.46 -> 0.48).
      if (c.sentence_cues == 0) yes = false;
      if (trace && score > thresholds[idx(t)] - 2.0f) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  model %s %s %s %s: p=%.2f (threshold %.2f)%s", c.a.str().c_str(),
                      is_directed(t) ? "->" : "--", c.b.str().c_str(), std::string(to_string(t)).c_str(),
                      sigmoid(score), sigmoid(thresholds[idx(t)]), yes ? " edge" : "");
        trace->push_back(TraceLine{c.sentence, buf});
      }
      if (!yes) continue;
      RelationMention m;
      m.source = c.a;
      m.target = c.b;
      m.type = t;
      m.modality = modality_of(doc, c, c.sentence < rules_in.size() ? rules_in[c.sentence] : kNone);
      m.sentence = c.sentence;
      m.cue = stretch;
      m.rule = std::string(kModelRule);
      added.push_back(std::move(m));
    }
  }
  if (mode == ModelMode::replace) {
    std::vector<RelationMention> kept;
    for (auto& r : relations) {
      std::string x = r.source.str(), y = r.target.str();
      if (!decided.count({r.sentence, std::min(x, y), std::max(x, y)})) kept.push_back(std::move(r));
    }
    relations = std::move(kept);
  }
  // add mode: no second mention of what a rule already found in that sentence
  std::set<std::tuple<std::size_t, RelationType, std::string, std::string>> have;
  auto key = [](const RelationMention& r) {
    std::string x = r.source.str(), y = r.target.str();
    if (!is_directed(r.type) && y < x) std::swap(x, y);
    return std::make_tuple(r.sentence, r.type, x, y);
  };
  // nor the reverse of a rule's directed edge: the rule read the direction from the
  // sentence's structure, the model's reverse came from the rule's own feature
  // ("Peru says Chile violated the truce" is no CHL -> PER criticism)
  std::set<std::tuple<std::size_t, RelationType, std::string, std::string>> reversed;
  for (const auto& r : relations) {
    have.insert(key(r));
    if (is_directed(r.type)) reversed.insert(std::make_tuple(r.sentence, r.type, r.target.str(), r.source.str()));
  }
  for (auto& m : added) {
    if (reversed.count(key(m))) continue;
    if (have.insert(key(m)).second) relations.push_back(std::move(m));
  }
  std::stable_sort(relations.begin(), relations.end(),
                   [](const RelationMention& x, const RelationMention& y) { return x.sentence < y.sentence; });
}

void EdgeModel::write(std::ostream& out, const std::string& comment) const {
  out << "#actorgraph-model 1\n";
  out << comment;
  for (Lang lang : {Lang::de, Lang::en}) {
    const Settings& st = settings(lang);
    out << "mode\t" << to_string(lang) << "\t"
        << (st.mode == ModelMode::off ? "off" : st.mode == ModelMode::add ? "add" : "replace") << "\n";
    for (RelationType t : kAllRelationTypes) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", st.thresholds[idx(t)]);
      out << "threshold\t" << to_string(lang) << "\t" << to_string(t) << "\t" << buf << "\n";
    }
  }
  // The weights read as text, and the compiled ones they do not override.
  std::map<std::uint64_t, TypeScores> all(weights_.begin(), weights_.end());
  for (const model_blob::Entry* e = builtin_.begin; e != builtin_.end; ++e) {
    TypeScores w{};
    std::copy(std::begin(e->weights), std::end(e->weights), w.begin());
    all.emplace(e->hash, w);
  }
  for (const auto& [h, w] : all) {
    std::string list;
    for (RelationType t : kAllRelationTypes) {
      float v = w[idx(t)];
      if (std::fabs(v) < 0.005f) continue;
      char buf[48];
      std::snprintf(buf, sizeof buf, "%s%s:%.2f", list.empty() ? "" : ",", std::string(to_string(t)).c_str(), v);
      list += buf;
    }
    if (list.empty()) continue;
    char hex[24];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    out << hex << "\t" << list << "\n";
  }
}

}  // namespace actorgraph
