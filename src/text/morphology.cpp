#include "actorgraph/text/morphology.hpp"

#include <string>

#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {

bool has_lemma(const TokenMorph& m, std::string_view lemma, std::uint8_t word_class) {
  if (word_class != morph::kNoun && m.joined.has_lemma(lemma)) return true;
  if (m.entry.has_lemma(lemma) && (word_class == 0 || (m.entry.classes() & word_class))) return true;
  return word_class != morph::kVerb && m.head.has_lemma(lemma);
}

Morphology::Morphology(const Lexicon& lexicon, morph::Table de, morph::Table en)
    : lexicon_(lexicon), de_(de), en_(en) {}

morph::Entry Morphology::compound_head(std::string_view norm) const {
  // The first tail from the left is the longest: "luftangriffe" -> "angriffe".
  for (std::size_t b = 1; b + kMinHead <= norm.size(); ++b) {
    if (norm[b - 1] == '-') {
      if (auto e = de_.find(norm.substr(b))) return e;
      continue;
    }
    if (b < 3) continue;  // a first part has at least three letters
    auto c = static_cast<unsigned char>(norm[b]);
    if (c < 'a' || c > 'z') continue;
    if (auto e = de_.find(norm.substr(b)); e && (e.classes() & morph::kNoun)) return e;
  }
  return {};
}

void Morphology::annotate(Document& doc) const {
  if (doc.lang != Lang::de && doc.lang != Lang::en) return;
  const morph::Table& t = table(doc.lang);
  constexpr std::size_t kAhead = 8;  // words whose slots are being loaded
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (i + kAhead < doc.tokens.size() && doc.tokens[i + kAhead].kind == TokenKind::word) {
      t.prefetch(doc.tokens[i + kAhead].norm);
    }
    Token& tok = doc.tokens[i];
    tok.morph = {};
    if (tok.kind != TokenKind::word) continue;
    tok.morph.entry = t.find(tok.norm);
    if (doc.lang == Lang::de && tok.norm.size() >= kMinHead + 3 &&
        (!tok.morph.entry || (tok.capitalized && (tok.morph.entry.classes() & morph::kNoun)))) {
      tok.morph.head = compound_head(tok.norm);
    }
  }
  if (doc.lang != Lang::de) return;
  // Separable verbs: a clause-final particle joins the finite verbs of its clause.
  std::string joined;
  for (const Sentence& s : doc.sentences) {
    std::size_t clause_begin = s.first_token;
    for (std::size_t i = s.first_token; i < s.end_token; ++i) {
      const Token& tok = doc.tokens[i];
      bool boundary = tok.kind == TokenKind::punct && tok.norm != "-" && tok.norm != "'";
      bool last = i + 1 == s.end_token;
      if (!boundary && !last) continue;
      std::size_t clause_end = boundary ? i : i + 1;
      if (clause_end > clause_begin) {
        const Token& p = doc.tokens[clause_end - 1];
        if (p.kind == TokenKind::word && lexicon_.has("separable_particle", Lang::de, p.norm)) {
          for (std::size_t v = clause_begin; v + 1 < clause_end; ++v) {
            Token& verb = doc.tokens[v];
            if (!(verb.morph.entry.classes() & morph::kVerb) || (verb.capitalized && v != s.first_token)) continue;
            for (std::size_t k = 0; k < verb.morph.entry.lemma_count(); ++k) {
              // German infinitives end in -n; other lemmas of the form are nouns ("Erkannte")
              std::string_view base = verb.morph.entry.lemma(k);
              if (base.empty() || base.back() != 'n') continue;
              joined.assign(p.norm).append(base);
              auto e = de_.find(joined);
              if (e && e.has_lemma(joined) && (e.classes() & morph::kVerb)) {
                verb.morph.joined = e;
                break;
              }
            }
          }
        }
      }
      clause_begin = i + 1;
    }
  }
}

}  // namespace actorgraph
