// Stage 4 (graph): one actor graph per article (or merged over articles), a
// Boost.Graph adjacency_list with bundled node/edge structs and a code index.
#pragma once
#include <map>
#include <utility>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "actorgraph/core/types.hpp"

namespace actorgraph {

struct ActorNode {
  ActorCode code;
  ActorKind kind = ActorKind::state;
  std::string label;         // display name in the article's language
  std::size_t mentions = 0;  // how often the text names it
};

// One mention of an edge in an article. span is a half-open byte range into that
// article's text; text is the whole sentence.
struct Evidence {
  std::string article;
  std::size_t sentence = 0;
  Span span;
  std::string text;
  std::string rule;
  Modality modality = Modality::asserted;
};

struct RelationEdge {
  RelationType type = RelationType::partnership;
  Modality modality = Modality::asserted;  // the strongest said
  std::size_t count = 0;                   // mentions
  std::size_t weight = 1;                  // articles that contain it (merged graphs)
  std::vector<Evidence> evidence;
};

using GraphStore = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActorNode, RelationEdge>;
using Vertex = GraphStore::vertex_descriptor;
using EdgeId = GraphStore::edge_descriptor;

// The identity of an edge: symmetric types keep source < target.
struct EdgeKey {
  ActorCode source, target;
  RelationType type = RelationType::partnership;
  bool operator<(const EdgeKey& o) const {
    return std::tie(source, target, type) < std::tie(o.source, o.target, o.type);
  }
  bool operator==(const EdgeKey& o) const {
    return source == o.source && target == o.target && type == o.type;
  }
};
EdgeKey make_edge_key(const ActorCode& source, const ActorCode& target, RelationType type);

class ActorGraph {
 public:
  std::string id;
  Lang lang = Lang::unknown;
  Date date;
  std::string source;
  std::size_t articles = 1;  // how many articles were merged into it

  // The node for code, created with kind/label when absent (mentions added).
  Vertex add_actor(const ActorCode& code, ActorKind kind, const std::string& label, std::size_t mentions = 0);
  std::optional<Vertex> find(const ActorCode& code) const;

  // Adds one mention of (source, target, type): creates the edge or raises its
  // count, keeps the strongest modality (a negated mention only when nothing else
  // is said) and appends the evidence. Both actors must exist.
  EdgeId add_mention(const ActorCode& source, const ActorCode& target, RelationType type, Evidence evidence);
  // Adds or replaces a whole edge (readers, merge).
  EdgeId put_edge(const EdgeKey& key, const RelationEdge& edge);
  std::optional<EdgeId> find_edge(const EdgeKey& key) const;

  const GraphStore& store() const { return g_; }
  GraphStore& store() { return g_; }
  const ActorNode& node(Vertex v) const { return g_[v]; }
  EdgeKey key(EdgeId e) const;

  // Nodes sorted by code, edges sorted by key: the order every writer uses.
  std::vector<Vertex> sorted_nodes() const;
  std::vector<EdgeId> sorted_edges() const;

 private:
  GraphStore g_;
  std::map<ActorCode, Vertex> index_;
  // Keys only: edge descriptors point into the graph's storage and would dangle
  // in a copy, so they are looked up from the (copyable) vertex indices.
  std::map<EdgeKey, std::pair<Vertex, Vertex>> edges_;
  std::optional<EdgeId> lookup(const EdgeKey& key, Vertex s, Vertex t) const;
};

}  // namespace actorgraph
