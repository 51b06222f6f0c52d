// Graph analysis of a (merged) actor graph with Boost.Graph: degree and
// betweenness centrality, connected components, and the signed structure:
// cooperative relation types count positive, conflictual ones negative; the
// structural balance of triads and the two-bloc split that fits best.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct AnalysisOptions {
  // Up to this many actors with signed ties the best split is found by exhaustive
  // search (2^(n-1) candidates); above it by local search.
  std::size_t exact_limit = 20;
  // Random starts of the local search (plus an all-in-one-bloc start and one that
  // propagates signs along a breadth-first search); the generator is seeded, so
  // results are reproducible.
  std::size_t restarts = 64;
  unsigned seed = 20231005;
  // A connected component is split into blocs only when it has at least this many
  // signed ties: a split of one or two ties always "fits".
  std::size_t min_ties = 3;
};

struct ActorStats {
  ActorCode code;
  std::string label;
  std::size_t neighbours = 0;       // distinct actors it has a (non-negated) edge with
  std::size_t in_edges = 0, out_edges = 0;  // directed typed edges into / out of it
  std::size_t weighted_degree = 0;  // sum of the weights (articles) of its typed edges
  double degree_centrality = 0;     // neighbours / (n - 1)
  double betweenness = 0;           // normalised to [0, 1] (undirected, unweighted)
  std::size_t component = 0;        // index into GraphAnalysis::components
  std::size_t positive_ties = 0, negative_ties = 0;
};

// The signed tie between two actors: every non-negated, non-hypothetical typed
// edge between them adds its weight, positive for cooperative types and negative
// for conflictual ones; the sign of the sum is the tie's sign (0 = ambivalent, no tie).
struct SignedTie {
  ActorCode a, b;  // a < b
  long net = 0;
  std::size_t positive = 0, negative = 0;  // summed weights of each kind
  int sign() const { return net > 0 ? 1 : net < 0 ? -1 : 0; }
};

// Triangles of the signed tie graph by number of negative ties. Balanced (Heider):
// +++ and +-- ("the enemy of my enemy is my friend"); unbalanced: ++- and ---.
struct TriadCensus {
  std::size_t ppp = 0, ppn = 0, pnn = 0, nnn = 0;
  std::size_t total() const { return ppp + ppn + pnn + nnn; }
  std::size_t balanced() const { return ppp + pnn; }
  // Balanced share of the triangles; undefined (callers print n/a) without any.
  bool defined() const { return total() > 0; }
  double balance() const { return total() == 0 ? 0.0 : static_cast<double>(balanced()) / static_cast<double>(total()); }
};

struct Triad {
  ActorCode a, b, c;  // sorted
  int negatives = 0;
};

// Two blocs minimising frustration: the weight of negative ties inside a bloc plus
// positive ties across the blocs. Only actors with a signed tie take part; the
// others are unaligned. Groups of actors with no signed tie between them have no
// relative alignment: each such group is oriented so that its alphabetically
// first actor is in bloc 1. Ties between equally good splits go to the first found
// (exact: enumeration order with the first actor fixed in bloc 1; local: the
// all-in-bloc-1 start, then the sign-propagation start, then the random starts).
struct BlocSplit {
  std::vector<ActorCode> bloc1, bloc2, unaligned;
  long frustration = 0;     // weighted
  long total_weight = 0;    // sum of |net| over signed ties
  std::size_t frustrated_ties = 0, ties = 0;
  bool exact = true;        // exhaustive search (else local search)
  std::vector<SignedTie> frustrated;  // the ties that go against the split
  double fit() const { return total_weight == 0 ? 1.0 : 1.0 - static_cast<double>(frustration) / static_cast<double>(total_weight); }
};

// The signed structure of one connected component: actors in different
// components have no relation that could align them, so triads and blocs are
// read per component, and blocs only where there are options.min_ties ties.
struct ComponentSigns {
  std::size_t component = 0;  // index into GraphAnalysis::components
  std::size_t ties = 0;       // signed ties inside it
  TriadCensus triads;
  bool split_done = false;    // ties >= options.min_ties
  BlocSplit split;            // valid when split_done
};

struct GraphAnalysis {
  std::vector<ActorStats> actors;                  // sorted by code
  std::vector<std::vector<ActorCode>> components;  // largest first, members sorted
  std::vector<SignedTie> ties;                     // non-zero ties, sorted by (a, b)
  std::size_t ambivalent_pairs = 0;                // pairs whose positive and negative weights cancel
  TriadCensus triads;                              // over all components
  std::vector<Triad> unbalanced;                   // sorted
  std::vector<ComponentSigns> signed_components;   // components with a signed tie, in component order
  std::size_t min_ties = 3;                        // options.min_ties of the run
};

GraphAnalysis analyze_graph(const ActorGraph& g, const AnalysisOptions& options = {});

// What the figures rest on, for the caveats: the articles' date range.
struct AnalysisContext {
  std::size_t articles = 0, undated = 0;
  Date first, last;  // of the dated articles
};
// Plain-language warnings about what the figures can and cannot say: several
// components (blocs per component), components too small to split, no triangle
// (no balance), ties summed over more than a year of articles, undated articles.
std::vector<std::string> analysis_caveats(const GraphAnalysis& a, const AnalysisContext& context);

// The best split of a signed tie list (exposed for tests): exact when the actors
// number at most options.exact_limit.
BlocSplit best_split(const std::vector<ActorCode>& actors, const std::vector<SignedTie>& ties,
                     const AnalysisOptions& options = {});

nlohmann::json analysis_to_json(const GraphAnalysis& a, const std::vector<std::string>& caveats = {});
// Tables for people; `top` limits the centrality table (0 = all actors). The
// caveats come first.
void write_analysis_text(std::ostream& out, const GraphAnalysis& a, const ActorGraph& g, std::size_t top = 15,
                         const std::vector<std::string>& caveats = {});

}  // namespace actorgraph
