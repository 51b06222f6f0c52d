// The lemma tables compiled into the binary (cmake: data/morph/*.tsv -> actorgraph-datac),
// kept apart from morphology.cpp, which the build step itself links.
#include <string>

#include "actorgraph/core/embedded.hpp"
#include "actorgraph/text/morphology.hpp"

namespace actorgraph {
namespace {
morph::Table table_of(const EmbeddedBlob& b) { return morph::Table(b.begin, b.end, "data/" + std::string(b.path)); }
}  // namespace

Morphology::Morphology(const Lexicon& lexicon)
    : Morphology(lexicon, table_of(embedded_blob("morph/de.tsv")), table_of(embedded_blob("morph/en.tsv"))) {}

}  // namespace actorgraph
