#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "actorgraph/core/error.hpp"
#include "actorgraph/store/store.hpp"
#include "support.hpp"

using namespace actorgraph;

namespace {

struct Row {
  const char* id;
  Lang lang;
  const char* date;
  const char* text;
};

const Row kRows[] = {
    {"de-1", Lang::de, "2023-01-16", "Russland liefert Waffen an Nordkorea. Die USA verhängen Sanktionen gegen Russland."},
    {"en-1", Lang::en, "2023-03-02", "Japan criticised North Korea. Russia allegedly supplied weapons to North Korea."},
    {"en-2", Lang::en, "2022-12-20", "Russia supplied weapons to North Korea."},
    {"de-2", Lang::de, "", "Die USA unterstützen Israel. Iran droht Israel."},
};

StoredArticle stored(const Row& r, ActorGraph* g) {
  ArticleResult a = test::run(r.text, r.lang, r.date);
  a.graph.id = r.id;
  for (EdgeId e : a.graph.sorted_edges()) {
    for (Evidence& x : a.graph.store()[e].evidence) x.article = r.id;
  }
  *g = a.graph;
  return StoredArticle{r.id, a.doc.text, a.doc.date, a.doc.lang, "", std::string("test:") + r.id};
}

// A database in a scratch directory that is removed with it.
struct TempDb {
  test::Scratch scratch;
  std::string path;
  explicit TempDb(const char* name) : scratch("store", name), path((scratch.dir / "store.sqlite").string()) {}
};

std::string edges_of(const ActorGraph& g) {
  std::string s;
  for (EdgeId e : g.sorted_edges()) {
    EdgeKey k = g.key(e);
    s += (s.empty() ? "" : "; ") + k.source.str() + ">" + k.target.str() + " " + std::string(to_string(k.type)) + " w" +
         std::to_string(g.store()[e].weight);
  }
  return s;
}

}  // namespace

TEST_CASE("store: idempotent add, replace, queries by actor, type, date, language", "[store]") {
  TempDb scratch_db("query");
  const std::string& path = scratch_db.path;
  Store store(path, true);
  for (const auto& r : kRows) {
    ActorGraph g;
    StoredArticle a = stored(r, &g);
    CHECK(store.add(a, g) == Store::AddResult::added);
  }
  {
    ActorGraph g;
    StoredArticle a = stored(kRows[0], &g);
    CHECK(store.add(a, g) == Store::AddResult::skipped);  // same id twice is not duplicated
    CHECK(store.add(a, g, true) == Store::AddResult::replaced);
  }
  StoreStats st = store.stats();
  CHECK(st.articles == 4);
  CHECK(st.undated == 1);
  CHECK(st.first_date == "2022-12-20");
  CHECK(st.last_date == "2023-03-02");
  CHECK(st.inconsistent == 0);

  struct Query {
    std::vector<const char*> actors;
    std::vector<RelationType> types;
    const char* since;
    const char* until;
    std::optional<Lang> lang;
    std::size_t min_support;
    const char* edges;
  };
  const Query queries[] = {
      {{"PRK"}, {}, "", "", std::nullopt, 1, "JPN>PRK criticism w1; RUS>PRK arms_supply w3"},
      {{"PRK"}, {RelationType::arms_supply}, "2023-01", "", std::nullopt, 1, "RUS>PRK arms_supply w2"},
      {{"PRK"}, {RelationType::arms_supply}, "2023-01", "2023-02", std::nullopt, 1, "RUS>PRK arms_supply w1"},
      {{}, {}, "", "", Lang::de, 1, "IRN>ISR threat w1; RUS>PRK arms_supply w1; USA>ISR support w1; USA>RUS sanctions w1"},
      {{}, {}, "", "", std::nullopt, 2, "RUS>PRK arms_supply w3"},
      {{"ISR", "JPN"}, {}, "", "", std::nullopt, 1, "IRN>ISR threat w1; JPN>PRK criticism w1; USA>ISR support w1"},
      {{"CHN"}, {}, "", "", std::nullopt, 1, ""},
  };
  for (const auto& q : queries) {
    GraphQuery gq;
    for (const char* a : q.actors) gq.actors.emplace_back(a);
    gq.types = q.types;
    gq.window = DateWindow{*q.since ? parse_date(q.since) : std::nullopt, *q.until ? parse_date(q.until) : std::nullopt};
    gq.lang = q.lang;
    gq.min_support = q.min_support;
    CAPTURE(q.edges);
    CHECK(edges_of(store.query_graph(gq)) == q.edges);
  }
  // Evidence survives the round trip with its span into the stored text.
  GraphQuery arms;
  arms.types = {RelationType::arms_supply};
  arms.lang = Lang::en;
  ActorGraph g = store.query_graph(arms);
  EdgeId e = g.sorted_edges().front();
  const Evidence& ev = g.store()[e].evidence.front();
  CHECK(ev.article == "en-1");
  CHECK(ev.text == "Russia allegedly supplied weapons to North Korea.");
  CHECK(ev.span.end > ev.span.begin);
  CHECK(g.store()[e].modality == Modality::asserted);  // en-2 asserts it
}

TEST_CASE("store: a failure inside an article's transaction leaves no half article", "[store]") {
  TempDb scratch_db("rollback");
  const std::string& path = scratch_db.path;
  {
    Store store(path, true);
    ActorGraph g;
    StoredArticle ok = stored(kRows[0], &g);
    store.add(ok, g);
  }
  // Inject a failure: relation mentions of article "en-1" cannot be inserted.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TRIGGER fail BEFORE INSERT ON relation_mentions WHEN NEW.article_id = 'en-1' "
                       "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Store store(path, false);
  ActorGraph g;
  StoredArticle bad = stored(kRows[1], &g);
  CHECK_THROWS_AS(store.add(bad, g), Error);
  CHECK_FALSE(store.contains("en-1"));  // the article row was rolled back with its mentions
  CHECK(store.contains("de-1"));
  CHECK(store.stats().articles == 1);
  CHECK(store.stats().inconsistent == 0);
}

TEST_CASE("store: opening errors", "[store]") {
  CHECK_THROWS_AS(Store("/nonexistent/dir/x.sqlite", false), InputError);
  TempDb scratch_db("foreign");
  const std::string& path = scratch_db.path;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE other(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK_THROWS_WITH(Store(path, true), Catch::Contains("not an actorgraph database"));
}
