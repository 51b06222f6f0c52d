// actorgraph extract: articles in (files, directories, stdin, JSONL streams), one
// graph per article out (one file each in a directory, or one stream), processed
// on --jobs threads with output in input order.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <set>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/driver.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/corpus/ordered_map.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/corpus/progress.hpp"
#include "actorgraph/corpus/source.hpp"
#include "actorgraph/export/formats.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

struct ExtractOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::vector<std::string> jsonl;
  std::string output;
  std::string format;
  std::string layout;  // "" = the exporter's default engine
  std::string id;      // --id: the id of a single article
  bool include_negated = false;
  bool code_labels = false;
  NamesOption names;  // default: each article in its own language
  std::size_t jobs = 0;
  bool no_progress = false;
};

// Formats whose writers are pure C++ and may run on worker threads; the others go
// through Graphviz, which is not thread-safe, and are exported on the main thread.
bool thread_safe_format(const std::string& f) {
  return f == "dot" || f == "json" || f == "events" || f == "graphml" || f == "csv";
}
// Formats whose outputs can be concatenated into one stream.
bool stream_format(const std::string& f) { return f == "json" || f == "events" || f == "dot"; }

std::string infer_format(const ExtractOptions& o) {
  if (!o.format.empty()) return o.format;
  std::vector<std::pair<std::string, std::string>> known{{"jsonl", "json"}, {"ndjson", "json"}};
  for (const auto& f : export_formats()) known.emplace_back(f, f);
  return format_from_extension(o.output, known, o.jsonl.empty() ? "dot" : "json");
}

// The file for one article in the output directory: its id's safe file name, or,
// when that name was taken by an earlier article or is an input of the run (a
// corpus whose stem is a record's id), the name with a short hash of the article's
// path (as given, normalised: "./in/a.txt" is "in/a.txt") or raw id. The name never grows with the number of clashes (300 folders
// of article.txt give article.json and article-XXXXXXXX.json).
std::string article_output_path(const std::string& dir, const CorpusItem& item, const std::string& extension,
                                std::set<std::string>& taken) {
  const std::string base = safe_file_name(item.id);
  const std::string key = item.path.empty() ? item.id : fs::path(item.path).lexically_normal().string();
  for (std::size_t n = 0;; ++n) {
    std::string name = n == 0 ? base : disambiguated_file_name(base, key, n);
    std::string path = (fs::path(dir) / (name + extension)).string();
    if (taken.count(name) == 0 && registered_input(path).empty()) {
      taken.insert(name);
      return path;
    }
  }
}

struct Outcome {
  bool ok = false;
  std::string bytes;                // the exported graph (thread-safe formats)
  std::optional<ActorGraph> graph;  // exported later on the main thread (Graphviz formats)
  std::string error;
  std::vector<std::string> warnings;
};

