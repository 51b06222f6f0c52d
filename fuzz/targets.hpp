// One function per fuzz target: bytes in, every reader and writer on the way, and
// the properties that must hold whatever the bytes. Shared by the libFuzzer
// entry points (fuzz/fuzz_*.cpp) and the regression test that replays every
// input the fuzzers ever crashed on (tests/test_regression_fuzz.cpp).
//
// The library reports bad input by throwing actorgraph::Error; that is expected
// and swallowed here. Anything else escaping (std::out_of_range, nlohmann's
// exceptions, a broken property reported as FuzzFailure) is a bug: libFuzzer
// sees the uncaught exception as a crash, the regression test as a failure.
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/readers.hpp"
#include "actorgraph/export/render.hpp"
#include "actorgraph/store/store.hpp"
#include "actorgraph/pipeline.hpp"
#include "actorgraph/text/document.hpp"

namespace actorgraph::fuzz {

// A property the code under test broke.
class FuzzFailure : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

inline void require(bool ok, const std::string& what) {
  if (!ok) throw FuzzFailure(what);
}

// True when s is well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    auto c1 = n > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
      return false;
    }
    i += n;
  }
  return true;
}

// Every text writer on g, and the two round trips that must always work: our own
// DOT and our own JSON read back to the same actors and edges.
// Reads back a graph we wrote ourselves; failing to is a finding, not a user error.
template <typename Read>
ActorGraph read_back(const char* format, Read read) {
  try {
    return read();
  } catch (const Error& e) {
    throw FuzzFailure(std::string("our own ") + format + " does not read back: " + e.what());
  }
}

inline void check_writers(const ActorGraph& g) {
  for (const char* format : {"json", "events", "graphml", "csv"}) {
    ExportOptions o;
    o.compact = std::string_view(format) == "json";
    std::string out = export_graph(g, format, o);
    require(valid_utf8(out), std::string(format) + " output is not valid UTF-8");
  }
  std::size_t edges = 0;
  for (auto [it, end] = boost::edges(g.store()); it != end; ++it) ++edges;
  const std::size_t actors = boost::num_vertices(g.store());

  DotOptions dopts;
  dopts.include_negated = true;
  dopts.isolated = DotOptions::Isolated::draw;
  std::ostringstream dot;
  write_dot(dot, g, dopts);
  require(valid_utf8(dot.str()), "DOT output is not valid UTF-8");
  ActorGraph from_dot = read_back("DOT", [&] { return read_dot_graph(dot.str(), "round-trip.dot"); });
  require(boost::num_vertices(from_dot.store()) == actors, "DOT round trip changed the number of actors");
  std::size_t dot_edges = 0;
  for (auto [it, end] = boost::edges(from_dot.store()); it != end; ++it) ++dot_edges;
  require(dot_edges == edges, "DOT round trip changed the number of edges");

  std::ostringstream json;
  write_json(json, g);
  ActorGraph from_json = read_back("JSON", [&] { return read_json_graph(json.str(), "round-trip.json"); });
  require(boost::num_vertices(from_json.store()) == actors, "JSON round trip changed the number of actors");
}

// ---- targets ------------------------------------------------------------------

inline const Pipeline& default_pipeline() {
  static const Pipeline p(DataBundle::defaults());
  return p;
}

// Article bytes -> Document -> every stage -> graph -> writers. A first byte of
// 0x01 or 0x02 forces German or English (and is not part of the article).
inline void run_article(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ArticleOptions options;
  if (!bytes.empty() && (bytes[0] == '\x01' || bytes[0] == '\x02')) {
    options.lang = bytes[0] == '\x01' ? Lang::de : Lang::en;
    bytes.erase(0, 1);
  }
  Document doc;
  try {
    doc = make_document("fuzz", bytes);
  } catch (const Error&) {
    return;
  }
  require(valid_utf8(doc.text), "make_document left invalid UTF-8");
  require(doc.body.begin <= doc.body.end && doc.body.end <= doc.text.size(), "body outside the text");
  ArticleResult r;
  try {
    r = default_pipeline().run(std::move(doc), options);
  } catch (const Error&) {
    return;
  }
  const Document& d = r.doc;
  std::size_t prev_end = d.body.begin;
  for (const Token& t : d.tokens) {
    require(t.span.begin >= prev_end && t.span.begin < t.span.end && t.span.end <= d.body.end, "token span out of order");
    prev_end = t.span.end;
  }
  std::size_t next = 0;
  for (const Sentence& s : d.sentences) {
    require(s.first_token == next && s.first_token < s.end_token && s.end_token <= d.tokens.size(),
            "sentences do not cover the tokens in order");
    next = s.end_token;
  }
  require(next == d.tokens.size(), "sentences do not cover every token");
  for (const ActorMention& m : r.mentions) {
    require(m.first_token < m.end_token && m.end_token <= d.tokens.size() && m.sentence < d.sentences.size(),
            "mention outside the document");
  }
  for (const RelationMention& m : r.relations) {
    require(m.sentence < d.sentences.size() && m.cue.begin < m.cue.end && m.cue.end <= d.text.size(),
            "relation cue outside the document");
  }
  check_writers(r.graph);
}

// A graph file's bytes through the reader (DOT, or JSON when it starts with '{').
inline void run_graph_reader(const std::uint8_t* data, std::size_t size, bool dot_only) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ActorGraph g;
  try {
    g = dot_only ? read_dot_graph(text, "fuzz.dot") : read_graph_text(text, "fuzz");
  } catch (const Error&) {
    return;
  }
  check_writers(g);
}

