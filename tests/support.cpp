#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

namespace actorgraph::test {

const Pipeline& pipeline() {
  static const Pipeline p(DataBundle::defaults().without("model"));
  return p;
}

const Pipeline& full_pipeline() {
  static const Pipeline p(DataBundle::defaults());
  return p;
}

ArticleResult run(const std::string& text, Lang lang, const std::string& date) {
  Document doc = make_document("test", text);
  ArticleOptions o;
  if (lang != Lang::unknown) o.lang = lang;
  if (!date.empty()) o.date = parse_date(date);
  return pipeline().run(std::move(doc), o);
}

std::string actors(const ArticleResult& r) {
  std::string out;
  for (Vertex v : r.graph.sorted_nodes()) {
    const ActorNode& n = r.graph.node(v);
    if (n.kind == ActorKind::collective || n.mentions == 0) continue;
    out += (out.empty() ? "" : " ") + n.code.str();
  }
  return out;
}

std::string edges(const ArticleResult& r) {
  std::set<std::string> all;
  for (EdgeId e : r.graph.sorted_edges()) {
    EdgeKey k = r.graph.key(e);
    const RelationEdge& d = r.graph.store()[e];
    all.insert(k.source.str() + (is_directed(k.type) ? ">" : "-") + k.target.str() + " " +
               std::string(to_string(k.type)) + " " + std::string(to_string(d.modality)));
  }
  std::string out;
  for (const auto& s : all) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void check_edge_cases(const std::vector<EdgeCase>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(edges(run(c.text, c.lang)) == c.edges);
  }
}

std::vector<std::string> random_strings(const std::vector<std::string>& alphabet, std::size_t max_pieces, int count,
                                        unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(0, max_pieces);
  std::vector<std::string> out;
  for (int n = 0; n < count; ++n) {
    std::string s;
    for (std::size_t k = length(rng); k > 0; --k) s += alphabet[pick(rng)];
    out.push_back(std::move(s));
  }
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const std::filesystem::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

Scratch::Scratch(const std::string& prefix, const std::string& name) {
  namespace fs = std::filesystem;
  dir = fs::temp_directory_path() / ("actorgraph-" + prefix + "-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
}

Scratch::~Scratch() {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

Ran Scratch::run(std::string args) const {
  const std::string bin = std::string("'") + ACTORGRAPH_BINARY + "'";
  for (auto p = args.find("| AG "); p != std::string::npos; p = args.find("| AG ", p + bin.size())) {
    args.replace(p + 2, 2, bin);
  }
  std::filesystem::path out = dir / ".stdout", err = dir / ".stderr";
  std::string cmd = "cd '" + dir.string() + "' && ACTORGRAPH_DB= " + bin + " " + args + " >'" + out.string() +
                    "' 2>'" + err.string() + "'";
  if (args.find('<') == std::string::npos && args.find('|') == std::string::npos) cmd += " </dev/null";
  int rc = std::system(cmd.c_str());
  Ran r;
  r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::error_code ec;
  std::filesystem::remove(out, ec);
  std::filesystem::remove(err, ec);
  return r;
}

}  // namespace actorgraph::test
