#include "actorgraph/compare/analysis.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <random>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

namespace actorgraph {
namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

std::string fixed(double x, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// An edge that counts in the signed structure: said as fact or as a claim.
bool signed_modality(Modality m) { return m == Modality::asserted || m == Modality::alleged; }

struct IndexedTie {
  std::size_t u, v;
  long w;    // |net| > 0
  int sign;  // +1 / -1
};

long frustration_of(const std::vector<IndexedTie>& ties, const std::vector<char>& side) {
  long f = 0;
  for (const auto& t : ties) {
    bool same = side[t.u] == side[t.v];
    if ((t.sign > 0 && !same) || (t.sign < 0 && same)) f += t.w;
  }
  return f;
}

// Single-vertex flips while one lowers the frustration (the best flip first).
void improve(const std::vector<std::vector<std::pair<std::size_t, const IndexedTie*>>>& adj, std::vector<char>& side) {
  while (true) {
    long best_gain = 0;
    std::size_t best = adj.size();
    for (std::size_t i = 0; i < adj.size(); ++i) {
      long gain = 0;  // frustration removed minus added by flipping i
      for (const auto& [j, t] : adj[i]) {
        bool same = side[i] == side[j];
        bool frustrated = (t->sign > 0 && !same) || (t->sign < 0 && same);
        gain += frustrated ? t->w : -t->w;
      }
      if (gain > best_gain) {
        best_gain = gain;
        best = i;
      }
    }
    if (best == adj.size()) return;
    side[best] = static_cast<char>(!side[best]);
  }
}

nlohmann::json tie_json(const SignedTie& t) {
  return {{"a", t.a.str()}, {"b", t.b.str()}, {"sign", t.sign()}, {"net", t.net},
          {"positive", t.positive}, {"negative", t.negative}};
}

nlohmann::json codes_json(const std::vector<ActorCode>& cs) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& c : cs) j.push_back(c.str());
  return j;
}

std::size_t pos_of(const std::vector<ActorStats>& actors, const ActorCode& code) {
  auto it = std::lower_bound(actors.begin(), actors.end(), code,
                             [](const ActorStats& s, const ActorCode& c) { return s.code < c; });
  return static_cast<std::size_t>(it - actors.begin());
}

nlohmann::json split_json(const ComponentSigns& c, const GraphAnalysis& a) {
  nlohmann::json frustrated = nlohmann::json::array();
  for (const auto& t : c.split.frustrated) frustrated.push_back(tie_json(t));
  return {{"component", c.component + 1},
          {"actors", a.components[c.component].size()},
          {"signed_ties", c.ties},
          {"bloc1", codes_json(c.split.bloc1)},
          {"bloc2", codes_json(c.split.bloc2)},
          {"unaligned", codes_json(c.split.unaligned)},
          {"frustration", c.split.frustration},
          {"total_weight", c.split.total_weight},
          {"frustrated_ties", std::move(frustrated)},
          {"fit", c.split.fit()},
          {"search", c.split.exact ? "exact" : "local"}};
}

nlohmann::json triads_json(const TriadCensus& t) {
  nlohmann::json j = {{"total", t.total()}, {"+++", t.ppp}, {"++-", t.ppn}, {"+--", t.pnn},
                      {"---", t.nnn},       {"balanced", t.balanced()}, {"balance", nullptr}};
  if (t.defined()) j["balance"] = t.balance();
  return j;
}

std::string balance_text(const TriadCensus& t) { return t.defined() ? fixed(t.balance()) : "n/a"; }

}  // namespace

