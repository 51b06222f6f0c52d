#include "actorgraph/corpus/source.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <map>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "core/utf8.hpp"

namespace actorgraph {

std::string article_id_of_path(const std::string& path) {
  if (path == "-") return "stdin";
  // A file name is bytes; the id goes into JSON, which must be UTF-8.
  return valid_utf8(std::filesystem::path(path).stem().string());
}

namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The path without its last extension, with '/' separators: "a/x.txt" -> "a/x".
std::string without_extension(const fs::path& p) {
  return valid_utf8((p.parent_path() / p.stem()).generic_string());
}

// "DIR: skipped 3 files that are not *.txt (2 .json, 1 without extension)".
std::string skipped_note(const std::string& dir, const std::map<std::string, std::size_t>& skipped) {
  std::size_t n = 0;
  std::string kinds;
  for (const auto& [ext, count] : skipped) {
    n += count;
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + (ext.empty() ? "without extension" : ext);
  }
  return dir + ": skipped " + std::to_string(n) + (n == 1 ? " file that is" : " files that are") +
         " not *.txt (" + kinds + ")";
}

}  // namespace

bool is_single_input(const std::string& path) {
  if (path == "-") return true;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError("no such file or directory: " + path);
  register_input(path);
  return !fs::is_directory(path, ec);
}

std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ArticleInputs expand_article_inputs(const std::vector<std::string>& paths) {
  ArticleInputs out;
  std::vector<std::string> given;  // per file: the path as given, for ids that clash
  for (const auto& p : paths) {
    if (is_single_input(p)) {
      out.files.push_back(ArticleFile{p, article_id_of_path(p)});
      given.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    std::map<std::string, std::size_t> skipped;  // extension (lower case) -> files
    for (const std::string& name_in_dir : files_below(p)) {
      const fs::path f(name_in_dir);
      std::string ext = lower(f.extension().string());
      if (ext == ".txt") {
        found.push_back(f);
      } else {
        std::string name = lower(f.filename().string());
        bool gold = name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0;
        ++skipped[gold ? ".gold.json" : ext];
      }
    }
    if (found.empty()) throw InputError("no *.txt articles in directory " + p);
    for (const auto& f : found) {
      register_input(f.string());
      out.files.push_back(ArticleFile{f.string(), without_extension(f.lexically_relative(p))});
      given.push_back(f.string());
    }
    if (!skipped.empty()) out.notes.push_back(skipped_note(p, skipped));
  }
  std::map<std::string, std::size_t> uses;
  for (const auto& f : out.files) ++uses[f.id];
  for (std::size_t i = 0; i < out.files.size(); ++i) {
    if (uses[out.files[i].id] > 1 && given[i] != "-") {
      out.files[i].id = without_extension(fs::path(given[i]).lexically_normal());
    }
  }
  return out;
}

void set_single_id(std::vector<ArticleFile>& files, const std::vector<std::string>& inputs, bool jsonl,
                   const std::string& id) {
  std::error_code ec;
  if (files.size() != 1 || inputs.size() != 1 || jsonl || fs::is_directory(inputs.front(), ec)) {
    throw UsageError("--id names one article: give one file or - (not a directory, several files or --jsonl)");
  }
  if (id.empty() || first_invalid_utf8(id) != std::string::npos) throw UsageError("--id must be non-empty UTF-8 text");
  files.front().id = id;
}

CorpusSource::CorpusSource(std::vector<ArticleFile> files, std::vector<std::string> jsonl, bool parse_later)
    : files_(std::move(files)), jsonl_(std::move(jsonl)), parse_later_(parse_later) {
  for (const auto& f : files_) register_input(f.path);
  for (const auto& p : jsonl_) register_input(p);
}

void CorpusSource::parse(CorpusItem& item) {
  if (item.line == 0 || item.json.empty()) return;
  std::string json = std::move(item.json);
  item.json.clear();
  std::optional<CorpusRecord> r = parse_corpus_line(json, &item.error);
  if (!r) return;
  item.id = std::move(r->id);
  item.ref += " (id " + item.id + ")";
  item.text = std::move(r->text);
  item.source = std::move(r->source);
  item.date = r->date;
  item.lang = r->lang;
}

bool CorpusSource::check_id(CorpusItem& item) {
  if (item.line == 0 || !item.error.empty()) return true;
  std::optional<std::string> duplicate = seen_.insert(item.id, item.stream, item.line);
  if (!duplicate) return true;
  item.error = std::move(*duplicate);
  item.ref = seen_.ref(item.stream, item.line);
  return false;
}

std::uint64_t CorpusSource::bytes_read() const { return done_bytes_ + (reader_ ? reader_->bytes_read() : 0); }

std::optional<CorpusItem> CorpusSource::next() {
  if (next_file_ < files_.size()) {
    const ArticleFile& f = files_[next_file_++];
    const std::string& p = f.path;
    CorpusItem item;
    item.id = f.id;
    item.ref = p;
    item.path = p;
    return item;
  }
  while (true) {
    if (!reader_) {
      if (next_jsonl_ >= jsonl_.size()) return std::nullopt;
      const std::string& p = jsonl_[next_jsonl_++];
      std::istream* in = &std::cin;
      std::string name = "stdin";
      if (p != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) throw InputError("cannot read " + p + ": is a directory");
        stream_ = std::make_unique<std::ifstream>(p, std::ios::binary);
        if (!*stream_) throw InputError("cannot read " + p + ": " + std::strerror(errno));
        in = stream_.get();
        name = p;
      }
      reader_ = std::make_unique<JsonlReader>(*in, name, &seen_);
    }
    std::optional<RawJsonlLine> line = reader_->next_raw();
    if (!line) {
      done_bytes_ += reader_->bytes_read();
      reader_.reset();
      stream_.reset();
      continue;
    }
    CorpusItem item;
    item.ref = reader_->ref(line->line);
    item.json = std::move(line->text);
    item.stream = reader_->stream();
    item.line = line->line;
    if (!parse_later_) {
      parse(item);
      check_id(item);
    }
    return item;
  }
}

}  // namespace actorgraph
