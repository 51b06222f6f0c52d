// Stage 1 (text): the folded form of text used for every dictionary match.
#pragma once
#include <string>
#include <string_view>

namespace actorgraph {

// Folds UTF-8 text for matching: lower case; ä/ö/ü -> ae/oe/ue and ß -> ss (so
// "Südkorea" and "Suedkorea" fold alike); other diacritics removed (é -> e,
// ğ -> g); typographic apostrophes, quotes and dashes -> ' " -; soft hyphens and
// zero-width characters dropped. Invalid bytes become '?'.
std::string normalize(std::string_view utf8);

// Appends normalize(utf8) to out (no allocation when out has capacity).
void normalize_append(std::string_view utf8, std::string& out);

}  // namespace actorgraph
