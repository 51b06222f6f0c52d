#include "common.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/files.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/corpus/source.hpp"

namespace actorgraph::cli {

namespace fs = std::filesystem;

ArticleOptions CommonOptions::article_options() const {
  ArticleOptions o;
  if (!lang.empty() && lang != "auto") {
    auto l = parse_lang(lang);
    if (!l) throw UsageError("--lang must be de, en or auto, not '" + lang + "'");
    o.lang = *l;
  }
  if (!date.empty()) {
    auto d = parse_date(date);
    if (!d) throw UsageError("--date must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + date + "'");
    o.date = *d;
  }
  return o;
}

void add_common_options(CLI::App& cmd, CommonOptions& opts) {
  cmd.add_option("--dict", opts.dicts, "Extra dictionary or rule file (repeatable: --dict A --dict B), added to the built-in data")
      ->allow_extra_args(false);  // one file per --dict: "--dict my.tsv article.txt" keeps the article
  cmd.add_option("--lang", opts.lang, "Article language: de, en or auto (default: detect)");
  cmd.add_option("--date", opts.date, "Article date YYYY[-MM[-DD]], overrides a 'date' prefix");
  cmd.add_flag("--no-model", opts.no_model, "Rules only: leave out the learned edge model (data/model/edges.tsv)");
}

PipelinePtr make_pipeline(const CommonOptions& opts) {
  DataBundle data = DataBundle::defaults();
  for (const auto& d : opts.dicts) {
    register_input(d);
    data.add_file(d);
  }
  if (opts.no_model) data = data.without("model");
  static auto* kept = new std::vector<std::unique_ptr<Pipeline>>;  // never destroyed
  kept->push_back(std::make_unique<Pipeline>(data));
  return PipelinePtr(kept->back().get());
}

std::string read_file(const std::string& path) {
  register_input(path);
  return read_whole_file(path);
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<ArticleFile> article_inputs(const std::vector<std::string>& inputs, const std::string& id, bool jsonl) {
  ArticleInputs in;
  if (!inputs.empty()) in = expand_article_inputs(inputs);
  for (const auto& note : in.notes) warn(note);
  if (!id.empty()) set_single_id(in.files, inputs, jsonl, id);
  return std::move(in.files);
}

std::vector<std::string> paths_of(const std::vector<ArticleFile>& files) {
  std::vector<std::string> out;
  out.reserve(files.size());
  for (const auto& f : files) out.push_back(f.path);
  return out;
}

void add_id_option(CLI::App& cmd, std::string& id) {
  cmd.add_option("--id", id, "Article id for a single file or stdin (default: the file name without extension; stdin: 'stdin')");
}

std::string stem(const std::string& path) { return article_id_of_path(path); }

void write_output(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  // The whole output is built first, then written through the library's atomic writer
  // (temporary file + rename; devices and pipes such as /dev/null written in place).
  std::ostringstream ss;
  fill(ss);
  write_file_atomically(path.empty() ? "-" : path, ss.str());
}

void write_output_bytes(const std::string& path, const std::string& bytes) {
  write_output(path, [&](std::ostream& o) { o.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

void warn(const std::string& message) { std::cerr << "actorgraph: " << message << "\n"; }

}  // namespace actorgraph::cli

// ---- Graph inputs (diff, merge, compare, analyze, db): appended by the compare work.
#include <nlohmann/json.hpp>

#include "actorgraph/corpus/driver.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/corpus/ordered_map.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/readers.hpp"
#include "cli.hpp"

namespace actorgraph::cli {
namespace {

enum class GraphItemKind { graph_file, article_file, line, graph_text };

struct GraphItem {
  GraphItemKind kind = GraphItemKind::graph_file;
  std::string ref;   // path or "name:line"
  std::string text;  // the JSONL line or the whole stdin graph
};

struct GraphResult {
  std::optional<ActorGraph> graph;
  std::string error;
};

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_stream_path(const std::string& p) { return p == "-" || has_suffix(p, ".jsonl") || has_suffix(p, ".ndjson"); }

std::vector<std::string> expand_graph_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (is_single_input(p)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> graphs, articles;
    for (std::string& name : files_below(p)) {
      std::string file = fs::path(name).filename().string();
      if (!file.empty() && file[0] == '.') continue;
      if (has_suffix(name, ".gold.json")) continue;
      if (has_suffix(name, ".dot") || has_suffix(name, ".json") || is_stream_path(name)) {
        graphs.push_back(std::move(name));
      } else if (has_suffix(name, ".txt")) {
        articles.push_back(std::move(name));
      }
    }
    std::vector<std::string>& found = graphs.empty() ? articles : graphs;
    if (found.empty()) throw InputError("no graphs (*.dot, *.json, *.jsonl) or articles (*.txt) in directory " + p);
    for (const auto& f : found) register_input(f);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Yields one item per graph file or article, and one per line of each stream.
class GraphItemSource {
 public:
  explicit GraphItemSource(std::vector<std::string> paths) : paths_(std::move(paths)) {}
  std::optional<GraphItem> next() {
    while (true) {
      if (in_) {
        std::string line;
        if (std::getline(*in_, line)) {
          ++line_no_;
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (line.find_first_not_of(" \t") == std::string::npos) continue;
          return GraphItem{GraphItemKind::line, name_ + ":" + std::to_string(line_no_), std::move(line)};
        }
        if (in_->bad()) throw InputError("cannot read " + name_ + ": read error");
        in_ = nullptr;
        file_.reset();
      }
      if (next_ >= paths_.size()) return std::nullopt;
      const std::string& p = paths_[next_++];
      if (!is_stream_path(p)) {
        bool article = has_suffix(p, ".txt");
        return GraphItem{article ? GraphItemKind::article_file : GraphItemKind::graph_file, p, ""};
      }
      line_no_ = 0;
      if (p == "-") {
        name_ = "stdin";
        std::cin >> std::ws;
        if (std::cin.peek() != '{' && std::cin.peek() != std::char_traits<char>::eof()) {
          std::ostringstream ss;
          ss << std::cin.rdbuf();
          return GraphItem{GraphItemKind::graph_text, "stdin", ss.str()};
        }
        in_ = &std::cin;
      } else {
        name_ = p;
        file_ = std::make_unique<std::ifstream>(p, std::ios::binary);
        if (!*file_) throw InputError("cannot read " + p + ": " + std::strerror(errno));
        in_ = file_.get();
      }
    }
  }

 private:
  std::vector<std::string> paths_;
  std::size_t next_ = 0;
  std::istream* in_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  std::string name_;
  std::size_t line_no_ = 0;
};

}  // namespace

GraphLoadStats load_graphs(const std::vector<std::string>& paths, const CommonOptions& common, std::size_t jobs,
                           const std::function<void(ActorGraph&&)>& fn, bool progress) {
  if (std::count(paths.begin(), paths.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
  std::vector<std::string> files = expand_graph_paths(paths);
  const ArticleOptions base = common.article_options();
  // Built up front (on this thread) when an input may hold articles; shared by the workers.
  PipelinePtr pipeline;
  if (std::any_of(files.begin(), files.end(), [](const std::string& f) { return has_suffix(f, ".txt") || is_stream_path(f); })) {
    pipeline = make_pipeline(common);
  }
  // An article through the library driver; its error becomes the input's error.
  auto extract = [&](CorpusItem&& article) {
    if (!pipeline) throw InputError("no pipeline for articles");
    ArticleRun run = run_article(*pipeline, article, base);
    if (!run.result) throw InputError(run.error);
    return std::move(run.result->graph);
  };
  GraphItemSource source(files);
  GraphLoadStats stats;
  // A progress line only for batches worth watching: many files or a stream.
  bool streams = std::any_of(files.begin(), files.end(), is_stream_path);
  ProgressMeter meter(std::cerr, progress && (files.size() >= 10 || streams) && stderr_is_terminal(),
                      streams ? 0 : files.size(), 0);
  if (jobs == 0) jobs = hardware_jobs();
  std::function<std::optional<GraphItem>()> next = [&] { return source.next(); };
  std::function<GraphResult(GraphItem&)> work = [&](GraphItem& item) {
    GraphResult r;
    r.error = input_error_of([&] {
      switch (item.kind) {
        case GraphItemKind::graph_file: r.graph = read_graph_file(item.ref); break;
        case GraphItemKind::graph_text: r.graph = read_graph_text(item.text, item.ref); break;
        case GraphItemKind::article_file: {
          CorpusItem article;
          article.id = stem(item.ref);
          article.ref = article.path = item.ref;
          r.graph = extract(std::move(article));
          break;
        }
        case GraphItemKind::line: {
          nlohmann::json j = nlohmann::json::parse(item.text, nullptr, false);
          if (!j.is_discarded() && j.is_object() && !j.contains("actors") && j.contains("text")) {
            std::string why;
            auto rec = parse_corpus_line(item.text, &why);
            if (!rec) throw InputError(why);
            CorpusItem article;
            article.id = std::move(rec->id);
            article.ref = item.ref;
            article.text = std::move(rec->text);
            article.source = std::move(rec->source);
            article.lang = rec->lang;
            article.date = rec->date;
            r.graph = extract(std::move(article));
          } else if (j.is_discarded()) {
            throw InputError("malformed JSON");
          } else {
            r.graph = graph_from_json(j, item.ref);
          }
          break;
        }
      }
    });
    return r;
  };
  std::function<void(GraphItem&, GraphResult&)> emit = [&](GraphItem& item, GraphResult& r) {
    if (r.graph) {
      ++stats.loaded;
      fn(std::move(*r.graph));
    } else {
      ++stats.failed;
      std::string msg = r.error;
      // Readers already name the file; do not say it twice.
      if (msg.rfind(item.ref, 0) != 0) msg = item.ref + ": " + msg;
      meter.message("actorgraph: " + msg);
    }
    meter.update(stats.loaded, stats.failed);
  };
  ordered_map<GraphItem, GraphResult>(jobs, default_window(jobs), next, work, emit);
  meter.finish();
  return stats;
}

int batch_exit_code(const GraphLoadStats& s) {
  if (s.failed == 0 && s.loaded > 0) return kExitOk;
  if (s.loaded == 0) return kExitInput;
  return kExitPartial;
}

std::optional<Date> date_option(const std::string& s, const char* option) {
  if (s.empty()) return std::nullopt;
  auto d = parse_date(s);
  if (!d) throw UsageError(std::string(option) + " must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + s + "'");
  return d;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

}  // namespace actorgraph::cli

#include "actorgraph/corpus/output.hpp"

namespace actorgraph::cli {

void write_output_safely(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  write_output(path, fill);
}

}  // namespace actorgraph::cli

namespace actorgraph::cli {

void register_inputs(const std::vector<std::string>& inputs) {
  for (const auto& p : inputs) register_input(p);
}

std::vector<std::string> with_dicts(std::vector<std::string> inputs, const CommonOptions& common) {
  inputs.insert(inputs.end(), common.dicts.begin(), common.dicts.end());
  return inputs;
}

void check_output_not_input(const std::string& output, const std::vector<std::string>& inputs) {
  register_inputs(inputs);
  if (output.empty() || output == "-") return;
  std::string input = registered_input(output);
  if (!input.empty()) throw UsageError("output path equals input path: " + input);
}

void refuse_binary_on_terminal(const std::string& output, const std::string& format) {
  if ((output.empty() || output == "-") && is_binary_format(format) && ::isatty(STDOUT_FILENO) != 0) {
    throw UsageError(format + " is binary and standard output is a terminal: write it with -o FILE." + format +
                     " or redirect the output");
  }
}

std::string format_from_extension(const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& known,
                                  const std::string& fallback) {
  if (path.empty() || path == "-" || is_directory(path)) return fallback;
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext.empty() || ext == ".") return fallback;
  ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [e, format] : known) {
    if (e == ext) return format;
  }
  std::string list;
  for (const auto& [e, format] : known) list += (list.empty() ? "" : ", ") + e;
  throw UsageError("cannot tell the format from '." + ext + "' in " + path + ": give --format (known extensions: " +
                   list + ")");
}

}  // namespace actorgraph::cli

namespace actorgraph::cli {

NameChoice NamesOption::choice() const {
  auto c = parse_name_choice(value);
  if (!c) throw UsageError("--names must be en, de or code, not '" + value + "'");
  return *c;
}

void NamesOption::apply(ExportOptions& eo, const std::vector<std::string>& dicts) const {
  NameChoice c = choice();
  if (c == NameChoice::code) {
    eo.dot.code_labels = true;
    return;
  }
  eo.label_lang = c == NameChoice::en ? Lang::en : c == NameChoice::de ? Lang::de : tally.majority();
  if (eo.label_lang == Lang::unknown) return;
  DataBundle data = DataBundle::defaults();
  for (const auto& d : dicts) data.add_file(d);
  static auto* kept = new std::vector<std::unique_ptr<ActorDictionary>>;  // never destroyed, as the pipelines
  kept->push_back(std::make_unique<ActorDictionary>(data));
  eo.label_dictionary = kept->back().get();
}

void add_names_option(CLI::App& cmd, NamesOption& names) {
  cmd.add_option("--names", names.value,
                 "Actor labels: en, de or code (default: the language of most of the articles)");
}

}  // namespace actorgraph::cli

namespace actorgraph::cli {

void check_date_window(std::size_t kept, std::size_t outside, std::size_t undated) {
  const std::string why = std::to_string(undated) + (undated == 1 ? " undated graph" : " undated graphs") +
                          " (articles get a date from a first line 'date YYYY-MM-DD', a JSONL \"date\" or "
                          "--date), " + std::to_string(outside) + " outside the window";
  if (kept == 0 && outside + undated > 0) {
    throw InputError("--since/--until left out every graph: " + why);
  }
  if (undated > 0) warn("--since/--until left out " + why);
}

}  // namespace actorgraph::cli
