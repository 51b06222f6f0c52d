// Shared test helpers: one default pipeline for the whole test binary, and
// shortcuts from a sentence of our own to actors and edges.
#pragma once
#include <set>
#include <string>

#include "actorgraph/pipeline.hpp"

namespace actorgraph::test {

const Pipeline& pipeline();

// Runs the whole pipeline on text (language given).
ArticleResult run(const std::string& text, Lang lang, const std::string& date = "");

// The acting actor codes of the graph, sorted: "CHN RUS".
std::string actors(const ArticleResult& r);

// Every edge as "SRC>TGT type modality" (symmetric: "A-B type modality", A < B),
// sorted and joined by "; ".
std::string edges(const ArticleResult& r);

}  // namespace actorgraph::test
