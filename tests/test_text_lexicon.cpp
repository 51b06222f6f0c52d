#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actorgraph/text/segmenter.hpp"

using namespace actorgraph;

namespace {

// A lexicon with a few classes side by side in German and English, plus 70 filler
// classes so that some classes have no bit and must be answered from their table.
Lexicon small_lexicon() {
  std::string rows =
      "#actorgraph-text 1\n"
      "det\tde\tder\n"
      "det\ten\tthe\n"
      "prep\t*\tin\n"
      "coord\tde\tund\n"
      "coord\ten\tand\n"
      "abbrev\ten\tDr.\n"
      "speech\tde\tsagte\tsay\n"
      "coref\tde\tbeide Staaten\n";
  for (int k = 0; k < 70; ++k) rows += "filler" + std::to_string(k) + "\ten\tw" + std::to_string(k) + "\n";
  rows += "a_very_long_class_name_one\ten\tlong1\n";  // names over 16 bytes are compared in full
  rows += "a_very_long_class_name_two\ten\tlong2\n";
  rows += "late\tde\tder\n";  // the 80th class: no bit
  // classes 81..140: has() answers ids up to 127 from the word's entry, later ones
  // from their own table
  for (int k = 0; k < 60; ++k) rows += "more" + std::to_string(k) + "\tde\tm" + std::to_string(k % 30) + "\n";
  rows += "last\t*\tder\n";  // the 141st class
  DataBundle data;
  data.add(DataFile{"test/lexicon.tsv", rows});
  return Lexicon(data);
}

}  // namespace

TEST_CASE("Lexicon class masks: one lookup per word answers every class, as has() does", "[text]") {
  const Lexicon lex = small_lexicon();
  struct Case {
    const char* cls;
    Lang lang;
    const char* norm;
    bool expected;
  };
  const Case cases[] = {
      {"det", Lang::de, "der", true},        {"det", Lang::en, "the", true},
      {"det", Lang::de, "the", false},       {"det", Lang::en, "der", false},
      {"prep", Lang::de, "in", true},        {"prep", Lang::en, "in", true},
      {"coord", Lang::de, "und", true},      {"coord", Lang::en, "und", false},
      {"abbrev", Lang::en, "dr.", true},     {"speech", Lang::de, "sagte", true},
      {"coref", Lang::de, "beide", false},   {"coref", Lang::de, "beidestaaten", true},
      {"filler0", Lang::en, "w0", true},     {"filler62", Lang::en, "w62", true},
      {"filler63", Lang::en, "w63", true},   {"filler69", Lang::en, "w69", true},
      {"filler69", Lang::en, "w68", false},  {"late", Lang::de, "der", true},
      {"late", Lang::en, "der", false},      {"nosuchclass", Lang::de, "der", false},
      {"det", Lang::unknown, "der", false},  {"", Lang::de, "der", false},
      {"a_very_long_class_name_one", Lang::en, "long1", true},
      {"a_very_long_class_name_one", Lang::en, "long2", false},
      {"a_very_long_class_name_two", Lang::en, "long2", true},
      {"a_very_long_class_name_twx", Lang::en, "long2", false},
      {"de", Lang::de, "der", false},        {"dex", Lang::de, "der", false},
      {"more0", Lang::de, "m0", true},       {"more30", Lang::de, "m0", true},
      {"more46", Lang::de, "m16", true},     {"more47", Lang::de, "m16", false},
      {"more59", Lang::de, "m29", true},     {"more59", Lang::en, "m29", false},
      {"more58", Lang::de, "m29", false},    {"last", Lang::de, "der", true},
      {"last", Lang::en, "der", true},       {"last", Lang::en, "m0", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.cls, c.norm);
    CHECK(lex.has(c.cls, c.lang, c.norm) == c.expected);
    Lexicon::ClassMask bit = lex.class_bit(c.cls);
    if (bit != 0) CHECK(((lex.classes_of(c.lang, c.norm).words & bit) != 0) == c.expected);
  }
  // The first 64 classes get distinct bits; the rest none.
  CHECK(lex.class_bit("det") != lex.class_bit("prep"));
  CHECK(lex.class_bit("filler0") != 0);
  CHECK(lex.class_bit("late") == 0);
  CHECK(lex.class_bit("nosuchclass") == 0);
  CHECK((lex.classes_of(Lang::de, "der").words & lex.class_bit("det")) != 0);
  CHECK(lex.classes_of(Lang::en, "unknownword").words == 0);
  // Phrase starts: "beide Staaten" starts with "beide", which is no single word of coref.
  CHECK((lex.classes_of(Lang::de, "beide").phrase_starts & lex.class_bit("coref")) != 0);
  CHECK((lex.classes_of(Lang::de, "beide").words & lex.class_bit("coref")) == 0);
  CHECK((lex.classes_of(Lang::de, "staaten").phrase_starts & lex.class_bit("coref")) == 0);
  CHECK((lex.classes_of(Lang::de, "der").phrase_starts & lex.class_bit("det")) != 0);
  CHECK(lex.value("speech", Lang::de, "sagte") == "say");
}

