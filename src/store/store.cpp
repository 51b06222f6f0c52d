#include "actorgraph/store/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "core/utf8.hpp"

namespace actorgraph {
namespace {

constexpr int kSchemaVersion = 2;
constexpr int kBusyTimeoutMs = 60000;  // how long a writer waits for another one

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL DEFAULT '',       -- YYYY[-MM[-DD]] or ''
  lang TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',     -- file path or jsonl name:line
  text TEXT NOT NULL,
  mention_count INTEGER NOT NULL,      -- rows in relation_mentions: checked by db stats
  extracted_by TEXT NOT NULL DEFAULT '', -- actorgraph --version of the extraction (schema 2)
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS actors (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL                  -- the name first seen
);
CREATE TABLE IF NOT EXISTS article_actors (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  code TEXT NOT NULL REFERENCES actors(code),
  label TEXT NOT NULL,                 -- the name in the article's language
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, code)
);
CREATE INDEX IF NOT EXISTS article_actors_code ON article_actors(code);
CREATE TABLE IF NOT EXISTS relation_mentions (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source TEXT NOT NULL REFERENCES actors(code),
  target TEXT NOT NULL REFERENCES actors(code),
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,         -- half-open byte range [span_begin, span_end) into articles.text
  span_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,              -- the whole sentence
  rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON relation_mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_source ON relation_mentions(source, type);
CREATE INDEX IF NOT EXISTS mentions_target ON relation_mentions(target, type);
CREATE INDEX IF NOT EXISTS mentions_type ON relation_mentions(type);
)SQL";

// Schema 2: the evidence text of every mention, cut from the stored article by its
// byte span (SQLite's substr() counts characters in TEXT, bytes in a BLOB).
constexpr const char* kEvidenceView = R"SQL(
CREATE VIEW IF NOT EXISTS mention_evidence AS
SELECT m.id, m.article_id, m.source, m.target, m.type, m.modality, m.sentence, m.span_begin, m.span_end,
       CAST(substr(CAST(a.text AS BLOB), m.span_begin + 1, m.span_end - m.span_begin) AS TEXT) AS span_text,
       m.evidence AS sentence_text, m.rule
FROM relation_mentions m JOIN articles a ON a.id = m.article_id;
)SQL";

// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) {
      throw Error(std::string("database error: ") + sqlite3_errmsg(db));
    }
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // True while there is a row.
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(std::string("database error: ") + sqlite3_errmsg(db_));
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("database error: " + msg);
  }
}

// Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

std::string key_text(const EdgeKey& k) {
  return k.source.str() + (is_directed(k.type) ? " -> " : " -- ") + k.target.str() + " " + std::string(to_string(k.type));
}

}  // namespace

