// Identity of a build: version, commit and a hash of its built-in data.
#pragma once
#include <string>

namespace actorgraph {

// SHA-256 over every embedded data file and the compiled tables (each by name and
// hash), computed at build time, as 16 hex digits.
std::string data_fingerprint();
// "actorgraph 0.1.0 (commit abc123def456, data 0123456789abcdef)"; the commit is the one
// the build was configured from ("+dirty" when the tree had changes then). Computed
// once per process; written as "generator" into JSON graphs, events and the store.
const std::string& version_text();

}  // namespace actorgraph
