#include "actorgraph/actors/matcher.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actors/matcher_index.hpp"

namespace actorgraph {

using namespace std::literals;
namespace {

struct Ending {
  std::string_view suffix;
  bool genitive;
};

// Inflection endings added to the last token of a form, by role and language.
const std::vector<Ending>& endings(ActorRole role, Lang lang) {
  static const std::vector<Ending> kNone{{"", false}};
  static const std::vector<Ending> kDeName{{"", false}, {"s", true}};
  static const std::vector<Ending> kDeBody{{"", false}, {"s", true}, {"es", true}, {"n", false}, {"en", false}};
  static const std::vector<Ending> kDeAdj{{"", false},  {"e", false},  {"en", false},
                                          {"er", false}, {"es", false}, {"em", false}};
  static const std::vector<Ending> kDeDemonym{{"", false}, {"n", false}, {"s", false}, {"in", false}, {"innen", false}};
  static const std::vector<Ending> kEnName{{"", false}, {"'s", true}, {"'", true}};
  static const std::vector<Ending> kEnDemonym{{"", false}, {"s", false}, {"'s", true}};
  if (lang == Lang::de) {
    switch (role) {
      case ActorRole::name:
      case ActorRole::person:
      case ActorRole::capital:
      case ActorRole::seat:
      case ActorRole::region:
        return kDeName;
      case ActorRole::body:
        return kDeBody;
      case ActorRole::adj:
        return kDeAdj;
      case ActorRole::demonym:
        return kDeDemonym;
      default:
        return kNone;
    }
  }
  switch (role) {
    case ActorRole::name:
    case ActorRole::person:
    case ActorRole::capital:
    case ActorRole::seat:
    case ActorRole::body:
    case ActorRole::region:
      return kEnName;
    case ActorRole::demonym:
      return kEnDemonym;
    default:
      return kNone;
  }
}

// Case shape of each token of a raw form, split like tokenize_form splits:
// 'U' all capitals (two letters or more), 'C' capitalised, 'a' any.
std::string case_shapes(std::string_view raw) {
  std::string shapes;
  for (std::string_view tok : split_form(raw)) {
    int letters = 0, upper = 0;
    for (char ch : tok) {
      auto d = static_cast<unsigned char>(ch);
      if (!std::isalpha(d)) continue;
      ++letters;
      upper += std::isupper(d) != 0;
    }
    // A non-ASCII first letter sets no case requirement.
    auto first = static_cast<unsigned char>(tok.front());
    bool first_upper = first < 0x80 && std::isupper(first) != 0;
    shapes.push_back(letters >= 2 && upper == letters ? 'U' : (first_upper ? 'C' : 'a'));
  }
  return shapes;
}

bool in_validity(const ActorEntry& e, const Date& date) {
  if (date.empty()) return true;
  // Compare at the precision both have: a person valid "2004.." counts for "2004-03".
  auto clip = [](const Date& d, const Date& like) {
    Date c = d;
    if (like.month == 0) c.month = 0, c.day = 0;
    if (like.day == 0) c.day = 0;
    return c;
  };
  if (!e.valid_from.empty() && clip(date, e.valid_from) < clip(e.valid_from, date)) return false;
  if (!e.valid_to.empty() && clip(e.valid_to, date) < clip(date, e.valid_to)) return false;
  return true;
}

std::size_t lang_index(Lang l) { return l == Lang::de ? 0 : 1; }

// True when a's validity ends later than b's (an open end is latest).
bool later_than(const ActorEntry& a, const ActorEntry& b) {
  if (a.valid_to.empty()) return !b.valid_to.empty();
  if (b.valid_to.empty()) return false;
  return b.valid_to < a.valid_to;
}

// Adds `added` to `mentions` in document order (stable: an added mention comes after an
// earlier one starting on the same token).
void merge_mentions(std::vector<ActorMention>& mentions, const std::vector<ActorMention>& added) {
  if (added.empty()) return;
  mentions.insert(mentions.end(), added.begin(), added.end());
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const ActorMention& a, const ActorMention& b) { return a.first_token < b.first_token; });
}

// A coreference mention of ante's actor over tokens [first, end) of sentence s.
ActorMention coref_mention(const Document& doc, std::size_t first, std::size_t end, std::size_t s,
                           const ActorMention& ante) {
  ActorMention m;
  m.first_token = first;
  m.end_token = end;
  m.span = Span{doc.tokens[first].span.begin, doc.tokens[end - 1].span.end};
  m.sentence = s;
  m.code = ante.code;
  m.kind = ante.kind;
  m.role = ActorRole::coref;
  m.coref = true;
  return m;
}

// The topic of sentence s, which a phrase opening the next sentence continues ("Das Land",
// "The government"): its first state named as an acting actor (no coreference, venue or
// dateline), when no preposition governs it and it is no adjective; else none. With
// first_mention, only when that state is the sentence's first mention of any kind.
const ActorMention* sentence_topic(const Document& doc, const Lexicon& lexicon,
                                   const std::vector<ActorMention>& mentions, std::size_t s, bool first_mention) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), s,
                             [](const ActorMention& m, std::size_t sentence) { return m.sentence < sentence; });
  for (; it != mentions.end() && it->sentence == s; ++it) {
    const ActorMention& m = *it;
    if (m.coref || m.venue || m.dateline || m.kind != ActorKind::state) {
      if (first_mention) return nullptr;
      continue;
    }
    bool governed = m.first_token > doc.sentences[s].first_token &&
                    lexicon.has("prep", doc.lang, doc.tokens[m.first_token - 1].norm);
    return governed || m.role == ActorRole::adj ? nullptr : &m;
  }
  return nullptr;
}

}  // namespace

