#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/corpus/source.hpp"
#include "support.hpp"

using namespace actorgraph;

TEST_CASE("JSONL lines: good records and the reason for each bad one", "[corpus]") {
  struct Case {
    const char* line;
    const char* id;     // expected id, or nullptr for a bad line
    const char* error;  // expected start of the error
  };
  const Case cases[] = {
      {R"({"id": "de-1", "text": "Russland liefert Waffen an Nordkorea."})", "de-1", nullptr},
      {R"({"id": 17, "text": "China and Russia signed a partnership."})", "17", nullptr},
      {R"({"id": "a", "text": "x", "date": "2023-10-05T08:30:00Z", "lang": "en", "source": "wire"})", "a", nullptr},
      {R"({"id": "b", "text": "x", "date": null, "lang": null, "extra": [1, 2]})", "b", nullptr},
      {R"({"id": "c", "text": "Berlin kritisiert Moskau)", nullptr, "truncated JSON"},
      {R"({"id": "c", "text": "x"} trailing)", nullptr, "malformed JSON at column"},
      {R"([{"id": "c", "text": "x"}])", nullptr, "not a JSON object (found an array)"},
      {R"("just a string")", nullptr, "not a JSON object (found a string)"},
      {R"({"text": "x"})", nullptr, "missing \"id\""},
      {R"({"id": "", "text": "x"})", nullptr, "empty \"id\""},
      {R"({"id": 1.5, "text": "x"})", nullptr, "\"id\" must be a string or an integer"},
      {R"({"id": "d"})", nullptr, "missing \"text\" (id d)"},
      {R"({"id": "d", "text": 42})", nullptr, "\"text\" must be a string (id d)"},
      {R"({"id": "e", "text": "x", "date": "2023-02-30"})", nullptr, "bad \"date\" '2023-02-30'"},
      {R"({"id": "e", "text": "x", "date": "gestern"})", nullptr, "bad \"date\" 'gestern'"},
      {R"({"id": "f", "text": "x", "lang": "fr"})", nullptr, "unsupported \"lang\" 'fr'"},
      {R"({"id": "g", "text": "x", "source": 3})", nullptr, "\"source\" must be a string (id g)"},
      {R"({"id": "h", "text": "x", "n": 1e999})", nullptr, "malformed JSON: number overflow"},
      {R"({"id": "h", "text": "a\u0000b\ud800"})", nullptr, "malformed JSON at column"},
      {"{\"id\": \"h\", \"text\": \"tab\there\"}", nullptr, "malformed JSON at column"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    std::string error;
    auto r = parse_corpus_line(c.line, &error);
    if (c.id) {
      REQUIRE(r);
      CHECK(r->id == c.id);
      CHECK(error.empty());
    } else {
      CHECK_FALSE(r);
      CHECK(error.rfind(c.error, 0) == 0);
    }
  }
}

TEST_CASE("JSONL record fields: ISO timestamps keep their date, lang and source are read", "[corpus]") {
  std::string error;
  auto r = parse_corpus_line(
      R"({"id": "a", "text": "Die USA unterstützen Israel.", "date": "2023-10-05 12:00", "lang": "de", "source": "dpa"})",
      &error);
  REQUIRE(r);
  REQUIRE(r->date);
  CHECK(r->date->str() == "2023-10-05");
  CHECK(r->lang == Lang::de);
  CHECK(r->source == "dpa");
  CHECK(r->text == "Die USA unterstützen Israel.");
}

TEST_CASE("JsonlReader: line numbers, blank lines, CRLF, BOM, duplicates, byte count", "[corpus]") {
  std::string input =
      "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"one\"}\r\n"
      "\n"
      "   \n"
      "{\"id\": \"b\", \"text\": \"two\"}\n"
      "{\"id\": \"a\", \"text\": \"again\"}\n"
      "{\"id\": \"c\", \"text\": \"cut\n";
  std::istringstream in(input);
  JsonlReader reader(in, "feed.jsonl");
  auto l1 = reader.next();
  REQUIRE(l1);
  CHECK(l1->line == 1);
  REQUIRE(l1->record);
  CHECK(l1->record->id == "a");
  auto l4 = reader.next();
  REQUIRE(l4);
  CHECK(l4->line == 4);
  REQUIRE(l4->record);
  auto l5 = reader.next();
  REQUIRE(l5);
  CHECK(l5->line == 5);
  CHECK_FALSE(l5->record);
  CHECK(l5->error == "duplicate id 'a' (first seen at feed.jsonl:1)");
  auto l6 = reader.next();
  REQUIRE(l6);
  CHECK(l6->error.rfind("truncated JSON", 0) == 0);
  CHECK_FALSE(reader.next());
  CHECK(reader.bytes_read() == input.size());
  CHECK(reader.ref(6) == "feed.jsonl:6");
}

TEST_CASE("JSONL lines: no input makes the parser throw, errors are one line", "[corpus]") {
  // Deep nesting, huge numbers, bad escapes, control characters: a reason, never an exception.
  const std::string lines[] = {
      std::string(100000, '[') + std::string(100000, ']'),
      "{\"id\": \"a\", \"text\": \"x\", \"deep\": " + std::string(50000, '[') + "}",
      R"({"id": -99999999999999999999999, "text": "x"})",
      R"({"id": "a", "text": "\uZZZZ"})",
      "{\"id\": \"a\", \"text\": \"line\nbreak\"}",
      R"({"id": "a", "text": "x", "date": "2023-13-01"})",
      "",
      "\x01",
  };
  for (const auto& line : lines) {
    CAPTURE(line.substr(0, 60));
    std::string error;
    std::optional<CorpusRecord> r;
    REQUIRE_NOTHROW(r = parse_corpus_line(line, &error));
    CHECK_FALSE(r);
    CHECK_FALSE(error.empty());
    CHECK(error.find('\n') == std::string::npos);
  }
}

TEST_CASE("SeenIds: duplicates across streams name the first occurrence, the table grows", "[corpus]") {
  SeenIds seen;
  auto a = seen.add_stream("a.jsonl");
  auto b = seen.add_stream("b.jsonl");
  CHECK_FALSE(seen.insert("x", a, 3));
  CHECK(seen.insert("x", b, 7) == std::optional<std::string>("duplicate id 'x' (first seen at a.jsonl:3)"));
  CHECK(seen.insert("x", a, 9) == std::optional<std::string>("duplicate id 'x' (first seen at a.jsonl:3)"));
  for (std::size_t i = 0; i < 10000; ++i) REQUIRE_FALSE(seen.insert("id-" + std::to_string(i), b, i + 10));
  CHECK(seen.size() == 10001);
  CHECK(seen.ref(b, 12) == "b.jsonl:12");
  CHECK(seen.insert("id-0", a, 1) == std::optional<std::string>("duplicate id 'id-0' (first seen at b.jsonl:10)"));
  CHECK(seen.insert("id-9999", a, 1) == std::optional<std::string>("duplicate id 'id-9999' (first seen at b.jsonl:10009)"));
  CHECK(seen.insert("x", a, 1) == std::optional<std::string>("duplicate id 'x' (first seen at a.jsonl:3)"));
}

TEST_CASE("CorpusSource: article files in order with their ids, a missing stream is an InputError", "[corpus]") {
  CorpusSource empty({}, {});
  CHECK_FALSE(empty.next());
  CorpusSource files(std::vector<ArticleFile>{{"x/de-001.txt", "de-001"}, {"-", "stdin"}}, {});
  auto a = files.next();
  REQUIRE(a);
  CHECK(a->id == "de-001");
  CHECK(a->path == "x/de-001.txt");
  auto b = files.next();
  REQUIRE(b);
  CHECK(b->id == "stdin");
  CHECK_FALSE(files.next());
  CorpusSource missing({}, {"/nonexistent/feed.jsonl"});
  CHECK_THROWS_AS(missing.next(), InputError);
}

TEST_CASE("CorpusSource: lines parsed later on any thread give the same items as parsed at once", "[corpus]") {
  test::Scratch scratch("corpus-jsonl", "parse-later");
  const auto a = (scratch.dir / "a.jsonl").string();
  const auto b = (scratch.dir / "b.jsonl").string();
  test::spit(a, "{\"id\": \"x\", \"text\": \"one\", \"lang\": \"de\", \"source\": \"dpa\"}\n"
                "{\"id\": \"y\", \"text\": 3}\n"
                "\n"
                "{\"id\": \"x\", \"text\": \"again\"}\n");
  test::spit(b, "{\"id\": \"y\", \"text\": \"now valid\", \"date\": \"2024-02-01\"}\n"
                "{\"id\": 7, \"text\": \"z\", \"extra\": {\"id\": \"nested\"}}\n"
                "{\"id\": \"x\", \"text\": \"third\"}\n");
  auto describe = [](const CorpusItem& it) {
    return it.ref + " | " + it.id + " | " + it.text + " | " + it.source + " | " + (it.date ? it.date->str() : "-") +
           " | " + (it.lang ? std::string(to_string(*it.lang)) : "-") + " | " + it.error;
  };
  std::vector<std::string> now, later;
  CorpusSource at_once({}, {a, b});
  while (auto it = at_once.next()) now.push_back(describe(*it));
  CorpusSource deferred({}, {a, b}, true);
  std::vector<CorpusItem> items;
  while (auto it = deferred.next()) {
    CHECK(it->id.empty());
    items.push_back(std::move(*it));
  }
  for (auto it = items.rbegin(); it != items.rend(); ++it) CorpusSource::parse(*it);  // any order
  for (auto& it : items) {
    deferred.check_id(it);  // input order
    later.push_back(describe(it));
  }
  CHECK(later == now);
  REQUIRE(now.size() == 6);
  CHECK(now[0] == a + ":1 (id x) | x | one | dpa | - | de | ");
  CHECK(now[1] == a + ":2 |  |  |  | - | - | \"text\" must be a string (id y)");
  CHECK(now[2] == a + ":4 | x | again |  | - | - | duplicate id 'x' (first seen at " + a + ":1)");
  CHECK(now[3] == b + ":1 (id y) | y | now valid |  | 2024-02-01 | - | ");
  CHECK(now[4] == b + ":2 (id 7) | 7 | z |  | - | - | ");
  CHECK(now[5] == b + ":3 | x | third |  | - | - | duplicate id 'x' (first seen at " + a + ":1)");
}

namespace {

// The record or the error as one string, for comparing the two parsers.
std::string parsed(const std::string& line, JsonlParser parser) {
  std::string error;
  auto r = parse_corpus_line(line, &error, parser);
  if (!r) return "error: " + error;
  return "id=" + r->id + " text=" + r->text + " date=" + (r->date ? r->date->str() : "-") +
         " lang=" + (r->lang ? std::to_string(static_cast<int>(*r->lang)) : "-") + " source=" + r->source;
}

}  // namespace

TEST_CASE("JSONL scanner: the same record or error as nlohmann's parser", "[corpus]") {
  const std::string lines[] = {
      R"({"id": "de-1", "lang": "de", "section": "Inland", "text": "Berlin \"kritisiert\" Moskau.\n\nZweiter Absatz."})",
      R"({"id":"a","text":"esc \\ \/ \b \f \n \r \t \" \u00e4 \u20AC \ud83d\ude00 \u0000 end"})",
      R"(  {  "id" : 123456789012345678 , "text" : "x" , "date" : "2023-10-05" }  )",
      R"({"id": 1234567890123456789, "text": "19 digits: nlohmann's"})",
      R"({"id": 0, "text": "zero"})", R"({"id": -1, "text": "negative"})", R"({"id": 01, "text": "x"})",
      R"({"id": 1.0, "text": "x"})", R"({"id": 1e2, "text": "x"})", R"({"id": 2E-3, "text": "x"})",
      R"({"id": "a", "text": "x", "meta": {"k": [1, {"n": null}, true, false, "s\"q"], "e": {}, "a": []}})",
      R"({"id": "a", "text": "first", "text": "last wins"})", R"({"id": "a", "text": null})",
      R"({"id": "a", "text": "x", "lang": "en", "source": "wire", "date": "2023-10-05T08:30:00Z"})",
      R"({"id": "a", "text": {"nested": "x"}})", R"({"id": ["a"], "text": "x"})", R"({"id": true, "text": "x"})",
      R"({"\u0069d": "escaped key", "text": "x"})", R"({"id": "a", "text": "lone \udc00 low"})",
      R"({"id": "a", "text": "lone \ud800 high"})", R"({"id": "a", "text": "bad \x"})", R"({"id": "a", "text": "\u12"})",
      R"({"id": "a", "text": "x",})", R"({"id": "a", "text": "x" "y"})", R"({"id": "a" "text": "x"})",
      R"({"id": "a", "text": "x", "l": [1,]})", R"({"id": "a", "text": "x", "l": [1 2]})", R"({"id": "a", "text": "x", "t": tru})",
      R"({"id": "a", "text": "x", "t": truex})", R"({"id": "a", "text": "x", "n": 1e999})", R"({})", R"({ })", R"([])",
      R"("s")", R"(17)", R"(null)", "{\"id\": \"a\", \"text\": \"x\"}\n", "{\"id\": \"a\", \"text\": \"x\u00a0\"}",
      "{\"id\": \"a\", \"text\": \"tab\there\"}", "{\"id\": \"a\", \"text\": \"x\"}\x01", "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}",
      "{\"id\": \"a\", \"text\": \"x\xff\"}", "{\"id\": \"a\", \"text\": \"12345678\\\"12345678\\\\\\\"x\"}",
      std::string("{\"id\": \"a\", \"text\": \"") + std::string(1000, 'x') + "\"}",
      "{\"id\": \"a\", \"text\": \"x\", \"deep\": " + std::string(100, '[') + std::string(100, ']') + "}",
      "", " ", "{", "{\"id\"", "{\"id\":", "{\"id\": \"a", "{\"id\": \"a\\",
  };
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(parsed(line, JsonlParser::scanner) == parsed(line, JsonlParser::nlohmann));
  }

  // Random edits of a record: characters inserted, deleted and replaced.
  const std::string seed = R"({"id": "x-1", "lang": "de", "n": [1, {"a": null}], "text": "A \"b\" \u00e4\n", "date": "2023-01-02"})";
  const std::string alphabet = "{}[]\":,\\ u0a1e-.tfn";
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    std::string line = seed;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
      std::size_t at = rng() % (line.size() + 1);
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: line.insert(at, 1, c); break;
        case 1: if (at < line.size()) line.erase(at, 1); break;
        default: if (at < line.size()) line[at] = c;
      }
    }
    CAPTURE(line);
    CHECK(parsed(line, JsonlParser::scanner) == parsed(line, JsonlParser::nlohmann));
  }
}
