#include <catch2/catch.hpp>

#include "actorgraph/core/embedded.hpp"
#include "actorgraph/core/error.hpp"
#include "support.hpp"

using namespace actorgraph;

// Every form class, German and English side by side: the acting actors found.
TEST_CASE("actor forms: names, case forms, adjectives, demonyms, capitals, persons, bodies", "[actors]") {
  struct Case {
    Lang lang;
    const char* text;
    const char* actors;
  };
  const Case cases[] = {
      // names in case forms
      {Lang::de, "Russlands Regierung sprach mit Nordkoreas Führung.", "PRK RUS"},
      {Lang::en, "Russia's government spoke with North Korea's leaders.", "PRK RUS"},
      // transliterated umlauts
      {Lang::de, "Suedkorea und die Tuerkei verhandeln.", "KOR TUR"},
      // adjectives with an official or body
      {Lang::de, "Der russische Außenminister kam mit der nordkoreanischen Delegation.", "PRK RUS"},
      {Lang::en, "Chinese troops and the Japanese government reacted.", "CHN JPN"},
      // capitals and seats for governments
      {Lang::de, "Pjöngjang und der Kreml betonten die Einigkeit.", "PRK RUS"},
      {Lang::en, "Washington and Beijing exchanged notes, the Kremlin said.", "CHN RUS USA"},
      // persons
      {Lang::de, "Lawrow traf Kim Jong Un.", "PRK RUS"},
      {Lang::en, "Lavrov met Kim Jong Un.", "PRK RUS"},
      // organisations and their bodies
      {Lang::de, "Der UN-Sicherheitsrat und die Nato berieten.", "NATO UN"},
      // an ambiguous name's German genitive after a noun is its attribute (not "Fluss Niger")
      {Lang::de, "Die Afrikanische Union suspendierte die Mitgliedschaft Nigers.", "AU NER"},
      {Lang::en, "The African Union suspended the membership of Niger.", "AU NER"},
      {Lang::en, "The Security Council and the European Union met.", "EU UN"},
      // German compounds
      {Lang::de, "Die US-Regierung lehnt Russland-Sanktionen nicht ab, sagte der Kremlchef.", "RUS USA"},
      {Lang::de, "EU-Außenminister trafen sich beim Nato-Gipfel.", "EU NATO"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(test::actors(test::run(c.text, c.lang)) == c.actors);
  }
}

TEST_CASE("false friends are not actors", "[actors]") {
  struct Case {
    Lang lang;
    const char* text;
    const char* actors;
  };
  const Case cases[] = {
      {Lang::de, "Der Kongress tagte in der Ostukraine.", "UKR"},
      {Lang::en, "Michael Jordan ate turkey in Atlanta, Georgia.", ""},
      {Lang::en, "Chad Smith bought fine china.", ""},
      {Lang::de, "Der Preis stieg um zehn US-Dollar.", ""},
      {Lang::de, "Der Fluss Niger ist lang.", ""},
      {Lang::en, "The River Niger is long.", ""},
      {Lang::en, "Nobody told us about it.", ""},
      {Lang::de, "Ein deutscher Tourist und ein chinesisches Unternehmen.", ""},
      {Lang::de, "Die Entscheidung verstößt gegen internationales Recht.", ""},
      {Lang::en, "The decision violates international law.", ""},
      {Lang::de, "Sie landeten am Internationalen Flughafen von Lagos.", ""},
      {Lang::en, "They landed at Lagos International Airport.", ""},
      {Lang::de, "Er hat das schon tausende Male gesagt.", ""},
      {Lang::en, "The minister flew to Malé on Monday and met Maldivian officials.", "MDV"},
      // German city adjectives of capitals only before an official or body
      {Lang::de, "Das Pekinger Außenministerium äußerte sich nicht.", "CHN"},
      {Lang::de, "Die Moskauer Regierung schwieg.", "RUS"},
      // a comma list of adjectives before a title: each names its state
      {Lang::en, "He met his Greek, Cypriot and Maltese counterparts.", "CYP GRC MLT"},
      {Lang::de, "Er traf die griechischen, zypriotischen und maltesischen Amtskollegen.", "CYP GRC MLT"},
      {Lang::en, "He likes Greek, Cypriot and Maltese food.", ""},
      {Lang::de, "Das Washingtoner Abkommen schützt seltene Vögel.", ""},
      {Lang::de, "Ein Berliner Gericht verurteilte den Mann.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(test::actors(test::run(c.text, c.lang)) == c.actors);
  }
}

TEST_CASE("the international community is INT, plural demonyms of adjective form", "[actors]") {
  test::check_edge_cases({
      {Lang::de, "Die internationale Gemeinschaft verurteilte Russland.", "INT>RUS criticism asserted"},
      {Lang::en, "The international community condemned Russia.", "INT>RUS criticism asserted"},
      {Lang::de, "Die Iraker protestierten gegen die USA.", "IRQ>USA criticism asserted"},
      {Lang::en, "Iraqis protested against the United States.", "IRQ>USA criticism asserted"},
      // a people in the plural accuses; one national, victims and partners are no state
      {Lang::de, "Tausende Chilenen warfen Bolivien Wortbruch vor.", "CHL>BOL criticism asserted"},
      {Lang::en, "Chileans accused Bolivia of breaking its word.", "CHL>BOL criticism asserted"},
      {Lang::de, "Die Chilenin kritisierte Bolivien.", ""},
      {Lang::de, "Der Chilene kritisierte Bolivien.", ""},
      {Lang::en, "Two Chileans were killed in clashes with Bolivian troops.", ""},
      {Lang::en, "Chileans and Bolivians signed a trade agreement.", ""},
  });
}

TEST_CASE("datelines and venues are places, not actors", "[actors]") {
  CHECK(test::actors(test::run("MOSKAU: Die Ukraine meldet Angriffe.", Lang::de)) == "UKR");
  CHECK(test::actors(test::run("Prag/Wien – Polen protestiert.", Lang::de)) == "POL");
  CHECK(test::actors(test::run("Iran and Iraq held talks in Vienna.", Lang::en)) == "IRN IRQ");
  // a venue after an adjective or "Hauptstadt", and the places listed after a venue
  CHECK(test::actors(test::run("Der Gipfel im maltesischen Valletta beginnt.", Lang::de)) == "");
  CHECK(test::actors(test::run("Polen eröffnet Kulturforen in Budapest, London und Rom.", Lang::de)) == "POL");
  CHECK(test::actors(test::run("Talks were held in the Afghan capital Kabul.", Lang::en)) == "");
  // "CITY, Country -": the country after a capitalised city is part of the dateline
  CHECK(test::actors(test::run("KABUL, Afghanistan - Pakistani officials protested.", Lang::en)) == "PAK");
  // an ambiguous name after "Name," is a place ("Amman, Jordan"), unless a state stands there
  CHECK(test::actors(test::run("The leaders of Egypt, Jordan and Chad met.", Lang::en)) == "EGY JOR TCD");
  CHECK(test::actors(test::run("Die Staatschefs Ägyptens, Jordaniens und des Tschad trafen sich.", Lang::de)) == "EGY JOR TCD");
  CHECK(test::actors(test::run("Officials met in Amman, Jordan on Monday.", Lang::en)) == "");
  // ... also before the agency: "CITY, Country (Agency) -"
  CHECK(test::actors(test::run("HANOI, Vietnam (AP) - Chinese officials protested.", Lang::en)) == "CHN");
  CHECK(test::actors(test::run("LIMA, Peru (Reuters) - Chile criticised Bolivia.", Lang::en)) == "BOL CHL");
  // a coordinated name may stand between an adjective and its official
  CHECK(test::actors(test::run("BERLIN - Polish and German officials met.", Lang::en)) == "DEU POL");
  // "Südamerika" is no affixed "Amerika"
  CHECK(test::actors(test::run("Die südamerikanischen Staaten und Südamerikas Regierungen protestierten.", Lang::de)) == "");
  // an acronym takes no German case ending ("ISS" is not the IS); "the West" is not "West"
  CHECK(test::actors(test::run("Der Astronaut erreichte die ISS.", Lang::de)) == "");
  auto codes = [](const char* text) {
    std::string out;
    for (const auto& m : test::run(text, Lang::en).mentions) out += (out.empty() ? "" : " ") + m.code.str();
    return out;
  };
  CHECK(codes("West backed away from his old friends.") == "");
  CHECK(codes("The West imposed sanctions.") == "WEST");
  CHECK(codes("Israel expanded settlements in the West Bank.") == "ISR PSE");
  CHECK(codes("Fighting continued in the west of Sudan.") == "SDN");
  // "Yemen-based": a name inside an attribute is no actor
  CHECK(test::actors(test::run("A Yemen-based group claimed the attack on Saudi Arabia.", Lang::en)) == "SAU");
}

TEST_CASE("persons count only during their time in office when the article has a date", "[actors]") {
  CHECK(test::actors(test::run("Obama spoke.", Lang::en, "2012-05-01")) == "USA");
  CHECK(test::actors(test::run("Obama spoke.", Lang::en, "1990-05-01")) == "");
}

TEST_CASE("officials named again by surname", "[actors]") {
  test::check_edge_cases({
      {Lang::de, "Der französische Außenminister Jean Dupont reiste nach Kiew. Dupont verurteilte Russland.",
       "FRA-UKR meeting asserted; FRA>RUS criticism asserted"},
      {Lang::en, "French Foreign Minister Jean Dupont visited Kyiv. On Monday, Dupont condemned Russia.",
       "FRA-UKR meeting asserted; FRA>RUS criticism asserted"},
      // a surname that is a German noun is not taken ("Wolf")
      {Lang::de, "Der polnische Minister Jan Wolf reiste ab. Wolf kritisierte Ungarn.", ""},
      // the same surname for two actors: neither
      {Lang::en, "Chilean minister Ana Soto met Peruvian envoy Luis Soto. Soto criticised Bolivia.",
       "CHL-PER meeting asserted"},
  });
}

TEST_CASE("coreference: both countries, the country, the minister", "[actors]") {
  auto r = test::run("Russland und China unterzeichneten ein Abkommen. Beide Länder wollen ihre Zusammenarbeit vertiefen.",
                     Lang::de);
  std::size_t coref = 0;
  for (const auto& m : r.mentions) coref += m.coref ? 1 : 0;
  CHECK(coref == 2);
  auto e = test::run("Iran protested. The country recalled its envoy.", Lang::en);
  bool found = false;
  for (const auto& m : e.mentions) found = found || (m.coref && m.code.str() == "IRN");
  CHECK(found);
  // words between the article and the head: "des international isolierten Landes"
  auto g = test::run("Nordkorea testete eine Rakete. Die Führung des abgeschotteten Landes schwieg.", Lang::de);
  found = false;
  for (const auto& m : g.mentions) found = found || (m.coref && m.code.str() == "PRK");
  CHECK(found);
}

// The compiled actor table (actorgraph-datac actors) holds exactly what the text of
// data/actors/*.tsv says: every entry, label and kind.
TEST_CASE("the compiled actor table equals the parsed actor files", "[actors]") {
  DataBundle text;
  for (const auto& f : embedded_files()) {
    if (f.path.substr(0, 7) == "actors/") text.add(DataFile{"data/" + std::string(f.path), std::string(f.content)});
  }
  const ActorDictionary compiled(DataBundle::defaults());
  const ActorDictionary parsed(text);
  REQUIRE(compiled.entries().size() == parsed.entries().size());
  for (std::size_t i = 0; i < parsed.entries().size(); ++i) {
    const ActorEntry& a = compiled.entries()[i];
    const ActorEntry& b = parsed.entries()[i];
    CAPTURE(i, b.form);
    CHECK(a.code == b.code);
    CHECK(a.kind == b.kind);
    CHECK(a.lang == b.lang);
    CHECK(a.role == b.role);
    CHECK(a.form == b.form);
    CHECK(a.tokens == b.tokens);
    CHECK(std::vector<bool>{a.case_sensitive, a.ambiguous, a.no_compound, a.inflected, a.accents, a.before_title,
                            a.event_head} ==
          std::vector<bool>{b.case_sensitive, b.ambiguous, b.no_compound, b.inflected, b.accents, b.before_title,
                            b.event_head});
    CHECK(a.valid_from == b.valid_from);
    CHECK(a.valid_to == b.valid_to);
    for (Lang l : {Lang::de, Lang::en}) CHECK(compiled.label(a.code, l) == parsed.label(b.code, l));
    CHECK(compiled.kind(a.code) == parsed.kind(b.code));
  }
  CHECK(compiled.label(ActorCode("XXQ"), Lang::de) == "XXQ");
  CHECK_FALSE(compiled.kind(ActorCode("XXQ")));
}

// A --dict actor file is layered on the compiled rows: its labels win, its codes must
// keep the kind the built-in rows give them.
TEST_CASE("dictionary files on top of the compiled actor table", "[actors]") {
  DataBundle data = DataBundle::defaults();
  data.add(DataFile{"mine.tsv", "#actorgraph-actors 1\nRUS\tstate\ten\tlabel\tThe Russias\nXMA\tstate\t*\tname\tMarsland\n"});
  const ActorDictionary dict(data);
  CHECK(dict.label(ActorCode("RUS"), Lang::en) == "The Russias");
  CHECK(dict.label(ActorCode("RUS"), Lang::de) == "Russland");
  CHECK(dict.kind(ActorCode("XMA")) == ActorKind::state);
  CHECK(dict.entries().back().form == "Marsland");
  DataBundle clash = DataBundle::defaults();
  clash.add(DataFile{"clash.tsv", "#actorgraph-actors 1\nRUS\tigo\t*\tname\tRusland\n"});
  CHECK_THROWS_AS(ActorDictionary(clash), DataError);
}

namespace {

// The actor files of data/ as text (no compiled table), plus `extra` files.
DataBundle actor_text_files(const std::vector<DataFile>& extra = {}) {
  DataBundle text;
  for (const auto& f : embedded_files()) {
    if (f.path.substr(0, 7) == "actors/") text.add(DataFile{"data/" + std::string(f.path), std::string(f.content)});
  }
  for (const DataFile& f : extra) text.add(f);
  return text;
}

// A document prepared for the matcher as the pipeline prepares it (language given).
Document matcher_input(const std::string& text, Lang lang, const std::string& date = "") {
  const Pipeline& p = test::pipeline();
  Document doc = make_document("test", text);
  p.segmenter().segment(doc);
  doc.lang = lang;
  if (!date.empty()) doc.date = *parse_date(date);
  p.morphology().annotate(doc);
  p.lexicon().annotate(doc);
  return doc;
}

// Every field of every mention, one line each.
std::string mention_lines(const std::vector<ActorMention>& mentions) {
  std::string out;
  for (const ActorMention& m : mentions) {
    out += std::to_string(m.sentence) + " " + std::to_string(m.first_token) + "-" + std::to_string(m.end_token) + " " +
           std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + " " + m.code.str() + " " +
           std::string(to_string(m.kind)) + " " + std::string(to_string(m.role)) + " " +
           std::to_string(m.genitive) + std::to_string(m.venue) + std::to_string(m.dateline) + std::to_string(m.coref) +
           std::to_string(m.weak) + std::to_string(m.attribute) + "\n";
  }
  return out;
}

}  // namespace

// The matcher's pattern index compiled with the actor table (actorgraph-datac actors)
// finds what the patterns built at run time from data/actors/*.tsv find: every form of
// every entry, with its case endings, as a compound prefix, dated and undated.
TEST_CASE("the compiled pattern index matches as the patterns built from the actor files", "[actors]") {
  const ActorDictionary compiled_dict(DataBundle::defaults());
  const ActorDictionary parsed_dict(actor_text_files());
  REQUIRE(compiled_dict.compiled_entries() == compiled_dict.entries().size());
  REQUIRE_FALSE(compiled_dict.compiled_index().empty());
  REQUIRE(parsed_dict.compiled_entries() == 0);
  const Lexicon& lexicon = test::pipeline().lexicon();
  const ActorMatcher compiled(compiled_dict, lexicon);
  const ActorMatcher parsed(parsed_dict, lexicon);
  for (Lang lang : {Lang::de, Lang::en}) {
    std::string text;
    for (const ActorEntry& e : parsed_dict.entries()) {
      if (e.lang && *e.lang != lang) continue;
      const std::string form(e.form);
      text += "Dann " + form + " sagte. " + form + (lang == Lang::de ? "s Bericht. " : "'s report. ");
      text += "Die " + form + "en Truppen. " + form + "chef. " + form + "-Gespräche. Pro" + form + ".\n";
    }
    for (const std::string date : {"", "2016-05-01"}) {
      CAPTURE(to_string(lang), date);
      const Document doc = matcher_input(text, lang, date);
      const auto found = compiled.match(doc);
      CHECK(found.size() > 1000);
      CHECK(mention_lines(found) == mention_lines(parsed.match(doc)));
    }
  }
}

// --dict rows are layered on the compiled patterns: a longer form wins, among equally
// long ones the built-in row comes first, new first tokens and compound prefixes are
// found; the result is the one of a matcher built from text alone.
TEST_CASE("dictionary files on top of the compiled pattern index", "[actors]") {
  const DataFile mine{"mine.tsv",
                      "#actorgraph-actors 1\n"
                      "XRS\tstate\tde\tname\tRussland Süd\n"
                      "XRU\tstate\tde\tname\tRussland\n"
                      "XMA\tstate\t*\tname\tMarsland\n"
                      "XMA\tstate\t*\tprefix\tMarsland\n"
                      "XMA\tstate\ten\tname\tthe Red Planet\tcs\n"};
  DataBundle layered = DataBundle::defaults();
  layered.add(mine);
  const ActorDictionary layered_dict(layered);
  const ActorDictionary text_dict(actor_text_files({mine}));
  REQUIRE(layered_dict.compiled_entries() + 5 == layered_dict.entries().size());
  const Lexicon& lexicon = test::pipeline().lexicon();
  const ActorMatcher on_top(layered_dict, lexicon);
  const ActorMatcher from_text(text_dict, lexicon);
  struct Case {
    Lang lang;
    const char* text;
    const char* codes;
  };
  const Case cases[] = {
      {Lang::de, "Russland Süd protestierte.", "XRS"},
      {Lang::de, "Russland protestierte.", "RUS"},
      {Lang::de, "Russlands Regierung protestierte.", "RUS"},
      {Lang::de, "Marsland protestierte.", "XMA"},
      {Lang::de, "Der Marslandchef protestierte gegen Russland.", "XMA RUS"},
      {Lang::en, "Marsland protested.", "XMA"},
      {Lang::en, "The Red Planet protested, the red planet did not.", "XMA"},
      {Lang::en, "Russia protested.", "RUS"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Document doc = matcher_input(c.text, c.lang);
    const auto found = on_top.match(doc);
    std::string codes;
    for (const ActorMention& m : found) codes += (codes.empty() ? "" : " ") + m.code.str();
    CHECK(codes == c.codes);
    CHECK(mention_lines(found) == mention_lines(from_text.match(doc)));
  }
}