ActorMatcher::ActorMatcher(const ActorDictionary& dictionary, const Lexicon& lexicon)
    : dictionary_(dictionary), lexicon_(lexicon) {
  if (const std::string_view index = dictionary.compiled_index(); !index.empty()) {
    auto view = std::make_unique<matcher_index::View>(index);
    if (!view->valid() || view->header().entries != dictionary.compiled_entries()) {
      throw DataError("data/actors", 0, "the compiled actor table has a malformed pattern index");
    }
    index_ = std::move(view);
    compiled_entries_ = dictionary.compiled_entries();
  }
  const auto& entries = dictionary.entries();
  // At most one pattern per inflection ending (six at most) of each entry.
  for (Table& t : tables_) t.reserve(6 * (entries.size() - compiled_entries_));
  for (std::size_t i = compiled_entries_; i < entries.size(); ++i) {
    for (Lang l : {Lang::de, Lang::en}) {
      if (!entries[i].lang || *entries[i].lang == l) add_entry(entries[i], l);
    }
  }
  for (auto* tables : {tables_, prefixes_}) {
    for (std::size_t i = 0; i < 2; ++i) tables[i].build();
  }
}

ActorMatcher::~ActorMatcher() = default;

std::string ActorMatcher::compile() const {
  if (index_) throw DataError("data/actors", 0, "a matcher with a compiled index is not compiled again");
  using namespace matcher_index;
  std::string pool;
  auto add = [&](std::string_view s) {
    const auto at = static_cast<std::uint32_t>(pool.size());
    pool.append(s);
    return at;
  };
  Header header;
  header.entries = static_cast<std::uint32_t>(dictionary_.entries().size());
  TableRef refs[kTables];
  std::vector<Slot> slots;
  std::vector<matcher_index::Pattern> patterns;
  for (std::size_t t = 0; t < kTables; ++t) {
    const Table& keys = table(t);
    if (keys.size() == 0) continue;
    std::uint32_t count = 16;
    while (count < keys.size() * 2 + 1) count *= 2;  // at most half full
    refs[t] = TableRef{static_cast<std::uint32_t>(slots.size()), count};
    slots.resize(slots.size() + count);
    for (std::uint32_t id = 0; id < keys.size(); ++id) {
      const std::string_view key = keys.key(id);
      const std::uint64_t h = flat_hash(key);
      Slot slot{static_cast<std::uint32_t>(h >> 32), add(key), static_cast<std::uint32_t>(key.size()),
                static_cast<std::uint32_t>(patterns.size()), 0};
      for (const Pattern& p : keys.list(id)) {
        matcher_index::Pattern r;
        r.entry = static_cast<std::uint32_t>(p.entry - dictionary_.entries().data());
        r.suffix_offset = add(p.suffix);
        r.suffix_size = static_cast<std::uint8_t>(p.suffix.size());
        r.shapes_offset = add(p.shapes);
        r.shapes_size = static_cast<std::uint8_t>(p.shapes.size());
        if (p.shapes.size() > 255) throw DataError("data/actors", 0, "a form of more than 255 tokens");
        r.genitive = p.genitive ? 1 : 0;
        patterns.push_back(r);
        ++slot.count;
      }
      std::uint32_t s = static_cast<std::uint32_t>(h) & (count - 1);
      while (slots[refs[t].first_slot + s].count != 0) s = (s + 1) & (count - 1);
      slots[refs[t].first_slot + s] = slot;
    }
  }
  header.slots = static_cast<std::uint32_t>(slots.size());
  header.patterns = static_cast<std::uint32_t>(patterns.size());
  header.pool = static_cast<std::uint32_t>(pool.size());
  std::string out(kMagic, sizeof kMagic);
  auto put = [&](const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); };
  put(&header, sizeof header);
  put(refs, sizeof refs);
  for (const WordFilter& f : first_tokens_) {
    std::vector<std::uint64_t> bits = f.bits();
    bits.resize(kFilterWords, 0);
    put(bits.data(), bits.size() * sizeof(std::uint64_t));
  }
  for (const auto& heads : prefix_heads_) {
    std::vector<std::uint64_t> bits = heads;
    bits.resize(kHeadWords, 0);
    put(bits.data(), bits.size() * sizeof(std::uint64_t));
  }
  put(slots.data(), slots.size() * sizeof(Slot));
  put(patterns.data(), patterns.size() * sizeof(matcher_index::Pattern));
  out += pool;
  return out;
}

ActorMatcher::Patterns ActorMatcher::find(std::size_t t, std::string_view key) const {
  Patterns out;
  if (index_) {
    const matcher_index::Slot slot = index_->find(t, key);
    out.compiled_first = slot.first;
    out.compiled_count = slot.count;
  }
  out.added = table(t).find(key);
  return out;
}

ActorMatcher::Pattern ActorMatcher::pattern(const Patterns& list, std::size_t k) const {
  if (k >= list.compiled_count) return list.added->first[k - list.compiled_count];
  const matcher_index::Pattern r = index_->pattern(list.compiled_first + k);
  return Pattern{&dictionary_.entries()[r.entry], index_->str(r.suffix_offset, r.suffix_size),
                 index_->str(r.shapes_offset, r.shapes_size), r.genitive != 0};
}

