// actorgraph-datac: the build step that compiles the large data tables into blobs linked
// into the binary, so that start-up parses none of them:
//   actorgraph-datac morph data/morph/de.tsv OUT.bin   (lemma tables, text/morphology.hpp)
//   actorgraph-datac model data/model/edges.tsv OUT.bin (edge model, learn/model_blob.hpp)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/learn/model_blob.hpp"
#include "actorgraph/text/morphology.hpp"

int main(int argc, char** argv) {
  if (argc != 4 || (std::string(argv[1]) != "morph" && std::string(argv[1]) != "model")) {
    std::cerr << "usage: actorgraph-datac morph|model IN.tsv OUT.bin\n";
    return 2;
  }
  try {
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) throw actorgraph::InputError(std::string("cannot read ") + argv[2]);
    std::ostringstream text;
    text << in.rdbuf();
    std::string blob = std::string(argv[1]) == "morph" ? actorgraph::morph::compile(text.str(), argv[2])
                                                      : actorgraph::model_blob::compile(text.str(), argv[2]);
    std::string tmp = std::string(argv[3]) + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    out.close();
    if (!out || std::rename(tmp.c_str(), argv[3]) != 0) throw actorgraph::InputError(std::string("cannot write ") + argv[3]);
  } catch (const std::exception& e) {
    std::cerr << "actorgraph-datac: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
