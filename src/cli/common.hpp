// Helpers shared by the subcommands: building the pipeline, reading inputs,
// writing outputs atomically (temporary file + rename, never a half-written file).
#pragma once
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "actorgraph/corpus/source.hpp"
#include "actorgraph/pipeline.hpp"

namespace actorgraph::cli {

// Options every article-reading command shares.
struct CommonOptions {
  std::vector<std::string> dicts;
  std::string lang;  // "", "de", "en"
  std::string date;  // "" or YYYY[-MM[-DD]]
  bool no_model = false;  // rules only: leave out the learned edge model
  ArticleOptions article_options() const;  // throws UsageError for bad values
};
void add_common_options(CLI::App& cmd, CommonOptions& opts);

// Every command is one-shot: its pipeline lives until the process ends and is never
// destroyed (freeing its tables was 11% of the instructions of a one-article run).
// The pointer stays reachable from a static list, so leak checkers stay quiet.
struct KeepUntilExit {
  void operator()(Pipeline*) const noexcept {}
};
using PipelinePtr = std::unique_ptr<Pipeline, KeepUntilExit>;

// The pipeline with the embedded data plus --dict files (built once per process).
PipelinePtr make_pipeline(const CommonOptions& opts);

// Reads a whole file ("-" = stdin); throws InputError "cannot read PATH: reason".
std::string read_file(const std::string& path);

// An article to process: its id (file stem or JSONL id) and raw bytes.
struct ArticleInput {
  std::string id;
  std::string path;  // "" for JSONL records
  std::string bytes;
  std::string date, lang, source;  // from JSONL, may be empty
};

// The articles of a command's inputs (corpus/source.hpp expand_article_inputs: files,
// "-", directories to their *.txt files, ids unique by relative path), with what each
// directory skipped said on stderr; a non-empty id (--id) names the single article
// (UsageError unless there is exactly one and no JSONL stream). No inputs: none.
std::vector<ArticleFile> article_inputs(const std::vector<std::string>& inputs, const std::string& id = "",
                                        bool jsonl = false);
std::vector<std::string> paths_of(const std::vector<ArticleFile>& files);
// --id ID: "Article id for a single file or stdin (default: the file's name; stdin: 'stdin')".
void add_id_option(CLI::App& cmd, std::string& id);

// The file name without directory and extension: "dir/de-001.txt" -> "de-001".
std::string stem(const std::string& path);

// Writes through fill() to path atomically; "-" writes to stdout. Throws Error
// "cannot write PATH: reason" and leaves no partial file behind.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& fill);
void write_output_bytes(const std::string& path, const std::string& bytes);
// A PNG or PDF bound for standard output when it is a terminal: a usage error (exit 2)
// instead of binary noise on the screen.
void refuse_binary_on_terminal(const std::string& output, const std::string& format);

// True when path names an existing directory.
bool is_directory(const std::string& path);

// The output format named by the extension of path's file name, case-insensitive ("g.PNG"
// is png), from the extensions a command knows (extension -> format). No extension, "-",
// or a directory: fallback. An extension the command does not know is a usage error (it
// used to fall back silently): "cannot tell the format from '.xyz' in OUT: give --format (...)".
std::string format_from_extension(const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& known,
                                  const std::string& fallback);

// Prints "actorgraph: message" on stderr.
void warn(const std::string& message);

}  // namespace actorgraph::cli

// ---- Graph inputs (diff, merge, compare, analyze, db): appended by the compare work.
#include "actorgraph/corpus/progress.hpp"

namespace actorgraph::cli {

// Loads graphs from graph files (DOT or JSON written by actorgraph, detected from
// the content), JSONL streams (*.jsonl, *.ndjson or "-": one graph JSON or one
// {"id","text",...} article per line), and articles (*.txt, extracted with the
// pipeline built from `common`). A directory expands recursively to its *.dot,
// *.json (not *.gold.json) and *.jsonl files, or to its *.txt articles when it
// holds no graph file. fn receives the graphs in input order (work runs on `jobs`
// threads, 0 = all cores); an input that fails is reported as
// "actorgraph: REF: reason" and skipped. Throws InputError for a missing path.
struct GraphLoadStats {
  std::size_t loaded = 0, failed = 0;
};
GraphLoadStats load_graphs(const std::vector<std::string>& paths, const CommonOptions& common, std::size_t jobs,
                           const std::function<void(ActorGraph&&)>& fn, bool progress = false);

// The exit code for a batch: 0 when nothing failed, kExitPartial when some inputs
// failed, kExitInput when all did (or there was nothing to load).
int batch_exit_code(const GraphLoadStats& s);

// A usage error unless s is empty or a valid date; the parsed date otherwise.
std::optional<Date> date_option(const std::string& s, const char* option);

// True when stderr is a terminal (progress lines are shown only then).
bool stderr_is_terminal();

}  // namespace actorgraph::cli

namespace actorgraph::cli {

// As write_output(), through corpus/output.hpp's AtomicOutput: an existing device
// or pipe (-o /dev/null, a FIFO) is written in place instead of being replaced by
// a renamed temporary file.
void write_output_safely(const std::string& path, const std::function<void(std::ostream&)>& fill);

}  // namespace actorgraph::cli

namespace actorgraph::cli {

// Registers every path in inputs as an input of the run (corpus/output.hpp: no
// output is ever written onto one), then throws UsageError "output path equals
// input path: P" when output (a file, not "-" or empty) names any input registered
// so far, also under another spelling ("./a.txt"), through a link or a hard link:
// the command would replace its own input. Commands call it before any work with
// all their inputs (articles, corpora, --dict files, stores).
void check_output_not_input(const std::string& output, const std::vector<std::string>& inputs);
void register_inputs(const std::vector<std::string>& inputs);
// inputs followed by the --dict files of common.
std::vector<std::string> with_dicts(std::vector<std::string> inputs, const CommonOptions& common);

}  // namespace actorgraph::cli

// ---- --names: one display language for actor labels (issue 14).
#include "actorgraph/export/formats.hpp"
#include "actorgraph/graph/labels.hpp"

namespace actorgraph::cli {

// The --names option of the commands that draw or export graphs: count() each
// input graph's articles, then apply() sets the labels of `eo` (code: codes;
// en/de: that language; default: the language of most articles counted).
struct NamesOption {
  std::string value;
  LanguageTally tally;
  NameChoice choice() const;  // throws UsageError for a value other than en, de, code
  void count(const ActorGraph& g) { tally.add(g.lang, g.articles); }
  void apply(ExportOptions& eo, const std::vector<std::string>& dicts) const;
};
void add_names_option(CLI::App& cmd, NamesOption& names);

}  // namespace actorgraph::cli

namespace actorgraph::cli {

// After a --since/--until window: throws InputError naming how many graphs were
// undated and how many outside when the window kept none (an empty graph with
// exit 0 said nothing); warns about undated graphs left out otherwise.
void check_date_window(std::size_t kept, std::size_t outside, std::size_t undated);

}  // namespace actorgraph::cli
