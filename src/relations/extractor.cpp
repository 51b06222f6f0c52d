#include "actorgraph/relations/extractor.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

namespace actorgraph {

using namespace std::literals;
namespace {

// An actor mention as seen from inside one sentence.
struct Cand {
  const ActorMention* m = nullptr;
  std::size_t first = 0, end = 0;  // token range (a relative pronoun for virtual mentions)
  int clause = 0;
  std::string marker;    // governing preposition, "gen" for a genitive attribute, "" unmarked
  bool speaker = false;  // "sagte Lawrow", "according to Moscow"
  bool pronoun = false;  // "Es warf ... vor", "It accused ...": the previous sentence's subject
  bool possessive = false;  // "his allegations": a possessive pronoun for a person
  bool dative = false;      // German "dem US-Präsidenten": never a subject
  int group = 0;         // coordinated mentions share a group
  // The attributive participle whose agent this is ("einem von den USA unterzeichneten
  // Abkommen"), or 0, and the preposition that governs that noun phrase.
  std::size_t agent_of = 0, phrase_prep = 0;
  bool leads = false;  // the leader of a force, acting for it ("a Saudi-led coalition")
  bool between_list = false;  // its group is the list of "between X and Y" (set with the groups)
};

struct CueHit {
  const Rule* rule = nullptr;
  std::size_t first = 0, end = 0;  // first and last cue token: [first, end)
  std::vector<std::size_t> token_positions;
};

// Lexicon::class_id by class name, remembered per thread: the extractor asks with the
// same few dozen names millions of times. Keyed by the lexicon's serial and the name's
// address and length: every caller passes a string literal (static storage).
int cached_class_id(const Lexicon& lex, std::string_view cls) {
  struct Entry {
    std::uint64_t lexicon = 0;
    std::string_view name;
    int id = -1;
  };
  thread_local std::array<Entry, 1024> cache{};
  // Fibonacci hashing of the literal's address: neighbouring literals spread out.
  const std::uint64_t h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cls.data())) * 0x9E3779B97F4A7C15ULL;
  Entry& e = cache[static_cast<std::size_t>(h >> 54)];
  // the same address and length is the same name: no string comparison per call
  if (e.lexicon != lex.serial() || e.name.data() != cls.data() || e.name.size() != cls.size()) {
    e = Entry{lex.serial(), cls, lex.class_id(cls)};
  }
  return e.id;
}

// True when the word whose classes are `classes` (Lexicon::classes_of(lang, norm)) is
// in class cls: a bit test, or the lexicon's lookup for classes without a bit.
// word_is with the class's id known (id == cached_class_id(lex, cls)).
bool word_is(const Lexicon& lex, const Lexicon::WordClasses& classes, int id, std::string_view cls, Lang lang,
             std::string_view norm) {
  if (id >= Lexicon::kBitClasses) return lex.has(cls, lang, norm);
  return id >= 0 && Lexicon::word_in(classes, id);
}

bool word_is(const Lexicon& lex, const Lexicon::WordClasses& classes, std::string_view cls, Lang lang,
             std::string_view norm) {
  return word_is(lex, classes, cached_class_id(lex, cls), cls, lang, norm);
}

struct SentenceView {
  const Document& doc;
  const Lexicon& lex;
  const Sentence& sent;
  Lang lang;
  std::vector<int> clause_of;  // by token - sent.first_token
  std::vector<bool> relative;  // by clause id: a relative clause ("Nordkorea, das ...")
  std::vector<std::size_t> infinitive_commas;  // commas opening a German "..., X zu liefern" clause
  std::vector<Cand> cands;
  std::vector<const CueHit*> hits;  // every cue of the sentence
  std::vector<bool> verb_cue;       // by token - sent.first_token: the first word of a verb cue

  std::vector<Lexicon::WordClasses> classes;  // by token - sent.first_token: its lexicon classes

  SentenceView(const Document& d, const Lexicon& l, const Sentence& s, Lang language)
      : doc(d), lex(l), sent(s), lang(language) {
    classes.reserve(s.end_token - s.first_token);
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      classes.push_back(lang == d.lang ? lex.classes_of(d, i) : lex.classes_of(lang, tok(i).norm));
    }
  }

  const Token& tok(std::size_t i) const { return doc.tokens[i]; }
  bool in_relative(int clause) const {
    return static_cast<std::size_t>(clause) < relative.size() && relative[static_cast<std::size_t>(clause)];
  }
  int clause(std::size_t i) const { return clause_of[i - sent.first_token]; }
  // A bit test for tokens of the sentence; the lexicon's lookup for classes without
  // a bit and for tokens outside the sentence.
  bool is(std::string_view cls, std::size_t i) const {
    if (i < sent.first_token || i >= sent.end_token) return lex.has(cls, lang, tok(i).norm);
    return word_is(lex, classes[i - sent.first_token], cls, lang, tok(i).norm);
  }
};

bool is_word(const Token& t) { return t.kind != TokenKind::punct; }

// A lower-case word with an inflection ending of class adj_ending ("größten",
// "unterzeichneten"): a German attributive adjective or participle.
bool inflected_word(const SentenceView& v, const Token& t) {
  return t.kind == TokenKind::word && !t.capitalized && !t.norm.empty() &&
         v.lex.has("adj_ending", v.lang, std::string_view(t.norm).substr(t.norm.size() - 1));
}

// A form the morphology knows as a verb and never as an adjective ("griffen", "beitreten";
// not "unterstützten", "getötet").
bool verb_only(const Token& t) {
  const morph::Entry& e = t.morph.entry;
  return e && (e.classes() & morph::kVerb) != 0 && (e.classes() & morph::kAdjective) == 0;
}

// The sentence's first token that is no punctuation (opening quotes and dashes skipped).
std::size_t first_word(const SentenceView& v) {
  std::size_t i = v.sent.first_token;
  while (i < v.sent.end_token && v.tok(i).kind == TokenKind::punct) ++i;
  return i;
}

// A hyphen right after the mention, with no space before it: "Iran-backed", "Russland-".
// Token i is a hyphen glued to the word before it ("Iran-backed", "face-to-face").
bool glued_hyphen(const SentenceView& v, std::size_t i) {
  return i > v.sent.first_token && i < v.sent.end_token && v.tok(i).norm == "-"sv && v.tok(i).span.begin == v.tok(i - 1).span.end;
}

bool hyphen_after(const SentenceView& v, const Cand& c) { return glued_hyphen(v, c.end); }


// The cue is a noun after a definite article: an event told before ("the attack").
bool definite_noun(const SentenceView& v, const CueHit& hit) {
  return hit.first > v.sent.first_token && v.is("definite_det", hit.first - 1);
}

bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An English -ing form ("Standing", "accusing"), not a short word such as "king".
bool ing_form(const Token& t) { return t.kind == TokenKind::word && t.norm.size() > 5 && ends_with(t.norm, "ing"); }

// The mentions of one sentence: a slice of the document's mentions (sorted by
// first token), so per-sentence work does not grow with the article.
struct MentionRange {
  const ActorMention* first = nullptr;
  const ActorMention* last = nullptr;
  const ActorMention* begin() const { return first; }
  const ActorMention* end() const { return last; }
};

MentionRange mentions_of(const std::vector<ActorMention>& mentions, const Sentence& s) {
  auto by_token = [](const ActorMention& m, std::size_t tok) { return m.first_token < tok; };
  auto b = std::lower_bound(mentions.begin(), mentions.end(), s.first_token, by_token);
  auto e = std::lower_bound(b, mentions.end(), s.end_token, by_token);
  return MentionRange{mentions.data() + (b - mentions.begin()), mentions.data() + (e - mentions.begin())};
}

// True when the words from token n to the next comma or the sentence end form a
// German infinitive clause: "..., Waffen an Russland zu liefern".
bool opens_infinitive(const SentenceView& v, std::size_t n) {
  std::size_t end = n;
  while (end < v.sent.end_token && v.tok(end).norm != ","sv && !v.is("clause_break", end)) ++end;
  std::size_t last = end;
  while (last > n && v.tok(last - 1).kind == TokenKind::punct) --last;
  if (last < n + 2) return false;
  const std::string& verb = v.tok(last - 1).norm;
  if (v.tok(last - 2).norm == "zu"sv) return true;
  // "anzugreifen", "einzusetzen": the particle verb with an inner "zu"
  auto zu = verb.find("zu");
  return zu != std::string::npos && zu >= 2 && zu + 4 < verb.size() && verb.size() > 8 &&
         v.lex.has("verb_particle", v.lang, verb.substr(0, zu));
}

// A German segment from token n to the next comma that closes with a lower-case word
// (the finite verb of a subordinate clause) and coordinates nothing: ", die Griechenland
// wiederholt gedroht hatte," is a relative clause, ", die Ukraine und China" a list.
bool verb_final_segment(const SentenceView& v, std::size_t n) {
  if (v.lang != Lang::de) return false;
  for (std::size_t k = n + 1; k < v.sent.end_token; ++k) {
    if (v.tok(k).norm == ","sv) {
      const Token& last = v.tok(k - 1);
      return k > n + 2 && last.kind == TokenKind::word && !last.capitalized;
    }
    if (v.is("coord", k)) return false;
  }
  return false;
}

bool is_title(const SentenceView& v, std::size_t i);

// A lower-case word after the mention that is no preposition, conjunction, article or
// title: a verb, so the mention is its subject ("..., said North Korea had violated").
bool verb_after(const SentenceView& v, const ActorMention& m) {
  if (m.end_token >= v.sent.end_token || m.genitive) return false;
  const Token& n = v.tok(m.end_token);
  return n.kind == TokenKind::word && !n.capitalized && !v.is("prep", m.end_token) && !v.is("coord", m.end_token) &&
         !v.is("det", m.end_token) && !is_title(v, m.end_token);
}

// Splits the sentence into clauses; a relative clause ("X, das ...,") is its own
// clause and the main clause continues after it with its old id.
void assign_clauses(SentenceView& v, const MentionRange& mentions) {
  const auto& s = v.sent;
  v.clause_of.assign(s.end_token - s.first_token, 0);
  int next_id = 1, cur = 0;
  std::vector<int> stack;
  std::size_t sentence_index = static_cast<std::size_t>(&s - v.doc.sentences.data());
  auto mention_ends_at = [&](std::size_t tok) {
    for (const auto& m : mentions) {
      if (m.end_token == tok && m.sentence == sentence_index) return true;
    }
    return false;
  };
  auto mention_starts_at = [&](std::size_t tok) {
    for (const auto& m : mentions) {
      if (m.first_token == tok) return true;
    }
    return false;
  };
  // a mention that can open a clause as its subject (not "stressed Ukraine's integrity")
  auto subject_mention_at = [&](std::size_t tok) {
    for (const auto& m : mentions) {
      if (m.first_token == tok && !m.genitive) return true;
    }
    return false;
  };
  // ", den USA und Brasilien," is an apposition, not a relative clause: after the
  // article come only actors and coordination up to the next comma.
  auto apposition_at = [&](std::size_t k) {
    if (!mention_starts_at(k)) return false;
    for (; k < s.end_token; ++k) {
      const std::string& w = v.tok(k).norm;
      if (w == "," || w == ")" || w == "." || w == ";") return true;
      bool inside = false;
      for (const auto& m : mentions) {
        if (m.sentence == sentence_index && m.first_token <= k && k < m.end_token) inside = true;
      }
      if (!inside && !v.is("coord", k) && !v.is("det", k)) return false;
    }
    return true;
  };
  bool fronted_open = v.is("subord", s.first_token);
  std::size_t open_at = s.end_token;  // a reported clause opening after an addressee
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = v.tok(i);
    bool has_next = i + 1 < s.end_token;
    // A parenthesis is an insertion: "die Afrikanische Union (AU) schickt ..." goes on after it.
    if (t.norm == "("sv || t.norm == "["sv) {
      stack.push_back(cur);
      cur = next_id++;
      v.clause_of[i - s.first_token] = cur;
      continue;
    }
    if ((t.norm == ")"sv || t.norm == "]"sv) && !stack.empty()) {
      v.clause_of[i - s.first_token] = cur;
      cur = stack.back();
      stack.pop_back();
      continue;
    }
    // the relative pronoun right after the comma that opened its clause ("Turkey, which
    // ...,") belongs to that clause: the main clause goes on after the closing comma
    bool opened_here = i > s.first_token && v.tok(i - 1).norm == ","sv && !stack.empty() &&
                       static_cast<std::size_t>(cur) < v.relative.size() && v.relative[static_cast<std::size_t>(cur)] &&
                       v.clause_of[i - 1 - s.first_token] == cur;
    if (!opened_here && (v.is("clause_break", i) || (i > s.first_token && v.is("subord_bare", i)))) {
      cur = next_id++;
      stack.clear();
      v.clause_of[i - s.first_token] = cur;
      continue;
    }
    // "Peru said Chile and Bolivia had signed ...": an English speech verb followed by a
    // named subject opens the reported clause (not "said he would", whose subject is the
    // speaker's own; not an inverted "..., said Lavrov")
    // (after ", said" only when a verb follows the mention: "Peru, which ..., said North
    // Korea had violated ...", not "..., said Lavrov.")
    auto verb_after_mention_at = [&](std::size_t tok) {
      for (const auto& m : mentions) {
        if (m.first_token == tok && m.sentence == sentence_index) return m.role == ActorRole::name && verb_after(v, m);
      }
      return false;
    };
    if (v.lang == Lang::en && i > s.first_token && has_next && v.is("speech", i - 1) && stack.empty() &&
        v.tok(i - 1).kind == TokenKind::word && !v.tok(i - 1).capitalized &&
        (v.tok(i >= s.first_token + 2 ? i - 2 : i - 1).norm != ","sv || verb_after_mention_at(i)) &&
        (subject_mention_at(i) || (v.is("det", i) && i + 1 < s.end_token && subject_mention_at(i + 1)))) {
      // "Putin told Trump Russia did not ...": after a verb of telling the first mention
      // is its addressee, and a second one right after it opens the reported clause
      std::size_t addressee_end = s.end_token;
      if (v.is("addressee_speech", i - 1)) {
        for (const auto& m : mentions) {
          if (m.first_token == i && m.sentence == sentence_index) addressee_end = m.end_token;
        }
      }
      if (addressee_end < s.end_token && subject_mention_at(addressee_end)) {
        open_at = addressee_end;
      } else {
        cur = next_id++;
        v.clause_of[i - s.first_token] = cur;
        continue;
      }
    }
    if (i == open_at && stack.empty()) {
      cur = next_id++;
      v.clause_of[i - s.first_token] = cur;
      continue;
    }
    if (t.norm == ","sv && has_next) {
      std::size_t n = i + 1;
      // ", das ..." opens a relative (or German infinitive) clause, unless the word after
      // it is an actor, which makes it a list: "Russland, die Ukraine und China".
      // ", bei dem ...", ", in which ...": a preposition before the relative pronoun
      bool prep_relative = v.is("prep", n) && n + 1 < s.end_token && v.is("relpron", n + 1) &&
                           !(n + 2 < s.end_token && v.tok(n + 2).capitalized && v.lang == Lang::de);
      // (a comma after a speech verb opens what is said: "Peru sagte, die Aggression ...")
      bool relative = prep_relative || (v.is("relpron", n) && !(i > s.first_token && v.is("speech", i - 1)) && !(mention_ends_at(i) && mention_starts_at(n + 1) && !verb_final_segment(v, n)) &&
                      !(n + 1 < s.end_token && v.tok(n + 1).norm == ","sv) && !apposition_at(n + 1) &&
                      // ", die Gewalt zu beenden": an article and its noun opening an infinitive clause
                      !(v.lang == Lang::de && n + 1 < s.end_token && v.tok(n + 1).capitalized && opens_infinitive(v, n)));
      // "in Quetta, die im Grenzgebiet liegt, das Haus eines Generals an": the comma closing a
      // German relative clause on its verb goes back to the main clause; an article and a
      // noun after it are no second relative clause
      const bool closes_relative = v.lang == Lang::de && !stack.empty() && static_cast<std::size_t>(cur) < v.relative.size() &&
                                   v.relative[static_cast<std::size_t>(cur)] && i > s.first_token &&
                                   v.tok(i - 1).kind == TokenKind::word && !v.tok(i - 1).capitalized;
      if (closes_relative && !prep_relative && n + 1 < s.end_token && v.tok(n + 1).capitalized && !mention_starts_at(n + 1)) {
        relative = false;
      }
      // "Während X ..., zählt Y": a German sentence opening with a subordinate clause
      // goes on with the main clause after its first comma that opens no relative clause
      // ("Falls das Band, das ihm zugeschrieben wird, echt ist, hat er ... gedroht").
      if (v.lang == Lang::de && fronted_open && stack.empty() && !relative) {
        fronted_open = false;
        cur = next_id++;
        v.clause_of[i - s.first_token] = cur;
        continue;
      }
      if (relative) {
        stack.push_back(cur);
        cur = next_id++;
        v.relative.resize(static_cast<std::size_t>(next_id), false);
        v.relative[static_cast<std::size_t>(cur)] = true;
      } else if (v.lang == Lang::de && opens_infinitive(v, n)) {
        cur = next_id++;
        stack.clear();
        v.infinitive_commas.push_back(i);
      } else if (v.is("subord", n) || v.is("speech", n) || v.is("clause_conj", n) ||
                 // (a speech verb closing a relative clause is that clause's: "Der Minister,
                 // der in Kairo sprach, lobte Ägypten" goes on with the main clause)
                 (i > s.first_token && (v.is("speech", i - 1) || v.is("complement_verb", i - 1)) &&
                  !(!stack.empty() && static_cast<std::size_t>(cur) < v.relative.size() && v.relative[static_cast<std::size_t>(cur)]))) {
        cur = next_id++;
        stack.clear();
      } else if (!stack.empty()) {
        cur = stack.back();
        stack.pop_back();
      }
    }
    v.clause_of[i - s.first_token] = cur;
  }
}

// True for a noun that names an official or body of an actor ("Präsident",
// "Außenminister", "officials"): German compounds count by their last part.
bool is_title(const SentenceView& v, std::size_t i) {
  return v.tok(i).kind == TokenKind::word && is_title_word(v.lex, v.lang, v.tok(i).norm);
}