BlocSplit best_split(const std::vector<ActorCode>& actor_list, const std::vector<SignedTie>& ties,
                     const AnalysisOptions& options) {
  BlocSplit s;
  std::set<ActorCode> aligned_set;
  for (const auto& t : ties) {
    if (t.sign() == 0) continue;
    aligned_set.insert(t.a);
    aligned_set.insert(t.b);
  }
  std::vector<ActorCode> aligned(aligned_set.begin(), aligned_set.end());
  for (const auto& c : actor_list) {
    if (!aligned_set.count(c)) s.unaligned.push_back(c);
  }
  std::sort(s.unaligned.begin(), s.unaligned.end());
  std::map<ActorCode, std::size_t> index;
  for (std::size_t i = 0; i < aligned.size(); ++i) index[aligned[i]] = i;
  std::vector<IndexedTie> it;
  for (const auto& t : ties) {
    if (t.sign() == 0) continue;
    it.push_back({index[t.a], index[t.b], t.net > 0 ? t.net : -t.net, t.sign()});
    s.total_weight += it.back().w;
  }
  s.ties = it.size();
  const std::size_t n = aligned.size();
  std::vector<char> best(n, 0);
  if (n == 0) return s;
  long best_f = frustration_of(it, best);
  if (n <= options.exact_limit) {
    s.exact = true;
    std::vector<char> side(n, 0);
    const std::uint64_t count = std::uint64_t{1} << (n - 1);  // actor 0 stays in bloc 1
    for (std::uint64_t mask = 1; mask < count && best_f > 0; ++mask) {
      for (std::size_t i = 1; i < n; ++i) side[i] = static_cast<char>((mask >> (i - 1)) & 1);
      long f = frustration_of(it, side);
      if (f < best_f) {
        best_f = f;
        best = side;
      }
    }
  } else {
    s.exact = false;
    std::vector<std::vector<std::pair<std::size_t, const IndexedTie*>>> adj(n);
    for (const auto& t : it) {
      adj[t.u].push_back({t.v, &t});
      adj[t.v].push_back({t.u, &t});
    }
    std::vector<std::vector<char>> starts;
    starts.emplace_back(n, 0);
    {  // signs propagated along a breadth-first search from each unvisited actor
      std::vector<char> side(n, 0), seen(n, 0);
      for (std::size_t r = 0; r < n; ++r) {
        if (seen[r]) continue;
        std::vector<std::size_t> queue{r};
        seen[r] = 1;
        for (std::size_t q = 0; q < queue.size(); ++q) {
          std::size_t u = queue[q];
          for (const auto& [v, t] : adj[u]) {
            if (seen[v]) continue;
            seen[v] = 1;
            side[v] = static_cast<char>(t->sign > 0 ? side[u] : !side[u]);
            queue.push_back(v);
          }
        }
      }
      starts.push_back(side);
    }
    std::mt19937 rng(options.seed);
    for (std::size_t r = 0; r < options.restarts; ++r) {
      std::vector<char> side(n);
      for (auto& x : side) x = static_cast<char>(rng() & 1);
      starts.push_back(std::move(side));
    }
    best_f = -1;
    for (auto& side : starts) {
      improve(adj, side);
      long f = frustration_of(it, side);
      if (best_f < 0 || f < best_f) {
        best_f = f;
        best = side;
      }
    }
  }
  // Orient each connected group of signed ties so that its alphabetically first
  // actor is in bloc 1: groups without ties between them have no relative
  // alignment, and flipping a whole group leaves the frustration unchanged.
  {
    std::vector<std::vector<std::size_t>> adj(n);
    for (const auto& t : it) {
      adj[t.u].push_back(t.v);
      adj[t.v].push_back(t.u);
    }
    std::vector<char> seen(n, 0);
    for (std::size_t r = 0; r < n; ++r) {
      if (seen[r]) continue;
      std::vector<std::size_t> group{r};
      seen[r] = 1;
      for (std::size_t q = 0; q < group.size(); ++q) {
        for (std::size_t v : adj[group[q]]) {
          if (!seen[v]) {
            seen[v] = 1;
            group.push_back(v);
          }
        }
      }
      if (best[r]) {
        for (std::size_t v : group) best[v] = static_cast<char>(!best[v]);
      }
    }
  }
  s.frustration = best_f;
  for (std::size_t i = 0; i < n; ++i) (best[i] ? s.bloc2 : s.bloc1).push_back(aligned[i]);
  for (const auto& t : ties) {
    if (t.sign() == 0) continue;
    bool same = best[index[t.a]] == best[index[t.b]];
    if ((t.sign() > 0 && !same) || (t.sign() < 0 && same)) {
      ++s.frustrated_ties;
      s.frustrated.push_back(t);
    }
  }
  return s;
}

