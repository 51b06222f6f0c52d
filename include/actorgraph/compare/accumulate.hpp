// Comparison: merging a stream of article graphs without holding them all (batches
// folded into one running union with merge_graphs), date windows, and support filters.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

// Collects graphs and folds them into one union every `batch` graphs, so memory
// holds the union plus one batch. result() equals merge_graphs() of all graphs
// added, in the same order.
class GraphAccumulator {
 public:
  explicit GraphAccumulator(std::size_t batch = 64) : batch_(batch == 0 ? 1 : batch) {}
  void add(ActorGraph g);
  std::size_t size() const { return added_; }
  // The union so far (an empty graph with articles = 0 when nothing was added).
  ActorGraph result();

 private:
  void fold();
  std::size_t batch_;
  std::size_t added_ = 0;
  std::optional<ActorGraph> acc_;
  std::vector<ActorGraph> pending_;
};

// An inclusive date window; either end may be open. A date given with less
// precision than a bound (a year, a month) is inside when the period it names
// overlaps the window: "2023-10" is inside --since 2023-10-15.
struct DateWindow {
  std::optional<Date> since, until;
  bool empty() const { return !since && !until; }
  // False for an undated graph whenever a bound is set.
  bool contains(const Date& d) const;
  // False when until ends before since begins ("--since 2023-10-09 --until 2023-10" is valid).
  bool valid() const;
};

// g without the edges seen in fewer than min_support articles (weight), and
// without the actors this leaves with no edge; unchanged when min_support <= 1.
ActorGraph filter_min_support(const ActorGraph& g, std::size_t min_support);

}  // namespace actorgraph