bool ActorMatcher::may_start(std::size_t lang, std::string_view norm) const {
  return (index_ && index_->may_start(lang, norm)) || first_tokens_[lang].may_contain(norm);
}

bool ActorMatcher::may_be_prefixed(std::size_t lang, std::string_view norm) const {
  const std::size_t slot = head_slot(norm);
  if (index_ && index_->prefix_head(lang, slot)) return true;
  const auto& heads = prefix_heads_[lang];
  return !heads.empty() && ((heads[slot >> 6] >> (slot & 63)) & 1) != 0;
}

void ActorMatcher::Table::add(std::string_view key, const Pattern& p) { added_.emplace_back(keys_.insert(key), p); }

void ActorMatcher::Table::build() {
  // Grouped by key in one stable counting sort, then each group longest first.
  std::vector<std::uint32_t> start(keys_.size() + 1, 0);
  for (const auto& [key, p] : added_) ++start[key + 1];
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  patterns_.resize(added_.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& [key, p] : added_) patterns_[next[key]++] = p;
  added_.clear();
  added_.shrink_to_fit();
  lists_.resize(keys_.size());
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    Pattern* first = patterns_.data() + start[k];
    Pattern* last = patterns_.data() + start[k + 1];
    // A stable insertion sort: the groups are short, and std::stable_sort would take a
    // buffer from the heap for each of them.
    for (Pattern* p = first + 1; p < last; ++p) {
      const Pattern moved = *p;
      Pattern* q = p;
      for (; q > first && (q - 1)->size() < moved.size(); --q) *q = *(q - 1);
      *q = moved;
    }
    lists_[k] = List{first, last};
  }
}

std::size_t ActorMatcher::head_slot(std::string_view s) {
  auto byte = [&](std::size_t k) { return static_cast<std::size_t>(static_cast<unsigned char>(s[k])); };
  return (byte(0) * 961 + byte(1) * 31 + byte(2)) & 0xFFFF;  // distinct for lower-case ASCII letters
}

bool ActorMatcher::Pattern::token_is(std::size_t k, std::string_view norm) const {
  const std::string_view t = entry->tokens[k];
  if (k + 1 < entry->tokens.size() || suffix.empty()) return norm == t;
  return norm.size() == t.size() + suffix.size() && norm.compare(0, t.size(), t) == 0 &&
         norm.compare(t.size(), suffix.size(), suffix) == 0;
}

void ActorMatcher::add_entry(const ActorEntry& e, Lang lang) {
  std::string_view shapes;
  if (e.case_sensitive) {
    std::string s = case_shapes(e.form);
    if (s.size() != e.tokens.size()) s.assign(e.tokens.size(), 'a');
    shapes = shapes_.emplace_back(std::move(s));
  }
  if (e.role == ActorRole::prefix) {
    if (e.tokens.size() == 1) {
      prefixes_[lang_index(lang)].add(e.tokens[0], Pattern{&e, {}, shapes, false});
      if (e.tokens[0].size() >= 3) {
        auto& heads = prefix_heads_[lang_index(lang)];
        if (heads.empty()) heads.assign((std::size_t{1} << 16) / 64, 0);
        const std::size_t slot = head_slot(e.tokens[0]);
        heads[slot >> 6] |= std::uint64_t{1} << (slot & 63);
      }
    }
    return;
  }
  std::string first;
  for (const Ending& end : endings(e.role, lang)) {
    if (e.inflected && end.suffix.empty()) continue;
    // Endings only attach to a word, never to "U.S." or a form ending in punctuation.
    if (!end.suffix.empty()) {
      const std::string_view last = e.tokens.back();
      if (last.empty() || !std::isalnum(static_cast<unsigned char>(last.back()))) {
        if (static_cast<unsigned char>(last.back()) < 0x80) continue;
      }
      // An acronym takes no German case ending: "des IS", and "ISS" is the space station.
      if (!shapes.empty() && shapes.back() == 'U' && std::isalpha(static_cast<unsigned char>(end.suffix[0]))) continue;
    }
    first.assign(e.tokens[0]);
    if (e.tokens.size() == 1) first += end.suffix;
    first_tokens_[lang_index(lang)].add(first);
    tables_[lang_index(lang)].add(first, Pattern{&e, end.suffix, shapes, end.genitive});
  }
}