// A German dative determiner before the mention starting at first, with adjectives or
// titles between ("dem US-Präsidenten", "einem engen Verbündeten Frankreichs" is not: the
// genitive belongs to the noun).
bool dative_before(const SentenceView& v, std::size_t first) {
  if (v.lang != Lang::de) return false;
  for (std::size_t i = first, steps = 0; i > v.sent.first_token && steps < 3; ++steps) {
    --i;
    // (not after a preposition: "mit dem kenianischen Präsidenten")
    if (v.is("dative_det", i)) return !(i > v.sent.first_token && v.is("prep", i - 1));
    const Token& t = v.tok(i);
    if (t.kind != TokenKind::word || v.is("det", i) || v.is("prep", i) || (t.capitalized && !is_title(v, i))) return false;
  }
  return false;
}

// Whether a list of phrases may go on at token e, right after one of its members: a
// comma or coordinating word follows, or the sentence ends ("with Russia, China and
// Iran"); a verb there ends it ("At the White House, Trump blamed Iran").
bool list_continues_at(const SentenceView& v, std::size_t e) {
  if (e >= v.sent.end_token) return true;
  const std::string& next = v.tok(e).norm;
  return v.is("coord", e) || next == "."sv || next == ")"sv || next == ";"sv;
}

// The preposition governing a mention: walk left over determiners, adjectives,
// coordination and other mentions. A genitive attribute inherits the preposition
// of the noun it belongs to ("wegen der Infrastruktur der USA" -> wegen); an actor
// attached to a title ("der Präsident Brasiliens", "the President of Brazil",
// "officials in Washington") stands for that official and takes its marker.
std::string find_marker(const SentenceView& v, std::size_t first, const std::vector<bool>& in_mention,
                        bool genitive) {
  bool pending_gen = genitive;
  bool via_noun = false;
  bool new_phrase = false;
  // A comma before the mention joins it to a list only if the list goes on after it or
  // a coordinating word stood between: "with Russia, China and Iran", but "At the White
  // House, Trump blamed Iran" (the comma closes the fronted phrase).
  bool word_coord = false;
  auto list_goes_on = [&] {
    std::size_t e = first;
    while (e < v.sent.end_token && in_mention[e - v.sent.first_token]) ++e;
    return list_continues_at(v, e);
  };
  std::size_t steps = 0;
  for (std::size_t i = first; i > v.sent.first_token && steps < 10; ++steps) {
    --i;
    if (v.clause(i) != v.clause(first)) break;  // a preposition of the clause before governs nothing here
    const Token& t = v.tok(i);
    if (t.norm == ","sv && !word_coord && !list_goes_on()) break;
    if (v.is("coord", i) && t.kind == TokenKind::word) word_coord = true;
    if (v.is("prep", i)) {
      // "Regierung in Kiew", "officials in Washington": no article after "in"
      // ("Truppen in die Tschechoslowakei" is where the troops went).
      bool bare_in = t.norm != "in"sv || i + 1 == first;
      if (v.is("title_prep", i) && bare_in) {
        std::size_t j = i;
        while (j > v.sent.first_token && v.is("det", j - 1)) --j;
        // "Soldaten in Georgien", "troops in Iraq": where the troops are, not whose
        bool located = t.norm == "in"sv && j > v.sent.first_token && v.is("located_title", j - 1);
        if (j > v.sent.first_token && is_title(v, j - 1) && !located) {
          i = j - 1;  // "the President of": continue before the title
          continue;
        }
        // "Patrice Talon of Benin", "Buhari of Nigeria": a person named by a proper noun
        if (v.lang == Lang::en && j > v.sent.first_token && j - 1 > v.sent.first_token &&
            v.tok(j - 1).kind == TokenKind::word && v.tok(j - 1).capitalized && !v.tok(j - 1).all_caps &&
            (in_mention[j - 1 - v.sent.first_token] || v.tok(j - 2).capitalized)) {
          i = j - 1;
          continue;
        }
      }
      // "in der Nähe von Damaskus" is "nahe Damaskus", "inside of" is "inside" (prep_head)
      if (i > v.sent.first_token && v.is("prep_head", i - 1)) {
        return std::string(v.lex.value("prep_head", v.lang, v.tok(i - 1).norm));
      }
      // "in the east of Ukraine", "into isolated parts of Aceh": the place's preposition
      if (t.norm == "of"sv && i > v.sent.first_token && v.is("part_noun", i - 1)) {
        for (std::size_t k = i - 1, words = 0; k > v.sent.first_token && words < 4;) {
          --k;
          if (v.clause(k) != v.clause(first)) break;
          if (v.is("prep", k)) return v.tok(k).norm;
          const Token& w = v.tok(k);
          if (w.kind != TokenKind::word || w.capitalized) break;
          if (!v.is("det", k)) ++words;
        }
      }
      return t.norm;
    }
    // "Stellungen der Terrormiliz Islamischer Staat": a title in apposition between the
    // genitive article and the name
    auto titles_up_to_first = [&](std::size_t k) {
      while (k < first && is_title(v, k)) ++k;
      return k == first;
    };
    if (v.is("gen_det", i) && titles_up_to_first(i + 1)) {
      // "der USA" after a noun: a genitive attribute
      // (not after a verb or "und": "hat ... geschlossen und der Ukraine ... vorgeworfen")
      const Token& before = v.tok(i > v.sent.first_token ? i - 1 : i);
      // (nor after a date: "wird im April der Nato beitreten" is a dative)
      if (i > v.sent.first_token && is_word(before) && !v.is("prep", i - 1) && !v.is("det", i - 1) &&
          !v.is("coord", i - 1) && !v.is("time_noun", i - 1) && (v.lang != Lang::de || before.capitalized)) {
        pending_gen = true;
      }
      continue;
    }
    if (is_title(v, i)) {
      pending_gen = false;  // "Sprecher des äthiopischen Außenministeriums": the title's genitive
      continue;             // "mit Außenministerin Choe Son Hui": the title stands in apposition
    }
    // "in Ankara die PKK": an article opens a new phrase, and a mention before it is not
    // coordinated with this one, so its preposition is not ours
    if (in_mention[i - v.sent.first_token] && new_phrase) break;
    if (v.is("det", i)) new_phrase = true;
    if (v.is("coord", i) || t.norm == ","sv) new_phrase = false;
    if (v.is("det", i) || v.is("coord", i) || in_mention[i - v.sent.first_token] || t.norm == "\""sv ||
        t.norm == "'"sv || t.kind == TokenKind::number || v.is("place_adj", i)) {
      continue;  // place_adj: "in eastern Ukraine", "in neighbouring Syria"
    }
    // a verb cue ends the phrase: "Die Regierung in Ankara kritisierte Berlin" (a verb form
    // that may also be an adjective would otherwise be skipped as one)
    if (v.lang == Lang::de && !v.verb_cue.empty() && v.verb_cue[i - v.sent.first_token]) break;
    // an adjective; "haben" is a verb: "... von Damaskus haben Kämpfer der IS"
    // (a verb form with no adjective use ends the phrase: "Unter Führung Kenias griffen
    // Stellungen der ...": "unter" is not the preposition of the genitive's noun)
    if (v.lang == Lang::de && t.norm.size() > 3 && !v.is("finite_aux", i) && inflected_word(v, t) &&
        (!verb_only(t) || v.is("number_word", i))) {
      continue;
    }
    if (pending_gen && t.kind == TokenKind::word) {
      // the noun the genitive belongs to; keep looking for its preposition
      pending_gen = false;
      if (!is_title(v, i)) via_noun = true;
      continue;
    }
    break;
  }
  return via_noun ? "gen" : "";
}

// The token of a subject pronoun opening the sentence ("Es", "Dieser", "They"),
// after opening quotes, or the sentence end when there is none. A plural pronoun
// (class subj_pronoun_plural) after a fronted phrase counts too when no actor is
// named before it: "Anschließend verhängten sie ...", "On Monday they attacked ...".
std::size_t opening_pronoun(const SentenceView& v, const MentionRange& mentions) {
  std::size_t i = first_word(v);
  if (i >= v.sent.end_token) return v.sent.end_token;
  if (!v.is("subj_pronoun", i)) {
    // the first plural pronoun, at most five words in, with no actor before it
    std::size_t first_actor = v.sent.end_token;
    for (const ActorMention& m : mentions) {
      if (!m.dateline) first_actor = std::min(first_actor, m.first_token);
    }
    for (std::size_t k = i + 1; k < std::min({v.sent.end_token, first_actor, i + 6}); ++k) {
      const Token& t = v.tok(k);
      if (t.kind != TokenKind::word) {
        if (t.norm == ","sv && v.lang == Lang::de) break;  // "Als sie ..., griff X an": a clause before
        continue;
      }
      if (!v.is("subj_pronoun_plural", k)) continue;
      // German: right after the finite verb ("Am Montag griffen sie an"), lower case
      // ("Sie" inside a sentence is the polite form)
      if (v.lang == Lang::de && (t.capitalized || (v.tok(k - 1).morph.entry.classes() & morph::kVerb) == 0)) break;
      return k;
    }
    return v.sent.end_token;
  }
  // "Diese ablehnende Position", "Diese Länder": a determiner, not a pronoun ("Sie
  // warfen Belarus ... vor" is one)
  if (v.lang == Lang::de && i + 1 < v.sent.end_token && v.is("det", i)) {
    const Token& next = v.tok(i + 1);
    if (next.capitalized) return v.sent.end_token;
    char last = next.norm.empty() ? ' ' : next.norm.back();
    bool adjective = (last == 'e' || last == 'n') && i + 2 < v.sent.end_token && v.tok(i + 2).capitalized;
    if (adjective) return v.sent.end_token;
  }
  return i;
}

bool may_be_participle(const SentenceView& v, std::size_t i);
// True when w ends in a word of class cls of shortest..longest bytes ("Luftangriffe": "angriffe").
bool ends_in_class(const SentenceView& v, std::string_view cls, std::string_view w, std::size_t shortest = 1,
                   std::size_t longest = 6);

// German extended attribute: "an einem im letzten Monat von den beiden Produzenten, den
// USA und Brasilien, unterzeichneten Abkommen". The actors between "von" and the
// attributive participle are its agents: they take the preposition that governs the
// whole noun phrase ("an", so "Kritik an" reaches them), or "von" when none does.
void mark_attribute_agents(SentenceView& v) {
  const auto& s = v.sent;
  for (std::size_t i = s.first_token; i + 2 < s.end_token; ++i) {
    if (v.lang != Lang::de || !v.is("agent_prep", i)) continue;  // von, vom, durch, seitens
    std::size_t p = 0;
    for (std::size_t j = i + 1; j < std::min(i + 14, s.end_token - 1) && v.clause(j) == v.clause(i); ++j) {
      const Token& t = v.tok(j);
      if (t.kind != TokenKind::word || t.capitalized || v.is("det", j) || v.is("coord", j)) continue;
      if (v.is("prep", j)) break;
      if (!inflected_word(v, t) || !may_be_participle(v, j)) continue;  // an adjective ("größten")
      if (v.tok(j + 1).kind == TokenKind::word && v.tok(j + 1).capitalized) p = j;
      break;
    }
    if (p == 0) continue;
    std::string outer = v.tok(i).norm;
    std::size_t outer_at = i;
    for (std::size_t k = i, steps = 0; k > s.first_token && steps < 8; ++steps) {
      --k;
      if (v.clause(k) != v.clause(i) || v.tok(k).norm == ","sv) break;
      if (v.is("prep", k) && k + 1 < i && v.is("det", k + 1)) {
        outer = v.tok(k).norm;
        outer_at = k;
        break;
      }
    }
    const std::string agent = v.tok(i).norm;
    for (Cand& c : v.cands) {
      if (c.first > i && c.end <= p && (c.marker.empty() || c.marker == agent)) {
        c.marker = outer;
        c.agent_of = p;
        c.phrase_prep = outer_at;
      } else if (c.first == p + 1 && c.marker == agent) {
        c.marker = outer == agent ? "" : outer;  // the qualified noun: "der von Russland unterstützte Assad"
      }
    }
  }
}

// English hyphenated attribute: "an Iran-backed militia". The actor is the agent of the
// participle, which acts on the noun after it.
void mark_hyphen_agents(SentenceView& v) {
  for (Cand& c : v.cands) {
    std::size_t p = c.end + 1;
    if (p >= v.sent.end_token || !hyphen_after(v, c)) continue;
    if (v.tok(p).span.begin != v.tok(c.end).span.end || !may_be_participle(v, p)) continue;
    c.agent_of = p;
    c.phrase_prep = c.first;
  }
}

// The leader of a force acts for it: "a Saudi-led coalition bombed ...", "coalition forces
// led by the United States", "die von den USA geführte Koalition", "die Truppen unter
// Führung der USA". The leader becomes an unmarked actor where the force stands (not the
// agent of a participle, nor a private national: an adjective leads too), so the frames
// take it as the force's subject or object. Words: classes leader_attribute ("led",
// "geführte"), leader_noun ("Führung") after leader_prep ("unter").
void mark_leaders(SentenceView& v) {
  const auto& s = v.sent;
  // a force, not an act: "U.S.-led strikes" keep their own frame (hyph)
  auto force = [&](std::size_t i) {
    return i >= s.first_token && i < s.end_token &&
           (v.is("led_force", i) || (v.lang == Lang::de && ends_in_class(v, "led_force", v.tok(i).norm, 5, 12)));
  };
  // the preposition governing the force's noun phrase ("pummeled by forces led by X"), or ""
  auto phrase_prep = [&](std::size_t n) -> std::string {
    for (std::size_t k = n, steps = 0; k > s.first_token && steps < 4; ++steps) {
      --k;
      if (v.is("prep", k)) return v.tok(k).norm;
      if (!(v.is("det", k) || (v.tok(k).kind == TokenKind::word && !v.tok(k).capitalized))) break;
    }
    return "";
  };
  for (Cand& c : v.cands) {
    bool leads = false;
    std::size_t led = 0;  // the force
    // "Saudi-led coalition", "U.S.-led forces": the participle joined by a hyphen (the
    // leader stands where the noun phrase does and keeps its preposition)
    if (c.end + 2 < s.end_token && hyphen_after(v, c) && v.is("leader_attribute", c.end + 1) &&
        v.tok(c.end + 1).span.begin == v.tok(c.end).span.end) {
      std::size_t n = c.end + 2;
      while (n + 1 < s.end_token && v.tok(n).kind == TokenKind::word && !v.tok(n).capitalized && !force(n)) ++n;
      if (force(n)) {
        c.agent_of = 0;
        c.leads = true;
        continue;
      }
    }
    // "forces led by X" right after the force, "von X geführte Koalition" (the German
    // attribute's agent before the force)
    if (c.first > s.first_token + 1) {
      std::size_t k = c.first - 1;
      while (k > s.first_token && v.is("det", k)) --k;
      if (v.lex.has("agent_prep", v.lang, v.tok(k).norm) && k > s.first_token) {
        if (v.lang == Lang::en && v.is("leader_attribute", k - 1) && v.clause(k - 1) == c.clause && force(k - 2)) {
          leads = true;
          led = k - 2;
        }
        // (any noun: "ein von den USA geführter Angriff" is the US attack)
        if (v.lang == Lang::de && c.agent_of != 0 && v.is("leader_attribute", c.agent_of)) {
          leads = true;
          led = k;  // the phrase opens at "von"
        }
      }
      // "Truppen unter (der) Führung der USA / von X"
      std::size_t n = c.first - 1;
      while (n > s.first_token && (v.is("det", n) || v.lex.has("agent_prep", v.lang, v.tok(n).norm))) --n;
      if (v.is("leader_noun", n) && n > s.first_token) {
        std::size_t q = n - 1;
        if (q > s.first_token && v.is("det", q)) --q;
        if (v.is("leader_prep", q) && force(q - 1)) {
          leads = true;
          led = q - 1;
        }
      }
    }
    if (!leads) continue;
    c.marker = phrase_prep(led);
    c.agent_of = 0;
    c.leads = true;
  }
}

