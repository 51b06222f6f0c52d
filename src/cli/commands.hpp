// Subcommand registry: each src/cli/cmd_*.cpp registers itself with one
// CommandRegistrar, so adding a command touches no other file.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace actorgraph::cli {

// Runs a parsed subcommand; returns the exit code.
using Action = std::function<int()>;
// Adds the subcommand to app (options bound to state the Action keeps) and returns its Action.
using CommandFactory = std::function<Action(CLI::App& app)>;

struct CommandSpec {
  int order;  // position in --help
  CommandFactory factory;
};
std::vector<CommandSpec>& command_registry();

struct CommandRegistrar {
  CommandRegistrar(int order, CommandFactory factory) {
    command_registry().push_back(CommandSpec{order, std::move(factory)});
  }
};

}  // namespace actorgraph::cli
