#include "actorgraph/compare/similarity.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "actorgraph/compare/diff.hpp"
#include "actorgraph/export/tables.hpp"

namespace actorgraph {
namespace {

template <class T>
std::size_t common_count(const std::vector<T>& a, const std::vector<T>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

std::string fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

nlohmann::json pair_json(const SimilarityReport& r, const PairScore& p) {
  nlohmann::json j{{"a", r.ids[p.a]},       {"b", r.ids[p.b]},
                   {"similarity", p.score}, {"jaccard_actors", nullptr},
                   {"jaccard_edges", nullptr}, {"shared_actors", p.shared_actors},
                   {"shared_edges", p.shared_edges}};
  if (p.actors_defined) j["jaccard_actors"] = p.actors;
  if (p.edges_defined) j["jaccard_edges"] = p.edges;
  return j;
}

}  // namespace

std::string_view to_string(Measure m) {
  switch (m) {
    case Measure::actors: return "actors";
    case Measure::edges: return "edges";
    case Measure::mean: return "mean";
  }
  return "mean";
}

std::optional<Measure> parse_measure(std::string_view s) {
  if (s == "actors") return Measure::actors;
  if (s == "edges") return Measure::edges;
  if (s == "mean") return Measure::mean;
  return std::nullopt;
}

GraphSignature signature_of(const ActorGraph& g, bool include_negated) {
  return GraphSignature{g.id, g.date, actor_set(g), edge_set(g, include_negated)};
}

PairScore score_pair(const std::vector<GraphSignature>& sigs, std::size_t a, std::size_t b, Measure m) {
  const GraphSignature& x = sigs[a];
  const GraphSignature& y = sigs[b];
  PairScore p;
  p.a = a;
  p.b = b;
  p.shared_actors = common_count(x.actors, y.actors);
  p.shared_edges = common_count(x.edges, y.edges);
  auto jac = [](std::size_t common, std::size_t nx, std::size_t ny) {
    return nx + ny == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(nx + ny - common);
  };
  p.actors_defined = !x.actors.empty() || !y.actors.empty();
  p.edges_defined = !x.edges.empty() || !y.edges.empty();
  p.actors = jac(p.shared_actors, x.actors.size(), y.actors.size());
  p.edges = jac(p.shared_edges, x.edges.size(), y.edges.size());
  switch (m) {
    case Measure::actors: p.score = p.actors; break;
    case Measure::edges: p.score = p.edges; break;
    case Measure::mean:
      p.score = p.actors_defined && p.edges_defined ? (p.actors + p.edges) / 2 : p.actors_defined ? p.actors : p.edges;
      break;
  }
  return p;
}

std::size_t similarity_csv_bytes(std::size_t n) { return n * n * 7; }  // ",0.1234" per cell

SimilarityReport similarity_report(const std::vector<GraphSignature>& sigs, Measure m, std::size_t top,
                                   bool with_matrix) {
  SimilarityReport r;
  r.measure = m;
  const std::size_t n = sigs.size();
  for (const auto& s : sigs) r.ids.push_back(s.id);
  if (with_matrix) r.matrix.assign(n, std::vector<double>(n, 1.0));
  std::vector<PairScore> overlapping, sharing_actors;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      PairScore p = score_pair(sigs, i, j, m);
      if (with_matrix) r.matrix[i][j] = r.matrix[j][i] = p.score;
      ++r.pairs;
      if (p.shared_actors == 0) ++r.disjoint_pairs;
      if (!p.edges_defined) {
        ++r.edgeless_pairs;
        continue;
      }
      if (p.shared_actors > 0 || p.shared_edges > 0) overlapping.push_back(p);
      if (p.shared_actors > 0) sharing_actors.push_back(p);
    }
  }
  auto by_ids = [&](const PairScore& x, const PairScore& y) {
    if (r.ids[x.a] != r.ids[y.a]) return r.ids[x.a] < r.ids[y.a];
    return r.ids[x.b] < r.ids[y.b];
  };
  std::stable_sort(overlapping.begin(), overlapping.end(), [&](const PairScore& x, const PairScore& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.shared_edges != y.shared_edges) return x.shared_edges > y.shared_edges;
    if (x.shared_actors != y.shared_actors) return x.shared_actors > y.shared_actors;
    return by_ids(x, y);
  });
  std::stable_sort(sharing_actors.begin(), sharing_actors.end(), [&](const PairScore& x, const PairScore& y) {
    return x.score != y.score ? x.score < y.score : by_ids(x, y);
  });
  if (overlapping.size() > top) overlapping.resize(top);
  if (sharing_actors.size() > top) sharing_actors.resize(top);
  r.most_similar = std::move(overlapping);
  r.least_similar = std::move(sharing_actors);
  return r;
}

void write_similarity_csv(std::ostream& out, const SimilarityReport& r) {
  out << "id";
  for (const auto& id : r.ids) out << "," << csv_field(id);
  out << "\n";
  for (std::size_t i = 0; i < r.ids.size(); ++i) {
    out << csv_field(r.ids[i]);
    for (double v : r.matrix[i]) out << "," << fixed(v, 4);
    out << "\n";
  }
}

nlohmann::json similarity_to_json(const SimilarityReport& r) {
  nlohmann::json j;
  j["measure"] = std::string(to_string(r.measure));
  j["ids"] = r.ids;
  j["matrix"] = r.matrix;
  j["pairs"] = r.pairs;
  j["disjoint_pairs"] = r.disjoint_pairs;
  j["edgeless_pairs"] = r.edgeless_pairs;
  j["most_similar"] = nlohmann::json::array();
  for (const auto& p : r.most_similar) j["most_similar"].push_back(pair_json(r, p));
  j["least_similar"] = nlohmann::json::array();
  for (const auto& p : r.least_similar) j["least_similar"].push_back(pair_json(r, p));
  return j;
}

void write_similarity_text(std::ostream& out, const SimilarityReport& r) {
  out << r.ids.size() << " graphs, " << r.pairs << " pairs (" << r.disjoint_pairs << " share no actor, "
      << r.edgeless_pairs << " have no edge on either side and are not ranked); similarity = " << (r.measure == Measure::mean ? "mean of actor and edge Jaccard"
                                               : r.measure == Measure::actors ? "Jaccard of actor sets"
                                                                              : "Jaccard of typed edge sets")
      << "\n";
  auto list = [&](const char* title, const std::vector<PairScore>& ps) {
    out << title << "\n";
    if (ps.empty()) out << "  (none)\n";
    for (const auto& p : ps) {
      out << "  " << fixed(p.score, 3) << "  " << r.ids[p.a] << "  " << r.ids[p.b] << "  (actors "
          << (p.actors_defined ? fixed(p.actors, 2) : "n/a") << ", " << p.shared_actors << " shared; edges "
          << (p.edges_defined ? fixed(p.edges, 2) : "n/a") << ", " << p.shared_edges << " shared)\n";
    }
  };
  list("most similar pairs (sharing an actor or edge):", r.most_similar);
  list("least similar pairs among those sharing an actor:", r.least_similar);
}

}  // namespace actorgraph