void build_cands(SentenceView& v, const MentionRange& mentions, std::size_t sentence_index,
                 const std::vector<const ActorMention*>& antecedents = {}) {
  const auto& s = v.sent;
  std::vector<bool> in_mention(s.end_token - s.first_token, false);
  std::vector<const ActorMention*> here;
  for (const auto& m : mentions) {
    if (m.sentence != sentence_index || m.dateline || m.attribute) continue;
    here.push_back(&m);
    for (std::size_t i = m.first_token; i < m.end_token; ++i) in_mention[i - s.first_token] = true;
  }
  for (const ActorMention* m : here) {
    Cand c;
    c.m = m;
    c.first = m->first_token;
    c.end = m->end_token;
    c.clause = v.clause(m->first_token);
    bool gen_after_noun = false;
    if (m->genitive && v.lang == Lang::de && m->first_token > s.first_token) {
      const Token& prev = v.tok(m->first_token - 1);
      gen_after_noun = prev.kind == TokenKind::word && prev.capitalized &&
                       !in_mention[m->first_token - 1 - s.first_token];
    }
    c.marker = find_marker(v, m->first_token, in_mention, gen_after_noun);
    c.dative = dative_before(v, m->first_token);
    if (m->first_token > s.first_token) {
      std::size_t p = m->first_token - 1;
      // "said Lawrow", "according to Moscow"; in English a speech verb before the mention
      // names the speaker only after a quote or comma ('..., said Lavrov'): in "Peru said
      // Chile was responsible" Chile is the reported clause's subject
      // (the speech verb at sp, its mention after it, maybe after an article)
      auto inverted = [&](std::size_t sp) {
        if (v.lang != Lang::en) return true;
        if (sp <= s.first_token) return false;
        const std::string& before = v.tok(sp - 1).norm;
        return before == ","sv || before == "\""sv || before == "'"sv;
      };
      // ("Peru, which faces an inquiry, said North Korea had violated ...": a verb after the
      // mention makes it the reported clause's subject, not an inverted speaker)
      const bool subject = v.lang == Lang::en && m->role != ActorRole::adj && m->role != ActorRole::demonym && verb_after(v, *m);
      if ((v.is("speech", p) && inverted(p) && !subject) || v.is("source_prep", p)) c.speaker = true;
      if (p > s.first_token && v.is("det", p) && v.is("speech", p - 1) && inverted(p - 1) && !subject) c.speaker = true;
      if (v.lang == Lang::en && p > s.first_token && v.tok(p).norm == "to"sv && v.tok(p - 1).norm == "according"sv)
        c.speaker = true;
      // "nach Angaben Japans", "nach Ansicht Perus": the owner of a source noun after a preposition
      if (m->genitive && p > s.first_token && v.is("source_noun", p) && v.is("prep", p - 1)) c.speaker = true;
    }
    // "US-Informationen zufolge", "Angaben Moskaus zufolge": a source, not a party
    for (std::size_t k = m->end_token; k < std::min(m->end_token + 3, s.end_token); ++k) {
      if (v.is("source_postp", k)) {
        c.speaker = true;
        c.marker = v.tok(k).norm;  // governed by the postposition: never the clause subject
      }
    }
    // the speech verb after the mention, or after the title it qualifies ("the Peruvian
    // government said", "Croatia's foreign minister said", "die peruanische Regierung sagte")
    std::size_t verb = m->end_token;
    while (verb < s.end_token && verb < m->end_token + 3 && !v.is("speech", verb) && v.tok(verb).kind == TokenKind::word &&
           (v.is("title", verb) || !v.tok(verb).capitalized)) {
      ++verb;
    }
    if (verb > m->end_token && !v.is("title", verb - 1)) verb = m->end_token;
    if (verb < s.end_token && v.is("speech", verb) && v.clause(verb) == c.clause) {
      // "Lawrow sagte, ..." is a speaker only when the speech verb ends its clause part
      std::size_t after = verb + 1;
      if (after >= s.end_token || v.tok(after).norm == ","sv || v.tok(after).norm == "."sv ||
          v.is("subord", after)) {
        c.speaker = true;
      }
    }
    v.cands.push_back(std::move(c));
  }
  if (v.lang == Lang::de) {
    mark_attribute_agents(v);
  } else {
    mark_hyphen_agents(v);
  }
  mark_leaders(v);
  std::vector<Cand> virtuals;
  // A subject pronoun opening the sentence stands for the previous sentence's subject
  // (all of its coordinated actors: "Chile und Peru ... Sie verurteilten ...").
  if (std::size_t p = opening_pronoun(v, mentions); p < s.end_token && !in_mention[p - s.first_token]) {
    for (const ActorMention* antecedent : antecedents) {
      Cand c;
      c.m = antecedent;
      c.first = p;
      c.end = p + 1;
      c.clause = v.clause(p);
      c.pronoun = true;
      virtuals.push_back(c);
    }
  }
  // A possessive pronoun stands for the person named last before it in the sentence:
  // "Madrid backed his allegations" after "President Hugo Chavez's visit".
  for (std::size_t i = s.first_token + 1; i + 1 < s.end_token; ++i) {
    if (!v.is("person_possessive", i) || in_mention[i - s.first_token]) continue;
    // "criticised her", "told her that": an object pronoun, not a possessive
    const Token& next = v.tok(i + 1);
    if (next.kind != TokenKind::word || v.is("prep", i + 1) || v.is("det", i + 1) || v.is("subord", i + 1) ||
        v.is("coord", i + 1) || v.is("relpron", i + 1)) {
      continue;
    }
    // "seinem israelischen Amtskollegen", "his Israeli counterpart": the actor named in the
    // phrase is the one meant
    if (std::any_of(here.begin(), here.end(), [&](const ActorMention* m) {
          return m->first_token == i + 1 && m->role == ActorRole::adj;
        })) {
      continue;
    }
    const ActorMention* person = nullptr;
    for (const ActorMention* m : here) {
      if (m->end_token <= i && m->role == ActorRole::person) person = m;
    }
    if (!person) continue;
    Cand c;
    c.m = person;
    c.first = i;
    c.end = i + 1;
    c.clause = v.clause(i);
    c.marker = find_marker(v, i, in_mention, false);
    c.possessive = true;
    virtuals.push_back(c);
  }
  // Relative pronouns stand for the mention before their comma: "Nordkorea, das ...";
  // a plural one (relpron_plural) for every mention coordinated with it: "the ministers
  // of Chile and Peru, who have been meeting ...".
  for (std::size_t i = s.first_token + 1; i + 1 < s.end_token; ++i) {
    if (v.tok(i).norm != ","sv || !v.is("relpron", i + 1) || v.clause(i + 1) == v.clause(i - 1)) continue;
    auto ending_at = [&](std::size_t end) -> const ActorMention* {
      for (const ActorMention* m : here) {
        if (m->end_token == end) return m;
      }
      return nullptr;
    };
    // "China and Russia, which is also seen as ...": a singular verb in the relative
    // clause takes the last mention only
    bool plural = v.is("relpron_plural", i + 1);
    for (std::size_t k = i + 2; plural && k < s.end_token && v.clause(k) == v.clause(i + 1); ++k) {
      if (v.is("singular_verb", k)) plural = false;
    }
    // "Hezbollah fighters, who ...": the official or member stands for its actor
    std::size_t head = i;
    while (head > s.first_token + 1 && !ending_at(head) &&
           (is_title(v, head - 1) || (v.tok(head - 1).norm == "-"sv && v.tok(head - 1).span.begin == v.tok(head - 2).span.end))) {
      --head;
    }
    const ActorMention* m = ending_at(head);
    while (m) {
      Cand c;
      c.m = m;
      c.first = i + 1;
      c.end = i + 2;
      c.clause = v.clause(i + 1);
      virtuals.push_back(c);
      // back over the official's titles and their state: "Russian Foreign Minister Sergey Lavrov"
      // ("U.S. Secretary of State John Kerry", "der russische Außenminister Sergej Lawrow")
      std::size_t k = m->first_token;
      for (std::size_t steps = 0; k > s.first_token && steps < 8; ++steps) {
        const Token& t = v.tok(k - 1);
        if (const ActorMention* same = ending_at(k); same && same->code == m->code) {
          k = same->first_token;
        } else if (is_title(v, k - 1) || v.is("det", k - 1) ||
                   (t.kind == TokenKind::word && t.capitalized && v.lang == Lang::en && !v.is("coord", k - 1)) ||
                   v.is("official_link", k - 1)) {
          --k;
        } else {
          break;
        }
      }
      if (!plural || k <= s.first_token + 1 || !v.is("coord", k - 1)) break;
      m = ending_at(k - 1);
    }
  }
  // An infinitive clause's implicit subject (its controller) comes from the clause
  // before: its object after "vorwerfen/beschuldigen" ("werfen Nordkorea vor, ... zu
  // liefern"), else its subject ("steht in der Kritik dafür, Waffen ... zu liefern").
  for (std::size_t comma : v.infinitive_commas) {
    if (comma <= s.first_token) continue;  // a sentence opening with ", ... zu tun" has no clause before
    int before = v.clause(comma - 1);
    bool object_control = false;
    for (std::size_t i = s.first_token; i < comma; ++i) {
      if (v.clause(i) == before && v.is("object_control", i)) object_control = true;
    }
    const Cand* subject = nullptr;
    const Cand* object = nullptr;
    // the sentence-opening pronoun ("Es warf der Regierung ... vor, ...") comes first
    std::vector<const Cand*> in_order;
    for (const Cand& c : virtuals) {
      if (c.pronoun) in_order.push_back(&c);
    }
    for (const Cand& c : v.cands) in_order.push_back(&c);
    for (const Cand* cp : in_order) {
      const Cand& c = *cp;
      if (c.clause != before || !c.marker.empty() || c.first > comma || c.m->weak) continue;
      if (!subject) {
        subject = &c;
      } else if (!object && c.m->code != subject->m->code) {
        object = &c;
      }
    }
    const Cand* controller = object_control ? object : subject;
    if (!controller) continue;
    Cand c = *controller;
    c.first = comma;
    c.end = comma + 1;
    c.clause = v.clause(comma + 1);
    c.speaker = false;
    c.pronoun = false;
    virtuals.push_back(c);
  }
  // "Russia warned that it would impose sanctions on Georgia", "Russland erklärte, es werde
  // ...": a subject pronoun opening the clause reported by a speech verb stands for that
  // verb's subject
  for (std::size_t i = s.first_token + 2; i < s.end_token; ++i) {
    if (!v.is("subj_pronoun", i) || in_mention[i - s.first_token] || v.tok(i).capitalized) continue;
    if (i + 1 < s.end_token && v.is("expletive_verb", i + 1)) continue;  // "sagte, es gebe ..."
    std::size_t k = i - 1;
    if (v.is("complementizer", k)) --k;
    if (k > s.first_token && v.tok(k).norm == ","sv) --k;
    if (!(v.is("speech", k) || v.is("report_verb", k)) || v.clause(k) == v.clause(i)) continue;
    const Cand* subject = nullptr;
    for (const Cand& c : v.cands) {
      if (c.first >= k) break;
      if (c.clause == v.clause(k) && c.marker.empty() && !c.pronoun && !c.m->weak && c.m->role != ActorRole::region) {
        subject = &c;
        break;
      }
    }
    if (!subject) continue;
    // (not when another unmarked actor of the clause comes before its first verb cue: "it
    // would retaliate if the U.S. put sanctions on ..." has a subject of its own there)
    bool other_subject = false;
    auto verb_cue_at = [&](std::size_t j) { return !v.verb_cue.empty() && v.verb_cue[j - s.first_token]; };
    // (German puts its objects before the verb: "dass sie Kenia angreife")
    for (std::size_t j = i + 1; v.lang == Lang::en && j < s.end_token && v.clause(j) == v.clause(i) && !verb_cue_at(j); ++j) {
      for (const Cand& c : v.cands) {
        if (c.first == j && c.marker.empty() && c.m->code != subject->m->code) other_subject = true;
      }
    }
    if (other_subject) continue;
    Cand c = *subject;
    c.first = i;
    c.end = i + 1;
    c.clause = v.clause(i);
    c.group = 0;
    c.speaker = false;
    virtuals.push_back(c);
  }
  v.cands.insert(v.cands.end(), virtuals.begin(), virtuals.end());
  std::sort(v.cands.begin(), v.cands.end(), [](const Cand& a, const Cand& b) { return a.first < b.first; });
  // Coordination groups: only commas, "und/and/or", determiners or nothing between.
  int group = 0;
  for (std::size_t k = 0; k < v.cands.size(); ++k) {
    if (k > 0) {
      const Cand& a = v.cands[k - 1];
      const Cand& b = v.cands[k];
      bool same_span = a.first == b.first && a.end == b.end;  // "beide Länder": both antecedents
      bool linked = same_span || (a.clause == b.clause && a.end <= b.first);
      bool coordinated = same_span || a.m->code == b.m->code;  // apposition: "Kremlchef Wladimir Putin"
      // "in Syrien und im Irak", "gegen X und gegen Y": the preposition repeated
      bool same_pp = !a.marker.empty() && !b.marker.empty() &&
                     (a.marker == b.marker || (v.lex.has("place_prep", v.lang, a.marker) && v.lex.has("place_prep", v.lang, b.marker)));
      // "und der regionalen TPLF": German adjectives after the "und"
      std::size_t adjectives = 0;
      bool und = false;
      // "Buhari of Nigeria and Patrice Talon of Benin": an unlisted person of b stands between
      bool person_of_b = v.lang == Lang::en && b.first >= 2 && v.tok(b.first - 1).norm == "of"sv &&
                         v.tok(b.first - 2).kind == TokenKind::word && v.tok(b.first - 2).capitalized;
      // "the U.S.-led coalition and the Islamic State", "die von den USA geführte Koalition
      // und die Taliban": the leader stands for its force's whole noun phrase
      bool led_phrase = a.leads;
      for (std::size_t i = a.end; linked && !same_span && i < b.first; ++i) {
        const Token& t = v.tok(i);
        led_phrase = led_phrase && !v.is("coord", i) &&
                     (t.norm == "-"sv || v.is("leader_attribute", i) || v.is("led_force", i) ||
                      (t.kind == TokenKind::word && !t.capitalized));
        if (led_phrase) continue;
        // (not a verb: "verurteilte Pakistan und lobte Bangladesch" coordinates verbs)
        bool adjective = und && v.lang == Lang::de && !v.is("prep", i) && !v.is("coord", i) && t.norm.size() > 4 &&
                         inflected_word(v, t) && !verb_only(t) && ++adjectives <= 2;
        if (v.is("coord", i) && t.kind == TokenKind::word) und = true;
        linked = v.is("coord", i) || v.is("list_intro", i) || v.is("det", i) || v.is("gen_det", i) || t.norm == "\""sv || is_title(v, i) ||
                 v.is("title_prep", i) || adjective || (same_pp && und && v.is("prep", i)) ||
                 (person_of_b && und && t.capitalized);
        if (v.is("coord", i) || v.is("list_intro", i)) coordinated = true;
      }
      // "In Iraq and Syria, the U.S.-led coalition": a comma with no coordinating word
      // between two differently governed phrases ends a list unless it goes on after b
      bool comma = false;
      bool word_coord = false;
      for (std::size_t i = a.end; i < b.first; ++i) {
        comma = comma || v.tok(i).norm == ","sv;
        word_coord = word_coord || (v.is("coord", i) && v.tok(i).kind == TokenKind::word);
      }
      if (comma && !word_coord && a.marker != b.marker && a.m->code != b.m->code && !list_continues_at(v, b.end)) {
        linked = false;
      }
      linked = linked && coordinated;
      // the agent of an attribute is never coordinated with what stands before it:
      // "Hamas, an Iran-backed group", "die Hamas, eine vom Iran unterstützte Gruppe"
      if (b.agent_of != 0 && a.agent_of != b.agent_of && !same_span) linked = false;
      if (!linked) ++group;
    }
    v.cands[k].group = group;
  }
  // "between X and Y" / "zwischen X und Y": the members of a list opened by between_prep
  for (Cand& c : v.cands) {
    c.between_list = std::any_of(v.cands.begin(), v.cands.end(), [&](const Cand& o) {
      return o.group == c.group && v.lex.has("between_prep", v.lang, o.marker);
    });
  }
}

using CandList = std::vector<const Cand*>;

void add_group(const SentenceView& v, const Cand& c, CandList& out) {
  for (const Cand& o : v.cands) {
    if (o.group == c.group && std::find(out.begin(), out.end(), &o) == out.end()) out.push_back(&o);
  }
}

// The tokens [first, end) that c's coordination group spans.
std::pair<std::size_t, std::size_t> group_extent(const SentenceView& v, const Cand& c) {
  std::size_t first = c.first, end = c.end;
  for (const Cand& o : v.cands) {
    if (o.group != c.group) continue;
    first = std::min(first, o.first);
    end = std::max(end, o.end);
  }
  return {first, end};
}

// An actor that can be a clause's subject: unmarked, no speaker or private national,
// no region, outside relative clauses, not in a between-list ("the conflict between X and Y
// killed ..." has no subject X or Y).
bool subject_like(const SentenceView& v, const Cand& c) {
  return c.marker.empty() && !c.speaker && !c.m->weak && c.m->role != ActorRole::region && !v.in_relative(c.clause) &&
         !c.between_list;
}

// "the Iran sanctions bill", "Russia sanctions": an English state's name (no acronym, no
// genitive) right before a sanctions noun is what the sanctions hit, while "U.S.
// sanctions", "EU sanctions", "Russia's sanctions" name who imposes them.
bool modifier_target(const SentenceView& v, const Cand& c, const CueHit& hit) {
  if (v.lang != Lang::en || hit.rule->type != RelationType::sanctions || !hit.rule->noun || c.end != hit.first) return false;
  if (c.m->role != ActorRole::name || c.m->genitive || c.m->kind != ActorKind::state) return false;
  if (std::any_of(v.doc.tokens.begin() + static_cast<std::ptrdiff_t>(c.first),
                  v.doc.tokens.begin() + static_cast<std::ptrdiff_t>(c.end), [](const Token& t) { return t.all_caps; })) {
    return false;
  }
  // a noun, not a verb with its object ("North Korea boycotts UN", "Russia sanctions
  // Ukrainian officials"): the name opens its sentence and a name or article follows the cue
  const std::size_t after = hit.token_positions.back() + 1;
  bool verb_reading = c.first == first_word(v) && after < v.sent.end_token &&
                      (v.is("det", after) || (v.tok(after).kind == TokenKind::word && v.tok(after).capitalized));
  return !verb_reading;
}

bool usable(const Cand& c, const CueHit& hit) {
  return !(c.first < hit.end && hit.first < c.end);  // not overlapping the cue
}

bool is_region(const Cand* c) { return c->m->role == ActorRole::region;
}

// True when another relation cue of the clause stands between the cue and token i.
bool cue_between(const SentenceView& v, const CueHit& hit, std::size_t i, bool verbs_only = false) {
  for (const CueHit* o : v.hits) {
    if (verbs_only && o->rule->noun) continue;
    if (o->first != hit.first && o->first >= hit.end && o->first < i) return true;
  }
  return false;
}

// True when a verb cue other than hit starts in [from, to): "Rumänien kritisierte Moskau
// und sicherte Chișinău Unterstützung zu": Moskau is the object of the verb before it.
// (a coordinating word after that verb opens the next one's phrase: Chișinău is not its)
bool verb_cue_in(const SentenceView& v, const CueHit& hit, std::size_t from, std::size_t to) {
  return std::any_of(v.hits.begin(), v.hits.end(), [&](const CueHit* o) {
    if (o->rule->noun || o->first == hit.first || o->first < from || o->first >= to) return false;
    for (std::size_t k = o->first + 1; k < to; ++k) {
      if (v.is("coord", k) && v.tok(k).kind == TokenKind::word) return false;
    }
    return true;
  });
}

// A noun cue inside a prepositional phrase without a possessive ("Munition für den
// Krieg"): its agent is not the clause subject ("bei seinem Krieg" keeps it).
bool noun_in_pp(const SentenceView& v, std::size_t first) {
  for (std::size_t steps = 0, i = first; i > v.sent.first_token && steps < 3; ++steps) {
    --i;
    if (v.is("coref_det", i)) return false;
    // "Munition für den Krieg" keeps the subject out; "zu einem Besuch", "nach dem
    // Treffen", "round of talks" do not.
    if (v.is("prep", i)) return v.is("pp_blocks_subject", i);
    const Token& t = v.tok(i);
    if (!(v.is("det", i) || (t.kind == TokenKind::word && !t.capitalized))) return false;
  }
  return false;
}

// "Russland-Sanktionen": the mention is the first part of the cue's compound.
bool hyphen_joined(const SentenceView& v, const Cand& c, const CueHit& hit) {
  return c.end + 1 == hit.first && hyphen_after(v, c);
}

// The actors of a hyphenated chain right before a noun cue, nearest first: "EU-Türkei-"
// in "EU-Türkei-Gipfel", "U.S.-Taliban" in "U.S.-Taliban talks" (the nearest may stand
// apart, as English modifiers do); one per code.
CandList compound_parties(const SentenceView& v, const CueHit& hit) {
  CandList out;
  std::size_t k = hit.first;
  auto joined = [&](const Cand& c) {
    if (out.empty() && c.end == k && v.lang == Lang::en) return true;
    return c.end + 1 == k && hyphen_after(v, c) && v.tok(c.end).span.end == v.tok(k).span.begin;
  };
  for (bool more = true; more;) {
    more = false;
    for (const Cand& c : v.cands) {
      if (!joined(c)) continue;
      if (std::none_of(out.begin(), out.end(), [&](const Cand* o) { return o->m->code == c.m->code; })) out.push_back(&c);
      k = c.first;
      more = true;
      break;
    }
  }
  return out;
}

