// tools/tlspp/main.cpp: `tlspp <subcommand> ...` dispatch and top-level help.
#include <csignal>
#include <cstdio>
#include <exception>
#include <span>
#include <string_view>

#include "commands.hpp"
#include "options.hpp"

namespace {

struct Subcommand {
    std::string_view name;
    int (*run)(std::span<char* const>);
    std::string_view summary;
};

constexpr Subcommand kSubcommands[] = {
    {"client", tlspp::cli::run_client, "connect to a TLS server, show the session, relay stdin/stdout"},
    {"server", tlspp::cli::run_server, "serve TLS clients: an HTML page of the session (--www) or an echo"},
    {"explain", tlspp::cli::run_explain, "a live, explained TLS handshake between a client and a server on loopback"},
};

void print_overview(std::FILE* to) {
    std::fprintf(to,
                 "usage: tlspp <command> [options]\n\n"
                 "tlspp is the command-line tool of the tlspp TLS library.\n\ncommands:\n");
    for (const auto& s : kSubcommands)
        std::fprintf(to, "  %-8.*s %.*s\n", static_cast<int>(s.name.size()), s.name.data(),
                     static_cast<int>(s.summary.size()), s.summary.data());
    std::fprintf(to, "\nRun 'tlspp <command> --help' for the options of a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
    // A peer or a pipe reader that goes away must give EPIPE, which we report,
    // rather than SIGPIPE, which would kill the process silently.
    std::signal(SIGPIPE, SIG_IGN);

    std::span<char* const> args(argv, static_cast<std::size_t>(argc));
    if (args.size() < 2) {
        print_overview(stderr);
        return tlspp::cli::kExitUsage;
    }
    std::string_view command = args[1];
    if (command == "--help" || command == "-h" || command == "help") {
        print_overview(stdout);
        return tlspp::cli::kExitOk;
    }
    for (const auto& s : kSubcommands) {
        if (s.name != command) continue;
        try {
            return s.run(args.subspan(2));
        } catch (const tlspp::cli::UsageError& e) {
            std::fprintf(stderr, "tlspp: %s\nTry 'tlspp %s --help'.\n", e.what(), argv[1]);
            return tlspp::cli::kExitUsage;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "tlspp: internal error: %s\n", e.what());
            return tlspp::cli::kExitFailure;
        }
    }
    std::fprintf(stderr, "tlspp: unknown command '%s'\n\n", argv[1]);
    print_overview(stderr);
    return tlspp::cli::kExitUsage;
}