Store::Store(const std::string& path, bool create) : path_(path) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec)) {
    throw InputError("no database at " + path + " (create one with: actorgraph db add --db " + path + " ARTICLES...)");
  }
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError("cannot open database " + path + ": " + msg);
  }
  // Another process may hold the write lock (a concurrent db add): wait for it.
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    // WAL: readers never block the writer, and a killed ingest leaves every
    // committed article intact (uncommitted work is rolled back on next open).
    // Switching a new file to WAL takes an exclusive lock that the busy handler
    // does not always wait for, so retry it for as long as the busy timeout.
    for (int waited = 0;; waited += 10) {
      char* err = nullptr;
      int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, &err);
      std::string msg = err ? err : "";
      sqlite3_free(err);
      if (rc == SQLITE_OK) break;
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= kBusyTimeoutMs) {
        throw Error("database error: " + (msg.empty() ? std::string(sqlite3_errstr(rc)) : msg));
      }
      sqlite3_sleep(10);
    }
    exec(db_, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    auto schema_version = [&] {
      Stmt v(db_, "PRAGMA user_version");
      v.step();
      return v.integer(0);
    };
    std::int64_t version = schema_version();
    if (version == 0) {
      // Checked again and created in one write transaction: two processes that open
      // a new store at once create it once, and the second sees it complete.
      Transaction tx(db_);
      version = schema_version();
      if (version == 0) {
        Stmt t(db_, "SELECT count(*) FROM sqlite_master WHERE type='table'");
        t.step();
        if (t.integer(0) > 0) throw InputError(path + ": not an actorgraph database");
        exec(db_, kSchema);
        exec(db_, kEvidenceView);
        exec(db_, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
        version = kSchemaVersion;
      }
      tx.commit();
    }
    if (version == 1) {  // the same, under the write lock: upgraded once
      Transaction tx(db_);
      if (schema_version() == 1) {
        exec(db_, "ALTER TABLE articles ADD COLUMN extracted_by TEXT NOT NULL DEFAULT ''");
        exec(db_, kEvidenceView);
        exec(db_, "PRAGMA user_version=2");
      }
      tx.commit();
      version = 2;
    }
    if (version > kSchemaVersion) {
      throw InputError(path + ": database schema version " + std::to_string(version) +
                       " is newer than this actorgraph understands (" + std::to_string(kSchemaVersion) + ")");
    }
  } catch (const Error& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    if (dynamic_cast<const InputError*>(&e)) throw;
    throw InputError(path + ": " + e.what());
  }
}

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

bool Store::contains(const std::string& id) const {
  Stmt s(db_, "SELECT 1 FROM articles WHERE id = ?");
  s.bind(1, id);
  return s.step();
}

Store::AddResult Store::add(const StoredArticle& a, const ActorGraph& g, bool replace) {
  Transaction tx(db_);
  bool exists = contains(a.id);
  if (exists && !replace) return AddResult::skipped;
  if (exists) {
    Stmt del(db_, "DELETE FROM articles WHERE id = ?");
    del.bind(1, a.id).run();
  }
  std::size_t mentions = 0;
  for (EdgeId e : g.sorted_edges()) mentions += g.store()[e].evidence.size();
  Stmt art(db_,
           "INSERT INTO articles(id, date, lang, source, origin, text, mention_count, extracted_by) "
           "VALUES(?,?,?,?,?,?,?,?)");
  art.bind(1, a.id)
      .bind(2, a.date.str())
      .bind(3, std::string(to_string(a.lang)))
      .bind(4, a.source)
      .bind(5, a.origin)
      .bind(6, a.text)
      .bind(7, static_cast<std::int64_t>(mentions))
      .bind(8, version_text())
      .run();
  Stmt actor(db_, "INSERT INTO actors(code, kind, label) VALUES(?,?,?) ON CONFLICT(code) DO NOTHING");
  Stmt link(db_, "INSERT INTO article_actors(article_id, code, label, mentions) VALUES(?,?,?,?)");
  for (Vertex v : g.sorted_nodes()) {
    const ActorNode& n = g.node(v);
    actor.bind(1, n.code.str()).bind(2, std::string(to_string(n.kind))).bind(3, n.label).run();
    link.bind(1, a.id).bind(2, n.code.str()).bind(3, n.label).bind(4, static_cast<std::int64_t>(n.mentions)).run();
  }
  Stmt men(db_,
           "INSERT INTO relation_mentions(article_id, source, target, type, modality, sentence, span_begin, span_end, "
           "evidence, rule) VALUES(?,?,?,?,?,?,?,?,?,?)");
  for (EdgeId e : g.sorted_edges()) {
    EdgeKey k = g.key(e);
    const RelationEdge& d = g.store()[e];
    for (const Evidence& x : d.evidence) {
      men.bind(1, a.id)
          .bind(2, k.source.str())
          .bind(3, k.target.str())
          .bind(4, std::string(to_string(k.type)))
          .bind(5, std::string(to_string(x.modality)))
          .bind(6, static_cast<std::int64_t>(x.sentence))
          .bind(7, static_cast<std::int64_t>(x.span.begin))
          .bind(8, static_cast<std::int64_t>(x.span.end))
          .bind(9, x.text)
          .bind(10, x.rule)
          .run();
    }
  }
  tx.commit();
  return exists ? AddResult::replaced : AddResult::added;
}

