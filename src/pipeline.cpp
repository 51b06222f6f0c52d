#include "actorgraph/pipeline.hpp"

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "actorgraph/core/error.hpp"

namespace actorgraph {

Pipeline::Pipeline(const DataBundle& data)
    : lexicon_(data),
      morphology_(lexicon_),
      dictionary_(data),
      segmenter_(lexicon_),
      matcher_(dictionary_, lexicon_),
      rules_(data, morphology_),
      extractor_(rules_, lexicon_),
      model_(data, lexicon_, rules_) {}

namespace {
void prepare(Document& doc, const ArticleOptions& options, const Segmenter& segmenter, const Lexicon& lexicon,
             const Morphology& morphology) {
  if (options.date) doc.date = *options.date;
  if (options.lang) doc.lang = *options.lang;
  segmenter.segment(doc);
  if (!options.lang) {
    doc.lang = detect_language(doc, lexicon, morphology);
    if (doc.lang == Lang::unknown) {
      throw InputError("cannot detect the language (German or English); use --lang de|en");
    }
  }
  morphology.annotate(doc);
  lexicon.annotate(doc);
}
}  // namespace

ArticleResult Pipeline::run_rules(Document doc, const ArticleOptions& options) const {
  ArticleResult r;
  prepare(doc, options, segmenter_, lexicon_, morphology_);
  r.mentions = matcher_.match(doc);
  r.relations = extractor_.extract(doc, r.mentions, nullptr);
  r.doc = std::move(doc);
  return r;
}

ArticleResult Pipeline::run(Document doc, const ArticleOptions& options, bool trace) const {
  ArticleResult r;
  prepare(doc, options, segmenter_, lexicon_, morphology_);
  r.mentions = matcher_.match(doc);
  r.relations = extractor_.extract(doc, r.mentions, trace ? &r.trace : nullptr);
  model_.apply(doc, r.mentions, r.relations, trace ? &r.trace : nullptr);
  r.graph = build_graph(doc, r.mentions, r.relations, dictionary_);
  r.doc = std::move(doc);
  return r;
}

ActorGraph build_graph(const Document& doc, const std::vector<ActorMention>& mentions,
                       const std::vector<RelationMention>& relations, const ActorDictionary& dictionary) {
  ActorGraph g;
  g.id = doc.id;
  g.lang = doc.lang;
  g.date = doc.date;
  g.source = doc.source;
  for (const ActorMention& m : mentions) {
    if (!m.counts_as_actor()) continue;
    g.add_actor(m.code, m.kind, dictionary.label(m.code, doc.lang), 1);
  }
  // One mention per sentence, pair, type and modality: two cue words of one sentence
  // ("verhängte neue Sanktionen") say it once.
  std::set<std::tuple<std::size_t, std::string, std::string, RelationType, Modality>> said;
  for (const RelationMention& r : relations) {
    std::string a = r.source.str(), b = r.target.str();
    if (!is_directed(r.type) && b < a) std::swap(a, b);
    if (!said.insert({r.sentence, a, b, r.type, r.modality}).second) continue;
    for (const ActorCode& c : {r.source, r.target}) {
      g.add_actor(c, dictionary.kind(c).value_or(ActorKind::state), dictionary.label(c, doc.lang), 0);
    }
    const Sentence& s = doc.sentences[r.sentence];
    Evidence ev{doc.id, r.sentence, r.cue, std::string(doc.slice(s.span)), r.rule, r.modality};
    g.add_mention(r.source, r.target, r.type, std::move(ev));
  }
  return g;
}

}  // namespace actorgraph
