// Benchmark driver for scripts/bench.sh: streams a JSONL corpus (one article object
// per line, parsed as `actorgraph extract --jsonl` parses it) through the whole
// Pipeline with N threads and writes one relation event per line. It exists so the benchmark measures the
// library end to end before/independently of `actorgraph extract --jsonl`, and it
// counts what the CLI does not print: articles, sentences, tokens, mentions.
//
//   actorgraph_bench_corpus [--jobs N] [--dict FILE]... [-o FILE] [--batch N] FILE.jsonl|-
//
// Memory stays flat: at most --batch articles (default 64 per job) are in flight.
// Prints one "key=value ..." summary line on stderr.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/pipeline.hpp"

namespace {

using actorgraph::ArticleOptions;
using actorgraph::ArticleResult;
using actorgraph::Pipeline;

struct Options {
  std::string input;
  std::string output = "/dev/null";
  std::vector<std::string> dicts;
  unsigned jobs = 1;
  std::size_t batch = 0;
};

struct Counts {
  std::size_t articles = 0, failed = 0, sentences = 0, tokens = 0, mentions = 0, relations = 0;
  std::size_t bytes = 0, text_bytes = 0;
  void add(const Counts& o) {
    articles += o.articles;
    failed += o.failed;
    sentences += o.sentences;
    tokens += o.tokens;
    mentions += o.mentions;
    relations += o.relations;
    text_bytes += o.text_bytes;
  }
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "actorgraph_bench_corpus: " << why
            << "\nusage: actorgraph_bench_corpus [--jobs N] [--dict FILE]... [-o FILE] [--batch N] FILE.jsonl|-\n";
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--jobs" || a == "-j") {
      long n = std::strtol(value().c_str(), nullptr, 10);
      if (n == 0) n = static_cast<long>(std::thread::hardware_concurrency());
      if (n < 1 || n > 256) usage("--jobs must be 0 (all cores) or 1..256");
      o.jobs = static_cast<unsigned>(n);
    } else if (a == "--dict") {
      o.dicts.push_back(value());
    } else if (a == "-o" || a == "--output") {
      o.output = value();
    } else if (a == "--batch") {
      o.batch = static_cast<std::size_t>(std::strtoul(value().c_str(), nullptr, 10));
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      usage("unknown option " + a);
    } else if (o.input.empty()) {
      o.input = a;
    } else {
      usage("only one input file");
    }
  }
  if (o.input.empty()) usage("no input file");
  if (o.batch == 0) o.batch = 64 * o.jobs;
  return o;
}

void append_json_string(std::string& out, const std::string& s) {
  out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One article line in, its event lines out (empty for no relation).
std::string process(const Pipeline& pipeline, const std::string& line, Counts& c) {
  std::string out;
  ++c.articles;
  try {
    std::string error;
    auto rec = actorgraph::parse_corpus_line(line, &error);
    if (!rec) throw actorgraph::InputError(error);
    const std::string id = rec->id;
    c.text_bytes += rec->text.size();
    ArticleOptions ao;
    ao.lang = rec->lang;
    ao.date = rec->date;
    std::string text = std::move(rec->text);
    ArticleResult r = pipeline.run(actorgraph::make_document(id, std::move(text)), ao);
    c.sentences += r.doc.sentences.size();
    c.tokens += r.doc.tokens.size();
    c.mentions += r.mentions.size();
    c.relations += r.relations.size();
    for (const auto& rel : r.relations) {
      out += "{\"article\":";
      append_json_string(out, id);
      out += ",\"sentence\":" + std::to_string(rel.sentence) + ",\"source\":\"" + rel.source.str() +
             "\",\"target\":\"" + rel.target.str() + "\",\"type\":\"" +
             std::string(actorgraph::to_string(rel.type)) + "\",\"modality\":\"" +
             std::string(actorgraph::to_string(rel.modality)) + "\",\"cue\":";
      append_json_string(out, std::string(r.doc.slice(rel.cue)));
      out += "}\n";
    }
  } catch (const std::exception&) {
    ++c.failed;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse_args(argc, argv);
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Pipeline> pipeline;
  try {
    actorgraph::DataBundle data = actorgraph::DataBundle::defaults();
    for (const auto& d : o.dicts) data.add_file(d);
    pipeline = std::make_unique<Pipeline>(data);
  } catch (const std::exception& e) {
    std::cerr << "actorgraph_bench_corpus: " << e.what() << "\n";
    return 1;
  }
  auto t_loaded = std::chrono::steady_clock::now();

  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.input != "-") {
    file.open(o.input, std::ios::binary);
    if (!file) {
      std::cerr << "actorgraph_bench_corpus: cannot read " << o.input << "\n";
      return 1;
    }
    in = &file;
  }
  std::FILE* out = std::fopen(o.output.c_str(), "wb");
  if (!out) {
    std::cerr << "actorgraph_bench_corpus: cannot write " << o.output << "\n";
    return 1;
  }

  Counts total;
  std::vector<std::string> lines(o.batch), results(o.batch);
  std::vector<Counts> per_job(o.jobs);
  while (true) {
    std::size_t n = 0;
    while (n < o.batch && std::getline(*in, lines[n])) {
      total.bytes += lines[n].size() + 1;
      if (!lines[n].empty()) ++n;
    }
    if (n == 0) break;
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned job) {
      for (std::size_t k = next++; k < n; k = next++) results[k] = process(*pipeline, lines[k], per_job[job]);
    };
    if (o.jobs == 1) {
      work(0);
    } else {
      std::vector<std::thread> threads;
      for (unsigned t = 0; t < o.jobs; ++t) threads.emplace_back(work, t);
      for (auto& t : threads) t.join();
    }
    for (std::size_t k = 0; k < n; ++k) {
      std::fwrite(results[k].data(), 1, results[k].size(), out);
      std::string().swap(results[k]);
    }
    if (!*in) break;
  }
  std::fclose(out);
  for (const auto& c : per_job) total.add(c);
  auto t_end = std::chrono::steady_clock::now();
  double load_s = std::chrono::duration<double>(t_loaded - t0).count();
  double run_s = std::chrono::duration<double>(t_end - t_loaded).count();
  std::fprintf(stderr,
               "articles=%zu failed=%zu sentences=%zu tokens=%zu mentions=%zu relations=%zu bytes=%zu "
               "text_bytes=%zu jobs=%u load_s=%.4f run_s=%.4f\n",
               total.articles, total.failed, total.sentences, total.tokens, total.mentions, total.relations,
               total.bytes, total.text_bytes, o.jobs, load_s, run_s);
  return total.failed == total.articles && total.articles > 0 ? 1 : 0;
}