// A rule whose source reports its clause (strategy reporter): its cue is a wrong done by
// the clause's subject.
bool reports_wrong(const Rule& rule) {
  return std::any_of(rule.source.begin(), rule.source.end(),
                     [](const RoleSpec& r) { return r.strategy == RoleStrategy::reporter; });
}

CandList resolve(const SentenceView& v, const CueHit& hit, const RoleSpec& spec, const CandList& exclude) {
  const Rule& rule = *hit.rule;
  int clause = v.clause(hit.first);
  CandList out;
  auto excluded = [&](const Cand& c) { return std::find(exclude.begin(), exclude.end(), &c) != exclude.end(); };
  // An attributive participle with agents ("der von der Türkei unterstützten Miliz X")
  // acts on the noun it qualifies, right after it, and on nothing else.
  if (!exclude.empty() && exclude.front()->agent_of != 0 && exclude.front()->agent_of == hit.first) {
    for (const Cand& c : v.cands) {
      if (c.first == hit.end) add_group(v, c, out);
    }
    // an apposition: "Hamas, an Iran-backed group", "die Hamas, eine vom Iran unterstützte
    // Gruppe": the actor before the comma that opens the attribute's noun phrase
    if (out.empty()) {
      std::size_t k = std::min(exclude.front()->first, exclude.front()->phrase_prep);
      while (k > v.sent.first_token && (v.is("det", k - 1) || v.is("agent_prep", k - 1))) --k;
      if (k > v.sent.first_token + 1 && k < exclude.front()->first && v.tok(k - 1).norm == ","sv) {
        for (const Cand& c : v.cands) {
          if (c.end + 1 == k && !excluded(c)) add_group(v, c, out);
        }
      }
    }
    return out;
  }
  // A noun cue's roles may stand in the relative clause attached to it: "Drohungen, die
  // Nordkorea gegen Südkorea ausgestoßen hat".
  int attached = -1;
  std::size_t relpron = v.sent.end_token;
  if (rule.noun && hit.end + 1 < v.sent.end_token && v.tok(hit.end).norm == ","sv && v.is("relpron", hit.end + 1)) {
    int rc = v.clause(hit.end + 1);
    if (v.in_relative(rc)) attached = rc;
    relpron = hit.end + 1;
  }
  // ", bei dem ...", ", in which ...": a preposition before the relative pronoun, also
  // after the German verb that closes the clause ("einen Angriff gestartet, bei dem ...")
  std::size_t comma = hit.end;
  if (v.lang == Lang::de) {
    while (comma < v.sent.end_token && comma < hit.end + 2 && v.tok(comma).kind == TokenKind::word && !v.tok(comma).capitalized) ++comma;
  }
  if (rule.noun && attached < 0 && comma + 2 < v.sent.end_token && v.tok(comma).norm == ","sv &&
      v.is("prep", comma + 1) && v.is("relpron", comma + 2) && v.clause(comma + 2) != clause) {
    attached = v.clause(comma + 2);
    relpron = comma + 2;
  }
  // English without a comma: "the airstrike that killed an Iranian general"
  if (rule.noun && v.lang == Lang::en && attached < 0 && hit.end + 1 < v.sent.end_token && v.is("relpron", hit.end) &&
      v.clause(hit.end) != clause) {
    attached = v.clause(hit.end);
    relpron = hit.end;
  }
  // A sentence-opening pronoun is only the subject of the verb right after it ("Es warf
  // ... vor", "They also attacked"), never of a noun ("Es gab Angriffe") or an object.
  auto pronoun_ok = [&](const Cand& c) {
    if (!c.pronoun) return true;
    if (spec.strategy != RoleStrategy::subj || rule.noun) return false;
    // "Am Montag griffen sie ... an": the pronoun right after the finite verb
    if (hit.first < c.end) return v.lang == Lang::de && hit.first + 1 == c.first;
    return hit.first <= c.end + 2 || v.is("finite_aux", c.end);
  };
  // A German verb bracket ("lehnt ... ab") encloses the verb's roles: "lehnen X ab und
  // fordern Y" does not reach Y.
  std::size_t bracket_end = v.sent.end_token;
  // (a cue closing on a preposition, "stellt* ... hinter", opens its object after it)
  if (v.lang == Lang::de && !rule.noun && hit.token_positions.size() > 1 && rule.gap.back() &&
      !v.is("prep", hit.token_positions.back())) {
    bracket_end = hit.token_positions.back();
  }
  auto ok = [&](const Cand& c) {
    return (c.clause == clause || c.clause == attached) && usable(c, hit) && !excluded(c) && pronoun_ok(c) &&
           c.first < bracket_end;
  };
  // A private national ("die Italienerin", "Chinese hackers") is no acting subject.
  // A people in the plural protests and accuses as its state does ("Palestinians accused
  // Israel"), but is no attacker, partner or giver ("Two Palestinians were killed in
  // clashes"); backing it did not hold on bench text ("Iraqis would welcome ...").
  auto actor_like = [&](const Cand& c) {
    return !c.m->weak || c.leads || (c.m->people && rule.type == RelationType::criticism);
  };
  // A party the sources act on: no speaker, no stand-in pronoun, not a source's own
  // state, not a place ("in Syrien", "near Raqqa").
  auto other_party = [&](const Cand& c) {
    if (c.speaker || c.pronoun || excluded(c)) return false;
    if (std::any_of(exclude.begin(), exclude.end(), [&](const Cand* s) { return s->m->code == c.m->code; })) return false;
    return c.marker.empty() || !v.lex.has("place_prep", v.lang, c.marker);
  };
  switch (spec.strategy) {
    case RoleStrategy::subj: {
      if (rule.noun && v.lang == Lang::de && noun_in_pp(v, hit.first)) break;
      // "Russia denounced the new sanctions", "China criticised Trump for the tariffs": a
      // measure judged by the clause's verb is not its subject's own (a demand is: "urged the
      // UN to impose sanctions" names the one urged)
      // (not past another verb cue: "slams X, slaps new sanctions on ...")
      if (rule.noun && rule.type == RelationType::sanctions &&
          std::any_of(v.hits.begin(), v.hits.end(), [&](const CueHit* o) {
            return !o->rule->noun && o->first < hit.first && v.clause(o->first) == clause &&
                   o->rule->type == RelationType::criticism && !v.is("demand_verb", o->first) &&
                   std::none_of(v.hits.begin(), v.hits.end(), [&](const CueHit* p) {
                     return !p->rule->noun && p->first > o->first && p->first < hit.first && p->rule->type != RelationType::criticism;
                   });
          })) {
        break;
      }
      const Cand* best = nullptr;
      // An attributive participle's subject is its agent: "von X unterzeichneten Abkommen".
      for (const Cand& c : v.cands) {
        if (c.agent_of != 0 && c.agent_of == hit.first && !excluded(c)) out.push_back(&c);
      }
      if (!out.empty()) break;
      // An infinitive ("to join") takes the nearest actor before it, a finite cue the leftmost.
      bool infinitive = hit.first > v.sent.first_token && v.is("infinitive", hit.first - 1);
      // "a UN resolution condemning Syria": a participle right after a noun has that noun
      // phrase as its subject, not the clause's.
      if (v.lang == Lang::en && !rule.noun && hit.first > v.sent.first_token + 1) {
        const Token& before = v.tok(hit.first - 1);
        if (ing_form(v.tok(hit.first)) && before.kind == TokenKind::word && !before.capitalized && !v.is("prep", hit.first - 1) &&
            !v.is("subord", hit.first - 1) && !v.is("subord_bare", hit.first - 1) && !v.is("coord", hit.first - 1) &&
            !v.is("finite_aux", hit.first - 1) && !v.is("passive_aux", hit.first - 1)) {
          // (no actor there: "have begun dropping food" is a verb chain, go on as usual)
          for (const Cand& c : v.cands) {
            if (c.end <= hit.first && c.end + 4 >= hit.first && ok(c) && c.marker.empty()) best = &c;
          }
          if (best) {
            add_group(v, *best, out);
            break;
          }
        }
      }
      for (const Cand& c : v.cands) {
        // (not the target named before a sanctions noun: "combine the Russia sanctions with
        // sanctions against Iran" names no Russian sanctions)
        auto modifier = [&] {
          return std::any_of(v.hits.begin(), v.hits.end(), [&](const CueHit* o) { return modifier_target(v, c, *o); });
        };
        // (not a possessor whose noun stands in apposition with the actor after it: "Iran's
        // proxy Hezbollah fired ...", "Russlands Verbündeter Belarus")
        auto possessor_of_next = [&] {
          if (!c.m->genitive && !c.possessive) return false;
          return std::any_of(v.cands.begin(), v.cands.end(), [&](const Cand& d) {
            if (d.first <= c.end || d.first > c.end + 2 || d.first >= hit.first || !d.marker.empty()) return false;
            for (std::size_t k = c.end; k < d.first; ++k) {
              if (v.tok(k).kind != TokenKind::word || v.is("prep", k)) return false;
            }
            return true;
          });
        };
        if (c.end <= hit.first && ok(c) && c.marker.empty() && !c.dative && c.m->role != ActorRole::region &&
            actor_like(c) && !hyphen_joined(v, c, hit) && !modifier() && !possessor_of_next() && !c.between_list) {
          best = &c;
          if (!infinitive) break;
        }
      }
      // German inversion: "Am Montag verhängte die EU ...": only when the clause opens
      // with something other than a noun phrase ("Das Militär ... drohte Südkorea").
      std::size_t clause_start = hit.first;
      while (clause_start > v.sent.first_token && v.clause(clause_start - 1) == clause) --clause_start;
      while (clause_start < hit.first && v.tok(clause_start).kind == TokenKind::punct) ++clause_start;
      bool np_first = v.is("det", clause_start) || v.is("coref_det", clause_start);
      if (!best && attached >= 0) {  // "Drohungen, die Nordkorea ... ausgestoßen hat"
        for (const Cand& c : v.cands) {
          if (c.clause == attached && ok(c) && c.marker.empty() && actor_like(c)) {
            best = &c;
            break;
          }
        }
      }
      if (!best && v.lang == Lang::de && (!np_first || v.is("dative_det", clause_start))) {
        for (const Cand& c : v.cands) {
          if (c.first >= hit.end && ok(c) && c.marker.empty() && !c.dative && actor_like(c)) {
            best = &c;
            break;
          }
        }
      }
      // "..., while accusing Kiev of provocations": an English participle clause has the
      // subject of the main clause before it.
      if (!best && v.lang == Lang::en && !rule.noun && ing_form(v.tok(hit.first)) &&
          hit.first > v.sent.first_token &&
          (v.tok(hit.first - 1).norm == ","sv || v.is("subord_bare", hit.first - 1) || v.is("subord", hit.first - 1))) {
        for (const Cand& c : v.cands) {
          if (c.first >= hit.first) break;
          if (subject_like(v, c) && !c.pronoun) {
            best = &c;
            break;
          }
        }
      }
      // "South Korea scrapped the limit after talks with the US": a word that opens clauses
      // ("after", "before") used as a preposition before a noun cue; the noun's subject is the
      // main clause's.
      if (!best && v.lang == Lang::en) {
        std::size_t k = hit.first;
        for (int steps = 0; rule.noun && k > v.sent.first_token && steps < 3;) {
          const Token& t = v.tok(k - 1);
          // ("face-to-face talks": the hyphens do not count)
          const bool hyphen = glued_hyphen(v, k - 1);
          if (!(v.is("det", k - 1) || hyphen || (t.kind == TokenKind::word && !t.capitalized && !v.is("clause_prep", k - 1)))) break;
          --k;
          if (!hyphen) ++steps;
        }
        if (rule.noun && k > v.sent.first_token + 1 && v.is("clause_prep", k - 1)) {
          for (const Cand& c : v.cands) {
            if (c.first >= k - 1) break;
            if (c.clause == v.clause(k - 2) && subject_like(v, c) && !c.pronoun) {
              best = &c;
              break;
            }
          }
        }
        // Fronted: "After a trip to Saudi Arabia and Turkey, Pompeo told ...", "Standing
        // alongside X, Y said ...": the subject after the phrase's comma
        bool fronted = k > v.sent.first_token && k - 1 == first_word(v) &&
                       ((rule.noun && v.is("clause_prep", k - 1)) || ing_form(v.tok(k - 1)));
        if (!best && fronted) {
          std::size_t phrase_comma = hit.end;
          while (phrase_comma < v.sent.end_token && v.tok(phrase_comma).norm != ","sv) ++phrase_comma;
          for (const Cand& c : v.cands) {
            if (c.first <= phrase_comma || c.first > phrase_comma + 8) continue;
            // (a subject is followed by its verb: "in Bonn, Germany, Tillerson" names a place)
            bool apposed = c.end < v.sent.end_token && v.tok(c.end).norm == ","sv;
            if (subject_like(v, c) && !c.pronoun && !c.m->venue && !apposed) best = &c;
            break;
          }
        }
      }
      if (best) add_group(v, *best, out);
      break;
    }
    case RoleStrategy::obj: {
      for (const Cand& c : v.cands) {
        if (c.clause == attached && c.first == relpron + 1) continue;  // "the attack that Russia launched": its subject
        // "expelled two diplomats and condemned Japan": Japan is the second verb's object
        // ("schloss beim Gipfel Russland aus": a noun cue between takes no object)
        if (!rule.noun && cue_between(v, hit, c.first, true)) break;
        // "rejected a US-sponsored UN draft": the attribute's actor is not the object, but
        // criticism or support of what it sponsored also concerns it
        if (v.lang == Lang::en && c.end + 2 < v.sent.end_token && hyphen_after(v, c) && v.tok(c.end + 1).norm.size() > 4 &&
            ends_with(v.tok(c.end + 1).norm, "ed")) {
          if ((rule.type == RelationType::criticism || rule.type == RelationType::support) && c.first >= hit.end && ok(c) &&
              c.marker.empty() && v.is("agent_attribute", c.end + 1)) {
            out.push_back(&c);
          }
          continue;
        }
        // "griff Stellungen Armeniens an", "kritisierte die Politik Russlands": the owner
        // of the object noun; "verurteilte die Annexion der Krim durch Russland": the
        // agent of a nominal cue in the object
        bool owner = c.marker == "gen" && v.lang == Lang::de && !is_region(&c);
        bool nominal_agent = false;
        if ((rule.type == RelationType::criticism || rule.type == RelationType::support) && v.lex.has("agent_prep", v.lang, c.marker)) {
          std::size_t prep = c.first;  // the agent preposition must follow the nominalised act
          while (prep > hit.end && v.tok(prep).norm != c.marker) --prep;
          nominal_agent = prep > hit.end + 1;
        }
        if (c.first >= hit.end && ok(c) && (c.marker.empty() || owner || nominal_agent)) {
          add_group(v, c, out);
          break;
        }
      }
      // "Germany will pay Turkey more aid": an English noun cue after an indirect object
      if (out.empty() && v.lang == Lang::en && rule.noun) {
        const Cand* subject = nullptr;
        for (const Cand& c : v.cands) {
          if (c.end > hit.first || c.clause != clause || !usable(c, hit) || !c.marker.empty()) continue;
          if (!subject) {
            subject = &c;
          } else if (c.group != subject->group && c.m->code != subject->m->code && c.end + 2 >= hit.first && ok(c) &&
                     !c.m->weak && !excluded(c)) {
            // right after the verb ("pay Turkey"), only modifiers before the cue ("more aid")
            bool after_verb = c.first > v.sent.first_token && v.tok(c.first - 1).kind == TokenKind::word &&
                              !v.tok(c.first - 1).capitalized && !v.is("prep", c.first - 1) && !v.is("det", c.first - 1) &&
                              !v.is("coord", c.first - 1);
            for (std::size_t k = c.end; k < hit.first; ++k) {
              const Token& t = v.tok(k);
              if (t.kind != TokenKind::word || t.capitalized || v.is("prep", k)) after_verb = false;
            }
            if (after_verb) add_group(v, c, out);
            break;
          }
        }
      }
      if (out.empty() && v.lang == Lang::de) {  // verb-final: "..., dass Russland die Ukraine angreift"
        // The first unmarked actor is the subject (even when the source already took it).
        const Cand* first_unmarked = nullptr;
        for (const Cand& c : v.cands) {
          // "hat Ziele der Hisbollah bombardiert": the object's owner, after the subject
          bool owner = first_unmarked && c.marker == "gen" && !is_region(&c);
          if (c.end > hit.first || c.clause != clause || !usable(c, hit) || !(c.marker.empty() || owner)) continue;
          if (!first_unmarked) {
            first_unmarked = &c;
          } else if (c.group != first_unmarked->group && c.m->code != first_unmarked->m->code && ok(c) &&
                     !verb_cue_in(v, hit, first_unmarked->end, c.first)) {
            add_group(v, c, out);
            break;
          }
        }
      }
      if (out.empty() && v.lang == Lang::de) {  // "Dem US-Präsidenten gratulierte Merkel"
        for (const Cand& c : v.cands) {
          if (c.dative && c.clause == clause && c.end <= hit.first && ok(c)) {
            add_group(v, c, out);
            break;
          }
        }
      }
      break;
    }
    case RoleStrategy::poss: {
      for (const Cand& c : v.cands) {
        if (!ok(c) || c.end > hit.first) continue;
        bool form = c.m->genitive || c.m->role == ActorRole::adj || c.m->role == ActorRole::demonym ||
                    c.m->role == ActorRole::coref || c.m->role == ActorRole::prefix || c.possessive;
        std::size_t gap = hit.first - c.end;
        bool close = gap == 0;
        if (!close && gap <= 2) {
          close = true;
          for (std::size_t i = c.end; i < hit.first; ++i) {
            const Token& t = v.tok(i);
            bool adj = t.kind == TokenKind::word && !t.capitalized && !v.is("prep", i) && !v.is("det", i);
            if (!adj) close = false;  // hyphenated compounds are hyph/acr, not poss
          }
        }
        // A noun-like mention right before a noun cue in English: "U.S. sanctions".
        // Not a city after an article before an attack: "the Paris attacks", "the Benghazi
        // attack" name the place ("Moscow attacked" is the state).
        bool city_noun = c.m->role == ActorRole::capital && rule.type == RelationType::military_action &&
                         c.first > v.sent.first_token && v.is("det", c.first - 1);
        // Nor a state's bare name after an article before a war noun: "the Iraq and
        // Afghanistan wars", "the Vietnam war" name where they were fought ("the U.S. war",
        // an acronym, is who fought it)
        bool war_place = v.lang == Lang::en && rule.noun && rule.type == RelationType::military_action &&
                         c.m->role == ActorRole::name && !c.m->genitive && c.m->kind == ActorKind::state &&
                         [&] {  // the article opens the coordinated names
                           const std::size_t f = group_extent(v, c).first;
                           return f > v.sent.first_token && v.is("det", f - 1);
                         }() &&
                         std::none_of(v.doc.tokens.begin() + static_cast<std::ptrdiff_t>(c.first),
                                      v.doc.tokens.begin() + static_cast<std::ptrdiff_t>(c.end), [](const Token& t) { return t.all_caps; });
        if (!form && gap == 0 && v.lang == Lang::en && !city_noun && !war_place && !modifier_target(v, c, hit)) form = true;
        // An official's possessive: "the US delegation's visit", "the Chinese president's visit"
        if (v.lang == Lang::en && gap == 1) {
          const std::string& w = v.tok(c.end).norm;
          if (w.size() > 2 && ends_with(w, "'s") && is_title_word(v.lex, v.lang, w.substr(0, w.size() - 2))) {
            form = true;
          }
        }
        // The agent of an attributive participle right before the noun cue: "die von der
        // EU verhängten Sanktionen", "das von Washington verhängte Embargo".
        if (c.agent_of != 0 && c.agent_of + 1 == hit.first && rule.noun && is_directed(rule.type)) {
          close = form = true;
        }
        if (close && form) {
          out.clear();
          add_group(v, c, out);
        }
      }
      break;
    }
    case RoleStrategy::gen: {
      for (const Cand& c : v.cands) {
        if (!ok(c) || c.first < hit.end) continue;
        std::size_t gap = c.first - hit.end;
        bool close = gap == 0 && (c.m->genitive || v.lang == Lang::de);
        // "der Krieg der Atommacht Russland": a title in apposition after the article
        for (std::size_t i = hit.end; !close && gap <= 3 && i < c.first; ++i) {
          bool apposed_title = i > hit.end && is_title(v, i) && v.is("gen_det", i - 1);
          if (!(v.is("gen_det", i) || v.is("det", i) || v.tok(i).norm == "of"sv || v.tok(i).norm == "\""sv || apposed_title)) break;
          if (i + 1 == c.first) close = true;
        }
        if (close) add_group(v, c, out);
        break;
      }
      break;
    }
    case RoleStrategy::rel: {
      if (attached < 0) break;
      for (const Cand& c : v.cands) {
        if (c.clause != attached || c.first <= relpron || !other_party(c)) continue;
        if (v.lang == Lang::en && c.first == relpron + 1) continue;  // "the attack that Russia launched"
        add_group(v, c, out);
        break;
      }
      break;
    }
    case RoleStrategy::comp: {
      // the clause after the cue's clause must open with a complementizer
      std::size_t k = hit.end;
      while (k < v.sent.end_token && v.clause(k) == clause) ++k;
      while (k < v.sent.end_token && v.tok(k).norm == ","sv) ++k;
      if (k >= v.sent.end_token || !v.is("complementizer", k)) break;
      int comp_clause = v.clause(k);
      for (const Cand& c : v.cands) {
        if (c.clause != comp_clause || c.first <= k) continue;
        if (subject_like(v, c) && !c.pronoun && !excluded(c)) {
          add_group(v, c, out);
        }
        break;
      }
      break;
    }
    case RoleStrategy::other: {
      // "the new Canadian sanctions hit Russia hard": with a source and one other party
      // in the clause, that party is the target.
      if (exclude.empty()) break;
      const Cand* only = nullptr;
      bool several = false;
      for (const Cand& c : v.cands) {
        if (!ok(c) || !other_party(c) || c.m->kind == ActorKind::collective || c.m->venue || c.agent_of) continue;
        if (c.first >= hit.end && cue_between(v, hit, c.first)) continue;  // another verb's object
        // "China kritisierte die Sanktionen der USA": the subject of a verb of another type
        // that governs the noun cue is that verb's party, not the noun's ("signed the
        // agreement" keeps its signatories)
        bool governing_verb = false;
        for (const CueHit* o : v.hits) {
          if (!o->rule->noun && o->rule->type != rule.type && o->first >= c.end && o->first < hit.first) governing_verb = true;
        }
        if (c.first < hit.first && governing_verb) continue;
        if (only && only->group != c.group) several = true;
        if (!only) only = &c;
      }
      if (only && !several) add_group(v, *only, out);
      break;
    }
    case RoleStrategy::place:
      if (exclude.empty() || std::any_of(exclude.begin(), exclude.end(), [](const Cand* c) { return c->m->kind != ActorKind::group; })) {
        break;
      }
      [[fallthrough]];
    case RoleStrategy::site:
    case RoleStrategy::prep: {
      bool place = spec.strategy != RoleStrategy::prep;
      const Cand* best = nullptr;
      for (const Cand& c : v.cands) {
        if (!ok(c)) continue;
        // A noun's prepositional object follows it closely ("Kritik an Moskau"), not
        // the object of another cue further on ("Waffen für Russlands Krieg gegen X").
        // An attribute's agent is as near as its phrase's preposition: "Kritik an einem im
        // letzten Monat von den USA unterzeichneten Abkommen".
        std::size_t reach = c.agent_of ? c.phrase_prep : c.first;
        if (rule.noun && (c.first < hit.end || reach > hit.end + 8 || cue_between(v, hit, reach))) continue;
        if (std::find(spec.preps.begin(), spec.preps.end(), c.marker) == spec.preps.end()) continue;
        // "Anschläge in Brüssel": a place is a state's territory, not an organisation's seat
        if (place && c.m->kind != ActorKind::state) continue;
        if (!best || (best->first < hit.first && c.first >= hit.end)) best = &c;
        if (best->first >= hit.end) break;
      }
      if (best) add_group(v, *best, out);
      if (place) {
        // Only states, and never a source's own ("Hilfe der USA in den USA").
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const Cand* c) {
                                   return c->m->kind != ActorKind::state ||
                                          std::any_of(exclude.begin(), exclude.end(), [&](const Cand* s) { return s->m->code == c->m->code; });
                                 }),
                  out.end());
      }
      break;
    }
    case RoleStrategy::between: {
      for (const Cand& c : v.cands) {
        if (ok(c) && v.lex.has("between_prep", v.lang, c.marker)) {
          // not a cue inside the list: "zwischen der von den USA geführten Koalition und
          // den Taliban" names no coalition between them
          if (hit.first >= c.first && hit.first < group_extent(v, c).second) break;
          add_group(v, c, out);
          break;
        }
      }
      break;
    }
    case RoleStrategy::hyph:
    case RoleStrategy::acr: {
      for (const Cand& c : v.cands) {
        if (!ok(c) || !hyphen_joined(v, c, hit)) continue;
        bool acronym = v.tok(c.first).all_caps || v.tok(c.first).span.size() <= 3;
        if (spec.strategy == RoleStrategy::acr && !(acronym && v.tok(c.first).capitalized)) continue;
        if (spec.strategy == RoleStrategy::hyph && acronym) continue;
        out.push_back(&c);
      }
      break;
    }
    case RoleStrategy::speaker: {
      for (const Cand& c : v.cands) {
        if (c.speaker && !excluded(c)) {
          add_group(v, c, out);
          break;
        }
      }
      break;
    }
    case RoleStrategy::appos: {
      // after the noun: an article, a comma or an introducing word (class appos_intro:
      // like, such as, wie) between
      constexpr std::size_t kSkip = 3;
      std::size_t k = hit.token_positions.back() + 1;
      for (std::size_t n = 0; n < kSkip && k < v.sent.end_token &&
                              (v.is("det", k) || v.tok(k).norm == ","sv || v.is("appos_intro", k));
           ++n) {
        ++k;
      }
      for (const Cand& c : v.cands) {  // (not a genitive: "die Schutzmacht Syriens")
        if (c.first == k && ok(c) && !c.speaker && !c.m->genitive) {
          add_group(v, c, out);
          break;
        }
      }
      if (!out.empty()) break;
      // before: the cue's noun phrase (articles, lower-case words, actors) opens after a
      // comma that closes an actor
      constexpr std::size_t kPhrase = 6;
      std::size_t start = hit.first;
      for (std::size_t n = 0; n < kPhrase && start > v.sent.first_token; ++n) {
        const std::size_t i = start - 1;
        bool in_cand = std::any_of(v.cands.begin(), v.cands.end(), [&](const Cand& c) { return c.first <= i && i < c.end; });
        const Token& t = v.tok(i);
        if (!(in_cand || v.is("det", i) || (t.kind == TokenKind::word && !t.capitalized && !v.is("prep", i) && !v.is("coord", i)))) break;
        start = i;
      }
      if (start <= v.sent.first_token + 1 || v.tok(start - 1).norm != ","sv) break;
      for (const Cand& c : v.cands) {  // (across the comma: a German article may open a clause)
        if (c.end == start - 1 && usable(c, hit) && !excluded(c) && !c.speaker && c.marker.empty()) {
          // its coordinated actors before it, not the noun phrase's own possessor that a
          // list reading joined to it ("Russia, Syria's main backer")
          for (const Cand& o : v.cands) {
            if (o.group == c.group && o.end <= c.end) out.push_back(&o);
          }
          break;
        }
      }
      break;
    }
    case RoleStrategy::reporter: {
      // The cue's clause is reported: by the sentence's speaker ("..., Peru said", "Peru
      // sagte, ...", "according to Peru"), or it follows a reporting verb, at most a
      // few words after it, whose clause's subject reports it ("Peru says Chile ...",
      // "Peru alleged on Monday that Chile ..."). A relative clause is the narrator's
      // ("Trump, who faces inquiries into Russian interference, said ...").
      if (v.in_relative(clause)) break;
      auto reporter_like = [&](const Cand& c) { return subject_like(v, c) && !c.pronoun && !excluded(c); };
      for (const Cand& c : v.cands) {
        if (c.speaker && !c.pronoun && !excluded(c)) {
          add_group(v, c, out);
          break;
        }
      }
      if (!out.empty()) break;
      constexpr std::size_t kReporterGap = 5;  // words from the verb to the clause: "said on Monday that"
      std::size_t start = hit.first;
      while (start > v.sent.first_token && v.clause(start - 1) == clause) --start;
      std::size_t verb = v.sent.end_token;
      for (std::size_t k = start; k > v.sent.first_token && start - k < kReporterGap; --k) {
        if (v.is("speech", k - 1) || v.is("report_verb", k - 1)) {
          verb = k - 1;
          break;
        }
        if (v.tok(k - 1).kind != TokenKind::word && v.tok(k - 1).norm != ","sv) break;
      }
      if (verb == v.sent.end_token || v.clause(verb) == clause) break;
      for (const Cand& c : v.cands) {
        if (c.clause != v.clause(verb) || c.first >= verb) continue;
        if (reporter_like(c)) add_group(v, c, out);
        break;
      }
      // the verb's clause goes on after a relative clause: "Peru, which ..., said Chile ..."
      if (out.empty() && verb >= v.sent.first_token + 2 && v.tok(verb - 1).norm == ","sv &&
          v.in_relative(v.clause(verb - 2))) {
        for (const Cand& c : v.cands) {
          if (c.first >= verb) break;
          if (reporter_like(c)) {
            add_group(v, c, out);
            break;
          }
        }
      }
      break;
    }
  }
  return out;
}