bool ActorMatcher::accepts(const Document& doc, const Pattern& p, std::size_t first,
                           std::size_t end, const Sentence& sentence, const ActorMention* before) const {
  const auto& toks = doc.tokens;
  const ActorEntry& e = *p.entry;
  if (e.case_sensitive) {
    for (std::size_t k = 0; k < end - first; ++k) {
      char want = p.shapes[k];
      const Token& t = toks[first + k];
      if (want == 'U' && !t.all_caps) return false;
      if (want == 'C' && !t.capitalized) return false;
    }
  }
  if (!in_validity(e, doc.date)) return false;
  if (e.accents) {
    // every non-ASCII byte of the form in the text too: "Malé", not "tausende Male"
    std::string_view raw = doc.slice(Span{toks[first].span.begin, toks[end - 1].span.end});
    std::size_t at = 0;
    for (char c : e.form) {
      if (static_cast<unsigned char>(c) < 0x80) continue;
      at = raw.find(c, at);
      if (at == std::string_view::npos) return false;
      ++at;
    }
  }
  if (e.before_title && (end >= sentence.end_token || !is_title_word(lexicon_, doc.lang, toks[end].norm))) return false;
  if (e.event_head) {
    // an adjective that names an actor only as the agent of an event noun after it
    if (end >= sentence.end_token || toks[end].kind != TokenKind::word) return false;
    const Token& head = toks[end];
    bool event = lexicon_.has("event_head", doc.lang, head.norm);
    for (std::size_t k = 0; !event && k < head.morph.entry.lemma_count(); ++k) {
      event = lexicon_.has("event_head", doc.lang, head.morph.entry.lemma(k));
    }
    if (!event) return false;
  }
  if (e.ambiguous) {
    auto name_word = [&](std::size_t i) {
      return toks[i].kind == TokenKind::word && toks[i].capitalized;
    };
    // (a German genitive form after a noun is that noun's attribute: "die Mitgliedschaft Nigers")
    bool german_genitive = doc.lang == Lang::de && p.genitive;
    if (first > sentence.first_token && name_word(first - 1) && !german_genitive &&
        !lexicon_.has("stop", doc.lang, toks[first - 1].norm))
      return false;
    if (end < sentence.end_token && name_word(end)) return false;
    // "Amman, Jordan" is a place; "Egypt, Jordan and Iraq" a list of states
    bool listed_state = before && before->end_token + 1 == first && before->role == ActorRole::name &&
                        before->kind == ActorKind::state;
    if (first >= sentence.first_token + 2 && toks[first - 1].norm == ","sv && name_word(first - 2) && !listed_state)
      return false;
  }
  // "Washington Post", "Paris Agreement": an English capital starting a longer name.
  if (e.role == ActorRole::capital && doc.lang == Lang::en && end < sentence.end_token &&
      toks[end].kind == TokenKind::word && toks[end].capitalized && toks[end].span.begin > toks[end - 1].span.end) {
    return false;
  }
  if (e.no_compound && end < sentence.end_token && toks[end].norm == "-"sv &&
      toks[end].span.begin == toks[end - 1].span.end) {
    return false;
  }
  return true;
}

