// Dictionaries and rules from data/, compiled into the library at build time.
#pragma once
#include <string_view>
#include <vector>

namespace actorgraph {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "actors/states.tsv"
  std::string_view content;  // the file's bytes
};

// Every embedded data file, sorted by path. Lives for the whole program.
const std::vector<EmbeddedFile>& embedded_files();

// A table compiled at build time (actorgraph-datac) and linked in with .incbin: the lemma
// tables "morph/de.tsv", "morph/en.tsv", the edge model "model/edges.tsv", the actor
// dictionary "actors" (every data/actors/*.tsv) and the lemma cues of the rules resolved
// against the lemma tables "rules/lemmas" (every data/rules/*.tsv).
struct EmbeddedBlob {
  std::string_view path;  // its source, relative to data/
  const unsigned char* begin;
  const unsigned char* end;
};

// Every compiled table; the one compiled from path (DataError when there is none).
const std::vector<EmbeddedBlob>& embedded_blobs();
const EmbeddedBlob& embedded_blob(std::string_view path);

}  // namespace actorgraph
