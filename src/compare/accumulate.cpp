#include "actorgraph/compare/accumulate.hpp"

#include <set>
#include <tuple>

#include "actorgraph/graph/merge.hpp"

namespace actorgraph {
namespace {

// (year, month, day) of the first and last day a possibly partial date names.
std::tuple<int, int, int> first_day(const Date& d) { return {d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day}; }
std::tuple<int, int, int> last_day(const Date& d) { return {d.year, d.month == 0 ? 12 : d.month, d.day == 0 ? 31 : d.day}; }

}  // namespace

void GraphAccumulator::add(ActorGraph g) {
  pending_.push_back(std::move(g));
  ++added_;
  if (pending_.size() >= batch_) fold();
}

void GraphAccumulator::fold() {
  if (pending_.empty()) return;
  std::vector<ActorGraph> parts;
  parts.reserve(pending_.size() + 1);
  if (acc_) parts.push_back(std::move(*acc_));
  for (auto& g : pending_) parts.push_back(std::move(g));
  pending_.clear();
  acc_ = merge_graphs(parts);
}

ActorGraph GraphAccumulator::result() {
  fold();
  if (!acc_) {
    ActorGraph empty;
    empty.id = "merged";
    empty.articles = 0;
    return empty;
  }
  return *acc_;
}

bool DateWindow::contains(const Date& d) const {
  if (empty()) return true;
  if (d.empty()) return false;
  if (since && last_day(d) < first_day(*since)) return false;
  if (until && last_day(*until) < first_day(d)) return false;
  return true;
}

bool DateWindow::valid() const { return !since || !until || !(last_day(*until) < first_day(*since)); }

ActorGraph filter_min_support(const ActorGraph& g, std::size_t min_support) {
  if (min_support <= 1) return g;
  ActorGraph out;
  out.id = g.id;
  out.lang = g.lang;
  out.date = g.date;
  out.source = g.source;
  out.articles = g.articles;
  std::set<ActorCode> kept;
  for (EdgeId e : g.sorted_edges()) {
    if (g.store()[e].weight < min_support) continue;
    EdgeKey k = g.key(e);
    kept.insert(k.source);
    kept.insert(k.target);
  }
  for (Vertex v : g.sorted_nodes()) {
    const ActorNode& n = g.node(v);
    if (kept.count(n.code)) out.add_actor(n.code, n.kind, n.label, n.mentions);
  }
  for (EdgeId e : g.sorted_edges()) {
    if (g.store()[e].weight >= min_support) out.put_edge(g.key(e), g.store()[e]);
  }
  return out;
}

}  // namespace actorgraph
