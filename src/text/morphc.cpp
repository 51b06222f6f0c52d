// actorgraph-morphc: the build step that compiles a lemma table (data/morph/*.tsv)
// into the hash-table blob embedded in the binary (text/morphology.hpp).
// Usage: actorgraph-morphc IN.tsv OUT.bin
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/morphology.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: actorgraph-morphc IN.tsv OUT.bin\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw actorgraph::InputError(std::string("cannot read ") + argv[1]);
    std::ostringstream text;
    text << in.rdbuf();
    std::string blob = actorgraph::morph::compile(text.str(), argv[1]);
    std::string tmp = std::string(argv[2]) + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    out.close();
    if (!out || std::rename(tmp.c_str(), argv[2]) != 0) throw actorgraph::InputError(std::string("cannot write ") + argv[2]);
  } catch (const std::exception& e) {
    std::cerr << "actorgraph-morphc: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
