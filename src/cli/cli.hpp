// The command-line interface: options, subcommands and every catch. main() only calls run().
#pragma once

namespace actorgraph::cli {

// Exit codes (README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;      // input or data error
inline constexpr int kExitUsage = 2;      // usage error
inline constexpr int kExitPartial = 3;    // batch: some articles failed, the rest were written
inline constexpr int kExitBelowFloor = 4; // eval: a figure is below its --floor
inline constexpr int kExitDuplicates = 5; // db add: some ids were already stored and were skipped

int run(int argc, char** argv);

}  // namespace actorgraph::cli