GraphAnalysis analyze_graph(const ActorGraph& g, const AnalysisOptions& options) {
  GraphAnalysis r;
  std::vector<Vertex> nodes = g.sorted_nodes();
  const std::size_t n = nodes.size();
  std::map<Vertex, std::size_t> pos;
  for (std::size_t i = 0; i < n; ++i) {
    pos[nodes[i]] = i;
    ActorStats a;
    a.code = g.node(nodes[i]).code;
    a.label = g.node(nodes[i]).label;
    r.actors.push_back(a);
  }
  // Distinct neighbour pairs (structure) and signed sums per pair.
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  std::map<std::pair<std::size_t, std::size_t>, SignedTie> sums;
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    if (d.modality == Modality::negated) continue;
    std::size_t u = pos[source(e, g.store())], v = pos[target(e, g.store())];
    if (u == v) continue;
    r.actors[u].weighted_degree += d.weight;
    r.actors[v].weighted_degree += d.weight;
    if (is_directed(d.type)) {
      ++r.actors[u].out_edges;
      ++r.actors[v].in_edges;
    }
    auto key = std::minmax(u, v);
    pairs.insert(key);
    if (!signed_modality(d.modality)) continue;
    SignedTie& t = sums[key];
    t.a = r.actors[key.first].code;
    t.b = r.actors[key.second].code;
    if (is_cooperative(d.type)) {
      t.net += static_cast<long>(d.weight);
      t.positive += d.weight;
    } else {
      t.net -= static_cast<long>(d.weight);
      t.negative += d.weight;
    }
  }
  Undirected ug(n);
  for (const auto& [u, v] : pairs) {
    boost::add_edge(u, v, ug);
    ++r.actors[u].neighbours;
    ++r.actors[v].neighbours;
  }
  // Betweenness: Brandes' algorithm (Boost counts each unordered pair once on an
  // undirected graph), divided by the number of pairs not involving the actor,
  // (n-1)(n-2)/2.
  if (n > 0) {
    std::vector<double> cb(n, 0.0);
    boost::brandes_betweenness_centrality(
        ug, boost::centrality_map(boost::make_iterator_property_map(cb.begin(), get(boost::vertex_index, ug))));
    double norm = n > 2 ? static_cast<double>((n - 1) * (n - 2)) / 2.0 : 1.0;
    for (std::size_t i = 0; i < n; ++i) {
      r.actors[i].betweenness = n > 2 ? cb[i] / norm : 0.0;
      r.actors[i].degree_centrality =
          n > 1 ? static_cast<double>(r.actors[i].neighbours) / static_cast<double>(n - 1) : 0.0;
    }
    std::vector<int> comp(n);
    int count = boost::connected_components(ug, comp.data());
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < n; ++i) members[static_cast<std::size_t>(comp[i])].push_back(i);
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    for (std::size_t c = 0; c < members.size(); ++c) {
      std::vector<ActorCode> codes;
      for (std::size_t i : members[c]) {
        r.actors[i].component = c;
        codes.push_back(r.actors[i].code);
      }
      r.components.push_back(std::move(codes));
    }
  }
  // Signed ties and triads, overall and per component (a triangle lies in one).
  std::map<std::size_t, ComponentSigns> per_component;
  std::map<std::size_t, std::map<std::size_t, int>> sign_adj;
  for (const auto& [key, t] : sums) {
    if (t.sign() == 0) {
      ++r.ambivalent_pairs;
      continue;
    }
    r.ties.push_back(t);
    ++per_component[r.actors[key.first].component].ties;
    sign_adj[key.first][key.second] = t.sign();
    sign_adj[key.second][key.first] = t.sign();
    (t.sign() > 0 ? r.actors[key.first].positive_ties : r.actors[key.first].negative_ties)++;
    (t.sign() > 0 ? r.actors[key.second].positive_ties : r.actors[key.second].negative_ties)++;
  }
  auto count_triad = [](TriadCensus& c, int neg) {
    switch (neg) {
      case 0: ++c.ppp; break;
      case 1: ++c.ppn; break;
      case 2: ++c.pnn; break;
      default: ++c.nnn; break;
    }
  };
  for (const auto& [u, nu] : sign_adj) {
    for (const auto& [v, suv] : nu) {
      if (v <= u) continue;
      for (const auto& [w, svw] : sign_adj[v]) {
        if (w <= v) continue;
        auto uw = nu.find(w);
        if (uw == nu.end()) continue;
        int neg = (suv < 0) + (svw < 0) + (uw->second < 0);
        count_triad(r.triads, neg);
        count_triad(per_component[r.actors[u].component].triads, neg);
        if (neg == 1 || neg == 3) r.unbalanced.push_back({r.actors[u].code, r.actors[v].code, r.actors[w].code, neg});
      }
    }
  }
  r.min_ties = options.min_ties;
  for (auto& [c, signs] : per_component) {
    signs.component = c;
    signs.split_done = signs.ties >= options.min_ties;
    if (signs.split_done) {
      std::vector<SignedTie> ties;
      for (const auto& t : r.ties) {
        if (r.actors[pos_of(r.actors, t.a)].component == c) ties.push_back(t);
      }
      signs.split = best_split(r.components[c], ties, options);
    }
    r.signed_components.push_back(std::move(signs));
  }
  return r;
}

