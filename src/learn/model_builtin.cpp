// The edge model compiled into the binary (cmake: data/model/edges.tsv -> actorgraph-datac).
#include "actorgraph/core/embedded.hpp"
#include "actorgraph/learn/model_blob.hpp"

namespace actorgraph::model_blob {

View builtin() {
  static const View v = [] {
    const EmbeddedBlob& b = embedded_blob("model/edges.tsv");
    return view(b.begin, b.end, "data/model/edges.tsv");
  }();
  return v;
}

}  // namespace actorgraph::model_blob
