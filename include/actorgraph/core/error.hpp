// Exception hierarchy for actorgraph. Thrown by the library, caught only in src/cli/.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

namespace actorgraph {

// Base of every error the library reports; what() is one line for the user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad input: unreadable file, invalid article, malformed graph or corpus line.
class InputError : public Error {
 public:
  using Error::Error;
};

// A malformed dictionary or rule file: the message is "file:line: what".
class DataError : public Error {
 public:
  DataError(const std::string& file, std::size_t line, const std::string& what)
      : Error(file + ":" + std::to_string(line) + ": " + what) {}
};

// Wrong use of the command line or API (bad option value, unknown format).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace actorgraph