bool glob_in_clause(const SentenceView& v, int clause, const std::vector<TokenGlob>& globs) {
  for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
    if (v.clause(i) != clause) continue;
    for (const auto& g : globs) {
      if (g.matches(v.tok(i))) return true;
    }
  }
  return false;
}

const LexiconPhrase* phrase_at(const SentenceView& v, std::string_view cls, std::size_t i);

// True when a word or phrase of lexicon class cls stands in the clause, not where a phrase
// of class block starts ("also" but not "also known as").
bool class_in_clause(const SentenceView& v, int clause, std::string_view cls, std::string_view block = {}) {
  for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
    if (v.clause(i) == clause && phrase_at(v, cls, i) && (block.empty() || !phrase_at(v, block, i))) return true;
  }
  return false;
}

// True when the verb cue at token i can be a past participle, the only form that
// makes a clause with "wurde/ist/was" passive: "wurde verurteilt", "angegriffen",
// "was attacked", "were shot". "droht", "kritisieren", "Protesten" and "to join" are
// not, whatever auxiliary stands in their clause.
// True when w ends in a word of class cls (an ending such as "iert", "ed") and keeps a
// stem of three letters or more before it.
bool ends_in_class(const SentenceView& v, std::string_view cls, std::string_view w, std::size_t shortest,
                   std::size_t longest) {
  for (std::size_t n = shortest; n <= longest && n + 3 <= w.size(); ++n) {
    if (v.lex.has(cls, v.lang, w.substr(w.size() - n))) return true;
  }
  return false;
}

// True when w has a word of class cls (a prefix such as "ge") at position at, followed
// by at least rest more letters.
bool class_at(const SentenceView& v, std::string_view cls, std::string_view w, std::size_t at, std::size_t rest) {
  for (std::size_t n = 1; n <= 4 && at + n + rest <= w.size(); ++n) {
    if (v.lex.has(cls, v.lang, w.substr(at, n))) return true;
  }
  return false;
}

bool may_be_participle(const SentenceView& v, std::size_t i) {
  const Token& t = v.tok(i);
  const std::string_view w = t.norm;
  if (v.lang == Lang::en) return ends_in_class(v, "participle_ending", w) || v.is("participle", i);
  if (t.capitalized && i > v.sent.first_token) return false;  // a noun
  if (v.is("participle", i)) return true;
  if (ends_in_class(v, "infinitive_ending", w)) return false;    // kritisieren
  // a verb form the morphology knows with no adjective use is no participle: "wird der
  // Opec beitreten" (future), while "beigetreten", "getötet" are adjectives too
  if (verb_only(t)) return false;
  if (class_at(v, "participle_prefix", w, 0, 4)) return true;    // getötet, gedroht
  for (std::size_t p = 2; p <= 7; ++p) {                          // angegriffen, vorgeworfen
    if (class_at(v, "participle_prefix", w, p, 3) && v.lex.has("verb_particle", v.lang, w.substr(0, p))) return true;
  }
  if (ends_in_class(v, "participle_ending", w)) return true;     // kritisiert
  for (std::size_t p = 2; p <= 6 && p + 3 < w.size(); ++p) {      // verurteilt, unterzeichneten
    if (v.lex.has("verb_prefix", v.lang, w.substr(0, p)) && ends_in_class(v, "prefixed_participle_ending", w)) return true;
  }
  return false;
}

// Lexicon phrase of class cls starting at token i (within the sentence).
const LexiconPhrase* phrase_at(const SentenceView& v, std::string_view cls, std::size_t i) {
  if (i >= v.sent.first_token && i < v.sent.end_token) {
    const int id = cached_class_id(v.lex, cls);
    if (!Lexicon::may_start_phrase(v.classes[i - v.sent.first_token], id)) return nullptr;
  }
  return v.lex.phrase_at(cls, v.lang, v.doc.tokens, i, v.sent.end_token);
}

// The first token of the noun phrase a noun cue ends: back over determiners and lower-case
// words, up to a preposition or a word of class stop ("despite the harsh criticism", "for
// the rocket attack"). The word before the result is that preposition, if any.
std::size_t noun_phrase_start(const SentenceView& v, std::size_t first, std::string_view stop) {
  std::size_t k = first;
  while (k > v.sent.first_token && (v.is("det", k - 1) || v.is("gen_det", k - 1) ||
                                    (v.tok(k - 1).kind == TokenKind::word && !v.tok(k - 1).capitalized &&
                                     !v.is("prep", k - 1) && !v.is(stop, k - 1)))) {
    --k;
  }
  return k;
}

// True when a word of class lift_word governs the noun cue: up to four words before it in
// its clause ("lift the U.S. sanctions", "Aufhebung der Sanktionen"), right after it
// ("sanctions relief"), or a German verb closing the clause after it ("die Sanktionen
// gegen Russland aufheben").
bool lifted_measure(const SentenceView& v, const CueHit& hit) {
  constexpr std::size_t kBefore = 4, kAfterDe = 8;
  const int clause = v.clause(hit.first);
  for (std::size_t i = hit.first, steps = 0; i > v.sent.first_token && steps < kBefore; ++steps) {
    --i;
    if (v.clause(i) != clause || v.tok(i).norm == ","sv) break;
    if (v.is("lift_word", i)) return true;
  }
  const std::size_t after = hit.token_positions.back() + 1;
  if (after < v.sent.end_token && v.is("lift_word", after)) return true;
  if (v.lang == Lang::de) {
    for (std::size_t i = after; i < v.sent.end_token && i < after + kAfterDe && v.clause(i) == clause; ++i) {
      if (v.tok(i).norm == ","sv) break;
      if (v.is("lift_word", i)) return true;
    }
  }
  return false;
}