inline void run_dot_reader(const std::uint8_t* data, std::size_t size) { run_graph_reader(data, size, true); }

inline void run_json_graph(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ActorGraph g;
  try {
    g = read_json_graph(text, "fuzz.json");
  } catch (const Error&) {
    return;
  }
  check_writers(g);
}

// parse_corpus_line's own scanner and nlohmann's parser give the same record or
// the same error for every line of the stream.
inline void check_jsonl_parsers(const std::string& stream) {
  std::istringstream in(stream);
  JsonlReader reader(in, "fuzz.jsonl");
  while (std::optional<RawJsonlLine> raw = reader.next_raw()) {
    std::string scanned_error, reference_error;
    auto scanned = parse_corpus_line(raw->text, &scanned_error, JsonlParser::scanner);
    auto reference = parse_corpus_line(raw->text, &reference_error, JsonlParser::nlohmann);
    require(scanned_error == reference_error, "the JSONL scanner and nlohmann give different errors");
    require(scanned.has_value() == reference.has_value(), "the JSONL scanner and nlohmann disagree on a line");
    if (!scanned) continue;
    require(scanned->id == reference->id && scanned->text == reference->text && scanned->date == reference->date &&
                scanned->lang == reference->lang && scanned->source == reference->source,
            "the JSONL scanner and nlohmann read different fields");
  }
}

// A JSONL corpus stream: every line parsed (by both parsers, which must agree),
// every record's text made a Document.
inline void run_jsonl(const std::uint8_t* data, std::size_t size) {
  const std::string stream(reinterpret_cast<const char*>(data), size);
  check_jsonl_parsers(stream);
  std::istringstream in(stream);
  JsonlReader reader(in, "fuzz.jsonl");
  std::size_t last = 0;
  while (true) {
    std::optional<JsonlLine> line;
    try {
      line = reader.next();
    } catch (const Error&) {
      return;
    }
    if (!line) break;
    require(line->line > last, "line numbers do not increase");
    last = line->line;
    require(line->record.has_value() != !line->error.empty(), "a line is neither a record nor an error");
    if (!line->record) continue;
    require(!line->record->id.empty(), "a record without an id");
    require(valid_utf8(line->record->id), "a record id is not valid UTF-8");
    try {
      Document doc = make_document(line->record->id, line->record->text);
      require(valid_utf8(doc.text), "make_document left invalid UTF-8");
    } catch (const Error&) {
    }
  }
}

// A dictionary or rule file (the first byte picks the format tag unless the file
// carries one) loaded into a pipeline, alone or on top of the built-in data,
// which then analyses two fixed articles.
inline void run_dict(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  static const char* const kTags[] = {"#actorgraph-actors 1\n", "#actorgraph-rules 1\n", "#actorgraph-text 1\n",
                                      "#actorgraph-modality 1\n"};
  const std::uint8_t selector = data[0];
  std::string content(reinterpret_cast<const char*>(data + 1), size - 1);
  if (content.rfind("#actorgraph-", 0) != 0) content = kTags[selector & 3] + content;
  DataBundle bundle = (selector & 4) ? DataBundle::defaults() : DataBundle();
  std::unique_ptr<Pipeline> pipeline;
  try {
    bundle.add(DataFile{"fuzz.tsv", content});
    pipeline = std::make_unique<Pipeline>(bundle);
  } catch (const Error&) {
    return;
  }
  for (const char* text : {"Xyzland and France signed a defence agreement in Paris. Russia criticised the deal.",
                           "Frankreich und Polen vereinbarten eine engere Zusammenarbeit. Russland kritisierte das."}) {
    try {
      ArticleResult r = pipeline->run(make_document("fuzz", text), ArticleOptions{});
      check_writers(r.graph);
    } catch (const Error&) {
    }
  }
}

// User DOT through the reader (with its bounds on what reaches Graphviz's parser)
// and, when it reads, drawn as SVG by Graphviz (with the picture bounds): Graphviz
// lays out only the DOT we write. Whatever the bytes: no crash, the SVG is an SVG.
inline void run_render(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ActorGraph g;
  try {
    g = read_dot_graph(text, "fuzz.dot");
  } catch (const Error&) {
    return;
  }
  std::string svg;
  try {
    svg = export_graph(g, "svg");
  } catch (const InputError& e) {
    // Only a bound may stop the drawing (our DOT escapes labels, so a label just
    // under the bound in user DOT can be over it in ours).
    const std::string why = e.what();
    require(why.find("Graphviz's parser") != std::string::npos || why.find("too big to draw") != std::string::npos,
            "a graph read from DOT failed to draw: " + why);
    return;
  }
  require(svg.find("<svg") != std::string::npos, "SVG output without <svg");
  require(valid_utf8(svg), "SVG output is not UTF-8");
}

// An SQLite file as a store: opened, checked (db stats: integrity, UTF-8, counts),
// queried for every relation (db graph), and the graph through every writer. A
// damaged or foreign file is an Error, never a crash; what a query returns is
// valid UTF-8 with valid actor codes.
inline void run_store(const std::uint8_t* data, std::size_t size) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("actorgraph-fuzz-store-" + std::to_string(::getpid()) + ".sqlite"))
          .string();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    Store store(path, false);
    store.stats(5);
    ActorGraph g = store.query_graph(GraphQuery{});
    check_writers(g);
  } catch (const Error&) {
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

}  // namespace actorgraph::fuzz