int run_extract(const ExtractOptions& o) {
  ArticleOptions aopts = o.common.article_options();
  // A single output file that is an input is refused before its extension is read.
  if (!o.output.empty() && o.output != "-" && o.output.back() != '/' && !is_directory(o.output)) {
    std::vector<std::string> named = with_dicts(o.inputs, o.common);
    named.insert(named.end(), o.jsonl.begin(), o.jsonl.end());
    named.erase(std::remove_if(named.begin(), named.end(), [](const std::string& p) { return is_directory(p); }),
                named.end());
    check_output_not_input(o.output, named);
  }
  std::string format = infer_format(o);
  refuse_binary_on_terminal(o.output, format);
  ExportOptions eopts;
  if (!o.layout.empty()) eopts.layout = o.layout;
  eopts.dot.include_negated = o.include_negated;
  eopts.dot.code_labels = o.code_labels;
  o.names.apply(eopts, o.common.dicts);
  export_graph(ActorGraph{}, format, eopts);  // rejects an unknown format before any work

  if (o.inputs.empty() && o.jsonl.empty()) throw UsageError("no input: give article files, directories, - or --jsonl FILE|-");
  std::size_t stdin_uses = static_cast<std::size_t>(std::count(o.inputs.begin(), o.inputs.end(), "-") +
                                                    std::count(o.jsonl.begin(), o.jsonl.end(), "-"));
  if (stdin_uses > 1) throw UsageError("standard input (-) can be read only once");
  std::vector<ArticleFile> files = article_inputs(o.inputs, o.id, !o.jsonl.empty());
  std::vector<std::string> paths = paths_of(files);
  bool many = !o.jsonl.empty() || paths.size() > 1 ||
              std::any_of(o.inputs.begin(), o.inputs.end(), [](const std::string& p) { return is_directory(p); });
  // Several articles and an output that does not exist yet and has no extension: a new
  // directory ("-o out" as "-o out/").
  std::error_code exists_ec;
  bool new_dir = many && !o.output.empty() && o.output != "-" && !fs::exists(o.output, exists_ec) &&
                 fs::path(o.output).extension().empty();
  bool to_dir = !o.output.empty() && o.output != "-" &&
                (is_directory(o.output) || (many && o.output.back() == '/') || new_dir);
  if (many && !to_dir) {
    bool to_file = !o.output.empty() && o.output != "-";
    if (!stream_format(format) || (to_file && format == "dot")) {
      throw UsageError("several articles need -o DIRECTORY (or --format json|events for one JSONL stream)");
    }
  }
  // One file per article may go into an input directory (its names are checked
  // one by one below); a single output must not be any input.
  std::vector<std::string> inputs = with_dicts(paths, o.common);
  inputs.insert(inputs.end(), o.jsonl.begin(), o.jsonl.end());
  if (to_dir) {
    register_inputs(inputs);
  } else {
    check_output_not_input(o.output, inputs);
  }
  if (to_dir) {
    check_not_generated_directory(o.output);
    std::error_code ec;
    fs::create_directories(o.output, ec);
    if (ec) throw Error("cannot create directory " + o.output + ": " + ec.message());
  }

  auto pipeline = make_pipeline(o.common);
  ExportOptions eo = eopts;
  eo.compact = many && !to_dir;
  const bool export_in_worker = thread_safe_format(format);
  const std::size_t jobs = o.jobs == 0 ? hardware_jobs() : o.jobs;

  // Progress: against the article count, or the JSONL bytes when every stream is a file.
  std::size_t total_items = o.jsonl.empty() ? paths.size() : 0;
  std::uint64_t total_bytes = 0;
  bool sized = !o.jsonl.empty();
  for (const auto& p : o.jsonl) {
    std::error_code ec;
    if (p == "-" || !fs::is_regular_file(p, ec)) {
      sized = false;
      break;
    }
    total_bytes += fs::file_size(p, ec);
  }
  // Only for batches: a single article prints nothing but its graph.
  ProgressMeter meter(std::cerr, many && !o.no_progress && ::isatty(STDERR_FILENO), total_items,
                      sized ? total_bytes : 0);

  std::unique_ptr<AtomicOutput> stream;
  if (!to_dir) stream = std::make_unique<AtomicOutput>(o.output.empty() ? "-" : o.output);

  CorpusSource source(std::move(files), o.jsonl, true);  // JSONL lines are parsed by the workers
  std::size_t processed = 0, failed = 0;
  std::set<std::string> names;
  std::function<std::optional<CorpusItem>()> next = [&] { return source.next(); };
  std::function<Outcome(CorpusItem&)> work = [&](CorpusItem& j) {
    Outcome r;
    ArticleRun a = run_article(*pipeline, j, aopts);
    r.warnings = std::move(a.warnings);
    if (!a.result) {
      r.error = std::move(a.error);
      return r;
    }
    r.error = input_error_of([&] {
      if (export_in_worker) {
        r.bytes = export_graph(a.result->graph, format, eo);
      } else {
        r.graph = std::move(a.result->graph);
      }
      r.ok = true;
    });
    return r;
  };
  std::function<void(CorpusItem&, Outcome&)> emit = [&](CorpusItem& j, Outcome& r) {
    ++processed;
    if (!source.check_id(j)) {  // a duplicate id: its work is dropped
      r = Outcome{};
      r.error = j.error;
    }
    for (const auto& w : r.warnings) meter.message("actorgraph: " + w);
    if (r.ok && r.graph) {
      r.error = input_error_of([&] { r.bytes = export_graph(*r.graph, format, eo); });
      r.ok = r.error.empty();
    }
    if (!r.ok) {
      ++failed;
      meter.message("actorgraph: " + j.ref + ": " + r.error);
    } else if (to_dir) {
      write_file_atomically(article_output_path(o.output, j, format_extension(format), names), r.bytes);
    } else {
      stream->write(r.bytes);
    }
    meter.update(processed, failed, source.bytes_read());
  };
  ordered_map<CorpusItem, Outcome>(jobs, default_window(jobs), next, work, emit, CorpusSource::batch_bytes);
  meter.finish();

  if (stream) {
    if (processed > 0 && failed == processed) {
      stream->discard();
    } else {
      stream->commit();
    }
  }
  if (processed == 0 && !o.jsonl.empty()) warn("no articles in the JSONL input");
  if (failed == 0) return kExitOk;
  if (failed < processed) warn(std::to_string(failed) + " of " + std::to_string(processed) + " inputs failed");
  return failed == processed ? kExitInput : kExitPartial;
}

const CommandRegistrar kRegister(10, [](CLI::App& app) -> Action {
  auto o = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand("extract",
                                 "Find actors and relations in articles and write one graph per article.\n"
                                 "Examples:\n"
                                 "  actorgraph extract article.txt                  # DOT on stdout\n"
                                 "  actorgraph extract article.txt -o graph.json    # format from the extension\n"
                                 "  actorgraph extract corpus/ -o out/ --format json\n"
                                 "  cat article.txt | actorgraph extract - --lang de\n"
                                 "  actorgraph extract --jsonl corpus.jsonl > graphs.jsonl      # one graph per line\n"
                                 "  actorgraph extract --jsonl - --format events < corpus.jsonl # one event per line");
  cmd->add_option("inputs", o->inputs, "Article files, directories (*.txt, recursive) or - for stdin");
  add_id_option(*cmd, o->id);
  cmd->add_option("--jsonl", o->jsonl,
                  "JSONL corpus (FILE or - for stdin; repeatable): one {\"id\",\"text\"[,\"date\",\"lang\",\"source\"]} "
                  "object per line; record fields win over --lang/--date");
  cmd->add_option("-o,--output", o->output,
                  "Output file, or directory for one file per article (default: stdout; several articles "
                  "stream one JSON graph or event per line)");
  cmd->add_option("-f,--format", o->format,
                  "Output format: dot, json, events, ... (default: from -o extension, else dot; json with --jsonl)");
  cmd->add_option("--layout", o->layout, "Graphviz layout for pictures: dot, neato, fdp, circo, sfdp");
  cmd->add_flag("--include-negated", o->include_negated,
                "Draw negated relations in pictures too (DOT, JSON, GraphML and CSV always keep them)");
  cmd->add_flag("--codes", o->code_labels, "Label nodes with actor codes instead of names (as --names code)");
  add_names_option(*cmd, o->names);
  cmd->add_option("-j,--jobs", o->jobs, "Worker threads (default 0 = all cores); output order never depends on it")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--no-progress", o->no_progress, "No progress line on stderr (shown only when stderr is a terminal)");
  add_common_options(*cmd, o->common);
  return [o] { return run_extract(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