Modality find_modality(const SentenceView& v, const CueHit& hit, bool presupposed, std::string* why) {
  const Rule& rule = *hit.rule;
  int clause = v.clause(hit.first);
  bool neg = false, alleged = false, hyp = false;
  // Inside a prepositional phrase ("Waffen für Russlands Angriffskrieg") a possessed
  // nominal is presupposed background, not what the clause asserts.
  bool in_pp = false;
  // "said he would not sign during a meeting with X", "After talks with X, Y said there
  // was no reason ...": a noun cue after a preposition of circumstance names an event the
  // clause's negation does not reach
  bool circumstance = false;
  for (std::size_t i = hit.first, steps = 0; i > v.sent.first_token && steps < 4; ++steps) {
    --i;
    // "face-to-face talks": the parts of a hyphenated word
    if (glued_hyphen(v, i) || glued_hyphen(v, i + 1)) {
      --steps;  // (not counted)
      continue;
    }
    if (v.is("prep", i)) in_pp = true;
    if (v.is("prep", i) && rule.noun && v.is("circumstance_prep", i)) circumstance = true;
    if (v.is("prep", i) || !(v.is("det", i) || v.tok(i).kind == TokenKind::word)) break;
    if (v.tok(i).capitalized && !v.cands.empty()) {
      bool mention = false;
      for (const Cand& c : v.cands) mention = mention || (c.first <= i && i < c.end);
      if (!mention) break;
    }
  }
  auto in_cue = [&](std::size_t i) {
    return std::find(hit.token_positions.begin(), hit.token_positions.end(), i) != hit.token_positions.end();
  };
  // "stellt ... bereit": the particle of a joined separable verb cue is part of the cue,
  // not a modality word ("bereit" alone is "willing")
  const bool joined_cue = v.tok(hit.first).morph.joined.lemma_count() > 0;
  for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
    if (in_cue(i)) continue;
    if (joined_cue && i > hit.first && v.clause(i) == clause && v.is("separable_particle", i)) continue;
    bool same_clause = v.clause(i) == clause;
    if (const LexiconPhrase* block = phrase_at(v, "neg_block", i)) {
      i += block->tokens.size() - 1;
      continue;
    }
    for (std::string_view cls : {"neg", "alleged", "hyp"}) {
      const LexiconPhrase* ph = phrase_at(v, cls, i);
      if (!ph) continue;
      bool sentence_scope = ph->value == "sentence";
      // An attributive word ("reported military actions", "angebliche Lieferungen")
      // qualifies the noun right after it, not its clause.
      if (ph->value == "np" && !(i < hit.first && i + 3 >= hit.first)) continue;
      // A possessed nominal ("Russlands Angriffskrieg") is presupposed: only words in
      // its own noun phrase ("Russlands angeblicher Angriff") change its modality.
      bool in_np = i < hit.first && i + 3 >= hit.first;
      // A relative clause is background: the main clause's "befürchten" does not reach it,
      // nor its "beschuldigt" the main clause.
      bool in_relative = v.in_relative(clause) || v.in_relative(v.clause(i));
      bool applies = presupposed && in_pp ? (in_np && cls != "neg") || (cls == "neg" && same_clause)
                                          : same_clause || (sentence_scope && i < hit.first && !in_relative);
      if (cls == "neg" && !same_clause) applies = false;
      if (cls == "neg" && circumstance && !in_np) applies = false;
      // a possessed event noun as the subject is presupposed by what is denied of it:
      // "Russian support for Assad has not wavered", "Irans Angriffe hörten nicht auf"
      if (cls == "neg" && presupposed && rule.noun && i > hit.end) applies = false;
      // An English modal stands before its verb: "condemned ... and demanded the country
      // withdraw any troops it may have" does not make the condemnation hypothetical.
      if (v.lang == Lang::en && !rule.noun && cls == "hyp" && !sentence_scope && i > hit.first) applies = false;
      // A sentence-scope word (fear, plans, if) governs what follows it: "shot down a jet,
      // blaming the fear of aggression" is not feared.
      if (sentence_scope && cls != "neg" && i > hit.first) applies = false;
      if (!applies) continue;
      if (cls == "neg") neg = true;
      if (cls == "alleged") alleged = true;
      if (cls == "hyp") hyp = true;
      if (why) *why += " " + std::string(cls) + "(" + v.tok(i).norm + ")";
    }
  }
  // German future: "wird der Nato beitreten", "werden ... angreifen" (werden with an
  // infinitive; with a participle it is the passive: "wird angegriffen"). A noun cue after
  // the auxiliary is the object of the future verb when an infinitive closes the clause
  // ("werde Sanktionen verhängen"; not the passive "werden Sanktionen verhängt").
  auto clause_verb_infinitive = [&] {
    for (std::size_t i = v.sent.end_token; i > hit.end; --i) {
      const Token& t = v.tok(i - 1);
      if (v.clause(i - 1) != clause || t.kind != TokenKind::word) continue;
      return !t.capitalized && ends_in_class(v, "infinitive_final", t.norm, 2, 2) && t.norm.size() > 3 &&
             !may_be_participle(v, i - 1);
    }
    return false;
  };
  if (!hyp && v.lang == Lang::de && (rule.noun ? clause_verb_infinitive() : !may_be_participle(v, hit.first))) {
    for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
      if (v.clause(i) != clause || !v.is("future_aux", i) || in_cue(i) || (rule.noun && i > hit.first)) continue;
      hyp = true;
      if (why) *why += " future(" + v.tok(i).norm + ")";
      break;
    }
  }
  // "will not lift the sanctions on Iran", "if the US eased sanctions", "sanctions relief",
  // "die Aufhebung der Sanktionen": a measure being lifted stands; what is denied or
  // supposed is its lifting.
  if ((neg || hyp) && rule.noun && rule.type == RelationType::sanctions && lifted_measure(v, hit)) {
    if (why) *why += " lifted(the measure stands)";
    return Modality::asserted;
  }
  if (neg) return Modality::negated;
  if (alleged) return Modality::alleged;
  if (hyp) return Modality::hypothetical;
  if (rule.modality) return *rule.modality;
  return Modality::asserted;
}

std::vector<CueHit> find_cues(const SentenceView& v, const RuleSet& rules) {
  std::vector<CueHit> hits;
  for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
    if (v.tok(i).kind == TokenKind::punct) continue;
    rules.first_token_hits(v.lang, v.tok(i), [&](const Rule& r) {
      if (r.lang != v.lang) return;
      CueHit h;
      h.rule = &r;
      h.first = i;
      h.token_positions.push_back(i);
      std::size_t pos = i + 1;
      for (std::size_t k = 1; k < r.tokens.size(); ++k) {
        bool found = false;
        if (!r.gap[k]) {
          if (pos < v.sent.end_token && r.tokens[k].matches(v.tok(pos))) found = true;
        } else {
          for (; pos < v.sent.end_token; ++pos) {
            // (over a relative clause inside the bracket: "griffen in Quetta, die im
            // Grenzgebiet liegt, das Haus eines Generals an")
            if (v.clause(pos) != v.clause(i)) {
              const auto c = static_cast<std::size_t>(v.clause(pos));
              if (c < v.relative.size() && v.relative[c]) continue;
              break;
            }
            if (r.tokens[k].matches(v.tok(pos))) {
              found = true;
              break;
            }
          }
        }
        if (!found) return;
        h.token_positions.push_back(pos);
        ++pos;
      }
      h.end = i + 1;  // roles are found around the first cue token
      hits.push_back(std::move(h));
    });
  }
  // Of several rules on the same first token, keep the ones with most cue tokens;
  // a matching `block` rule ("traf ... ein" = arrived) silences its type there.
  std::vector<CueHit> kept;
  for (const CueHit& h : hits) {
    bool shadowed = h.rule->block;
    for (const CueHit& o : hits) {
      if (&o == &h || o.first != h.first || o.rule->type != h.rule->type) continue;
      if (o.rule->tokens.size() > h.rule->tokens.size() || o.rule->block) shadowed = true;
      // a general lemma row gives way to a hand-written row of the same length there
      if (o.rule->tokens.size() == h.rule->tokens.size() && h.rule->tokens[0].lemma && !o.rule->tokens[0].lemma) {
        shadowed = true;
      }
    }
    if (!shadowed) kept.push_back(h);
  }
  return kept;
}

}  // namespace

namespace {

// sports_word with the words' classes known: classes[i - sentence.first_token] are
// those of token i (nullptr: looked up here).
std::size_t sports_word(const Document& doc, const Sentence& sentence, const Lexicon& lexicon,
                        const Lexicon::WordClasses* known) {
  // the three classes' ids once per sentence, not per word
  const int sports = cached_class_id(lexicon, "sports"), team = cached_class_id(lexicon, "sports_team"),
            weak_word = cached_class_id(lexicon, "sports_weak");
  std::size_t weak = sentence.end_token;
  bool context = false;  // a score, a team word, or a second weak word
  for (std::size_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::number && i + 2 < sentence.end_token && doc.tokens[i + 2].kind == TokenKind::number &&
        (doc.tokens[i + 1].norm == ":" || doc.tokens[i + 1].norm == "-") &&
        doc.tokens[i + 1].span.begin == t.span.end && doc.tokens[i + 2].span.begin == doc.tokens[i + 1].span.end) {
      context = true;
    }
    if (t.kind != TokenKind::word) continue;
    // one lookup for the three
    const Lexicon::WordClasses classes = known ? known[i - sentence.first_token] : lexicon.classes_of(doc, i);
    auto is = [&](int id, std::string_view cls) { return word_is(lexicon, classes, id, cls, doc.lang, t.norm); };
    if (is(sports, "sports")) return i;
    // a hyphenated word is three tokens: "quarter-final", "world-cup"
    if (i + 2 < sentence.end_token && doc.tokens[i + 1].norm == "-" && doc.tokens[i + 1].span.begin == t.span.end &&
        doc.tokens[i + 2].span.begin == doc.tokens[i + 1].span.end &&
        lexicon.has("sports", doc.lang, t.norm + "-" + doc.tokens[i + 2].norm)) {
      return i;
    }
    if (is(team, "sports_team")) context = true;
    if (is(weak_word, "sports_weak")) {
      if (weak < sentence.end_token) context = true;
      else weak = i;
    }
  }
  return context ? weak : sentence.end_token;
}

}  // namespace

std::size_t sports_word(const Document& doc, const Sentence& sentence, const Lexicon& lexicon) {
  return sports_word(doc, sentence, lexicon, nullptr);
}

