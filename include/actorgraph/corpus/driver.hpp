// The one loop body of every article-reading command (extract, report, explain,
// db add, and the articles among the inputs of diff, merge, compare, analyze):
// read an article input, check that it is article text, build the Document, run
// the pipeline, and turn an article's error into a message instead of an abort.
#pragma once
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/source.hpp"
#include "actorgraph/pipeline.hpp"

namespace actorgraph {

// What bytes hold when they are plainly not article text: a JSONL corpus, a JSON
// document or graph, a DOT or GraphML graph, or a binary file (PDF, ZIP, image,
// SQLite store, NUL bytes). kind names it ("JSONL", "a DOT graph", ...); hint says
// what to do instead. nullopt for anything that may be an article (HTML included).
struct NotArticle {
  std::string kind;
  std::string hint;
};
std::optional<NotArticle> sniff_not_article(std::string_view bytes);

// Reads the article file at path ("-" = stdin) and refuses what is not article
// text: InputError "looks like KIND, not article text: HINT" (the caller names the
// file), or "binary input (KIND), not a text article".
std::string read_article_file(const std::string& path);

// Runs fn() for one input of a batch: an Error, or std::bad_alloc ("out of memory"),
// becomes the returned message, so that one bad input never stops a corpus; a
// UsageError is the command's fault and is rethrown. "" when fn() returned.
template <class Fn>
std::string input_error_of(Fn&& fn) {
  try {
    fn();
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    return e.what();
  } catch (const std::bad_alloc&) {
    return "out of memory";
  }
  return {};
}

// One article's outcome: the pipeline's result, or the error that stopped it.
struct ArticleRun {
  std::optional<ArticleResult> result;
  std::string error;                  // why the article failed (no result)
  std::vector<std::string> warnings;  // "REF: replaced N invalid UTF-8 bytes with '?'"
};

// Runs the pipeline on one corpus item: parses a JSONL line still unparsed,
// reads an article file (read_article_file), builds the Document (record source,
// language and date win over base). An Error is caught into error, except
// UsageError, which is rethrown; so is std::bad_alloc ("out of memory").
ArticleRun run_article(const Pipeline& pipeline, CorpusItem& item, const ArticleOptions& base, bool trace = false);

}  // namespace actorgraph
