// Stage micro-benchmarks (Google Benchmark): segmentation, language detection,
// actor matching, rule matching (relation extraction), graph building, DOT and
// JSON writing, the whole pipeline, and start-up (building every stage from the
// embedded data). A regression shows up in the stage that caused it.
//
// Inputs: "own" are articles written for this file (German and English); "corpus"
// is the start of every JSONL file in the benchmark corpus directory
// (ACTORGRAPH_BENCH_CORPUS env var, else ../shared/bench at configure time),
// skipped with a message when absent. The *_DictScale benchmarks rebuild the
// matcher/rules with the dictionary copied k times under renamed codes and forms:
// the time per token must stay flat as k grows.
//
//   build-bench/actorgraph_bench --benchmark_filter=Match
//   ACTORGRAPH_BENCH_CORPUS=/path/to/jsonl/dir build-bench/actorgraph_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/actors/matcher.hpp"
#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/embedded.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/pipeline.hpp"
#include "actorgraph/relations/extractor.hpp"
#include "actorgraph/relations/rules.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actorgraph/text/segmenter.hpp"

namespace ag = actorgraph;

namespace {

// ---------------------------------------------------------------------------
// Inputs

// Written for this benchmark: actors, relation cues, modality, coreference,
// abbreviations and ordinals, so every stage has work to do.
constexpr const char* kOwnGerman =
    "Berlin/Moskau – Die Bundesregierung hat am 3. Oktober neue Sanktionen gegen Russland "
    "beschlossen. Außenministerin Baerbock sagte in Berlin, Deutschland werde die Ukraine "
    "weiter mit Waffen unterstützen. Der Kreml kritisierte die Entscheidung scharf und drohte "
    "mit Gegenmaßnahmen. Frankreich und Polen begrüßten den Schritt, z. B. wegen der Lage im "
    "Donbass.\n\n"
    "Chinas Präsident Xi Jinping traf in Peking den brasilianischen Präsidenten. Beide Länder "
    "vereinbarten eine engere Zusammenarbeit. Die USA warfen China vor, Russland militärisch "
    "zu helfen, was Peking zurückwies. Nordkorea hat angeblich erneut Raketen getestet; Japan "
    "und Südkorea verurteilten den Test.\n\n"
    "Die Europäische Union will die Türkei nicht mit weiteren Strafzöllen belegen, hieß es aus "
    "Brüssel. Israel griff nach Angaben der Armee Ziele in Syrien an. Der Iran drohte Israel "
    "mit Vergeltung, falls die Angriffe weitergehen sollten.\n\n";

constexpr const char* kOwnEnglish =
    "WASHINGTON (Reuters) - The United States imposed new sanctions on Iran on Tuesday, "
    "officials said. China and Russia criticised the move, according to the foreign ministry "
    "in Beijing. President Biden met Japan's prime minister at the White House.\n\n"
    "Japan will not send troops to help South Korea, the minister said. The E.U. agreed to "
    "provide aid to Ukraine, while Hungary reportedly threatened to block the package. "
    "Britain and France signed a defence agreement in London.\n\n"
    "North Korea launched a missile over Japan, and Tokyo condemned the launch. India and "
    "Pakistan held talks in Geneva. Turkey accused Greece of violating its airspace, Ankara "
    "said in a statement.\n\n";

struct Article {
  std::string id;
  std::string text;
  std::optional<ag::Lang> lang;
  std::optional<ag::Date> date;
};

std::string repeat_to(const std::string& s, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += s;
  return out;
}

std::vector<Article> own_articles() {
  // 40 articles of about 2-3 KB each, German and English alternating.
  std::vector<Article> out;
  for (int i = 0; i < 20; ++i) {
    out.push_back({"own-de-" + std::to_string(i), repeat_to(kOwnGerman, 2000), ag::Lang::de, ag::Date{2023, 10, 5}});
    out.push_back({"own-en-" + std::to_string(i), repeat_to(kOwnEnglish, 2000), ag::Lang::en, ag::Date{2023, 10, 5}});
  }
  return out;
}

std::string corpus_dir() {
  if (const char* env = std::getenv("ACTORGRAPH_BENCH_CORPUS")) return env;
  return ACTORGRAPH_BENCH_CORPUS_DIR;
}

// The first articles of every *.jsonl in the corpus directory, up to about
// max_bytes of text per file; empty when the directory is absent.
std::vector<Article> corpus_articles(std::size_t max_bytes = 1 << 20) {
  std::vector<Article> out;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir(), ec)) {
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string line, error;
    std::size_t bytes = 0;
    while (bytes < max_bytes && std::getline(in, line)) {
      auto rec = ag::parse_corpus_line(line, &error);
      if (!rec) continue;
      bytes += rec->text.size();
      out.push_back({rec->id, std::move(rec->text), rec->lang, rec->date});
    }
  }
  return out;
}