namespace {

// 0 when the cue's context words allow it, 1 when a need= word is missing from its
// clause, 2 when a not= word is in it. The need words may stand in an infinitive clause
// the cue governs: "forderte Libyen auf, die Gewalt zu beenden".
int context_blocks(const SentenceView& v, const CueHit& hit) {
  const Rule& rule = *hit.rule;
  int clause = v.clause(hit.first);
  int governed = -1;
  for (std::size_t comma : v.infinitive_commas) {
    if (comma > hit.first && v.clause(comma - 1) == clause && comma + 1 < v.sent.end_token) governed = v.clause(comma + 1);
  }
  if (!rule.need.empty() && !glob_in_clause(v, clause, rule.need) &&
      !(governed >= 0 && glob_in_clause(v, governed, rule.need))) {
    return 1;
  }
  if (!rule.forbid.empty() && glob_in_clause(v, clause, rule.forbid)) return 2;
  return 0;
}

// True when cue hit stands right after the verb cue o as its object: at most four
// words between, each a determiner, a lower-case word or a word of class extra
// ("verurteilte den brutalen Angriff", "drohte mit Sanktionen").
bool object_of_cue(const SentenceView& v, const CueHit& o, const CueHit& hit, std::string_view extra) {
  if (o.first >= hit.first || v.clause(o.first) != v.clause(hit.first)) return false;
  // a German verb bracket around the noun: "warf der Türkei Angriffe auf Syrien vor"
  if (v.lang == Lang::de && o.token_positions.size() > 1 && hit.first < o.token_positions.back() && !o.rule->noun) {
    return true;
  }
  std::size_t from = o.token_positions.back() + 1;
  if (from > hit.first || hit.first - from > 4) return false;
  for (std::size_t k = from; k < hit.first; ++k) {
    const Token& t = v.tok(k);
    if (!(v.is("det", k) || (!extra.empty() && v.is(extra, k)) || (t.kind == TokenKind::word && !t.capitalized))) {
      return false;
    }
  }
  return true;
}

// A noun cue that is what a threat cue of its clause announces: "drohte mit Sanktionen
// gegen die EU", "threatened sanctions against Iran" is a threat, not sanctions.
bool threatened_measure(const SentenceView& v, const CueHit& hit) {
  if (!hit.rule->noun || hit.rule->type == RelationType::threat) return false;
  return std::any_of(v.hits.begin(), v.hits.end(), [&](const CueHit* o) {
    return o->rule->type == RelationType::threat && object_of_cue(v, *o, hit, "threat_with");
  });
}

// The first token of a criticism or support verb cue whose object is the noun cue hit
// ("verurteilte den Angriff", "condemned the brutal attack"), or the sentence end.
std::size_t judging_cue_before(const SentenceView& v, const CueHit& hit) {
  for (const CueHit* o : v.hits) {
    if (o->rule->noun || (o->rule->type != RelationType::criticism && o->rule->type != RelationType::support)) continue;
    if (reports_wrong(*o->rule)) continue;  // "Israel violated the truce by shelling Rafah": a wrong, no judge
    if (object_of_cue(v, *o, hit, {})) return o->first;
  }
  return v.sent.end_token;
}

// True when c is the victim of an attack noun standing between a judging cue and c:
// "condemned the attack on X", "the attack that targeted X", "den Anschlag auf X".
// Only determiners, adjectives and the attack's own words stand between.
bool victim_of_judged_attack(const SentenceView& v, const CueHit& hit, const Cand& c) {
  std::size_t from = hit.token_positions.back() + 1;
  if (c.first <= from || c.first > from + 8) return false;
  for (std::size_t k = from; k < c.first; ++k) {
    const Token& t = v.tok(k);
    bool attack = v.is("attack_noun", k) ||
                  (v.lang == Lang::de && t.capitalized && ends_in_class(v, "attack_noun", t.norm, 4, t.norm.size()));
    if (!attack) continue;
    // the victim follows the attack noun: "on/auf/gegen X" or a relative clause
    if (!c.marker.empty() && v.lex.has("victim_prep", v.lang, c.marker)) return true;
    if (k + 1 < v.sent.end_token && (v.is("relpron", k + 1) || v.tok(k + 1).norm == ","sv) && v.clause(c.first) != v.clause(hit.first)) {
      return true;
    }
  }
  return false;
}

// A German verb cue used as an attribute between a determiner and its noun, with no
// agent of its own: "die eroberten Gebiete", "der angekündigte Besuch" name a result,
// not an act of the clause's subject ("die vom Iran unterstützte Hisbollah" has one).
bool attributive_without_agent(const SentenceView& v, const CueHit& hit) {
  if (v.lang != Lang::de || hit.rule->noun || hit.token_positions.size() != 1) return false;
  std::size_t i = hit.first;
  if (i == v.sent.first_token || i + 1 >= v.sent.end_token || v.tok(i).capitalized) return false;
  if (!v.is("det", i - 1)) return false;
  // the noun, after at most two more adjectives
  std::size_t k = i + 1;
  while (k < v.sent.end_token && k < i + 3 && v.tok(k).kind == TokenKind::word && !v.tok(k).capitalized) ++k;
  if (k >= v.sent.end_token || !v.tok(k).capitalized || v.tok(k).kind != TokenKind::word) return false;
  for (const Cand& c : v.cands) {
    if (c.agent_of == i) return false;
  }
  return true;
}

// A definite act named in the judging cue's clause, after the cue or (German verb-final)
// before it: "den Vorfall", "das Verfahren", "den Militärputsch", "the decision", "this
// move", "the latest incident" (one adjective between). Not "einen Vorfall": a new one.
bool judged_act(const SentenceView& v, const CueHit& hit) {
  const int clause = v.clause(hit.first);
  for (std::size_t i = v.sent.first_token + 1; i < v.sent.end_token; ++i) {
    if (v.clause(i) != clause || (v.lang == Lang::en && i <= hit.first)) continue;
    if (i >= hit.first && i <= hit.token_positions.back()) continue;
    const std::string_view w = v.tok(i).norm;
    if (!v.is("judged_act", i) && !(v.lang == Lang::de && ends_in_class(v, "judged_act", w, 4, w.size()))) continue;
    if (v.is("definite_det", i - 1)) return true;
    if (i >= v.sent.first_token + 2 && v.is("definite_det", i - 2) && v.tok(i - 1).kind == TokenKind::word &&
        !v.tok(i - 1).capitalized) {
      return true;
    }
  }
  return false;
}

// A participle set off by a comma, with its agent right after it: "Hezbollah, backed by
// Iran, attacked Israel", "The Taliban, long backed by Pakistan, ...", "Die Armee griff,
// unterstützt vom Iran, ... an": a passive without auxiliary, whose patient is the phrase
// before the comma.
bool apposed_participle(const SentenceView& v, const CueHit& hit) {
  std::size_t i = hit.first;
  if (i < v.sent.first_token + 2) return false;
  // at most one adverb between comma and participle ("long", "seit Jahren" is not one)
  std::size_t before = i - 1;
  if (v.tok(before).norm != ","sv && v.tok(before).kind == TokenKind::word && !v.tok(before).capitalized) --before;
  if (v.tok(before).norm != ","sv) return false;
  const std::size_t after = hit.token_positions.back() + 1;
  for (const Cand& c : v.cands) {
    if (c.first == after + 1 || c.first == after + 2) {
      if (v.lex.has("agent_prep", v.lang, c.marker)) return true;
    }
  }
  return false;
}

// An English reduced relative: "tariffs imposed on Brazilian soybeans by China", "aid sent
// by Japan": a participle right after a common noun, its "by" agent a few words on in the
// clause with no comma between.
bool reduced_relative(const SentenceView& v, const CueHit& hit) {
  if (v.lang != Lang::en || hit.first <= v.sent.first_token) return false;
  const Token& noun = v.tok(hit.first - 1);
  if (noun.kind != TokenKind::word || noun.capitalized || v.is("det", hit.first - 1) || v.is("finite_aux", hit.first - 1) ||
      v.is("passive_aux", hit.first - 1) || v.is("subj_pronoun", hit.first - 1) || v.is("coord", hit.first - 1)) {
    return false;
  }
  const std::size_t after = hit.token_positions.back() + 1;
  for (const Cand& c : v.cands) {
    if (c.first < after || c.first > after + 6 || c.clause != v.clause(hit.first)) continue;
    bool comma = false;
    for (std::size_t k = after; k < c.first; ++k) comma = comma || v.tok(k).kind == TokenKind::punct;
    if (!comma && v.lex.has("agent_prep", v.lang, c.marker)) return true;
  }
  return false;
}

// The subject of sentence si's main clause: its first unmarked actor that is no speaker,
// region, private national or relative-clause member. A sentence opening with a subject
// pronoun itself passes on its own antecedent (two sentences back at most).
std::vector<const ActorMention*> subject_of(const Document& doc, const Lexicon& lex,
                                            const std::vector<ActorMention>& mentions, std::size_t si, int depth = 0) {
  SentenceView v(doc, lex, doc.sentences[si], doc.lang);
  const MentionRange here = mentions_of(mentions, doc.sentences[si]);
  if (here.begin() == here.end() && depth > 0) return {};
  assign_clauses(v, here);
  std::vector<const ActorMention*> antecedents;
  if (depth == 0 && si > 0 && opening_pronoun(v, here) < v.sent.end_token) {
    antecedents = subject_of(doc, lex, mentions, si - 1, depth + 1);
  }
  build_cands(v, here, si, antecedents);
  // the first subject-like actor and the actors coordinated with it
  auto is_subject = [&](const Cand& c) { return subject_like(v, c) && !c.m->venue; };
  auto first = std::find_if(v.cands.begin(), v.cands.end(), is_subject);
  std::vector<const ActorMention*> subject;
  if (first == v.cands.end()) return subject;
  for (const Cand& o : v.cands) {
    if (o.group == first->group && is_subject(o) && std::find(subject.begin(), subject.end(), o.m) == subject.end()) {
      subject.push_back(o.m);
    }
  }
  return subject;
}

std::string describe(const CandList& list) {
  std::string s;
  for (const Cand* c : list) {
    if (!s.empty()) s += "+";
    s += c->m->code.str();
  }
  return s.empty() ? "none" : s;
}

// A cue that found one side of a directed relation only (see complete_halves).
struct HalfEvent {
  std::size_t sentence = 0;
  RelationType type = RelationType::partnership;
  Modality modality = Modality::asserted;
  Span cue;
  const Rule* rule = nullptr;
  std::vector<ActorCode> sources, targets;
  bool told_before = true;     // may take its source from the previous sentence
  bool definite = false;       // a definite noun ("the attack", "den Angriffen"): an event told before
  bool place_target = false;   // the target is where it happened ("in Nairobi"): only a group's attack
  bool group_sources = false;  // every source is an armed or political group
  bool claimed = false;        // its clause claims the event ("claimed responsibility for")
  bool noun = false;           // a noun cue
  int clause = -1;             // the cue's clause
  bool additive = false;       // its clause has an additive word ("auch", "also"): the
                               // source of the previous sentence's event of its type
};

Span cue_span(const SentenceView& v, const CueHit& hit) {
  return Span{v.tok(hit.first).span.begin, v.tok(hit.token_positions.back()).span.end};
}

bool all_groups(const CandList& list) {
  return !list.empty() && std::all_of(list.begin(), list.end(), [](const Cand* c) { return c->m->kind == ActorKind::group; });
}

std::vector<ActorCode> codes_of(const CandList& list) {
  std::vector<ActorCode> out;
  for (const Cand* c : list) {
    if (std::find(out.begin(), out.end(), c->m->code) == out.end()) out.push_back(c->m->code);
  }
  return out;
}

// The patient of a passive cue: its subject; else the first unmarked actor of the clause
// before the cue ("Der österreichische Alleingang wurde von X begrüßt": an adjective's
// state), never an agent's own state; with no agent also the owner of the subject noun
// ("Dabei wurden Stellungen der PKK zerstört").
CandList passive_patients(const SentenceView& v, const CueHit& hit, int clause, const CandList& agents) {
  CandList patients = resolve(v, hit, RoleSpec{RoleStrategy::subj, {}}, agents);
  if (!patients.empty() && (agents.empty() || patients.front()->m->code != agents.front()->m->code)) return patients;
  patients.clear();
  for (const Cand& c : v.cands) {
    bool owner = agents.empty() && c.marker == "gen";
    if (c.clause != clause || c.first >= hit.first || (!c.marker.empty() && !owner) || c.pronoun || c.speaker ||
        c.m->role == ActorRole::region || std::find(agents.begin(), agents.end(), &c) != agents.end() ||
        std::any_of(agents.begin(), agents.end(), [&](const Cand* a) { return a->m->code == c.m->code; })) {
      continue;
    }
    add_group(v, c, patients);
    break;
  }
  return patients;
}

// "Gunmen attacked a hotel in Nairobi", "Ein Hotel in Nairobi wurde angegriffen": an attack
// with neither side named keeps the state where it happened (a word of class
// event_place_prep before it, in the cue's clause) as a target that only a group's claim
// of the next sentence takes (see complete_halves). It counts as told before only as a
// definite noun ("the attack in Nairobi").
void add_place_half(const SentenceView& v, const CueHit& hit, std::size_t si, Modality modality,
                    std::vector<HalfEvent>& halves) {
  if (hit.rule->type != RelationType::military_action) return;
  const int clause = v.clause(hit.first);
  for (const Cand& c : v.cands) {
    if (c.clause != clause || !usable(c, hit) || c.m->kind != ActorKind::state || c.speaker || c.pronoun ||
        !v.lex.has("event_place_prep", v.lang, c.marker)) {
      continue;
    }
    CandList place;
    add_group(v, c, place);
    const bool definite = definite_noun(v, hit);
    halves.push_back(HalfEvent{si, hit.rule->type, modality, cue_span(v, hit), hit.rule, {}, codes_of(place), definite,
                               definite, true, false, false});
    return;
  }
}

// A threat verb that found no target (see threaten_to_act).
struct OpenThreat {
  std::size_t last_token = 0;  // the cue's last token
  Modality modality = Modality::asserted;
  Span cue;
  const Rule* rule = nullptr;
  std::vector<ActorCode> sources;
};

// "Serbia threatened to break off relations with Montenegro", "Serbien drohte, die
// Beziehungen zu Montenegro abzubrechen": a threat verb with an infinitive complement
// threatens the target of the act named there, and that act is no edge of its own (as
// "drohte mit Sanktionen": a threatened measure is a threat only). The complement opens
// right after the verb, after a correlate ("damit"): with a word of the class
// complement_opener ("to") or with a comma that opens a German "zu" infinitive; the act's
// edge must come from the threat's own source.
void threaten_to_act(const SentenceView& v, const std::vector<OpenThreat>& threats, std::size_t sentence_out,
                     std::vector<RelationMention>& out, std::vector<TraceLine>* trace) {
  for (const OpenThreat& t : threats) {
    std::size_t after = t.last_token + 1;
    if (after + 1 < v.sent.end_token && v.is("correlate", after)) ++after;  // "drohte damit, ..."
    if (after >= v.sent.end_token) continue;
    bool opens = v.is("complement_opener", after) ||
                 std::find(v.infinitive_commas.begin(), v.infinitive_commas.end(), after) != v.infinitive_commas.end();
    if (!opens) continue;
    // the complement: up to the next comma or the sentence's end
    std::size_t end = after + 1;
    while (end < v.sent.end_token && v.tok(end).norm != ","sv && v.tok(end).norm != "."sv) ++end;
    std::vector<RelationMention> threats_made;
    for (std::size_t k = sentence_out; k < out.size();) {
      const RelationMention& act = out[k];
      if (act.type == RelationType::threat || !is_directed(act.type) || act.cue.begin < v.tok(after).span.end ||
          act.cue.begin >= v.tok(end - 1).span.end ||
          std::find(t.sources.begin(), t.sources.end(), act.source) == t.sources.end()) {
        ++k;
        continue;
      }
      const ActorCode source = act.source, target = act.target;
      const std::size_t sentence = act.sentence;
      if (trace) {
        trace->push_back(TraceLine{sentence, "edge " + source.str() + " -> " + target.str() + " " +
                                                 std::string(to_string(act.type)) + " withdrawn: the act is only threatened"});
      }
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
      bool duplicate = std::any_of(threats_made.begin(), threats_made.end(), [&](const RelationMention& o) {
        return o.source == source && o.target == target;
      }) || std::any_of(out.begin() + static_cast<std::ptrdiff_t>(sentence_out), out.end(), [&](const RelationMention& o) {
        return o.type == RelationType::threat && o.source == source && o.target == target;
      });
      if (duplicate) continue;
      threats_made.push_back(RelationMention{source, target, RelationType::threat, t.modality, sentence, t.cue, t.rule->id});
      if (trace) {
        trace->push_back(TraceLine{sentence, "edge " + source.str() + " -> " + target.str() + " threat " +
                                                 std::string(to_string(t.modality)) + ": the target of the act threatened"});
      }
    }
    out.insert(out.end(), threats_made.begin(), threats_made.end());
  }
}

// One event told in two sentences, each half incomplete (issue item "arguments across
// sentences"): "Die Türkei flog Luftangriffe im Nordirak. Dabei wurden Stellungen der PKK
// zerstört." A directed cue of sentence si that found a target and no source takes the
// sources of a cue of the same type in sentence si - 1 that found a source and no target,
// or of another row of the same cue word. Nothing else crosses a sentence boundary: a
// meeting cue with one party only that joined the parties of the previous sentence's
// meeting ("Vermittler ist Russland") cost more than it gained on training text.
void complete_halves(std::size_t si, std::vector<HalfEvent>& halves, std::vector<RelationMention>& out,
                     std::vector<TraceLine>* trace) {
  auto add = [&](const HalfEvent& here, const ActorCode& s, const ActorCode& t, std::string_view how) {
    bool duplicate = s == t || std::any_of(out.begin(), out.end(), [&](const RelationMention& o) {
                       return o.sentence == si && o.type == here.type && o.source == s && o.target == t;
                     });
    if (duplicate) return;
    out.push_back(RelationMention{s, t, here.type, here.modality, si, here.cue, here.rule->id});
    if (trace) {
      trace->push_back(TraceLine{si, "edge " + s.str() + " -> " + t.str() + " " +
                                         std::string(to_string(here.type)) + " " + std::string(to_string(here.modality)) +
                                         ": " + std::string(how)});
    }
  };
  for (const HalfEvent& here : halves) {
    if (here.sentence != si || here.targets.empty() || !here.sources.empty()) continue;
    for (const HalfEvent& before : halves) {
      // two rows of the same word, one finding the source and one the target ("Airstrikes
      // by a U.S.-led coalition forced Islamic State fighters to flee"), or the previous
      // sentence's event
      bool same_cue = before.sentence == si && before.cue.begin == here.cue.begin;
      bool previous = before.sentence + 1 == si && here.told_before;
      // "Greece receives European aid", "Griechenland erhält europäische Hilfsgelder": a
      // verb that found the receiver and its object noun that found the giver
      // (only a verb whose subject is its target: receive, erhalten)
      bool receiver = !here.rule->target.empty() && here.rule->target.front().strategy == RoleStrategy::subj;
      bool object_noun = before.sentence == si && !here.noun && receiver && before.noun && before.clause == here.clause &&
                         here.clause >= 0 && before.cue.begin > here.cue.begin;
      if (!(same_cue || previous || object_noun) || before.type != here.type || before.sources.empty() ||
          !before.targets.empty()) {
        continue;
      }
      if (object_noun) {
        for (const ActorCode& s : before.sources) {
          for (const ActorCode& t : here.targets) add(here, s, t, "the source from the object noun's owner");
        }
        continue;
      }
      if (here.place_target) continue;  // a place is a target for a claim only (below)
      for (const ActorCode& s : before.sources) {
        for (const ActorCode& t : here.targets) {
          add(here, s, t, same_cue ? "the source from another row of the cue" : "the source from the previous sentence's event");
        }
      }
    }
  }
  // "Al-Qaida kritisierte Großbritannien. Auch die Haltung der Hamas wurde kritisiert.",
  // "Peru condemned Chile. Bolivia was also condemned.": a half with targets only and an
  // additive word takes the sources of the previous sentence's edges of its type.
  for (const HalfEvent& here : halves) {
    if (here.sentence != si || here.targets.empty() || !here.sources.empty() || !here.additive || si == 0) continue;
    std::vector<ActorCode> sources;
    for (const RelationMention& r : out) {
      if (r.sentence + 1 != si || r.type != here.type || std::find(sources.begin(), sources.end(), r.source) != sources.end())
        continue;
      sources.push_back(r.source);
    }
    for (const ActorCode& s : sources) {
      for (const ActorCode& t : here.targets) add(here, s, t, "the source of the previous sentence's event (an additive word)");
    }
  }
  // The other way round: "Gunmen attacked a hotel in Nairobi. Al-Shabaab claimed
  // responsibility for the attack." A definite noun cue of sentence si with a source and no
  // target, in a clause that claims it (class claim_word), names the event of sentence
  // si - 1 that found a target and no source; a place as target only for a group's claim.
  // Without the claim ("Trump ordered the strike") a third of such pairs were wrong on bench text.
  for (const HalfEvent& here : halves) {
    if (here.sentence != si || here.sources.empty() || !here.targets.empty() || !here.definite || !here.claimed) continue;
    for (const HalfEvent& before : halves) {
      if (before.sentence + 1 != si || before.type != here.type || !before.sources.empty() || before.targets.empty()) continue;
      if (before.place_target && !here.group_sources) continue;
      for (const ActorCode& s : here.sources) {
        for (const ActorCode& t : before.targets) add(here, s, t, "the target from the previous sentence's event");
      }
    }
  }
  // only this sentence's halves can still be completed, by the next sentence
  halves.erase(std::remove_if(halves.begin(), halves.end(), [&](const HalfEvent& h) { return h.sentence != si; }),
               halves.end());
}

}  // namespace

RelationExtractor::RelationExtractor(const RuleSet& rules, const Lexicon& lexicon)
    : rules_(rules), lexicon_(lexicon) {}

