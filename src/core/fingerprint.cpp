// What --version reports: the commit the binary was configured from and a hash of the
// data compiled into it (every data/ file and the compiled tables).
#include "actorgraph/core/fingerprint.hpp"

#ifndef ACTORGRAPH_COMMIT
#define ACTORGRAPH_COMMIT "unknown"
#endif

namespace actorgraph {

extern const char kDataFingerprint[];  // generated/data_fingerprint.cpp (cmake/Fingerprint.cmake)

std::string data_fingerprint() { return kDataFingerprint; }

const std::string& version_text() {
  static const std::string text = std::string("actorgraph ") + ACTORGRAPH_VERSION + " (commit " + ACTORGRAPH_COMMIT +
                                  ", data " + kDataFingerprint + ")";
  return text;
}

}  // namespace actorgraph
