// The edge model compiled into the binary (cmake: data/model/edges.tsv -> actorgraph-modelc).
#include "actorgraph/learn/model_blob.hpp"

extern "C" {
extern const unsigned char actorgraph_model_begin[];
extern const unsigned char actorgraph_model_end[];
}

namespace actorgraph::model_blob {

View builtin() {
  static const View v = view(actorgraph_model_begin, actorgraph_model_end, "data/model/edges.tsv");
  return v;
}

}  // namespace actorgraph::model_blob
