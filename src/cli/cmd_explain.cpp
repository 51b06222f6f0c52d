// actorgraph explain: per sentence, the actors, cues, rules fired or blocked, and edges.
#include <iostream>
#include <memory>
#include <vector>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/driver.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string input;
  std::string id;  // --id
};

int run_explain(const ExplainOptions& o) {
  std::vector<ArticleFile> files = article_inputs({o.input}, o.id);
  if (files.size() != 1) throw UsageError("explain reads one article, not a directory of " + std::to_string(files.size()));
  auto pipeline = make_pipeline(o.common);
  CorpusItem item = *CorpusSource(std::move(files), {}).next();
  ArticleRun run = run_article(*pipeline, item, o.common.article_options(), true);
  for (const auto& w : run.warnings) warn(w);
  if (!run.result) throw InputError(item.ref + ": " + run.error);  // name the article, as extract does
  const ArticleResult& r = *run.result;
  const Document& d = r.doc;
  // Mentions and trace lines by sentence (one pass each: long articles stay linear).
  std::vector<std::vector<const ActorMention*>> mentions_in(d.sentences.size());
  for (const ActorMention& m : r.mentions) {
    if (m.sentence < mentions_in.size()) mentions_in[m.sentence].push_back(&m);
  }
  std::vector<std::vector<const TraceLine*>> trace_in(d.sentences.size());
  for (const TraceLine& t : r.trace) {
    if (t.sentence < trace_in.size()) trace_in[t.sentence].push_back(&t);
  }
  std::ostream& out = std::cout;
  out << "article " << d.id << " | lang " << to_string(d.lang) << " | date " << (d.date.empty() ? "-" : d.date.str())
      << " | " << d.sentences.size() << " sentences\n";
  for (std::size_t s = 0; s < d.sentences.size(); ++s) {
    out << "\n[" << s << "] " << d.slice(d.sentences[s].span) << "\n";
    for (const ActorMention* mp : mentions_in[s]) {
      const ActorMention& m = *mp;
      out << "    actor " << m.code.str() << " '" << d.slice(m.span) << "' " << to_string(m.role)
          << (m.genitive ? " genitive" : "") << (m.venue ? " venue" : "") << (m.dateline ? " dateline" : "")
          << (m.coref ? " coreference" : "") << " @" << m.span.begin << "-" << m.span.end << "\n";
    }
    for (const TraceLine* t : trace_in[s]) out << "    " << t->text << "\n";
  }
  out << "\nedges:\n";
  for (EdgeId e : r.graph.sorted_edges()) {
    const RelationEdge& x = r.graph.store()[e];
    EdgeKey k = r.graph.key(e);
    out << "  " << k.source.str() << (is_directed(x.type) ? " -> " : " -- ") << k.target.str() << " "
        << to_string(x.type) << " " << to_string(x.modality) << " x" << x.count << "\n";
  }
  return kExitOk;
}

const CommandRegistrar kRegister(20, [](CLI::App& app) -> Action {
  auto o = std::make_shared<ExplainOptions>();
  auto* cmd = app.add_subcommand("explain",
                                 "Show, sentence by sentence, the actors found, the cues, the rules that fired or\n"
                                 "were blocked and why, and the resulting edges.\n"
                                 "Example:\n"
                                 "  actorgraph explain article.txt");
  cmd->add_option("input", o->input, "Article file or - for stdin")->required();
  add_id_option(*cmd, o->id);
  add_common_options(*cmd, o->common);
  return [o] { return run_explain(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
