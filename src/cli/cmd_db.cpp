// actorgraph db: the corpus store (SQLite): add articles, build graphs from queries, show statistics.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/driver.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/corpus/ordered_map.hpp"
#include "actorgraph/corpus/source.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/store/store.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct DbOptions {
  std::string db;
  // add
  CommonOptions common;
  std::vector<std::string> inputs, jsonl;
  bool replace = false;
  std::string id;  // --id: the id of a single article
  std::size_t jobs = 0;
  bool no_progress = false;
  bool quiet = false;
  // graph
  std::vector<std::string> actors, types;
  std::string since, until, lang, source;
  std::size_t min_support = 1;
  bool exclude_negated = false;
  std::string output, format, layout;
  // stats
  std::string stats_format = "text";
  std::size_t top = 10;
};

std::string db_path(const DbOptions& o) {
  std::string path = o.db;
  if (path.empty()) {
    const char* env = std::getenv("ACTORGRAPH_DB");
    path = env && *env ? env : kDefaultStorePath;
  }
  // The store and SQLite's files beside it are inputs: no output goes onto them.
  register_inputs({path, path + "-wal", path + "-shm", path + "-journal"});
  return path;
}

struct Extracted {
  std::optional<ActorGraph> graph;
  std::string text;
  Lang lang = Lang::unknown;
  Date date;
  std::string error;
  std::vector<std::string> warnings;
};

int run_add(const DbOptions& o) {
  if (o.inputs.empty() && o.jsonl.empty()) throw UsageError("db add: give article files, directories, - or --jsonl FILE|-");
  ArticleOptions base = o.common.article_options();
  std::vector<ArticleFile> files = article_inputs(o.inputs, o.id, !o.jsonl.empty());
  const std::size_t file_count = files.size();
  register_inputs(with_dicts(o.jsonl, o.common));
  Store store(db_path(o), true);
  auto pipeline = make_pipeline(o.common);
  CorpusSource source(std::move(files), o.jsonl);
  std::size_t added = 0, replaced = 0, skipped = 0, failed = 0, seen = 0;
  ProgressMeter meter(std::cerr, !o.no_progress && stderr_is_terminal(), o.jsonl.empty() ? file_count : 0, 0);
  // Ids already stored are skipped before any work (unless --replace).
  std::function<std::optional<CorpusItem>()> next = [&]() -> std::optional<CorpusItem> {
    while (true) {
      std::optional<CorpusItem> item = source.next();
      if (!item) return item;
      if (item->error.empty() && !o.replace && store.contains(item->id)) {
        ++skipped;
        ++seen;
        continue;
      }
      return item;
    }
  };
  std::function<Extracted(CorpusItem&)> work = [&](CorpusItem& it) {
    Extracted r;
    ArticleRun a = run_article(*pipeline, it, base);
    r.warnings = std::move(a.warnings);
    if (!a.result) {
      r.error = std::move(a.error);
      return r;
    }
    r.text = std::move(a.result->doc.text);
    r.lang = a.result->doc.lang;
    r.date = a.result->doc.date;
    r.graph = std::move(a.result->graph);
    return r;
  };
  std::function<void(CorpusItem&, Extracted&)> emit = [&](CorpusItem& it, Extracted& r) {
    ++seen;
    for (const auto& w : r.warnings) meter.message("actorgraph: " + w);
    if (!r.graph) {
      ++failed;
      meter.message("actorgraph: " + it.ref + ": " + r.error);
    } else {
      StoredArticle a{it.id, std::move(r.text), r.date, r.lang, r.graph->source, it.ref};
      switch (store.add(a, *r.graph, o.replace)) {
        case Store::AddResult::added: ++added; break;
        case Store::AddResult::replaced: ++replaced; break;
        case Store::AddResult::skipped: ++skipped; break;  // the same id twice in this batch
      }
    }
    meter.update(seen, failed, source.bytes_read());
  };
  const std::size_t jobs = o.jobs == 0 ? hardware_jobs() : o.jobs;
  ordered_map<CorpusItem, Extracted>(jobs, default_window(jobs), next, work, emit, CorpusSource::batch_bytes);
  meter.finish();
  if (!o.quiet) {
    warn(store.path() + ": added " + std::to_string(added) + ", replaced " + std::to_string(replaced) +
         ", already stored " + std::to_string(skipped) + ", failed " + std::to_string(failed));
  }
  // Duplicates are said even with --quiet: their articles were not stored.
  if (skipped > 0) {
    warn(std::to_string(skipped) + (skipped == 1 ? " article was" : " articles were") +
         " not stored: the id is already in the store (--replace re-extracts and replaces; --id names a single article)");
  }
  if (failed > 0) return failed == seen ? kExitInput : kExitPartial;
  return skipped > 0 ? kExitDuplicates : kExitOk;
}

