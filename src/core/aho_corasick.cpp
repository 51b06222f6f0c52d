#include "actorgraph/core/aho_corasick.hpp"

#include <algorithm>
#include <deque>

namespace actorgraph {

std::uint32_t AhoCorasick::child(std::uint32_t node, unsigned char b) const {
  const auto& edges = nodes_[node].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), b,
                             [](const Edge& e, unsigned char v) { return e.byte < v; });
  return (it != edges.end() && it->byte == b) ? it->to : kNone;
}

void AhoCorasick::add(std::string_view pattern, std::uint32_t id) {
  if (pattern.empty()) return;
  std::uint32_t node = 0;
  for (char ch : pattern) {
    auto b = static_cast<unsigned char>(ch);
    std::uint32_t next = kNone;
    for (const Edge& e : nodes_[node].edges) {
      if (e.byte == b) next = e.to;
    }
    if (next == kNone) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].edges.push_back(Edge{b, next});
      nodes_.emplace_back();
    }
    node = next;
  }
  outs_.push_back(Out{id, static_cast<std::uint32_t>(pattern.size()), nodes_[node].out});
  nodes_[node].out = static_cast<std::uint32_t>(outs_.size() - 1);
}

void AhoCorasick::build() {
  for (auto& n : nodes_) {
    std::sort(n.edges.begin(), n.edges.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
  }
  // Breadth-first: fail links, then append the fail node's outputs to each node's list.
  std::deque<std::uint32_t> queue;
  std::vector<std::uint32_t> order;
  for (const Edge& e : nodes_[0].edges) {
    nodes_[e.to].fail = 0;
    queue.push_back(e.to);
  }
  while (!queue.empty()) {
    std::uint32_t n = queue.front();
    queue.pop_front();
    order.push_back(n);
    for (const Edge& e : nodes_[n].edges) {
      std::uint32_t f = nodes_[n].fail;
      std::uint32_t target = kNone;
      while (true) {
        target = child(f, e.byte);
        if (target != kNone || f == 0) break;
        f = nodes_[f].fail;
      }
      nodes_[e.to].fail = (target == kNone || target == e.to) ? 0 : target;
      queue.push_back(e.to);
    }
  }
  // Dense transitions: one table lookup per byte when scanning.
  std::fill(std::begin(byte_class_), std::end(byte_class_), std::uint16_t{0});
  classes_ = 1;
  for (const auto& n : nodes_) {
    for (const Edge& e : n.edges) {
      if (byte_class_[e.byte] == 0) byte_class_[e.byte] = static_cast<std::uint16_t>(classes_++);
    }
  }
  // A node's row is its fail node's row (final already: fail nodes are shallower and
  // come earlier in breadth-first order) with its own edges written over it: the same
  // table as following fail links byte by byte, in one pass.
  delta_.assign(nodes_.size() * classes_, 0);
  for (const Edge& e : nodes_[0].edges) delta_[byte_class_[e.byte]] = e.to;
  for (std::uint32_t n : order) {
    std::copy_n(delta_.begin() + static_cast<std::ptrdiff_t>(nodes_[n].fail * classes_), classes_,
                delta_.begin() + static_cast<std::ptrdiff_t>(n * classes_));
    for (const Edge& e : nodes_[n].edges) delta_[n * classes_ + byte_class_[e.byte]] = e.to;
  }
  // Link output lists: a node's list ends with its fail node's list (already final,
  // because fail nodes are shallower and come earlier in breadth-first order).
  for (std::uint32_t n : order) {
    std::uint32_t fail_out = nodes_[nodes_[n].fail].out;
    if (nodes_[n].out == kNone) {
      nodes_[n].out = fail_out;
      continue;
    }
    std::uint32_t o = nodes_[n].out;
    while (outs_[o].next != kNone) o = outs_[o].next;
    outs_[o].next = fail_out;
  }
}

}  // namespace actorgraph