const std::vector<Article>& inputs(int which) {
  static const std::vector<Article> own = own_articles();
  static const std::vector<Article> corpus = corpus_articles();
  return which == 0 ? own : corpus;
}

const char* input_name(int which) { return which == 0 ? "own" : "corpus"; }

// Skips the benchmark when its input set is empty (no corpus directory).
bool have_input(benchmark::State& state, int which) {
  if (!inputs(which).empty()) return true;
  state.SkipWithError(("no JSONL files in " + corpus_dir() + " (set ACTORGRAPH_BENCH_CORPUS)").c_str());
  return false;
}

// ---------------------------------------------------------------------------
// Stages, built once from data (optionally with the dictionary copied k times)

// Copies every data row of the actor and rule files `copies - 1` more times with
// renamed codes ("Q2RUS") and forms/cues that cannot occur in text ("russlandq2"),
// so the dictionary has k times as many distinct entries.
ag::DataBundle scaled_bundle(int copies) {
  ag::DataBundle b = ag::DataBundle::defaults();
  for (int k = 2; k <= copies; ++k) {
    const std::string mark = "q" + std::to_string(k);
    for (const auto& f : ag::embedded_files()) {
      bool actors = f.path.substr(0, 7) == "actors/";
      bool rules = f.path.substr(0, 6) == "rules/";
      if (!actors && !rules) continue;
      std::string out;
      std::istringstream in{std::string(f.content)};
      std::string line;
      bool first = true;
      while (std::getline(in, line)) {
        if (first || line.empty() || line[0] == '#') {
          out += line + "\n";
          first = false;
          continue;
        }
        std::vector<std::string> cols;
        std::size_t start = 0;
        while (true) {
          auto tab = line.find('\t', start);
          cols.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
          if (tab == std::string::npos) break;
          start = tab + 1;
        }
        // actors: code kind lang role form ...; rules: lang cue type source target ...
        std::string& word = actors ? cols[4] : cols[1];
        if (!actors && !word.empty() && word[0] == '=') word.erase(0, 1);  // a lemma cue becomes a word
        std::size_t end = word.find(' ');
        if (end == std::string::npos) end = word.size();
        if (end > 0 && word[end - 1] == '*') --end;  // keep the glob's open end
        word.insert(end, mark);
        if (actors) cols[0] = "Q" + std::to_string(k) + cols[0];
        for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "\t" : "") + cols[i];
        out += "\n";
      }
      b.add(ag::DataFile{"copy" + std::to_string(k) + "/" + std::string(f.path), out});
    }
  }
  return b;
}

struct Stages {
  ag::DataBundle data;
  ag::Lexicon lexicon;
  ag::Morphology morphology;
  ag::ActorDictionary dictionary;
  ag::Segmenter segmenter;
  ag::ActorMatcher matcher;
  ag::RuleSet rules;
  ag::RelationExtractor extractor;
  explicit Stages(ag::DataBundle d)
      : data(std::move(d)),
        lexicon(data),
        morphology(lexicon),
        dictionary(data),
        segmenter(lexicon),
        matcher(dictionary, lexicon),
        rules(data, morphology),
        extractor(rules, lexicon) {}
};

const Stages& stages(int copies = 1) {
  static std::map<int, std::unique_ptr<Stages>> cache;
  auto& s = cache[copies];
  if (!s) s = std::make_unique<Stages>(scaled_bundle(copies));
  return *s;
}

// Each later stage starts from the previous stage's output, computed once.
struct Prepared {
  std::vector<ag::Document> docs;  // segmented, language set
  std::vector<std::vector<ag::ActorMention>> mentions;
  std::vector<std::vector<ag::RelationMention>> relations;
  std::vector<ag::ActorGraph> graphs;
  std::size_t bytes = 0, tokens = 0, sentences = 0;
};

ag::Document segmented(const Stages& st, const Article& a) {
  ag::Document doc = ag::make_document(a.id, a.text);
  if (a.lang) doc.lang = *a.lang;
  if (a.date) doc.date = *a.date;
  st.segmenter.segment(doc);
  st.morphology.annotate(doc);
  if (!a.lang) doc.lang = ag::detect_language(doc, st.lexicon, st.morphology);
  return doc;
}

const Prepared& prepared(int which) {
  static std::map<int, Prepared> cache;
  auto it = cache.find(which);
  if (it != cache.end()) return it->second;
  Prepared p;
  const Stages& st = stages();
  for (const Article& a : inputs(which)) {
    p.docs.push_back(segmented(st, a));
    const ag::Document& doc = p.docs.back();
    p.mentions.push_back(st.matcher.match(doc));
    p.relations.push_back(st.extractor.extract(doc, p.mentions.back()));
    p.graphs.push_back(ag::build_graph(doc, p.mentions.back(), p.relations.back(), st.dictionary));
    p.bytes += a.text.size();
    p.tokens += doc.tokens.size();
    p.sentences += doc.sentences.size();
  }
  return cache.emplace(which, std::move(p)).first->second;
}