ActorGraph Store::query_graph(const GraphQuery& q) const {
  std::string sql =
      "SELECT m.article_id, m.source, m.target, m.type, m.modality, m.sentence, m.span_begin, m.span_end, "
      "m.evidence, m.rule, a.date, a.lang, a.source FROM relation_mentions m JOIN articles a ON a.id = m.article_id "
      "WHERE 1";
  std::vector<std::string> args;
  if (!q.actors.empty()) {
    sql += " AND (m.source IN (" + placeholders(q.actors.size()) + ") OR m.target IN (" +
           placeholders(q.actors.size()) + "))";
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& c : q.actors) args.push_back(c.str());
    }
  }
  if (!q.types.empty()) {
    sql += " AND m.type IN (" + placeholders(q.types.size()) + ")";
    for (auto t : q.types) args.emplace_back(to_string(t));
  }
  if (q.lang) {
    sql += " AND a.lang = ?";
    args.emplace_back(to_string(*q.lang));
  }
  if (!q.source.empty()) {
    sql += " AND a.source = ?";
    args.push_back(q.source);
  }
  if (!q.include_negated) sql += " AND m.modality <> 'negated'";
  sql += " ORDER BY m.article_id, m.id";
  Stmt s(db_, sql);
  for (std::size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);

  Stmt who(db_, "SELECT aa.label, ac.kind, aa.mentions FROM article_actors aa JOIN actors ac ON ac.code = aa.code "
                "WHERE aa.article_id = ? AND aa.code = ?");
  GraphAccumulator acc;
  std::optional<ActorGraph> current;
  auto flush = [&] {
    if (current) acc.add(std::move(*current));
    current.reset();
  };
  while (s.step()) {
    std::string article = s.text(0);
    Date date = parse_date(s.text(10)).value_or(Date{});
    if (!q.window.contains(date)) continue;
    if (!current || current->id != article) {
      flush();
      current.emplace();
      current->id = valid_utf8(article);
      current->date = date;
      current->lang = parse_lang(s.text(11)).value_or(Lang::unknown);
      current->source = valid_utf8(s.text(12));
    }
    for (int col : {1, 2}) {
      if (!ActorCode::valid(s.text(col))) {
        throw InputError(path_ + ": damaged store: a relation mention of article '" + valid_utf8(article) +
                         "' has the bad actor code '" + valid_utf8(s.text(col)) + "' (see db stats)");
      }
    }
    ActorCode src(s.text(1)), dst(s.text(2));
    for (const ActorCode& c : {src, dst}) {
      if (current->find(c)) continue;
      who.bind(1, article).bind(2, c.str());
      if (who.step()) {
        current->add_actor(c, parse_actor_kind(who.text(1)).value_or(ActorKind::state), valid_utf8(who.text(0)),
                           static_cast<std::size_t>(who.integer(2)));
      } else {
        current->add_actor(c, ActorKind::state, c.str(), 0);
      }
      who.reset();
    }
    auto type = parse_relation_type(s.text(3));
    if (!type) continue;
    Evidence ev;
    ev.article = valid_utf8(article);
    ev.sentence = static_cast<std::size_t>(s.integer(5));
    ev.span = Span{static_cast<std::size_t>(s.integer(6)), static_cast<std::size_t>(s.integer(7))};
    ev.text = valid_utf8(s.text(8));
    ev.rule = valid_utf8(s.text(9));
    ev.modality = parse_modality(s.text(4)).value_or(Modality::asserted);
    current->add_mention(src, dst, *type, std::move(ev));
  }
  flush();
  ActorGraph g = filter_min_support(acc.result(), q.min_support);
  g.id = "query";
  return g;
}