std::vector<ActorMention> ActorMatcher::match(const Document& doc) const {
  std::vector<ActorMention> out;
  if (doc.lang == Lang::unknown) return out;
  const std::size_t l = lang_index(doc.lang);
  const auto& affixes = lexicon_.phrases("affix_prefix", doc.lang);
  const auto& toks = doc.tokens;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (std::size_t i = sent.first_token; i < sent.end_token;) {
      const Token& tok = toks[i];
      if (tok.kind == TokenKind::punct) {
        ++i;
        continue;
      }
      std::optional<Pattern> best;
      std::size_t best_end = i;
      const ActorMention* previous = !out.empty() && out.back().sentence == s ? &out.back() : nullptr;
      if (may_start(l, tok.norm)) {
        const Patterns starting = find(l, tok.norm);
        for (std::size_t n = 0; n < starting.size(); ++n) {
          const Pattern p = pattern(starting, n);
          std::size_t end = i + p.size();
          if (end > sent.end_token) continue;
          bool ok = true;
          for (std::size_t k = 1; k < p.size() && ok; ++k) ok = p.token_is(k, toks[i + k].norm);
          if (!ok || (best && end < best_end) || !accepts(doc, p, i, end, sent, previous)) continue;
          // Same length: an undated article prefers the most recent office holder.
          if (!best || end > best_end || later_than(*p.entry, *best->entry)) {
            best = p;
            best_end = end;
          }
        }
      }
      // Closed compounds: "Kremlchef" names RUS through the prefix "kreml".
      if (!best && tok.kind == TokenKind::word && tok.capitalized && tok.norm.size() >= 6 &&
          may_be_prefixed(l, tok.norm)) {
        for (std::size_t len = tok.norm.size() - 2; len >= 3 && !best; --len) {
          const Patterns with_prefix = find(2 + l, std::string_view(tok.norm).substr(0, len));
          for (std::size_t n = 0; n < with_prefix.size(); ++n) {
            const Pattern p = pattern(with_prefix, n);
            if (in_validity(*p.entry, doc.date)) {
              best = p;
              best_end = i + 1;
              break;
            }
          }
        }
      }
      // Affixed names: "proamerikanisch", "Ostukraine", "anti-US": affix + a one-word form.
      // ("Südamerika" is a continent's part, not America's east or south)
      if (!best && tok.kind == TokenKind::word) {
        for (const LexiconPhrase& affix : affixes) {
          const std::string& a = affix.tokens[0];
          if (tok.norm.size() < a.size() + 3 || tok.norm[0] != a[0] || tok.norm.compare(0, a.size(), a) != 0) continue;
          if (lexicon_.has("not_affixed", doc.lang, tok.norm)) break;
          const Patterns rest = find(l, std::string_view(tok.norm).substr(a.size()));
          for (std::size_t n = 0; n < rest.size(); ++n) {
            const Pattern p = pattern(rest, n);
            if (p.size() == 1 && !p.entry->case_sensitive && in_validity(*p.entry, doc.date)) {
              best = p;
              best_end = i + 1;
              break;
            }
          }
          if (best) break;
        }
      }
      if (!best) {
        ++i;
        continue;
      }
      ActorMention m;
      m.first_token = i;
      m.end_token = best_end;
      m.span = Span{toks[i].span.begin, toks[best_end - 1].span.end};
      m.sentence = s;
      m.code = best->entry->code;
      m.kind = best->entry->kind;
      m.role = best->entry->role;
      m.genitive = best->genitive;
      // "US-Dollar", "U.S. dollars": a name inside another name is no actor.
      if (best_end < sent.end_token) {
        std::size_t n = best_end;
        if (toks[n].norm == "-"sv && n + 1 < sent.end_token) ++n;
        if (lexicon_.has("not_after", doc.lang, toks[n].norm)) {
          i = best_end;
          continue;
        }
      }
      if (m.role == ActorRole::capital && i > sent.first_token) {
        // "in Wien", "im maltesischen Valletta", "in der Hauptstadt Kabul", and the places
        // listed after one: "in Budapest, London und Warschau"
        std::size_t k = i;
        ActorMention* adjective = nullptr;
        while (k > sent.first_token) {
          const Token& t = toks[k - 1];
          bool listed = !out.empty() && out.back().sentence == s && out.back().end_token == k - 1 + 1 && out.back().venue &&
                        out.back().role == ActorRole::capital;
          if (listed) {
            k = sent.first_token;  // a venue listed right before
            m.venue = true;
            break;
          }
          if (!out.empty() && out.back().sentence == s && out.back().end_token == k && out.back().role == ActorRole::adj &&
              out.back().code == m.code) {
            adjective = &out.back();
            k = out.back().first_token;
            continue;
          }
          if (lexicon_.has("coord", doc.lang, t.norm) || t.norm == ","sv || lexicon_.has("det", doc.lang, t.norm) ||
              lexicon_.has("capital_word", doc.lang, t.norm)) {
            --k;
            continue;
          }
          break;
        }
        if (!m.venue && k > sent.first_token && lexicon_.has("venue_prep", doc.lang, toks[k - 1].norm)) m.venue = true;
        if (m.venue && adjective) adjective->venue = true;
      }
      // Datelines: "PJÖNGJANG:", "Prag/Wien –", "Beirut –", "MADRID (Reuters) -" open a sentence.
      bool place = m.role == ActorRole::capital || m.role == ActorRole::seat || m.role == ActorRole::name;
      // "SAMARRA, Iraq -", "SEOUL, South Korea (AP) -": a country after a capitalised city
      bool after_city = i == sent.first_token + 2 && toks[i - 1].norm == ","sv && toks[i - 2].all_caps;
      bool at_start = i == sent.first_token || after_city ||
                      (!out.empty() && out.back().dateline && out.back().sentence == s &&
                       out.back().end_token + 1 == i && toks[i - 1].norm == "/"sv);
      if (place && at_start && best_end < sent.end_token) {
        const std::string& next = toks[best_end].norm;
        bool spaced_dash = next == "-" && toks[best_end].span.begin > toks[best_end - 1].span.end;
        if (next == ":" || spaced_dash || next == "/" ||
            ((m.role != ActorRole::name || after_city) && next == "(") ||
            (m.role != ActorRole::name && next == ",")) {
          m.dateline = m.role != ActorRole::name || toks[best_end].norm != ":"sv || tok.all_caps;
        }
      }
      // "Syrian rebels", "Syria's opposition", "syrische Rebellen": a state's adjective or
      // genitive before a word for its armed or political opponents (class nonstate_head)
      // names where they are from, not a party: mentioned, but no role in relations
      if ((m.role == ActorRole::adj || m.genitive) && best_end < sent.end_token &&
          lexicon_.has("nonstate_head", doc.lang, toks[best_end].norm)) {
        m.attribute = true;
      }
      // Adjectives and demonyms name an actor only next to an official or body
      // ("die russische Regierung", "Chinese troops"), not for people or firms.
      if (m.role == ActorRole::adj || m.role == ActorRole::demonym) {
        m.weak = true;
        // "South Korean and U.S. officials": a coordinated name or adjective may stand between.
        std::size_t reach = 2;
        for (std::size_t k = best_end; k < std::min(best_end + reach, sent.end_token); ++k) {
          if (is_title_word(lexicon_, doc.lang, toks[k].norm)) m.weak = false;
          if (lexicon_.has("coord", doc.lang, toks[k].norm) && reach == 2 && k == best_end) {
            reach = 5;
            continue;
          }
          // "nuclear-powered submarine": a hyphenated compound counts as one word
          if (toks[k].norm == "-"sv && k + 1 < sent.end_token && toks[k].span.begin == toks[k - 1].span.end) {
            reach += 2;
            continue;
          }
          if (toks[k].kind != TokenKind::word && !(reach == 5 && toks[k].norm == "."sv)) break;
        }
        // "his Greek, Cypriot and French counterparts", "die französischen, belgischen und
        // niederländischen Minister": a comma list of adjectives closed by "and" before a title
        if (m.weak && m.role == ActorRole::adj && best_end + 1 < sent.end_token && toks[best_end].norm == ","sv) {
          bool coordinated = false;
          for (std::size_t k = best_end; k < std::min(best_end + 16, sent.end_token); ++k) {
            const Token& t = toks[k];
            if (coordinated && is_title_word(lexicon_, doc.lang, t.norm)) {
              m.weak = false;
              break;
            }
            if (lexicon_.has("coord", doc.lang, t.norm)) {
              coordinated = true;
              continue;
            }
            // the list's items: adjectives (capitalised in English) and names of several words
            bool item = t.kind == TokenKind::word &&
                        (doc.lang == Lang::en ? t.capitalized || t.norm == "."sv : !t.capitalized || coordinated);
            if (t.norm == ","sv || t.norm == "."sv || item) continue;
            break;
          }
        }
        // A people in the plural ("Palestinians accused Israel", "Die Iraker protestierten"):
        // an English demonym of one word with a plural ending (class plural_ending: -s), a
        // German one after a plural article or quantifier (class plural_det: "die Iraker",
        // not "der Iraker"); a feminine singular ("die Italienerin") is a person.
        if (m.role == ActorRole::demonym && m.weak) {
          const std::string& w = toks[i].norm;
          if (doc.lang == Lang::en) {
            m.people = best_end == i + 1 && w.size() > 3 && lexicon_.has("plural_ending", doc.lang, w.substr(w.size() - 1));
          } else {
            m.people = i > sent.first_token && lexicon_.has("plural_det", doc.lang, toks[i - 1].norm) &&
                       !lexicon_.has("feminine_suffix", doc.lang, w.substr(w.size() - std::min<std::size_t>(w.size(), 2)));
          }
        }
      }
      out.push_back(std::move(m));
      i = best_end;
    }
  }
  resolve_attributes(doc, out);
  add_surnames(doc, out);
  add_coreference(doc, out);
  add_home_bodies(doc, out);
  return out;
}