int run_graph(const DbOptions& o) {
  GraphQuery q;
  for (const auto& a : o.actors) {
    if (!ActorCode::valid(a)) throw UsageError("--actor takes an actor code such as PRK or EU, not '" + a + "'");
    q.actors.emplace_back(a);
  }
  for (const auto& t : o.types) {
    auto type = parse_relation_type(t);
    if (!type) throw UsageError("unknown relation type '" + t + "'");
    q.types.push_back(*type);
  }
  q.window = DateWindow{date_option(o.since, "--since"), date_option(o.until, "--until")};
  if (!q.window.valid()) throw UsageError("--until " + o.until + " is before --since " + o.since);
  if (!o.lang.empty()) {
    auto l = parse_lang(o.lang);
    if (!l || *l == Lang::unknown) throw UsageError("--lang must be de or en, not '" + o.lang + "'");
    q.lang = *l;
  }
  q.source = o.source;
  q.min_support = o.min_support;
  q.include_negated = !o.exclude_negated;
  std::string format = o.format;
  if (format.empty()) {
    std::vector<std::pair<std::string, std::string>> known;
    for (const auto& f : export_formats()) known.emplace_back(f, f);
    format = format_from_extension(o.output, known, "dot");
  }
  ExportOptions eo;
  if (!o.layout.empty()) eo.layout = o.layout;
  export_graph(ActorGraph{}, format, eo);  // rejects an unknown format before the query
  refuse_binary_on_terminal(o.output, format);
  const std::string path = db_path(o);
  check_output_not_input(o.output, {path});
  Store store(path, false);
  check_output_not_input(o.output, {path + "-wal", path + "-shm"});  // exist now that it is open
  ActorGraph g = store.query_graph(q);
  std::string id;  // a title that says what was asked
  for (const auto& a : o.actors) id += (id.empty() ? "" : ", ") + a;
  for (const auto& t : o.types) id += (id.empty() ? "" : ", ") + t;
  if (!o.since.empty() || !o.until.empty()) id += (id.empty() ? "" : ", ") + o.since + ".." + o.until;
  if (!o.lang.empty()) id += (id.empty() ? "" : ", ") + o.lang;
  if (!o.source.empty()) id += (id.empty() ? "" : ", ") + o.source;
  g.id = id.empty() ? "all relations" : id;
  write_file_atomically(o.output.empty() ? "-" : o.output, export_graph(g, format, eo));
  if (!o.quiet) {
    warn(std::to_string(g.articles) + (g.articles == 1 ? " article, " : " articles, ") + std::to_string(num_vertices(g.store())) + " actors, " +
         std::to_string(num_edges(g.store())) + " edges");
  }
  return kExitOk;
}

int run_stats(const DbOptions& o) {
  if (o.stats_format != "text" && o.stats_format != "json") throw UsageError("--format must be text or json");
  Store store(db_path(o), false);
  StoreStats s = store.stats(o.top);
  auto list = [](const std::vector<std::pair<std::string, std::size_t>>& v) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [k, n] : v) j[k] = n;
    return j;
  };
  if (o.stats_format == "json") {
    nlohmann::ordered_json j{{"database", store.path()},
                             {"schema_version", s.schema_version},
                             {"articles", s.articles},
                             {"undated", s.undated},
                             {"first_date", s.first_date},
                             {"last_date", s.last_date},
                             {"actors", s.actors},
                             {"mentions", s.mentions},
                             {"edges", s.edges},
                             {"by_lang", list(s.by_lang)},
                             {"by_source", list(s.by_source)},
                             {"by_type", list(s.by_type)},
                             {"by_modality", list(s.by_modality)},
                             {"top_actors", list(s.top_actors)},
                             {"top_edges", list(s.top_edges)},
                             {"inconsistent_articles", s.inconsistent},
                             {"integrity", s.integrity},
                             {"invalid_utf8_rows", s.invalid_utf8},
                             {"consistent", s.ok()}};
    std::cout << j.dump(2) << "\n";
  } else {
    std::ostringstream out;
    out << store.path() << " (schema " << s.schema_version << ")\n";
    out << "articles: " << s.articles;
    for (const auto& [l, n] : s.by_lang) out << "  " << l << " " << n;
    out << "\ndates: " << (s.first_date.empty() ? "none" : s.first_date + " .. " + s.last_date) << ", undated "
        << s.undated << "\n";
    out << "actors: " << s.actors << "   relation mentions: " << s.mentions << "   distinct edges: " << s.edges << "\n";
    auto table = [&](const char* title, const std::vector<std::pair<std::string, std::size_t>>& v) {
      if (v.empty()) return;
      out << title << ":";
      for (const auto& [k, n] : v) out << "  " << k << " " << n;
      out << "\n";
    };
    table("sources", s.by_source);
    table("mentions by type", s.by_type);
    table("mentions by modality", s.by_modality);
    table("actors in most articles", s.top_actors);
    out << "edges in most articles:\n";
    for (const auto& [k, n] : s.top_edges) out << "  " << k << "  (" << n << (n == 1 ? " article)\n" : " articles)\n");
    std::string problems;
    auto add = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
    if (s.inconsistent > 0) add(std::to_string(s.inconsistent) + " articles with missing mentions");
    if (s.invalid_utf8 > 0) add(std::to_string(s.invalid_utf8) + " rows with invalid UTF-8");
    for (const auto& p : s.integrity) add(p);
    out << "consistency: " << (problems.empty() ? "ok" : problems) << "\n";
    std::cout << out.str();
  }
  if (!s.ok()) warn(store.path() + ": the store is damaged or inconsistent (see 'consistency')");
  return s.ok() ? kExitOk : kExitInput;
}

