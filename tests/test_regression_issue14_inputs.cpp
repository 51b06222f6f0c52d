// Issue 14 (items 2, 4, 7, 12): what a command that reads articles accepts, the ids
// articles get, byte spans with a BOM, the store's evidence view, the version stamp.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "actorgraph/corpus/driver.hpp"
#include "actorgraph/corpus/source.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/store/store.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace actorgraph;
using test::Ran;
using test::spit;

TEST_CASE("issue 14: inputs that are not article text are named, articles of every shape are not", "[corpus]") {
  struct Case {
    const char* what;
    std::string bytes;
    const char* kind;  // "" = may be an article
  };
  const Case cases[] = {
      {"German article", "Frankreich und Polen vereinbarten am Montag eine engere Zusammenarbeit.\n", ""},
      {"English article", "France and Poland agreed on Monday to work more closely together.\n", ""},
      {"German, bracketed dateline", "[dpa] Russland liefert Waffen an Nordkorea.\n{Eilmeldung}\n", ""},
      {"English, bracketed dateline", "[Reuters] Russia supplied weapons to North Korea.\n", ""},
      {"German, braces that are no JSON", "{Eilmeldung} Russland liefert Waffen an Nordkorea.\n", ""},
      {"English, a word that starts like DOT", "Graphs show that France and Germany trade more.\n", ""},
      {"German, dated", "date 2024-03-12 Graph und Tabelle zeigen den Handel.\n", ""},
      {"HTML page", "<!DOCTYPE html><html><body><p>France and Germany met.</p></body></html>\n", ""},
      {"XHTML page", "<?xml version=\"1.0\"?>\n<html><body>France and Germany met.</body></html>\n", ""},
      {"UTF-16 with BOM", std::string("\xFF\xFE" "F\0r\0", 6), ""},
      {"JSONL corpus", "{\"id\": \"a\", \"text\": \"France and Germany met.\"}\n{\"id\": \"b\", \"text\": \"x\"}\n", "JSONL"},
      {"JSONL corpus with a BOM", "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n", "JSONL"},
      {"JSONL graphs", "{\"id\": \"g\", \"actors\": []}\n{\"id\": \"h\", \"actors\": []}\n", "JSONL"},
      {"JSON graph", "{\"id\": \"g\", \"actors\": [], \"edges\": []}\n", "a JSON graph"},
      {"one JSON record", "{\"id\": \"a\", \"text\": \"Russland liefert Waffen.\"}", "a JSON article record"},
      {"JSON array", " [1, 2, 3]\n", "JSON"},
      {"DOT digraph", "digraph G { FRA -> DEU [type=\"partnership\"]; }\n", "a DOT graph"},
      {"DOT strict graph, quoted name", "strict graph \"Dev corpus\" {\n}\n", "a DOT graph"},
      {"DOT after a comment", "// made by hand\n/* two */ DiGraph {}\n", "a DOT graph"},
      {"GraphML", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">", "GraphML"},
      {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "a PDF file"},
      {"ZIP (DOCX)", std::string("PK\x03\x04\x14\0\0\0", 8), "a ZIP archive (DOCX, ODT and XLSX are ZIP archives)"},
      {"PNG", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "a PNG image"},
      {"SQLite store", std::string("SQLite format 3\0", 16), "an SQLite database"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto got = sniff_not_article(c.bytes);
    CHECK((got ? got->kind : std::string()) == c.kind);
  }
}

TEST_CASE("issue 14: directories read *.txt in any case, say what they skip, ids unique by relative path", "[corpus]") {
  test::Scratch s("issue14", "expand");
  fs::path d = s.dir / "d";
  fs::create_directories(d / "sub");
  fs::create_directories(s.dir / "a");
  fs::create_directories(s.dir / "b");
  for (const char* f : {"d/a.txt", "d/B.TXT", "d/sub/a.txt", "d/notes.json", "d/a.gold.json", "d/README", "a/x.txt", "b/x.txt"}) {
    spit(s.dir / f, "France and Germany met.\n");
  }
  ArticleInputs in = expand_article_inputs({d.string()});
  REQUIRE(in.files.size() == 3);
  CHECK(in.files[0].id == "B");
  CHECK(in.files[1].id == "a");
  CHECK(in.files[2].id == "sub/a");  // not a second "a"
  REQUIRE(in.notes.size() == 1);
  CHECK(in.notes[0] == d.string() + ": skipped 3 files that are not *.txt (1 without extension, 1 .gold.json, 1 .json)");

  fs::current_path(s.dir);
  ArticleInputs two = expand_article_inputs({"a/x.txt", "./b/x.txt", "d/a.txt"});
  REQUIRE(two.files.size() == 3);
  CHECK(two.files[0].id == "a/x");
  CHECK(two.files[1].id == "b/x");
  CHECK(two.files[2].id == "a");  // no clash: the file's name
  CHECK(two.notes.empty());

  std::vector<ArticleFile> one{{"-", "stdin"}};
  set_single_id(one, {"-"}, false, "wire-17");
  CHECK(one[0].id == "wire-17");
  CHECK_THROWS_AS(set_single_id(one, {"-"}, true, "x"), UsageError);  // with --jsonl
  CHECK_THROWS_AS(set_single_id(one, {"-"}, false, ""), UsageError);
  CHECK_THROWS_AS(set_single_id(two.files, {"a/x.txt", "./b/x.txt", "d/a.txt"}, false, "x"), UsageError);
  ArticleInputs alone = expand_article_inputs({"a"});  // a directory of one article
  CHECK_THROWS_AS(set_single_id(alone.files, {"a"}, false, "x"), UsageError);
  fs::current_path(fs::temp_directory_path());
}

TEST_CASE("issue 14: spans are byte offsets into the file as given, a UTF-8 BOM included", "[text]") {
  struct Case {
    Lang lang;
    const char* text;
  };
  const Case cases[] = {
      {Lang::de, "Südkorea und Japan unterzeichneten ein Abkommen. Russland liefert Waffen an Nordkorea."},
      {Lang::en, "São Tomé’s neighbours watched as Russia supplied weapons to North Korea."},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string bom = "\xEF\xBB\xBF" + std::string(c.text);
    ArticleResult plain = test::run(c.text, c.lang);
    ArticleResult marked = test::run(bom, c.lang);
    CHECK(test::edges(marked) == test::edges(plain));
    REQUIRE(marked.graph.sorted_edges().size() > 0);
    CHECK(marked.doc.text == bom);  // the text is the file's bytes
    auto pe = plain.graph.sorted_edges();
    auto me = marked.graph.sorted_edges();
    REQUIRE(pe.size() == me.size());
    for (std::size_t i = 0; i < pe.size(); ++i) {
      const auto& p = plain.graph.store()[pe[i]].evidence;
      const auto& m = marked.graph.store()[me[i]].evidence;
      REQUIRE(p.size() == m.size());
      for (std::size_t k = 0; k < p.size(); ++k) {
        CHECK(m[k].span.begin == p[k].span.begin + 3);
        CHECK(bom.substr(m[k].span.begin, m[k].span.size()) == std::string(c.text).substr(p[k].span.begin, p[k].span.size()));
      }
    }
  }
}

TEST_CASE("issue 14: the store's mention_evidence view gives each mention's text, also after non-ASCII text", "[store]") {
  test::Scratch s("issue14", "view");
  const std::string path = (s.dir / "v.sqlite").string();
  const std::string text = "\xEF\xBB\xBF" "date 2024-05-02 Südkorea und Äthiopien: Russland liefert Waffen an Nordkorea. "
                           "Japan criticised North Korea’s missile tests.";
  ArticleResult a = test::run(text, Lang::de);
  REQUIRE(!a.graph.sorted_edges().empty());
  {
    Store store(path, true);
    store.add(StoredArticle{"a-1", a.doc.text, a.doc.date, a.doc.lang, "", "test"}, a.graph);
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT span_begin, span_end, span_text FROM mention_evidence", -1, &q, nullptr) == SQLITE_OK);
  int rows = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    ++rows;
    auto b = static_cast<std::size_t>(sqlite3_column_int64(q, 0));
    auto e = static_cast<std::size_t>(sqlite3_column_int64(q, 1));
    std::string got(reinterpret_cast<const char*>(sqlite3_column_text(q, 2)), static_cast<std::size_t>(sqlite3_column_bytes(q, 2)));
    CHECK(got == text.substr(b, e - b));
  }
  sqlite3_finalize(q);
  CHECK(rows > 0);
  REQUIRE(sqlite3_prepare_v2(db, "SELECT extracted_by FROM articles", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) == version_text());
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST_CASE("issue 14: a schema-1 store is upgraded on open: the evidence view and extracted_by", "[store]") {
  test::Scratch s("issue14", "upgrade");
  const std::string path = (s.dir / "old.sqlite").string();
  ArticleResult a = test::run("Russland liefert Waffen an Nordkorea.", Lang::de);
  { Store(path, true).add(StoredArticle{"old", a.doc.text, a.doc.date, a.doc.lang, "", "test"}, a.graph); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);  // back to schema 1
  REQUIRE(sqlite3_exec(db, "DROP VIEW mention_evidence; ALTER TABLE articles DROP COLUMN extracted_by; PRAGMA user_version=1",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Store upgraded(path, false);
  CHECK(upgraded.stats().ok());
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(sqlite3_column_int(q, 0) == 2);
  sqlite3_finalize(q);
  REQUIRE(sqlite3_prepare_v2(db, "SELECT span_text, (SELECT extracted_by FROM articles) FROM mention_evidence", -1, &q, nullptr) ==
          SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "liefert");
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 1))).empty());  // extracted before schema 2
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST_CASE("issue 14: the version is in JSON graphs and events", "[export]") {
  ArticleResult a = test::run("Russland liefert Waffen an Nordkorea.", Lang::de);
  auto j = nlohmann::json::parse(export_graph(a.graph, "json", {}));
  CHECK(j["generator"] == version_text());
  CHECK(version_text().rfind("actorgraph ", 0) == 0);
  std::string events = export_graph(a.graph, "events", {});
  REQUIRE(!events.empty());
  CHECK(nlohmann::json::parse(events.substr(0, events.find('\n')))["generator"] == version_text());
}

TEST_CASE("issue 14: --id names one article, db add says what it skipped (exit 5) and --replace replaces", "[cli]") {
  test::Scratch s("issue14", "identity");
  fs::create_directories(s.dir / "a");
  fs::create_directories(s.dir / "b");
  spit(s.dir / "a" / "x.txt", "Russland liefert Waffen an Nordkorea.\n");
  spit(s.dir / "b" / "x.txt", "Japan criticised North Korea.\n");
  spit(s.dir / "one.txt", "Die USA verhängen Sanktionen gegen Russland.\n");
  spit(s.dir / "two.txt", "China and Russia agreed a partnership.\n");

  Ran named = s.run("extract - --id wire-17 -f json < one.txt");
  CHECK(named.code == 0);
  CHECK(named.out.find("\"id\": \"wire-17\"") != std::string::npos);
  CHECK(s.run("extract a/x.txt --id y -f json").out.find("\"id\": \"y\"") != std::string::npos);
  Ran dir = s.run("extract a --id y");
  CHECK(dir.code == 2);
  CHECK(dir.err.find("--id names one article") != std::string::npos);

  // Two x.txt from two folders are two articles.
  Ran both = s.run("db add a/x.txt b/x.txt --db s.sqlite");
  CHECK(both.code == 0);
  CHECK(both.err.find("added 2,") != std::string::npos);
  // A second piped article is not silently "already stored".
  CHECK(s.run("db add - --db s.sqlite < one.txt").code == 0);
  Ran second = s.run("db add - --db s.sqlite < two.txt");
  CHECK(second.code == 5);
  CHECK(second.err.find("already stored 1") != std::string::npos);
  CHECK(second.err.find("1 article was not stored: the id is already in the store") != std::string::npos);
  CHECK(s.run("db add - --id two --db s.sqlite < two.txt").code == 0);
  Ran replaced = s.run("db add - --replace --db s.sqlite < two.txt");
  CHECK(replaced.code == 0);
  CHECK(replaced.err.find("replaced 1") != std::string::npos);
  auto st = nlohmann::json::parse(s.run("db stats --db s.sqlite --format json").out);
  CHECK(st["articles"] == 4);
}
