#include "common.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/core/error.hpp"

namespace actorgraph::cli {

namespace fs = std::filesystem;

ArticleOptions CommonOptions::article_options() const {
  ArticleOptions o;
  if (!lang.empty() && lang != "auto") {
    auto l = parse_lang(lang);
    if (!l) throw UsageError("--lang must be de, en or auto, not '" + lang + "'");
    o.lang = *l;
  }
  if (!date.empty()) {
    auto d = parse_date(date);
    if (!d) throw UsageError("--date must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + date + "'");
    o.date = *d;
  }
  return o;
}

void add_common_options(CLI::App& cmd, CommonOptions& opts) {
  cmd.add_option("--dict", opts.dicts, "Extra dictionary or rule file (repeatable), added to the built-in data");
  cmd.add_option("--lang", opts.lang, "Article language: de, en or auto (default: detect)");
  cmd.add_option("--date", opts.date, "Article date YYYY[-MM[-DD]], overrides a 'date' prefix");
}

std::unique_ptr<Pipeline> make_pipeline(const CommonOptions& opts) {
  DataBundle data = DataBundle::defaults();
  for (const auto& d : opts.dicts) data.add_file(d);
  return std::make_unique<Pipeline>(data);
}

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError("cannot read " + path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError("cannot read " + path + ": read error");
  return ss.str();
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    if (!fs::exists(p, ec)) throw InputError("no such file or directory: " + p);
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      if (found.empty()) throw InputError("no *.txt articles in directory " + p);
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::string stem(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  if (path == "-" || path.empty()) {
    fill(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to standard output");
    return;
  }
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) throw Error("cannot write " + path + ": " + std::strerror(errno));
  std::string tmp(buf.data());
  auto fail = [&](const std::string& why) {
    std::remove(tmp.c_str());
    throw Error("cannot write " + path + ": " + why);
  };
  {
    std::ostringstream ss;
    fill(ss);
    const std::string data = ss.str();
    std::size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::write(fd, data.data() + done, data.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        fail(std::strerror(err));
      }
      done += static_cast<std::size_t>(n);
    }
  }
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
    int err = errno;
    ::close(fd);
    fail(std::strerror(err));
  }
  if (::close(fd) != 0) fail(std::strerror(errno));
  ::chmod(tmp.c_str(), 0644);
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) fail(ec.message());
}

void write_output_bytes(const std::string& path, const std::string& bytes) {
  write_output(path, [&](std::ostream& o) { o.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

void warn(const std::string& message) { std::cerr << "actorgraph: " << message << "\n"; }

}  // namespace actorgraph::cli