void add_db_option(CLI::App& cmd, DbOptions& o) {
  cmd.add_option("--db", o.db,
                 std::string("SQLite file (default: $ACTORGRAPH_DB, else ./") + kDefaultStorePath + ")");
}

const CommandRegistrar kRegister(40, [](CLI::App& app) -> Action {
  auto o = std::make_shared<DbOptions>();
  auto* db = app.add_subcommand(
      "db",
      "The corpus store (SQLite): articles, actors and relation mentions with evidence.\n"
      "Examples:\n"
      "  actorgraph db add corpus/ --db corpus.sqlite\n"
      "  actorgraph db add --jsonl feed.jsonl            # ids already stored: skipped, exit 5\n"
      "  actorgraph db graph --actor PRK --since 2023-01 --type arms_supply -o g.dot\n"
      "  actorgraph db stats");
  db->require_subcommand(1);
  auto* add = db->add_subcommand("add", "Extract articles and store them (one transaction per article; ids already stored are skipped: exit 5)");
  add->add_option("inputs", o->inputs, "Article files, directories (*.txt) or - for stdin");
  add->add_option("--jsonl", o->jsonl, "JSONL corpus (FILE or -; repeatable), as for extract");
  add->add_flag("--replace", o->replace, "Re-extract and replace articles whose id is already stored");
  add_id_option(*add, o->id);
  add->add_option("-j,--jobs", o->jobs, "Extraction threads (default 0 = all cores)")->check(CLI::Range(0, 1024));
  add->add_flag("--no-progress", o->no_progress, "No progress line on stderr");
  add->add_flag("-q,--quiet", o->quiet, "No summary line on stderr");
  add_common_options(*add, o->common);
  add_db_option(*add, *o);

  auto* graph = db->add_subcommand("graph", "Build a graph from the stored relation mentions that match a query");
  graph->add_option("--actor", o->actors, "Edges with this actor as source or target (repeatable: any of them)");
  graph->add_option("--type", o->types, "Edges of this relation type (repeatable)");
  graph->add_option("--since", o->since, "Articles dated on or after YYYY[-MM[-DD]]");
  graph->add_option("--until", o->until, "Articles dated on or before YYYY[-MM[-DD]]");
  graph->add_option("--lang", o->lang, "Articles in de or en");
  graph->add_option("--source", o->source, "Articles from this source");
  graph->add_option("--min-support", o->min_support, "Edges seen in at least N articles")->check(CLI::PositiveNumber);
  graph->add_flag("--exclude-negated", o->exclude_negated, "Leave negated mentions out");
  graph->add_option("-o,--output", o->output, "Output file (default: stdout)");
  graph->add_option("-f,--format", o->format, "dot, json, svg, ... (default: from -o extension, else dot)");
  graph->add_option("--layout", o->layout, "Graphviz layout for pictures");
  graph->add_flag("-q,--quiet", o->quiet, "No summary line on stderr");
  add_db_option(*graph, *o);

  auto* stats = db->add_subcommand("stats", "Summarise the store (and check that every article is complete)");
  stats->add_option("-f,--format", o->stats_format, "text or json");
  stats->add_option("--top", o->top, "Rows of the top-actor and top-edge lists (default 10)");
  add_db_option(*stats, *o);

  return [o, add, graph, stats] {
    if (add->parsed()) return run_add(*o);
    if (graph->parsed()) return run_graph(*o);
    if (stats->parsed()) return run_stats(*o);
    throw UsageError("db needs a subcommand: add, graph or stats");
  };
});

}  // namespace
}  // namespace actorgraph::cli
