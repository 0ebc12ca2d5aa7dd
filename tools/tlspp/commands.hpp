// tools/tlspp/commands.hpp: one entry point per subcommand (one file each).
#pragma once

#include <span>

namespace tlspp::cli {

// Each returns the process exit code (options.hpp: kExitOk, kExitFailure,
// kExitUsage) and may throw UsageError for a bad command line.
int run_client(std::span<char* const> args);
int run_server(std::span<char* const> args);
int run_explain(std::span<char* const> args);

}  // namespace tlspp::cli
