#include "actorgraph/corpus/source.hpp"

#include <cerrno>
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

CorpusSource::CorpusSource(std::vector<std::string> files, std::vector<std::string> jsonl, bool parse_later)
    : files_(std::move(files)), jsonl_(std::move(jsonl)), parse_later_(parse_later) {
  for (const auto& p : files_) register_input(p);
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
    const std::string& p = files_[next_file_++];
    CorpusItem item;
    item.id = article_id_of_path(p);
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
