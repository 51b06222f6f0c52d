// actorgraph-datac: the build step that compiles data tables into blobs linked into the
// binary, so that start-up parses none of them:
//   actorgraph-datac morph data/morph/de.tsv OUT.bin   (lemma tables, text/morphology.hpp)
//   actorgraph-datac model data/model/edges.tsv OUT.bin (edge model, learn/model_blob.hpp)
//   actorgraph-datac actors data/actors/*.tsv OUT.bin  (actor dictionary, actors/actor_table.hpp,
//                                                       with the matcher's patterns: matcher_index.hpp)
//   actorgraph-datac lemmas MORPH_DE.bin MORPH_EN.bin data/rules/*.tsv OUT.bin
//                      (the rules' lemma cues resolved against the compiled lemma tables:
//                       relations/lemma_table.hpp; an unknown lemma fails the build)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/actors/matcher.hpp"
#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/core/files.hpp"
#include "actorgraph/learn/model_blob.hpp"
#include "actorgraph/relations/rules.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actorgraph/text/morphology.hpp"

namespace {

std::string compile(const std::string& kind, const std::vector<std::string>& inputs) {
  using namespace actorgraph;
  if (kind == "actors") {
    DataBundle bundle;
    for (const auto& path : inputs) bundle.add_file(path);  // in the order given (sorted by cmake)
    const ActorDictionary dictionary(bundle);
    const Lexicon no_classes{DataBundle()};  // building the patterns reads no word class
    const ActorMatcher matcher(dictionary, no_classes);
    return dictionary.compile(matcher.compile());
  }
  if (kind == "lemmas") {
    if (inputs.size() < 2) throw UsageError("lemmas takes the two compiled lemma tables, then rules files");
    const std::string de = read_whole_file(inputs[0], "compiled lemma table");
    const std::string en = read_whole_file(inputs[1], "compiled lemma table");
    auto table = [](const std::string& blob, const std::string& name) {
      const auto* begin = reinterpret_cast<const unsigned char*>(blob.data());
      return morph::Table(begin, begin + blob.size(), name);
    };
    const Lexicon no_classes{DataBundle()};  // resolving cues reads no word class
    const Morphology morphology(no_classes, table(de, inputs[0]), table(en, inputs[1]));
    DataBundle bundle;
    for (std::size_t k = 2; k < inputs.size(); ++k) bundle.add_file(inputs[k]);
    return RuleSet(bundle, morphology).compile_lemmas();
  }
  if (inputs.size() != 1) throw UsageError(kind + " takes one input file");
  std::string text = read_whole_file(inputs[0], "data file");
  return kind == "morph" ? morph::compile(text, inputs[0]) : model_blob::compile(text, inputs[0]);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string kind = argc > 1 ? argv[1] : "";
  if (argc < 4 || (kind != "morph" && kind != "model" && kind != "actors" && kind != "lemmas")) {
    std::cerr << "usage: actorgraph-datac morph|model|actors|lemmas IN... OUT.bin\n";
    return 2;
  }
  try {
    const std::vector<std::string> inputs(argv + 2, argv + argc - 1);
    const std::string out_path = argv[argc - 1];
    std::string blob = compile(kind, inputs);
    std::string tmp = out_path + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    out.close();
    if (!out || std::rename(tmp.c_str(), out_path.c_str()) != 0) throw actorgraph::InputError("cannot write " + out_path);
  } catch (const std::exception& e) {
    std::cerr << "actorgraph-datac: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