std::vector<RelationMention> RelationExtractor::extract(const Document& doc,
                                                        const std::vector<ActorMention>& mentions,
                                                        std::vector<TraceLine>* trace) const {
  std::vector<RelationMention> out;
  if (doc.lang == Lang::unknown) return out;
  // Events of one sentence with only one side found, completed by the next sentence
  // (see complete_halves).
  std::vector<HalfEvent> halves;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    // A sentence where no rule can start has no relation: skip its clause analysis.
    const Sentence& sent = doc.sentences[si];
    bool any_cue = false;
    for (std::size_t i = sent.first_token; i < sent.end_token && !any_cue; ++i) {
      const Token& t = doc.tokens[i];
      any_cue = t.kind != TokenKind::punct && rules_.starts_rule(doc.lang, t);
    }
    if (!any_cue) continue;
    SentenceView v(doc, lexicon_, doc.sentences[si], doc.lang);
    const MentionRange here = mentions_of(mentions, doc.sentences[si]);
    const std::size_t sentence_out = out.size();  // relations of this sentence start here
    std::vector<OpenThreat> open_threats;           // threat verbs that found no target
    assign_clauses(v, here);
    auto hits = find_cues(v, rules_);
    if (hits.empty()) continue;
    // Sport: "Germany and Brazil fought out a draw", "PSG ist nach London gereist".
    if (std::size_t w = sports_word(doc, sent, lexicon_, v.classes.data()); w < v.sent.end_token) {
      if (trace) trace->push_back(TraceLine{si, "no relations: a sports report ('" + v.tok(w).norm + "')"});
      continue;
    }
    std::vector<const ActorMention*> antecedents;
    if (si > 0 && opening_pronoun(v, here) < v.sent.end_token) antecedents = subject_of(doc, lexicon_, mentions, si - 1);
    v.verb_cue.assign(v.sent.end_token - v.sent.first_token, false);
    for (const CueHit& h : hits) {
      if (!h.rule->noun) v.verb_cue[h.first - v.sent.first_token] = true;
    }
    build_cands(v, here, si, antecedents);
    // Every cue marks its words, also one whose context words fail (need=, not=): letting
    // those stand aside ("the lifting of sanctions that had been imposed") cost more true
    // edges on training text than it gained.
    for (const CueHit& h : hits) v.hits.push_back(&h);
    if (trace) {
      std::string clauses = "clauses:";
      int last = -1;
      for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
        if (v.clause(i) != last) clauses += " |" + std::to_string(v.clause(i)) + "|";
        last = v.clause(i);
        clauses += " " + std::string(doc.slice(v.tok(i).span));
      }
      trace->push_back(TraceLine{si, clauses});
      for (const Cand& c : v.cands) {
        trace->push_back(TraceLine{si, "candidate " + c.m->code.str() + " '" + std::string(doc.slice(Span{v.tok(c.first).span.begin, v.tok(c.end - 1).span.end})) +
                                           "' clause " + std::to_string(c.clause) + " group " + std::to_string(c.group) +
                                           (c.marker.empty() ? "" : " marker " + c.marker) + (c.speaker ? " speaker" : "") +
                                           (c.pronoun ? " pronoun" : "")});
      }
    }
    for (const CueHit& hit : hits) {
      const Rule& rule = *hit.rule;
      std::string cue_text(doc.slice(Span{v.tok(hit.first).span.begin, v.tok(hit.token_positions.back()).span.end}));
      auto note = [&](const std::string& what) {
        if (trace) trace->push_back(TraceLine{si, "cue '" + cue_text + "' " + std::string(to_string(rule.type)) +
                                                      " [" + rule.id + "]: " + what});
      };
      int clause = v.clause(hit.first);
      if (int blocked = context_blocks(v, hit)) {
        note(blocked == 1 ? "blocked: no required context word in the clause"
                          : "blocked: a forbidden context word is in the clause");
        continue;
      }
      if (threatened_measure(v, hit)) {
        note("no edge: the measure a threat announces ('drohte mit Sanktionen')");
        continue;
      }
      if (attributive_without_agent(v, hit)) {
        note("no edge: an attributive participle without agent ('die eroberten Gebiete')");
        continue;
      }
      // "setzt sich für Verhandlungen ein": talks called for are no meeting, other goals hypothetical.
      bool purpose = false;
      if (rule.noun) {
        for (std::size_t i = hit.first, steps = 0; i > v.sent.first_token && steps < 3; ++steps) {
          --i;
          if (v.is("purpose_prep", i)) purpose = true;
          if (!(v.is("det", i) || (v.tok(i).kind == TokenKind::word && !v.tok(i).capitalized))) break;
        }
        // "talks on its space programme and the sale of fighter planes", "Gespräche über
      // Waffenlieferungen": the topic of talks is discussed, not done.
      if (rule.noun && rule.type != RelationType::meeting) {
        for (std::size_t i = hit.first, steps = 0; i > v.sent.first_token + 1 && steps < 6; ++steps) {
          --i;
          if (v.is("topic_prep", i)) {  // "talks (with Brazil) on"
            for (std::size_t k = i, back = 0; k > v.sent.first_token && back < 5 && v.clause(k - 1) == v.clause(i); ++back) {
              if (v.is("topic_noun", --k)) purpose = true;
            }
            break;
          }
          const Token& t = v.tok(i);
          if (!(v.is("det", i) || v.is("coord", i) || v.is("coref_det", i) || (t.kind == TokenKind::word && !t.capitalized) ||
                (v.lang == Lang::de && t.kind == TokenKind::word))) {
            break;
          }
        }
      }
      if (purpose && rule.type == RelationType::meeting) {
          note("blocked: talks called for, not held");
          continue;
        }
      }
      CandList sources, targets;
      bool between = false, poss_source = false, acting_sources = false;
      bool reduced_passive = false;  // "lands occupied by Jordan and Egypt": no joint action
      for (const RoleSpec& spec : rule.source) {
        sources = resolve(v, hit, spec, {});
        // a region is never a source: try the next strategy ("die Annexion der Krim durch Russland")
        if (spec.strategy != RoleStrategy::between) sources.erase(std::remove_if(sources.begin(), sources.end(), is_region), sources.end());
        if (!sources.empty()) {
          between = spec.strategy == RoleStrategy::between;
          poss_source = spec.strategy == RoleStrategy::poss || spec.strategy == RoleStrategy::gen;
          acting_sources = spec.strategy != RoleStrategy::prep && spec.strategy != RoleStrategy::speaker;
          break;
        }
      }
      bool site_target = false;  // the target is where it happened: no half event without a source
      if (!between) {
        for (const RoleSpec& spec : rule.target) {
          targets = resolve(v, hit, spec, sources);
          if (!targets.empty()) {
            site_target = spec.strategy == RoleStrategy::site;
            break;
          }
        }
        for (const Cand& c : v.cands) {  // "the Iran sanctions bill"
          if (targets.empty() && modifier_target(v, c, hit)) add_group(v, c, targets);
        }
      }
      // "der EU-Türkei-Gipfel", "the U.S.-Taliban talks": the parties of a two-sided event
      // named in one compound before the noun.
      if (rule.noun && !is_directed(rule.type)) {
        CandList chain = compound_parties(v, hit);
        if (chain.size() >= 2) {
          sources = chain;
          targets.clear();
          between = true;
        }
      }
      // Passive voice: "wurde von der EU sanktioniert", "was attacked by Russia".
      if (!rule.noun && !rule.adjective && !between && may_be_participle(v, hit.first)) {
        bool passive = apposed_participle(v, hit);
        // "Peru war von Venezuela unterstützt worden und hatte die USA kritisiert", "had been
        // backed by Venezuela and has criticised the U.S.": a coordinated verb phrase with its
        // own finite auxiliary is a voice of its own
        auto same_phrase = [&](std::size_t i) {
          const std::size_t lo = std::min(i, hit.first), hi = std::max(i, hit.first);
          for (std::size_t k = lo + 1; k < hi && k + 1 < v.sent.end_token; ++k) {
            if (v.is("coord", k) && v.is("finite_aux", k + 1) && !v.is("passive_aux", k + 1)) return false;
          }
          return true;
        };
        for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
          if (v.clause(i) == clause && v.is("passive_aux", i) && same_phrase(i)) passive = true;
        }
        // (only where nothing else makes it passive: "is under sanctions imposed by X" keeps
        // the clause's subject as the patient)
        const bool reduced = !passive && reduced_relative(v, hit);
        passive = passive || reduced;
        if (passive) {
          CandList agents;
          for (const Cand& c : v.cands) {
            if (c.clause == clause && lexicon_.has("agent_prep", doc.lang, c.marker) && usable(c, hit) && same_phrase(c.first)) {
              add_group(v, c, agents);
              break;
            }
          }
          // "was killed in a US operation", "bei einem israelischen Luftangriff getötet":
          // the actor whose attack it was is the agent.
          for (const Cand& c : v.cands) {
            if (!agents.empty()) break;
            if (c.clause != clause || !usable(c, hit) || !v.lex.has("instrument_prep", v.lang, c.marker)) continue;
            if (c.m->role == ActorRole::capital || c.m->venue) continue;  // "a Baghdad rocket attack": a place
            for (std::size_t k = c.end; k < std::min(c.end + 3, v.sent.end_token); ++k) {
              if (v.is("attack_noun", k) || (v.lang == Lang::de && ends_in_class(v, "attack_noun", v.tok(k).norm, 4, v.tok(k).norm.size()))) {
                add_group(v, c, agents);
                break;
              }
            }
          }
          bool strict = false;  // "was killed", "wurde ... getötet": a true passive
          for (std::size_t i = v.sent.first_token; i < v.sent.end_token; ++i) {
            if (v.clause(i) != clause || !v.is("passive_strict", i)) continue;
            if (v.lang == Lang::de || (i < hit.first && i + 3 >= hit.first)) strict = true;
          }
          if (agents.empty() && strict) {
            note("no edge: passive voice without an agent");
            if (is_directed(rule.type)) {
              CandList patients = passive_patients(v, hit, clause, {});
              Modality modality = find_modality(v, hit, false, nullptr);
              if (!patients.empty()) {
                HalfEvent half{si, rule.type, modality, cue_span(v, hit), &rule, {}, codes_of(patients), true};
                half.additive = class_in_clause(v, clause, "additive", "additive_block");
                halves.push_back(half);
              } else {
                add_place_half(v, hit, si, modality, halves);  // "A hotel in Nairobi was attacked"
              }
            }
            continue;
          }
          if (!agents.empty()) {
            // (a reduced relative's noun is no actor: a target the frame found in a
            // prepositional phrase is the patient, "imposed on Russia by X"; no other)
            CandList patients = reduced ? CandList{} : passive_patients(v, hit, clause, agents);
            reduced_passive = reduced;
            if (reduced) {
              for (const Cand* c : targets) {
                if (!c->marker.empty() && c->marker != "gen" && !v.lex.has("agent_prep", v.lang, c->marker) &&
                    std::find(agents.begin(), agents.end(), c) == agents.end()) {
                  patients.push_back(c);
                }
              }
              // else, when the noun is an event of the same kind, the clause's subject:
              // "Kenya remains under sanctions imposed by Norway" (not "groups backed by X";
              // the actor qualifying the noun, "Cuban diplomats expelled by the US", was
              // right half the time on bench text: "Syrian fighters backed by Turkey")
              bool same_event = std::any_of(v.hits.begin(), v.hits.end(), [&](const CueHit* o) {
                return o->rule->type == rule.type && o->token_positions.back() + 1 == hit.first;
              });
              if (patients.empty() && same_event) patients = passive_patients(v, hit, clause, agents);
            }
            note("passive: agent " + describe(agents) + ", patient " + describe(patients));
            if (reports_wrong(rule)) {
              targets = agents;  // "the truce was violated by Chile, Peru said": the wrongdoer
            } else {
              sources = agents;
              targets = patients;
            }
          }
        }
      }
      // "France condemned the attack on Israel": the judge did not attack; the attack's
      // own agent stands after the judging verb ("condemned Iran's attack").
      if (rule.type == RelationType::military_action) {
        if (std::size_t judge = judging_cue_before(v, hit); judge < v.sent.end_token) {
          sources.erase(std::remove_if(sources.begin(), sources.end(), [&](const Cand* c) { return c->first < judge; }),
                        sources.end());
          // "Russland warf der Türkei Angriffe auf Syrien vor": the one accused between the
          // judging verb and the attack did it
          for (const Cand& c : v.cands) {
            if (v.lang != Lang::de || !sources.empty()) break;
            if (c.first > judge && c.end <= hit.first && c.clause == clause && c.marker.empty() && !c.speaker && usable(c, hit)) {
              add_group(v, c, sources);
              break;
            }
          }
        }
      }
      // "condemned the attack on the U.S. embassy", "verurteilte den Anschlag auf die
      // israelische Botschaft": the victim of a judged attack is not the one judged.
      if (rule.type == RelationType::criticism || rule.type == RelationType::support) {
        targets.erase(std::remove_if(targets.begin(), targets.end(),
                                     [&](const Cand* c) { return victim_of_judged_attack(v, hit, *c); }),
                      targets.end());
      }
      // "Despite criticism by Canada, India went ahead", "Trotz der Kritik Kanadas hielt Indien
      // ... fest", "India went ahead despite objections from Canada": a judging noun after a
      // concessive preposition judges the subject of the main clause; its own agent ("by
      // Canada", "Kanadas", "from Canada") is the source.
      if ((rule.type == RelationType::criticism || rule.type == RelationType::support) && rule.noun) {
        const std::size_t k = noun_phrase_start(v, hit.first, "concessive_prep");
        if (k > v.sent.first_token && v.is("concessive_prep", k - 1)) {
          const bool fronted = k - 1 == first_word(v);
          // the concessive phrase: from the preposition to its comma (English) or, in German
          // V2, to the first unmarked actor after the cue
          std::size_t phrase_end = hit.first;
          while (phrase_end < v.sent.end_token && v.tok(phrase_end).norm != ","sv) ++phrase_end;
          CandList judged, agents;
          for (const Cand& c : v.cands) {
            bool after_phrase = fronted ? (v.lang == Lang::en ? c.first > phrase_end : c.first > hit.first)
                                        : c.end <= k - 1;
            if (!after_phrase || !c.marker.empty() || c.speaker || !usable(c, hit)) continue;
            add_group(v, c, judged);
            if (fronted && v.lang == Lang::de) phrase_end = std::min(phrase_end, c.first);
            break;
          }
          for (const Cand& c : v.cands) {
            if (c.first > hit.first && c.end <= phrase_end && usable(c, hit) &&
                (c.marker == "gen" || v.lex.has("agent_prep", v.lang, c.marker) || v.lex.has("source_prep", v.lang, c.marker))) {
              add_group(v, c, agents);
              break;
            }
          }
          if (!judged.empty()) {
            targets = judged;
            // a possessor before the noun ("Canada's criticism") stays; others are not the judge
            sources.erase(std::remove_if(sources.begin(), sources.end(), [&](const Cand* c) { return c->first < k || c->first > phrase_end; }),
                          sources.end());
            if (sources.empty()) sources = agents;
          }
        }
      }
      // "Russia was blamed for the attack on Ukraine", "held Iran responsible for the attack",
      // "Hamas claimed responsibility for the attack", "machten den Iran für den Angriff
      // verantwortlich", "übernahm die Verantwortung für den Anschlag": the actor blamed or
      // claiming, the last unmarked one before the preposition, is the event's source
      // (blamed: alleged).
      bool blamed = false, blamed_source = false;
      if (is_directed(rule.type) && rule.type != RelationType::criticism && rule.type != RelationType::support &&
          sources.empty()) {
        const std::size_t k = noun_phrase_start(v, hit.first, "blame_prep");
        std::string_view kind;
        if (k > v.sent.first_token && v.is("blame_prep", k - 1)) {
          // the word right before the preposition ("blamed Iran for", "claimed responsibility
          // for") or, in German, after the noun in its clause ("für den Angriff verantwortlich")
          for (std::size_t i = k - 1 > v.sent.first_token + 4 ? k - 5 : v.sent.first_token; i < v.sent.end_token && kind.empty(); ++i) {
            if (i >= k - 1 && i < hit.end) continue;
            if (i >= hit.end && (v.lang != Lang::de || v.clause(i) != clause)) break;
            if (v.clause(i) == clause && v.is("blame_word", i)) kind = v.lex.value("blame_word", v.lang, v.tok(i).norm);
          }
        }
        const Cand* blamed_actor = nullptr;
        for (const Cand& c : v.cands) {
          if (kind.empty() || c.clause != clause || c.end > k - 1 || !c.marker.empty() || c.speaker || !usable(c, hit)) continue;
          blamed_actor = &c;
        }
        if (blamed_actor) {
          add_group(v, *blamed_actor, sources);
          sources.erase(std::remove_if(sources.begin(), sources.end(), [&](const Cand* c) { return c->end > k - 1; }), sources.end());
          blamed = kind == "blame";
          blamed_source = true;
          purpose = false;  // "für den Angriff verantwortlich": no purpose
          note(std::string(blamed ? "source: blamed for the event" : "source: claims the event"));
        }
      }
      // A region (Krim, Donbass) stands for its state only as the target of a directed relation.
      sources.erase(std::remove_if(sources.begin(), sources.end(), is_region), sources.end());
      if (!is_directed(rule.type)) targets.erase(std::remove_if(targets.begin(), targets.end(), is_region), targets.end());
      std::string why;
      Modality modality = find_modality(v, hit, poss_source, trace ? &why : nullptr);
      if (purpose && modality == Modality::asserted) modality = Modality::hypothetical;
      if (blamed && modality == Modality::asserted) modality = Modality::alleged;
      // "denied responsibility for the attack", "wiesen die Verantwortung für den Anschlag
      // zurück": accused and denied is alleged
      if (blamed_source && (modality == Modality::negated || class_in_clause(v, clause, "deny_word"))) modality = Modality::alleged;
      std::vector<std::pair<ActorCode, ActorCode>> pairs;
      auto add_pair = [&](const ActorCode& a, const ActorCode& b) {
        if (a == b) return;
        if (std::find(pairs.begin(), pairs.end(), std::make_pair(a, b)) == pairs.end()) pairs.emplace_back(a, b);
      };
      if (between && is_directed(rule.type)) {
        for (const Cand* a : sources) {
          for (const Cand* b : sources) add_pair(a->m->code, b->m->code);
        }
      } else if (targets.empty() && is_directed(rule.type) && sources.size() > 1 &&
                 ((rule.mutual && class_in_clause(v, clause, "reciprocal")) || class_in_clause(v, clause, "reciprocal_strong"))) {
        // "Indien und Pakistan lieferten sich Gefechte": coordinated parties against each
        // other; "beschuldigen einander", "accuse each other" for every directed cue
        for (const Cand* a : sources) {
          for (const Cand* b : sources) add_pair(a->m->code, b->m->code);
        }
      } else if ((between || targets.empty()) && !is_directed(rule.type)) {
        for (std::size_t a = 0; a < sources.size(); ++a) {
          for (std::size_t b = a + 1; b < sources.size(); ++b) add_pair(sources[a]->m->code, sources[b]->m->code);
        }
      } else {
        for (const Cand* s : sources) {
          for (const Cand* t : targets) {
            add_pair(s->m->code, t->m->code);
            // "Gefechte mit den Taliban", "clashed with Azerbaijan": a two-sided fight
            if (rule.mutual && is_directed(rule.type) && !t->marker.empty() && v.lex.has("mutual_prep", v.lang, t->marker)) {
              add_pair(t->m->code, s->m->code);
            }
          }
        }
        // "A and B signed an accord with C": A and B are partners too; "C vermittelt zwischen
        // A und B", "C mediated between A and B": A and B meet as well (meetings only).
        if (!is_directed(rule.type) && !targets.empty()) {
          for (std::size_t a = 0; a < sources.size(); ++a) {
            for (std::size_t b = a + 1; b < sources.size(); ++b) add_pair(sources[a]->m->code, sources[b]->m->code);
          }
          for (std::size_t a = 0; rule.type == RelationType::meeting && a < targets.size(); ++a) {
            for (std::size_t b = a + 1; b < targets.size(); ++b) {
              bool mediated = v.lex.has("between_prep", v.lang, targets[a]->marker);
              if (mediated && targets[b]->marker == targets[a]->marker) add_pair(targets[a]->m->code, targets[b]->m->code);
            }
          }
        }
      }
      // "Mexiko verurteilte den Vorfall scharf", "The EU criticised the decision": a judged
      // act of the story told before is the act of the previous sentence's subject.
      if (pairs.empty() && !between && !sources.empty() && si > 0 &&
          (rule.type == RelationType::criticism || rule.type == RelationType::support) && judged_act(v, hit)) {
        for (const ActorMention* m : subject_of(doc, lexicon_, mentions, si - 1)) {
          for (const Cand* s : sources) add_pair(s->m->code, m->code);
        }
        if (!pairs.empty()) note("target: the actor of the judged act, the previous sentence's subject");
      }
      // "U.S. and Iraqi forces launched an assault": attacking together is joint action.
      std::vector<std::pair<ActorCode, ActorCode>> allies;
      // Only coordinated subjects against a common target: "Armenia and Azerbaijan fought
      // a war" is no alliance, nor are "die Anschläge von Brüssel und Paris".
      // Without a target only for one-sided cues ("launched an assault", not "clashed")
      // and attackers coordinated on one force noun ("U.S. and Iraqi forces").
      bool one_force = !sources.empty() && sources.back()->end < v.sent.end_token && v.is("located_title", sources.back()->end) &&
                       std::all_of(sources.begin(), sources.end(), [&](const Cand* c) { return c->group == sources.back()->group; });
      if (rule.type == RelationType::military_action && !between && acting_sources && !reduced_passive &&
          (!targets.empty() || (rule.joint && one_force))) {
        for (std::size_t a = 0; a < sources.size(); ++a) {
          for (std::size_t b = a + 1; b < sources.size(); ++b) {
            const ActorCode& x = sources[a]->m->code;
            const ActorCode& y = sources[b]->m->code;
            if (x != y && std::find(allies.begin(), allies.end(), std::make_pair(x, y)) == allies.end()) allies.emplace_back(x, y);
          }
        }
      }
      if (pairs.empty() && allies.empty()) {
        note("no edge: source " + describe(sources) + ", target " + describe(targets));
        if (rule.type == RelationType::threat && !rule.noun && !sources.empty() && targets.empty()) {
          open_threats.push_back(OpenThreat{hit.token_positions.back(), modality, cue_span(v, hit), &rule, codes_of(sources)});
        }
        if (is_directed(rule.type) && !between && sources.empty() != targets.empty() && !site_target) {
          // a noun cue without source takes one from the previous sentence only when it names
          // an event told before ("Ziel der Angriffe war ...", not "Es gab Angriffe auf ...")
          const bool definite = definite_noun(v, hit);
          bool told_before = !rule.noun || !sources.empty() || definite;
          HalfEvent half{si, rule.type, modality, cue_span(v, hit), &rule, codes_of(sources),
                         codes_of(targets), told_before, definite, false, all_groups(sources),
                         class_in_clause(v, clause, "claim_word"), rule.noun, clause};
          half.additive = class_in_clause(v, clause, "additive", "additive_block");
          halves.push_back(half);
        } else if (is_directed(rule.type) && !between && sources.empty() && targets.empty()) {
          add_place_half(v, hit, si, modality, halves);
        }
        continue;
      }
      auto emit = [&](const ActorCode& s, const ActorCode& t, RelationType type) {
        // Two rules on the same cue word ("Angriffs|krieg") say the same thing once.
        Span cue = cue_span(v, hit);
        bool duplicate = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(sentence_out), out.end(), [&](const RelationMention& o) {
          return o.sentence == si && o.cue.begin == cue.begin && o.type == type && o.source == s && o.target == t;
        });
        if (duplicate) return;
        out.push_back(RelationMention{s, t, type, modality, si, cue, rule.id});
        note("edge " + s.str() + (is_directed(type) ? " -> " : " -- ") + t.str() + " " +
             (type == rule.type ? "" : std::string(to_string(type)) + " ") + std::string(to_string(modality)) +
             (why.empty() ? "" : " (" + why.substr(1) + ")"));
      };
      for (const auto& [s, t] : pairs) emit(s, t, rule.type);
      for (const auto& [s, t] : allies) emit(s, t, RelationType::partnership);
    }
    threaten_to_act(v, open_threats, sentence_out, out, trace);
    complete_halves(si, halves, out, trace);
  }
  return out;
}

}  // namespace actorgraph
