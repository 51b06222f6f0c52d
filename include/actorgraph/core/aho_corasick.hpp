// A byte-level Aho-Corasick automaton: finds every occurrence of many patterns in
// one pass over a string, so lookup cost does not grow with the dictionary size.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

class AhoCorasick {
 public:
  // Adds a pattern with a caller-chosen id; call build() after the last add.
  void add(std::string_view pattern, std::uint32_t id);
  void build();
  bool empty() const { return nodes_.size() <= 1; }

  // Calls on_match(id, begin, end) for every occurrence [begin, end) in text.
  template <typename F>
  void scan(std::string_view text, F&& on_match) const {
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      state = delta_[state * classes_ + byte_class_[static_cast<unsigned char>(text[i])]];
      for (std::uint32_t o = nodes_[state].out; o != kNone; o = outs_[o].next) {
        const Out& out = outs_[o];
        on_match(out.id, i + 1 - out.length, i + 1);
      }
    }
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Edge {
    unsigned char byte;
    std::uint32_t to;
  };
  struct Node {
    std::vector<Edge> edges;  // sorted by byte after build()
    std::uint32_t fail = 0;
    std::uint32_t out = kNone;  // head of this node's output list (own + via fail links)
  };
  struct Out {
    std::uint32_t id;
    std::uint32_t length;
    std::uint32_t next;
  };
  std::uint32_t child(std::uint32_t node, unsigned char b) const;

  std::vector<Node> nodes_{Node{}};
  std::vector<Out> outs_;
  // The full transition table built by build(): delta_[state * classes_ + class of byte].
  // Bytes that occur in no pattern share class 0, so the table stays small.
  std::uint16_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;
  std::vector<std::uint32_t> delta_{0};
};

}  // namespace actorgraph