std::vector<std::string> analysis_caveats(const GraphAnalysis& a, const AnalysisContext& context) {
  std::vector<std::string> out;
  std::size_t split = 0, small = 0;
  for (const auto& c : a.signed_components) (c.split_done ? split : small)++;
  if (a.signed_components.size() > 1) {
    out.push_back("the signed ties fall into " + std::to_string(a.signed_components.size()) +
                  " separate components: actors in different components have no relation that could put them "
                  "in one bloc, so blocs are found inside each component, never across");
  }
  if (small > 0) {
    out.push_back(std::to_string(small) + (small == 1 ? " component has" : " components have") + " fewer than " +
                  std::to_string(a.min_ties) + " signed ties: too few to say anything about blocs, not split");
  }
  if (a.ties.empty()) out.push_back("no signed tie: there is nothing to split into blocs");
  if (!a.triads.defined()) {
    out.push_back("no triangle of signed ties: structural balance cannot be judged (n/a, not 1.000)");
  } else if (a.triads.total() < 5) {
    out.push_back("only " + std::to_string(a.triads.total()) + " triangle" + (a.triads.total() == 1 ? "" : "s") +
                  " of signed ties: the balance figure rests on very little");
  }
  if (!context.first.empty() && context.first.year != context.last.year) {
    out.push_back("the articles span " + context.first.str() + " to " + context.last.str() +
                  ": ties from different years are added up as if they held at once (use --since/--until for "
                  "one period)");
  }
  if (context.undated > 0) {
    out.push_back(std::to_string(context.undated) + " of " + std::to_string(context.articles) +
                  " articles have no date");
  }
  return out;
}

nlohmann::json analysis_to_json(const GraphAnalysis& a, const std::vector<std::string>& caveats) {
  using nlohmann::json;
  json actors = json::array();
  for (const auto& s : a.actors) {
    actors.push_back({{"code", s.code.str()},
                      {"name", s.label},
                      {"neighbours", s.neighbours},
                      {"in_edges", s.in_edges},
                      {"out_edges", s.out_edges},
                      {"weighted_degree", s.weighted_degree},
                      {"degree_centrality", s.degree_centrality},
                      {"betweenness", s.betweenness},
                      {"component", s.component},
                      {"positive_ties", s.positive_ties},
                      {"negative_ties", s.negative_ties}});
  }
  json comps = json::array();
  for (const auto& c : a.components) comps.push_back(codes_json(c));
  json ties = json::array();
  for (const auto& t : a.ties) ties.push_back(tie_json(t));
  json unbalanced = json::array();
  for (const auto& t : a.unbalanced) {
    unbalanced.push_back({{"actors", {t.a.str(), t.b.str(), t.c.str()}}, {"negative_ties", t.negatives}});
  }
  json triads = triads_json(a.triads);
  triads["unbalanced"] = std::move(unbalanced);
  json blocs = json::array();
  std::size_t not_split = 0;
  for (const auto& c : a.signed_components) {
    if (c.split_done) blocs.push_back(split_json(c, a));
    else ++not_split;
  }
  return {{"actors", std::move(actors)},
          {"components", std::move(comps)},
          {"signed_ties", std::move(ties)},
          {"ambivalent_pairs", a.ambivalent_pairs},
          {"triads", std::move(triads)},
          {"blocs", std::move(blocs)},
          {"min_ties", a.min_ties},
          {"components_not_split", not_split},
          {"caveats", caveats}};
}