StoreStats Store::stats(std::size_t top) const {
  StoreStats st;
  auto count = [&](const char* sql) {
    Stmt s(db_, sql);
    s.step();
    return static_cast<std::size_t>(s.integer(0));
  };
  auto pairs = [&](const std::string& sql) {
    std::vector<std::pair<std::string, std::size_t>> out;
    Stmt s(db_, sql);
    while (s.step()) out.emplace_back(s.text(0), static_cast<std::size_t>(s.integer(1)));
    return out;
  };
  st.articles = count("SELECT count(*) FROM articles");
  st.undated = count("SELECT count(*) FROM articles WHERE date = ''");
  st.actors = count("SELECT count(DISTINCT code) FROM article_actors");
  st.mentions = count("SELECT count(*) FROM relation_mentions");
  st.edges = count("SELECT count(*) FROM (SELECT DISTINCT source, target, type FROM relation_mentions)");
  {
    Stmt s(db_, "SELECT min(date), max(date) FROM articles WHERE date <> ''");
    if (s.step()) {
      st.first_date = s.text(0);
      st.last_date = s.text(1);
    }
  }
  st.by_lang = pairs("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY count(*) DESC, lang");
  st.by_source = pairs("SELECT source, count(*) FROM articles WHERE source <> '' GROUP BY source ORDER BY count(*) DESC, source LIMIT " +
                       std::to_string(top));
  st.by_type = pairs("SELECT type, count(*) FROM relation_mentions GROUP BY type ORDER BY count(*) DESC, type");
  st.by_modality = pairs("SELECT modality, count(*) FROM relation_mentions GROUP BY modality ORDER BY count(*) DESC, modality");
  st.top_actors = pairs("SELECT code, count(*) FROM article_actors GROUP BY code ORDER BY count(*) DESC, code LIMIT " +
                        std::to_string(top));
  {
    Stmt s(db_,
           "SELECT source, target, type, count(DISTINCT article_id) AS n FROM relation_mentions "
           "GROUP BY source, target, type ORDER BY n DESC, source, target, type LIMIT " + std::to_string(top));
    while (s.step()) {
      auto type = parse_relation_type(s.text(2));
      if (!type) continue;
      st.top_edges.emplace_back(key_text(EdgeKey{ActorCode(s.text(0)), ActorCode(s.text(1)), *type}),
                                static_cast<std::size_t>(s.integer(3)));
    }
  }
  st.inconsistent = count(
      "SELECT count(*) FROM articles a WHERE a.mention_count <> "
      "(SELECT count(*) FROM relation_mentions m WHERE m.article_id = a.id)");
  {
    Stmt s(db_, "PRAGMA integrity_check(10)");
    while (s.step()) {
      if (s.text(0) != "ok") st.integrity.push_back(s.text(0));
    }
  }
  {
    Stmt s(db_, "PRAGMA foreign_key_check");
    while (s.step() && st.integrity.size() < 10) {
      st.integrity.push_back("row " + std::to_string(s.integer(1)) + " of " + s.text(0) + " refers to a missing row of " +
                             s.text(2));
    }
  }
  // Text written by actorgraph is UTF-8; anything else was written by another tool
  // or damaged on disk, and would break the JSON of db graph.
  for (const char* sql : {"SELECT id, date, lang, source, origin, text FROM articles",
                          "SELECT code, kind, label, '', '', '' FROM actors",
                          "SELECT article_id, code, label, '', '', '' FROM article_actors",
                          "SELECT article_id, source, target, type, modality, evidence || rule FROM relation_mentions"}) {
    Stmt s(db_, sql);
    while (s.step()) {
      for (int c = 0; c < 6; ++c) {
        if (first_invalid_utf8(s.text(c)) != std::string::npos) {
          ++st.invalid_utf8;
          break;
        }
      }
    }
  }
  st.schema_version = std::to_string(kSchemaVersion);
  return st;
}

}  // namespace actorgraph
