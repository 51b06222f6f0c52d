// Identity of a build: version, commit and a hash of its built-in data.
#pragma once
#include <string>

namespace actorgraph {

// FNV-1a 64 over every embedded data file and the compiled tables, as 16 hex digits.
std::string data_fingerprint();
// "actorgraph 0.1.0 (commit abc123def456, data 0123456789abcdef)"; the commit is the one
// the build was configured from ("+dirty" when the tree had changes then).
std::string version_text();

}  // namespace actorgraph
