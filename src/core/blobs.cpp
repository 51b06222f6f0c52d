// The tables compiled at build time (cmake: actorgraph-datac, data_blobs.S).
#include <string>

#include "actorgraph/core/embedded.hpp"
#include "actorgraph/core/error.hpp"

extern "C" {
extern const unsigned char actorgraph_morph_de_begin[];
extern const unsigned char actorgraph_morph_de_end[];
extern const unsigned char actorgraph_morph_en_begin[];
extern const unsigned char actorgraph_morph_en_end[];
extern const unsigned char actorgraph_model_begin[];
extern const unsigned char actorgraph_model_end[];
extern const unsigned char actorgraph_actors_begin[];
extern const unsigned char actorgraph_actors_end[];
extern const unsigned char actorgraph_lemmas_begin[];
extern const unsigned char actorgraph_lemmas_end[];
}

namespace actorgraph {

const std::vector<EmbeddedBlob>& embedded_blobs() {
  static const std::vector<EmbeddedBlob> blobs{
      {"morph/de.tsv", actorgraph_morph_de_begin, actorgraph_morph_de_end},
      {"morph/en.tsv", actorgraph_morph_en_begin, actorgraph_morph_en_end},
      {"model/edges.tsv", actorgraph_model_begin, actorgraph_model_end},
      {"actors", actorgraph_actors_begin, actorgraph_actors_end},
      {"rules/lemmas", actorgraph_lemmas_begin, actorgraph_lemmas_end},
  };
  return blobs;
}

const EmbeddedBlob& embedded_blob(std::string_view path) {
  for (const auto& b : embedded_blobs()) {
    if (b.path == path) return b;
  }
  throw DataError("data/" + std::string(path), 0, "no compiled table of this name");
}

}  // namespace actorgraph
