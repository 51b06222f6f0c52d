#include "actorgraph/core/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/core/error.hpp"

namespace actorgraph {

std::string read_whole_file(const std::string& path, const std::string& what) {
  const std::string name = (what.empty() ? "" : what + " ") + path;
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError("cannot read " + name + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read " + name + ": " + std::strerror(errno));
  ss << in.rdbuf();
  if (in.bad()) throw InputError("cannot read " + name + ": read error");
  return ss.str();
}

}  // namespace actorgraph
