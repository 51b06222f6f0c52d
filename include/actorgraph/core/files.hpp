// Reading a whole input file: the one reader every command and loader shares.
#pragma once
#include <string>

namespace actorgraph {

// The bytes of the file at path ("-" = standard input). Throws InputError
// "cannot read [WHAT ]PATH: reason" (a directory, a missing file, a read error);
// what names the kind of file in the message ("dictionary file").
std::string read_whole_file(const std::string& path, const std::string& what = "");

}  // namespace actorgraph