void ActorMatcher::resolve_attributes(const Document& doc, std::vector<ActorMention>& mentions) const {
  // An adjective right before another actor's name: "die äthiopische Bundesregierung"
  // is Ethiopia's government (a generic body takes the adjective's actor), while "der
  // argentinische Papst" names the pope, whose nationality is no actor of its own.
  std::vector<ActorMention> kept;
  kept.reserve(mentions.size());
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    ActorMention& m = mentions[k];
    // "das OPEC-Mitglied Venezuela", "der Nato-Partner Türkei": the organisation only
    // qualifies the title; the state after it is the actor.
    if (k + 1 < mentions.size() && m.end_token + 2 < doc.tokens.size() && doc.tokens[m.end_token].norm == "-"sv &&
        mentions[k + 1].first_token == m.end_token + 2 && mentions[k + 1].code != m.code &&
        is_title_word(lexicon_, doc.lang, doc.tokens[m.end_token + 1].norm)) {
      m.attribute = true;
    }
    if (k + 1 < mentions.size() && (m.role == ActorRole::adj || m.role == ActorRole::demonym)) {
      ActorMention& next = mentions[k + 1];
      if (next.first_token == m.end_token && next.sentence == m.sentence && next.code != m.code) {
        if (next.role == ActorRole::body) {
          next.code = m.code;
          next.kind = m.kind;
        } else {
          m.attribute = true;
        }
      }
    }
    kept.push_back(m);
  }
  mentions.swap(kept);
}

void ActorMatcher::add_surnames(const Document& doc, std::vector<ActorMention>& mentions) const {
  const auto& toks = doc.tokens;
  struct Named {
    ActorCode code;
    ActorKind kind;
    std::size_t from_token;  // later lone surnames count
    bool ambiguous = false;
  };
  std::map<std::string, Named, std::less<>> surnames;
  auto is_name_word = [&](std::size_t k) {
    const Token& t = toks[k];
    if (t.kind != TokenKind::word || !t.capitalized || t.all_caps || t.norm.size() < 3) return false;
    if (is_title_word(lexicon_, doc.lang, t.norm) || lexicon_.has("stop", doc.lang, t.norm)) return false;
    // a German capitalised common noun is no surname ("Präsident Wolf" aside)
    return !(doc.lang == Lang::de && (t.morph.entry.classes() & morph::kNoun));
  };
  auto remember = [&](std::string_view surname, const ActorMention& m, std::size_t from) {
    auto it = surnames.find(surname);
    if (it == surnames.end()) {
      surnames.emplace(std::string(surname), Named{m.code, m.kind, from});
    } else if (it->second.code != m.code) {
      it->second.ambiguous = true;
    }
  };
  for (std::size_t x = 0; x < mentions.size(); ++x) {
    const ActorMention& m = mentions[x];
    if (m.venue || m.dateline || m.coref || m.kind == ActorKind::collective) continue;
    const Sentence& sent = doc.sentences[m.sentence];
    if (m.role == ActorRole::person) {
      if (m.end_token - m.first_token >= 2 && is_name_word(m.end_token - 1)) {
        remember(toks[m.end_token - 1].norm, m, m.end_token);
      }
      continue;
    }
    // an actor, a title of up to three words ("Foreign Minister", "-Migrationskommissar"),
    // then one to three capitalised name words
    std::size_t k = m.end_token;
    if (k < sent.end_token && toks[k].norm == "-") ++k;
    std::size_t title_end = 0;
    for (std::size_t j = k; j < sent.end_token && j < k + 3 && toks[j].kind == TokenKind::word; ++j) {
      if (is_title_word(lexicon_, doc.lang, toks[j].norm)) title_end = j + 1;
    }
    if (title_end == 0) continue;
    std::size_t name_end = title_end;
    while (name_end < sent.end_token && name_end < title_end + 3 && is_name_word(name_end)) ++name_end;
    if (name_end == title_end) continue;
    if (x + 1 < mentions.size() && mentions[x + 1].first_token < name_end) continue;  // the name is an actor
    remember(toks[name_end - 1].norm, m, name_end);
  }
  if (surnames.empty()) return;
  std::vector<ActorMention> added;
  std::size_t next = 0;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (std::size_t i = sent.first_token; i < sent.end_token; ++i) {
      while (next < mentions.size() && mentions[next].end_token <= i) ++next;
      if (next < mentions.size() && mentions[next].first_token <= i) continue;
      const Token& t = toks[i];
      if (t.kind != TokenKind::word || !t.capitalized) continue;
      auto it = surnames.find(t.norm);
      if (it == surnames.end() || it->second.ambiguous || i < it->second.from_token) continue;
      if (i > sent.first_token && is_name_word(i - 1)) continue;  // another person's surname
      ActorMention m;
      m.first_token = i;
      m.end_token = i + 1;
      m.span = t.span;
      m.sentence = s;
      m.code = it->second.code;
      m.kind = it->second.kind;
      m.role = ActorRole::person;
      added.push_back(m);
    }
  }
  merge_mentions(mentions, added);
}

