// Private to the library: UTF-8 checks for text that comes from outside (file
// names, graph files, data files) before it reaches a graph or a JSON writer.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph {

// The byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates and values above U+10FFFF are not),
// or std::string::npos when s is valid UTF-8.
std::size_t first_invalid_utf8(std::string_view s);

// Replaces each byte of an invalid UTF-8 sequence by '?' (same length, so byte
// offsets stay valid) and returns how many bytes were replaced.
std::size_t replace_invalid_utf8(std::string& s);

// s with invalid bytes replaced by '?'.
std::string valid_utf8(std::string s);

}  // namespace actorgraph
