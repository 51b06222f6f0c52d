// The corpus store: extracted articles, actors and relation mentions (with
// evidence spans, modality and rule) in one SQLite file, written one article per
// transaction, and graphs built back from queries over it.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/graph/actor_graph.hpp"

struct sqlite3;

namespace actorgraph {

// The file used when neither --db nor $ACTORGRAPH_DB names one.
inline constexpr const char* kDefaultStorePath = "corpus.sqlite";

// An article to store: its metadata, its text, and the graph extracted from it
// (whose evidence spans are byte ranges into text).
struct StoredArticle {
  std::string id;
  std::string text;
  Date date;
  Lang lang = Lang::unknown;
  std::string source;
  std::string origin;  // file path or "corpus.jsonl:17"
};

// Filters of a graph query; empty filters match everything.
struct GraphQuery {
  std::vector<ActorCode> actors;     // edges with one of them as source or target
  std::vector<RelationType> types;   // edges of one of these types
  DateWindow window;                 // article dates (undated articles fail any bound)
  std::optional<Lang> lang;
  std::string source;                // exact article source
  bool include_negated = true;       // negated mentions (kept, marked, as in JSON)
  std::size_t min_support = 1;       // edges seen in at least this many articles
};

struct StoreStats {
  std::size_t articles = 0, undated = 0, actors = 0, mentions = 0, edges = 0;
  std::string first_date, last_date;
  std::vector<std::pair<std::string, std::size_t>> by_lang, by_source, by_type, by_modality;
  std::vector<std::pair<std::string, std::size_t>> top_actors;  // code, articles naming it
  std::vector<std::pair<std::string, std::size_t>> top_edges;   // "A -> B type", articles
  std::size_t inconsistent = 0;  // articles whose stored mention count differs from their rows
  std::vector<std::string> integrity;  // SQLite's integrity_check and foreign_key_check findings (at most 10)
  std::size_t invalid_utf8 = 0;        // stored texts, ids, labels, evidence that are not UTF-8
  bool ok() const { return inconsistent == 0 && integrity.empty() && invalid_utf8 == 0; }
  std::string schema_version;
};

class Store {
 public:
  // Opens the SQLite file at path, creating it and its schema when create is true
  // (otherwise a missing file is an InputError). Throws InputError for a file that
  // is not an actorgraph store or has a newer schema.
  Store(const std::string& path, bool create);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  bool contains(const std::string& id) const;

  enum class AddResult { added, replaced, skipped };
  // Stores the article, its actors and every relation mention of g in one
  // transaction: after a crash either all of it is there or none. An id already
  // stored is skipped, or replaced (old rows deleted in the same transaction)
  // when replace is true. Throws Error on a database failure (rolled back).
  AddResult add(const StoredArticle& article, const ActorGraph& g, bool replace = false);

  // The graph of the mentions matching q: one graph per article, merged (edge
  // weight = articles, evidence per article). Nodes are the matching edges' actors.
  ActorGraph query_graph(const GraphQuery& q) const;

  // Counts and the consistency check: every article complete, SQLite's own
  // integrity_check and foreign_key_check clean, every stored text valid UTF-8
  // (reads the whole store). Throws Error when the file is too damaged to query.
  StoreStats stats(std::size_t top = 10) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace actorgraph