void ActorMatcher::add_coreference(const Document& doc, std::vector<ActorMention>& mentions) const {
  const auto& phrases = lexicon_.phrases("coref", doc.lang);
  if (phrases.empty()) return;
  const auto& toks = doc.tokens;
  // One lookup of the token's classes tells whether a "coref" phrase can start here
  // and whether it is a "coref_article" (classes without a bit are asked directly).
  const Lexicon::ClassMask phrase_bit = lexicon_.class_bit("coref");
  const Lexicon::ClassMask article_bit = lexicon_.class_bit("coref_article");
  std::vector<ActorMention> added;
  std::size_t next_mention = 0;  // mentions before the phrase are antecedents
  std::size_t window = 0;        // first mention at most 3 sentences back
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (std::size_t i = sent.first_token; i < sent.end_token; ++i) {
      while (next_mention < mentions.size() && mentions[next_mention].end_token <= i) ++next_mention;
      if (next_mention < mentions.size() && mentions[next_mention].first_token <= i) continue;
      const Lexicon::WordClasses classes = lexicon_.classes_of(doc, i);
      const LexiconPhrase* hit = phrase_bit == 0 || (classes.phrase_starts & phrase_bit) != 0
                                     ? lexicon_.phrase_at("coref", doc.lang, toks, i, sent.end_token)
                                     : nullptr;
      std::size_t end = hit ? i + hit->tokens.size() : i;
      std::string_view head_kind;
      if (!hit) {
        // "des international isolierten Landes", "the reclusive country": an article, up
        // to three lower-case words and a head noun of the class coref_noun.
        if (toks[i].norm.size() > 3) continue;
        if (article_bit != 0 ? (classes.words & article_bit) == 0
                             : !lexicon_.has("coref_article", doc.lang, toks[i].norm)) {
          continue;
        }
        std::size_t k = i + 1;
        while (k < sent.end_token && k < i + 4 && toks[k].kind == TokenKind::word && !toks[k].capitalized &&
               !lexicon_.has("coref_noun", doc.lang, toks[k].norm)) {
          ++k;
        }
        if (k >= sent.end_token || !lexicon_.has("coref_noun", doc.lang, toks[k].norm)) continue;
        // right after the article only heads that rarely mean anything else ("die Miliz",
        // "the militants"; not "the group", "the organization")
        if (k == i + 1 && !lexicon_.has("coref_bare", doc.lang, toks[k].norm)) continue;
        if (next_mention < mentions.size() && mentions[next_mention].first_token <= k) continue;
        head_kind = lexicon_.value("coref_noun", doc.lang, toks[k].norm);
        end = k + 1;
      }
      // "die Miliz Islamischer Staat", "the militant group Hamas": a name right after the
      // noun is an apposition naming the actor, not a reference back (a pronoun before a
      // name is not: "hatte er Nordkorea ... gedankt")
      if (end >= i + 2 && next_mention < mentions.size() && mentions[next_mention].sentence == s) {
        std::size_t after = end;
        while (after < sent.end_token && toks[after].kind == TokenKind::punct && toks[after].norm != ","sv) ++after;
        if (mentions[next_mention].first_token == after) {
          i = end - 1;
          continue;
        }
      }
      auto make = [&](const ActorMention& ante) { added.push_back(coref_mention(doc, i, end, s, ante)); };
      // Antecedents: earlier mentions that name an acting state (no venue or dateline).
      std::vector<const ActorMention*> before;
      while (window < next_mention && mentions[window].sentence + 3 < s) ++window;
      for (std::size_t k = window; k < next_mention; ++k) {
        const ActorMention& m = mentions[k];
        if (m.coref || m.venue || m.dateline || m.kind != ActorKind::state) continue;
        if (m.sentence + 3 < s) continue;  // only the last few sentences
        before.push_back(&m);
      }
      // "die Gruppe", "the militant group": the armed or political group named last
      const ActorMention* last_group = nullptr;
      for (std::size_t k = window; k < next_mention; ++k) {
        const ActorMention& m = mentions[k];
        if (!m.coref && m.kind == ActorKind::group && m.sentence + 3 >= s) last_group = &m;
      }
      const std::string_view kind = hit ? std::string_view(hit->value) : head_kind;
      // the sentence's first word (after opening punctuation): a phrase there continues the
      // previous sentence
      std::size_t open = sent.first_token;
      while (open < i && toks[open].kind == TokenKind::punct) ++open;
      // "Japan verurteilte das Regime": a coref_other head is not a state named before it in
      // its own sentence when an earlier sentence names another one
      auto named_here = [&](const ActorMention& a) {
        for (std::size_t k = window; k < next_mention; ++k) {
          if (mentions[k].sentence == s && !mentions[k].coref && mentions[k].code == a.code) return true;
        }
        return false;
      };
      if (kind == "group") {
        if (last_group) make(*last_group);
      } else if (kind == "state" && !before.empty()) {
        const ActorMention* ante = before.back();
        // Opening its sentence, "Das Land", "The country" continues the previous sentence's
        // topic: its first state named with no preposition before it ("Indonesien verhandelt
        // mit Japan. Das Land ..." is Indonesia), not the state named last.
        if (open == i && s > 0) {
          if (const ActorMention* topic = sentence_topic(doc, lexicon_, mentions, s - 1, false)) ante = topic;
        }
        if (named_here(*ante) && lexicon_.has("coref_other", doc.lang, toks[end - 1].norm)) {
          auto earlier = std::find_if(before.rbegin(), before.rend(),
                                      [&](const ActorMention* m) { return m->sentence < s && !named_here(*m); });
          if (earlier != before.rend()) ante = *earlier;
        }
        make(*ante);
      } else if (kind == "person") {
        // Opening its sentence, "He", "Er" continue the previous sentence's first person (its
        // subject, as a rule: "Putin met Erdogan in Sochi. He criticised ..." is Putin); else
        // the person named last
        // (also after a short fronted phrase with no actor or comma: "Später kritisierte er";
        // mentions are in text order, so the one before the phrase tells whether it names one)
        const bool fronted = i <= open + 4 && (next_mention == 0 || mentions[next_mention - 1].sentence != s) &&
                             std::none_of(toks.begin() + static_cast<std::ptrdiff_t>(open),
                                          toks.begin() + static_cast<std::ptrdiff_t>(i),
                                          [](const Token& t) { return t.norm == ","; });
        const ActorMention* chosen = nullptr;
        if (fronted && s > 0) {
          for (const ActorMention* m : before) {
            if (m->sentence + 1 == s && m->role == ActorRole::person) {
              chosen = m;
              break;
            }
          }
        }
        for (auto it = before.rbegin(); !chosen && it != before.rend(); ++it) {
          if ((*it)->role == ActorRole::person) chosen = *it;
        }
        if (chosen) make(*chosen);
      } else if (kind == "subject") {
        for (const ActorMention* m : before) {
          if (m->sentence == s) {
            make(*m);
            break;
          }
        }
        if (added.empty() || added.back().first_token != i) {
          if (!before.empty()) make(*before.back());
        }
      } else if (kind == "pair") {
        // "both sides": the last two states that act, not a place ("they met in Singapore",
        // "in Hanoi, Vietnam")
        const ActorMention* last = nullptr;
        const ActorMention* second = nullptr;
        auto named_as_place = [&](const ActorMention& m) {
          const std::size_t first = m.first_token;
          if (first <= doc.sentences[m.sentence].first_token) return false;
          if (lexicon_.has("event_place_prep", doc.lang, toks[first - 1].norm)) return true;
          return toks[first - 1].norm == ","sv && std::any_of(mentions.begin(), mentions.end(), [&](const ActorMention& o) {
                   return o.venue && o.end_token + 1 == first;
                 });
        };
        // (a state also named otherwise in those sentences is a party: "Gespräche Lawrows in
        // Nordkorea" after "Nordkorea lieferte ...")
        auto place = [&](const ActorMention& m) {
          return named_as_place(m) && std::none_of(before.begin(), before.end(), [&](const ActorMention* o) {
                   return o->code == m.code && !named_as_place(*o);
                 });
        };
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
          if (place(**it)) continue;
          if (!last) {
            last = *it;
          } else if ((*it)->code != last->code) {
            second = *it;
            break;
          }
        }
        if (last && second) {
          make(*second);
          make(*last);
        }
      }
      i = end - 1;
    }
  }
  merge_mentions(mentions, added);
}

