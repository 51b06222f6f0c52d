#include "actorgraph/graph/actor_graph.hpp"

#include <algorithm>

#include "actorgraph/core/error.hpp"

namespace actorgraph {

EdgeKey make_edge_key(const ActorCode& source, const ActorCode& target, RelationType type) {
  if (!is_directed(type) && target < source) return EdgeKey{target, source, type};
  return EdgeKey{source, target, type};
}

Vertex ActorGraph::add_actor(const ActorCode& code, ActorKind kind, const std::string& label,
                             std::size_t mentions) {
  auto it = index_.find(code);
  if (it != index_.end()) {
    g_[it->second].mentions += mentions;
    return it->second;
  }
  Vertex v = boost::add_vertex(ActorNode{code, kind, label, mentions}, g_);
  index_.emplace(code, v);
  return v;
}

std::optional<Vertex> ActorGraph::find(const ActorCode& code) const {
  auto it = index_.find(code);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

EdgeId ActorGraph::add_mention(const ActorCode& from, const ActorCode& to, RelationType type,
                               Evidence evidence) {
  EdgeKey k = make_edge_key(from, to, type);
  auto it = edges_.find(k);
  if (it == edges_.end()) {
    RelationEdge e;
    e.type = type;
    e.modality = evidence.modality;
    e.count = 1;
    e.evidence.push_back(std::move(evidence));
    return put_edge(k, e);
  }
  RelationEdge& e = g_[*lookup(k, it->second.first, it->second.second)];
  if (strength(evidence.modality) > strength(e.modality)) e.modality = evidence.modality;
  ++e.count;
  e.evidence.push_back(std::move(evidence));
  return *lookup(k, it->second.first, it->second.second);
}

std::optional<EdgeId> ActorGraph::lookup(const EdgeKey& k, Vertex s, Vertex t) const {
  for (auto [it, end] = boost::out_edges(s, g_); it != end; ++it) {
    if (boost::target(*it, g_) == t && g_[*it].type == k.type) return *it;
  }
  return std::nullopt;
}

EdgeId ActorGraph::put_edge(const EdgeKey& k, const RelationEdge& edge) {
  auto s = find(k.source), t = find(k.target);
  if (!s || !t) throw Error("edge between unknown actors " + k.source.str() + " and " + k.target.str());
  auto it = edges_.find(k);
  if (it != edges_.end()) {
    EdgeId e = *lookup(k, it->second.first, it->second.second);
    g_[e] = edge;
    return e;
  }
  EdgeId e = boost::add_edge(*s, *t, edge, g_).first;
  edges_.emplace(k, std::make_pair(*s, *t));
  return e;
}

std::optional<EdgeId> ActorGraph::find_edge(const EdgeKey& k) const {
  auto it = edges_.find(k);
  if (it == edges_.end()) return std::nullopt;
  return lookup(k, it->second.first, it->second.second);
}

EdgeKey ActorGraph::key(EdgeId e) const {
  return make_edge_key(g_[boost::source(e, g_)].code, g_[boost::target(e, g_)].code, g_[e].type);
}

std::vector<Vertex> ActorGraph::sorted_nodes() const {
  std::vector<Vertex> out;
  for (const auto& [code, v] : index_) out.push_back(v);
  return out;
}

std::vector<EdgeId> ActorGraph::sorted_edges() const {
  std::vector<EdgeId> out;
  for (const auto& [k, ends] : edges_) out.push_back(*lookup(k, ends.first, ends.second));
  return out;
}

}  // namespace actorgraph
