// The built-in data bundle: the files of data/ embedded at build time, with the tables
// compiled by actorgraph-datac in place of their text or beside it (kept apart from data_files.cpp,
// which the build step itself links).
#include <utility>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/embedded.hpp"
#include "actorgraph/learn/model_blob.hpp"

namespace actorgraph {

DataBundle DataBundle::defaults() {
  DataBundle b;
  bool actors_added = false;
  for (const auto& f : embedded_files()) {
    // The actor rows are compiled (actors/actor_table.hpp): one file stands for them all.
    if (f.path.substr(0, 7) == "actors/") {
      if (actors_added) continue;
      actors_added = true;
      const EmbeddedBlob& blob = embedded_blob("actors");
      b.files_.push_back(DataFile{"data/actors", "#actorgraph-actors 1\n",
                                  std::string_view(reinterpret_cast<const char*>(blob.begin),
                                                   static_cast<std::size_t>(blob.end - blob.begin))});
      continue;
    }
    DataFile file{"data/" + std::string(f.path), std::string(f.content)};
    // The rules' lemma cues are resolved at build time (relations/lemma_table.hpp).
    if (f.path.substr(0, 6) == "rules/") {
      const EmbeddedBlob& lemmas = embedded_blob("rules/lemmas");
      file.resolved_lemmas = std::string_view(reinterpret_cast<const char*>(lemmas.begin),
                                              static_cast<std::size_t>(lemmas.end - lemmas.begin));
    }
    b.files_.push_back(std::move(file));
  }
  // The edge model is compiled into the binary (learn/model_blob.hpp): the bundle holds
  // its settings and a "builtin" row that stands for the weights, so that without("model")
  // still removes it.
  b.files_.push_back(DataFile{"data/model/edges.tsv",
                              "#actorgraph-model 1\nbuiltin\tcompiled\n" + std::string(model_blob::builtin().settings)});
  return b;
}

}  // namespace actorgraph