void report(benchmark::State& state, const Prepared& p) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * p.bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(state.iterations() * p.sentences),
                                                     benchmark::Counter::kIsRate);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * p.tokens), benchmark::Counter::kIsRate);
}

// ---------------------------------------------------------------------------
// Benchmarks; range(0) selects the input: 0 own, 1 corpus

void BM_Segment(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Stages& st = stages();
  const auto& as = inputs(which);
  for (auto _ : state) {
    for (const Article& a : as) {
      ag::Document doc = ag::make_document(a.id, a.text);
      if (a.lang) doc.lang = *a.lang;
      st.segmenter.segment(doc);
      st.morphology.annotate(doc);
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  report(state, prepared(which));
}

void BM_DetectLanguage(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Stages& st = stages();
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (const auto& doc : p.docs) benchmark::DoNotOptimize(ag::detect_language(doc, st.lexicon, st.morphology));
  }
  report(state, p);
}

void BM_MatchActors(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Stages& st = stages();
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (const auto& doc : p.docs) benchmark::DoNotOptimize(st.matcher.match(doc));
  }
  report(state, p);
}

// Rule matching: cue automaton, clauses, roles, modality (relation extraction).
void BM_ExtractRelations(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Stages& st = stages();
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.docs.size(); ++i) {
      benchmark::DoNotOptimize(st.extractor.extract(p.docs[i], p.mentions[i]));
    }
  }
  report(state, p);
}

void BM_BuildGraph(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Stages& st = stages();
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.docs.size(); ++i) {
      benchmark::DoNotOptimize(ag::build_graph(p.docs[i], p.mentions[i], p.relations[i], st.dictionary));
    }
  }
  report(state, p);
}

void BM_WriteDot(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (const auto& g : p.graphs) {
      std::ostringstream out;
      ag::write_dot(out, g);
      benchmark::DoNotOptimize(out.str().size());
    }
  }
  report(state, p);
}

void BM_WriteJson(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  const Prepared& p = prepared(which);
  for (auto _ : state) {
    for (const auto& g : p.graphs) benchmark::DoNotOptimize(ag::graph_to_json(g).dump().size());
  }
  report(state, p);
}

// Everything from bytes to graph, as Pipeline::run does it.
void BM_Pipeline(benchmark::State& state) {
  int which = static_cast<int>(state.range(0));
  if (!have_input(state, which)) return;
  state.SetLabel(input_name(which));
  static const ag::Pipeline pipeline(ag::DataBundle::defaults());
  const auto& as = inputs(which);
  for (auto _ : state) {
    for (const Article& a : as) {
      ag::ArticleOptions o;
      o.lang = a.lang;
      o.date = a.date;
      benchmark::DoNotOptimize(pipeline.run(ag::make_document(a.id, a.text), o).graph.id.size());
    }
  }
  report(state, prepared(which));
}

// Start-up: every stage built from the embedded data (what a one-article run pays).
void BM_LoadPipeline(benchmark::State& state) {
  for (auto _ : state) {
    ag::Pipeline p(ag::DataBundle::defaults());
    benchmark::DoNotOptimize(&p);
  }
}

// Matching cost against dictionary size: range(0) = copies of every actor and rule row.
void BM_MatchActors_DictScale(benchmark::State& state) {
  int copies = static_cast<int>(state.range(0));
  const Stages& st = stages(copies);
  const Prepared& p = prepared(0);
  state.SetLabel("own x" + std::to_string(copies) + " (" + std::to_string(st.dictionary.entries().size()) +
                 " entries)");
  for (auto _ : state) {
    for (const auto& doc : p.docs) benchmark::DoNotOptimize(st.matcher.match(doc));
  }
  report(state, p);
}

void BM_ExtractRelations_DictScale(benchmark::State& state) {
  int copies = static_cast<int>(state.range(0));
  const Stages& st = stages(copies);
  const Prepared& p = prepared(0);
  state.SetLabel("own x" + std::to_string(copies) + " (" + std::to_string(st.rules.rules().size()) + " rules)");
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.docs.size(); ++i) {
      benchmark::DoNotOptimize(st.extractor.extract(p.docs[i], p.mentions[i]));
    }
  }
  report(state, p);
}

}  // namespace

BENCHMARK(BM_Segment)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectLanguage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchActors)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractRelations)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteDot)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteJson)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pipeline)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadPipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchActors_DictScale)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractRelations_DictScale)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