void write_analysis_text(std::ostream& out, const GraphAnalysis& a, const ActorGraph& g, std::size_t top,
                         const std::vector<std::string>& caveats) {
  out << g.id << ": " << a.actors.size() << " actors, " << num_edges(g.store()) << " typed edges, "
      << a.components.size() << (a.components.size() == 1 ? " component" : " components") << "\n";
  for (const auto& c : caveats) out << "  note: " << c << "\n";
  out << "\n";
  std::vector<const ActorStats*> order;
  for (const auto& s : a.actors) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [](const ActorStats* x, const ActorStats* y) {
    if (x->betweenness != y->betweenness) return x->betweenness > y->betweenness;
    return x->neighbours > y->neighbours;
  });
  if (top > 0 && order.size() > top) order.resize(top);
  char line[160];
  out << "centrality (by betweenness)\n";
  std::snprintf(line, sizeof line, "  %-10s %6s %4s %4s %6s %8s %11s\n", "actor", "nbrs", "in", "out", "wdeg", "degree",
                "betweenness");
  out << line;
  for (const ActorStats* s : order) {
    std::snprintf(line, sizeof line, "  %-10s %6zu %4zu %4zu %6zu %8.3f %11.3f\n", s->code.str().c_str(), s->neighbours,
                  s->in_edges, s->out_edges, s->weighted_degree, s->degree_centrality, s->betweenness);
    out << line;
  }
  out << "\ncomponents\n";
  std::size_t isolated = 0;
  for (std::size_t c = 0; c < a.components.size(); ++c) {
    if (a.components[c].size() == 1) {
      ++isolated;
      continue;
    }
    out << "  " << c + 1 << " (" << a.components[c].size() << "):";
    for (const auto& code : a.components[c]) out << " " << code.str();
    out << "\n";
  }
  if (isolated > 0) out << "  and " << isolated << " actors without any relation\n";
  out << "\nsigned ties (cooperative +, conflictual -): " << a.ties.size() << ", ambivalent pairs: " << a.ambivalent_pairs
      << "\n";
  for (const auto& t : a.ties) {
    out << "  " << (t.sign() > 0 ? "+ " : "- ") << t.a.str() << " -- " << t.b.str() << "  (net " << t.net << ")\n";
  }
  out << "\ntriads: " << a.triads.total() << "  +++ " << a.triads.ppp << "  +-- " << a.triads.pnn << "  ++- "
      << a.triads.ppn << "  --- " << a.triads.nnn << "  balance " << balance_text(a.triads) << "\n";
  for (const auto& t : a.unbalanced) {
    out << "  unbalanced: " << t.a.str() << " " << t.b.str() << " " << t.c.str() << " (" << t.negatives
        << " negative)\n";
  }
  out << "\nblocs, per component with at least " << a.min_ties << " signed ties\n";
  std::size_t not_split = 0;
  for (const auto& c : a.signed_components) {
    if (!c.split_done) {
      ++not_split;
      continue;
    }
    const BlocSplit& s = c.split;
    out << "  component " << c.component + 1 << " (" << a.components[c.component].size() << " actors, " << c.ties
        << " signed ties, " << (s.exact ? "exact search" : "local search") << "): frustration " << s.frustration
        << " of " << s.total_weight << ", fit " << fixed(s.fit()) << ", triads " << c.triads.total() << ", balance "
        << balance_text(c.triads) << "\n    bloc 1:";
    for (const auto& x : s.bloc1) out << " " << x.str();
    out << "\n    bloc 2:";
    for (const auto& x : s.bloc2) out << " " << x.str();
    out << "\n";
    if (!s.unaligned.empty()) out << "    unaligned: " << s.unaligned.size() << "\n";
    for (const auto& t : s.frustrated) {
      out << "    against the split: " << (t.sign() > 0 ? "+ " : "- ") << t.a.str() << " -- " << t.b.str() << "\n";
    }
  }
  if (not_split > 0) {
    out << "  " << not_split << (not_split == 1 ? " component" : " components") << " with fewer signed ties: not split\n";
  }
  if (a.signed_components.empty()) out << "  (none)\n";
}

}  // namespace actorgraph
