// actorgraph extract: articles in, one graph per article out.
#include <iostream>
#include <memory>
#include <set>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/formats.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct ExtractOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string layout = "dot";
  bool include_negated = false;
  bool code_labels = false;
};

std::string infer_format(const ExtractOptions& o) {
  if (!o.format.empty()) return o.format;
  if (!o.output.empty() && o.output != "-" && !is_directory(o.output)) {
    auto dot = o.output.rfind('.');
    if (dot != std::string::npos) {
      std::string ext = o.output.substr(dot + 1);
      for (const auto& f : export_formats()) {
        if (f == ext) return ext;
      }
    }
  }
  return "dot";
}

int run_extract(const ExtractOptions& o) {
  ArticleOptions aopts = o.common.article_options();
  std::string format = infer_format(o);
  ExportOptions eopts;
  eopts.layout = o.layout;
  eopts.dot.include_negated = o.include_negated;
  eopts.dot.code_labels = o.code_labels;
  export_graph(ActorGraph{}, format, eopts);  // rejects an unknown format before any work

  std::vector<std::string> paths = expand_inputs(o.inputs);
  bool many = paths.size() > 1 || (!o.inputs.empty() && is_directory(o.inputs.front()));
  bool to_dir = !o.output.empty() && o.output != "-" && (is_directory(o.output) || (many && o.output.back() == '/'));
  bool stream = format == "json";
  if (many && !to_dir && !stream && !o.output.empty() && o.output != "-") {
    throw UsageError("several articles need -o DIRECTORY (or --format json for one JSONL stream)");
  }
  for (const auto& p : paths) {
    if (!o.output.empty() && p == o.output) throw UsageError("output path equals input path: " + p);
  }
  if (to_dir) {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec) throw Error("cannot create directory " + o.output + ": " + ec.message());
  }

  auto pipeline = make_pipeline(o.common);
  std::size_t failed = 0;
  std::string combined;
  std::set<std::string> seen;
  for (const auto& path : paths) {
    std::string id = stem(path);
    try {
      std::size_t repaired = 0;
      Document doc = make_document(id, read_file(path), &repaired);
      if (repaired) warn(path + ": replaced " + std::to_string(repaired) + " invalid UTF-8 bytes with '?'");
      ArticleResult r = pipeline->run(std::move(doc), aopts);
      ExportOptions eo = eopts;
      eo.compact = many && !to_dir;
      std::string bytes = export_graph(r.graph, format, eo);
      if (to_dir) {
        std::string name = id;
        while (!seen.insert(name).second) name += "_";
        write_output_bytes((std::filesystem::path(o.output) / (name + format_extension(format))).string(), bytes);
      } else {
        combined += bytes;
      }
    } catch (const UsageError&) {
      throw;
    } catch (const Error& e) {
      ++failed;
      warn(path + ": " + e.what());
    }
  }
  if (!to_dir && failed < paths.size()) write_output(o.output.empty() ? "-" : o.output, [&](std::ostream& out) { out << combined; });
  if (failed == 0) return kExitOk;
  return failed == paths.size() ? kExitInput : kExitPartial;
}

const CommandRegistrar kRegister(10, [](CLI::App& app) -> Action {
  auto o = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand("extract",
                                 "Find actors and relations in articles and write one graph per article.\n"
                                 "Examples:\n"
                                 "  actorgraph extract article.txt                  # DOT on stdout\n"
                                 "  actorgraph extract article.txt -o graph.json    # format from the extension\n"
                                 "  actorgraph extract corpus/ -o out/ --format json\n"
                                 "  cat article.txt | actorgraph extract - --lang de");
  cmd->add_option("inputs", o->inputs, "Article files, directories (*.txt, recursive) or - for stdin")->required();
  cmd->add_option("-o,--output", o->output, "Output file, or directory for one file per article (default: stdout)");
  cmd->add_option("-f,--format", o->format, "Output format: dot, json (default: from -o extension, else dot)");
  cmd->add_option("--layout", o->layout, "Graphviz layout for pictures: dot, neato, fdp, circo, sfdp");
  cmd->add_flag("--include-negated", o->include_negated, "Draw negated relations too (JSON always keeps them)");
  cmd->add_flag("--codes", o->code_labels, "Label nodes with actor codes instead of names");
  add_common_options(*cmd, o->common);
  return [o] { return run_extract(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