void ActorMatcher::add_home_bodies(const Document& doc, std::vector<ActorMention>& mentions) const {
  // The dateline's state: "KABUL, Afghanistan -", "Athen -" in the first sentence.
  const ActorMention* home = nullptr;
  for (const ActorMention& m : mentions) {
    if (m.sentence > 0) break;
    if (m.dateline && m.kind == ActorKind::state) {
      home = &m;
      break;
    }
  }
  const auto& toks = doc.tokens;
  std::vector<ActorMention> added;
  std::size_t next = 0;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (std::size_t i = sent.first_token + 1; i < sent.end_token; ++i) {
      while (next < mentions.size() && mentions[next].end_token <= i) ++next;
      if (next < mentions.size() && mentions[next].first_token <= i) continue;
      if (!lexicon_.has("home_body", doc.lang, toks[i].norm)) continue;
      // right after a determiner ("die Regierung", "the government"), not after an
      // adjective or name ("die russische Regierung" is an actor of its own)
      if (!lexicon_.has("det", doc.lang, toks[i - 1].norm)) continue;
      // "die Regierung in Athen", "the government of Iraq", "die Regierung Russlands": another state's
      bool qualified = false;
      const bool prep_after = i + 1 < sent.end_token && lexicon_.has("body_of", doc.lang, toks[i + 1].norm);
      for (std::size_t k = next; k < mentions.size() && mentions[k].sentence == s; ++k) {
        std::size_t f = mentions[k].first_token;
        if (f == i + 1 || (prep_after && f > i + 1 && f <= i + 3)) qualified = true;
      }
      if (qualified) continue;
      const ActorMention* ante = home;
      // with no dateline, a body opening its sentence continues the previous sentence's topic
      if (!ante && s > 0 && i - 1 == sent.first_token) ante = sentence_topic(doc, lexicon_, mentions, s - 1, true);
      if (ante) added.push_back(coref_mention(doc, i - 1, i + 1, s, *ante));
    }
  }
  merge_mentions(mentions, added);
}

}  // namespace actorgraph
