// actorgraph data: the dictionaries and rules compiled into the binary, listed,
// printed or written out as files (to read them, to start your own --dict file
// from them, or to build test dictionaries such as the benchmark's doubled one).
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/embedded.hpp"
#include "actorgraph/core/error.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

struct DataOptions {
  std::string dir;
  std::string path;
  std::vector<std::string> only;
  bool force = false;
};

std::string_view tag_line(std::string_view content) {
  std::string_view line = content.substr(0, content.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Data rows: not the tag line, not a comment, not blank (as read_tsv counts them).
std::size_t count_rows(const EmbeddedFile& f) {
  return read_tsv(DataFile{std::string(f.path), std::string(f.content)}, 0, SIZE_MAX).size();
}

const EmbeddedFile& find_embedded(const std::string& path) {
  std::string want = path;
  if (want.rfind("data/", 0) == 0) want.erase(0, 5);
  for (const auto& f : embedded_files()) {
    if (f.path == want) return f;
  }
  std::string known;
  for (const auto& f : embedded_files()) known += (known.empty() ? "" : ", ") + std::string(f.path);
  throw UsageError("no built-in data file '" + path + "' (known: " + known + ")");
}

int run_list() {
  std::ostringstream out;
  out << std::left << std::setw(28) << "file" << std::setw(24) << "format" << std::right << std::setw(7) << "rows"
      << std::setw(10) << "bytes" << "\n";
  std::size_t rows = 0, bytes = 0;
  for (const auto& f : embedded_files()) {
    std::size_t r = count_rows(f);
    rows += r;
    bytes += f.content.size();
    out << std::left << std::setw(28) << f.path << std::setw(24) << tag_line(f.content) << std::right
        << std::setw(7) << r << std::setw(10) << f.content.size() << "\n";
  }
  out << std::left << std::setw(52) << "total" << std::right << std::setw(7) << rows << std::setw(10) << bytes
      << "\n";
  write_output("-", [&](std::ostream& o) { o << out.str(); });
  return kExitOk;
}

int run_show(const DataOptions& o) {
  const EmbeddedFile& f = find_embedded(o.path);
  write_output("-", [&](std::ostream& out) { out.write(f.content.data(), static_cast<std::streamsize>(f.content.size())); });
  return kExitOk;
}

int run_dump(const DataOptions& o) {
  std::vector<const EmbeddedFile*> files;
  for (const auto& f : embedded_files()) {
    if (o.only.empty()) {
      files.push_back(&f);
    } else {
      for (const auto& want : o.only) {
        if (&find_embedded(want) == &f) files.push_back(&f);
      }
    }
  }
  for (const auto& want : o.only) find_embedded(want);  // unknown names are usage errors
  // Check everything before writing anything: no half-done dump.
  if (!o.force) {
    for (const EmbeddedFile* f : files) {
      fs::path target = fs::path(o.dir) / std::string(f->path);
      std::error_code ec;
      if (fs::exists(target, ec)) {
        throw InputError("refusing to overwrite " + target.string() + " (use --force)");
      }
    }
  }
  for (const EmbeddedFile* f : files) {
    fs::path target = fs::path(o.dir) / std::string(f->path);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw Error("cannot create directory " + target.parent_path().string() + ": " + ec.message());
    write_output_bytes(target.string(), std::string(f->content));
  }
  std::cerr << "actorgraph: wrote " << files.size() << " data files to " << o.dir << "\n";
  return kExitOk;
}

const CommandRegistrar kRegister(80, [](CLI::App& app) -> Action {
  auto o = std::make_shared<DataOptions>();
  auto* cmd = app.add_subcommand("data",
                                 "List, print or write out the built-in dictionaries and rules.\n"
                                 "Examples:\n"
                                 "  actorgraph data list\n"
                                 "  actorgraph data show actors/states.tsv | grep -i korea\n"
                                 "  actorgraph data dump mydata/          # every file, as data/ in the sources\n"
                                 "  actorgraph data dump mydata/ --only rules/de.tsv\n"
                                 "Files passed with --dict are added to the built-in data: pass only your own\n"
                                 "rows (a dumped file passed again would count every entry twice).");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "One line per built-in file: path, format tag, rows, bytes");
  auto* show = cmd->add_subcommand("show", "Print one built-in file on stdout");
  show->add_option("file", o->path, "Path as in 'data list', e.g. actors/states.tsv")->required();
  auto* dump = cmd->add_subcommand("dump", "Write the built-in files into DIR (DIR/actors/states.tsv, ...)");
  dump->add_option("dir", o->dir, "Target directory (created if missing)")->required();
  dump->add_option("--only", o->only, "Only these files (repeatable), e.g. --only actors/states.tsv");
  dump->add_flag("--force", o->force, "Overwrite existing files");
  return [o, list, show, dump] {
    if (list->parsed()) return run_list();
    if (show->parsed()) return run_show(*o);
    if (dump->parsed()) return run_dump(*o);
    throw UsageError("data needs a subcommand: list, show or dump");
  };
});

}  // namespace
}  // namespace actorgraph::cli
