#include "cli.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <new>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "commands.hpp"

namespace actorgraph::cli {

std::vector<CommandSpec>& command_registry() {
  static std::vector<CommandSpec> registry;
  return registry;
}

namespace {

// rc, unless what the command wrote to standard output did not all arrive (a full
// disk, >/dev/full, a closed descriptor): then an error line and kExitInput, so no
// command (explain, eval, db stats, ...) reports success for output that was lost.
int stdout_checked(int rc) {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return rc;
  std::cerr << "actorgraph: cannot write to standard output\n";
  return kExitInput;
}

}  // namespace

int run(int argc, char** argv) {
#ifdef __GLIBC__
  // Start-up builds the stages' tables in a few MB of heap. glibc would hand each large
  // vector its own mmap (and unmap it when the vector grows): fresh pages, a page fault
  // each, on every doubling. From the heap instead, with room to grow, one short
  // article takes 300 page faults and about 2 ms less (issue 15).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, 8 << 20);
#endif
  CLI::App app{
      "actorgraph: actor-relationship graphs from German and English news articles.\n"
      "Examples:\n"
      "  actorgraph extract article.txt -o article.dot\n"
      "  actorgraph extract corpus/ -o out/ --format json\n"
      "  actorgraph explain article.txt\n"
      "  actorgraph eval ../shared/corpus/dev\n",
      "actorgraph"};  // the name in usage lines (and the man page), whatever path ran it
  app.footer(
      "Exit codes: 0 success; 1 input or data error; 2 usage error; 3 batch: some articles failed, the others\n"
      "were written; 4 eval: a figure is below its --floor; 5 db add: some ids were already stored and were\n"
      "skipped (--replace re-extracts them).\n"
      "Each command's options: actorgraph COMMAND --help. Manual: man actorgraph.");
  app.set_version_flag("--version", [] { return version_text(); });
  app.require_subcommand(1);
  app.fallthrough();

  auto specs = command_registry();
  std::stable_sort(specs.begin(), specs.end(), [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, Action>> commands;
  for (const auto& spec : specs) {
    std::size_t before = app.get_subcommands({}).size();
    Action action = spec.factory(app);
    auto subs = app.get_subcommands({});
    if (subs.size() > before) commands.emplace_back(subs.back(), std::move(action));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (auto& [sub, action] : commands) {
      if (sub->parsed()) return stdout_checked(action());
    }
    std::cerr << "actorgraph: no command given (see --help)\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "actorgraph: " << e.what() << "\n";
    return kExitUsage;
  } catch (const Error& e) {
    std::cerr << "actorgraph: " << e.what() << "\n";
    return kExitInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "actorgraph: out of memory\n";
    return kExitInput;
  } catch (const std::exception& e) {
    std::cerr << "actorgraph: " << e.what() << "\n";
    return kExitInput;
  }
}

}  // namespace actorgraph::cli