TEST_CASE("Lexicon::annotate: a document's word classes read back per token, looked up again when stale", "[text]") {
  const Lexicon lex(DataBundle::defaults());
  const Lexicon other(DataBundle::defaults());
  struct Case {
    Lang lang;
    const char* text;
  };
  const Case cases[] = {{Lang::de, "Der Präsident sagte am Montag, die Regierung habe nicht angegriffen."},
                        {Lang::en, "The president said on Monday that the government had not attacked."}};
  for (const Case& c : cases) {
    INFO(c.text);
    Document doc = make_document("t", c.text);
    doc.lang = c.lang;
    Segmenter(lex).segment(doc);
    REQUIRE(doc.tokens.size() > 5);
    auto same = [](const Lexicon::WordClasses& a, const Lexicon::WordClasses& b) {
      return a.words == b.words && a.phrase_starts == b.phrase_starts && a.more_words == b.more_words;
    };
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {  // not annotated: looked up
      CHECK(same(lex.classes_of(doc, i), lex.classes_of(c.lang, doc.tokens[i].norm)));
    }
    lex.annotate(doc);
    REQUIRE(doc.word_classes.size() == doc.tokens.size());
    bool some = false;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      CHECK(same(lex.classes_of(doc, i), lex.classes_of(c.lang, doc.tokens[i].norm)));
      CHECK(same(other.classes_of(doc, i), other.classes_of(c.lang, doc.tokens[i].norm)));
      some = some || doc.word_classes[i].words != 0;
    }
    CHECK(some);
    // another language than the annotated one: looked up in that language
    doc.lang = c.lang == Lang::de ? Lang::en : Lang::de;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      CHECK(same(lex.classes_of(doc, i), lex.classes_of(doc.lang, doc.tokens[i].norm)));
    }
  }
}

TEST_CASE("Lexicon class masks: has() agrees with the entries of every built-in class", "[text]") {
  // Every entry of a class is also listed among its phrases: the joined tokens of
  // each phrase of each class must be found in that class and no other.
  const Lexicon lex(DataBundle::defaults());
  const char* classes[] = {"abbrev", "agent_prep", "clause_break", "clause_conj", "complement_verb", "coord",
                           "coref_det", "det", "gen_det", "infinitive", "month", "neg", "not_after",
                           "object_control", "ordinal_next", "passive_aux", "passive_strict", "prep",
                           "purpose_prep", "relpron", "source_prep", "speech", "stop", "subord", "subord_bare",
                           "title", "title_prep", "venue_prep", "verb_particle", "pp_blocks_subject", "coref",
                           "neg_block", "alleged", "hyp"};
  for (Lang lang : {Lang::de, Lang::en}) {
    std::map<std::string, std::set<std::string>> members;  // joined form -> classes
    std::map<std::string, std::set<std::string>> starts;   // first token of a phrase -> classes
    for (const char* cls : classes) {
      REQUIRE(lex.class_bit(cls) != 0);
      for (const LexiconPhrase& ph : lex.phrases(cls, lang)) {
        std::string joined;
        for (const auto& t : ph.tokens) joined += t;
        members[joined].insert(cls);
        starts[ph.tokens.front()].insert(cls);
      }
    }
    REQUIRE(members.size() > 100);
    for (const auto& [word, in] : members) {
      for (const char* cls : classes) {
        CAPTURE(to_string(lang), word, cls);
        CHECK(lex.has(cls, lang, word) == (in.count(cls) > 0));
        CHECK(((lex.classes_of(lang, word).phrase_starts & lex.class_bit(cls)) != 0) == (starts[word].count(cls) > 0));
      }
    }
  }
  CHECK_FALSE(lex.has("det", Lang::en, "der"));
  CHECK_FALSE(lex.has("det", Lang::de, ""));
}
