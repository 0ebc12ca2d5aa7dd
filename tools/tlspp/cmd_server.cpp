// tools/tlspp/cmd_server.cpp: `tlspp server`, in the spirit of
// `openssl s_server -www`: serve many TLS clients at once and show each one
// what was negotiated (--www) or echo its bytes back (--echo).
//
// Concurrency: one epoll loop (net/event_server) on the main thread owns every
// connection, each a sans-I/O ServerConnection plus a small --www/--echo
// state machine, so an idle or stalled client costs a descriptor and a few
// kilobytes, never a thread; deadlines, the connection limit and output
// backpressure live in the loop. One thread is enough: handshakes are bound
// by public-key crypto, and the loop never waits on a client. --explain keeps
// a thread per session (server_explain.cpp): it is for a person watching one
// handshake at a time, not for load.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "explain_cli.hpp"
#include "net/event_server.hpp"
#include "net/listener.hpp"
#include "options.hpp"
#include "server_explain.hpp"
#include "server_session.hpp"

namespace tlspp::cli {

namespace {

const OptionSpec kOptions[] = {
    {"port", "PORT", "TCP port to listen on; 0 picks a free one (the line 'listening on' shows it)"},
    {"cert", "FILE", "certificate chain, PEM, leaf first"},
    {"key", "FILE", "private key of the leaf certificate, PEM"},
    {"host", "ADDR", "address to bind (default 127.0.0.1; use ::1 for IPv6)"},
    {"www", "", "answer an HTTP GET with a page describing the session (the default)"},
    {"echo", "", "echo the client's bytes back until it closes"},
    {"groups", "LIST", groups_help()},
    {"alpn", "LIST", "supported application protocols, comma-separated, in preference order"},
    {"prefer-client-order", "", "choose the cipher suite by the client's order instead of ours"},
    {"client-ca", "FILE", "CAs that client certificates must chain to (PEM); their names are sent in the request"},
    {"crl", "FILE|DIR", "certificate revocation lists (PEM) checked for client certificates"},
    {"verify-client", "MODE", "ask for a client certificate: optional or require (needs --client-ca)"},
    {"security-level", "N", "OpenSSL's security level 0-5 for keys, signatures and DHE groups (default 2: RSA >= 2048, no SHA-1; 1 allows SHA-1)"},
    {"keylog", "FILE", "append the session keys to FILE in the SSLKEYLOGFILE format (default: $SSLKEYLOGFILE)"},
    {"timeout", "SECONDS", "limit for a whole handshake, and for a connection to stay silent after it (default 10)"},
    {"max-connections", "N", "connections open at once; one more is closed at once (default 10000; 64 with --explain)"},
    {"no-session-cache", "", "do not resume sessions by session ID (RFC 5246 §7.3)"},
    {"no-tickets", "", "do not issue or accept session tickets (RFC 5077)"},
    {"no-etm", "", "decline Encrypt-then-MAC for CBC suites (RFC 7366): MAC-then-encrypt records"},
};

constexpr std::string_view kSynopsis = "tlspp server --port PORT --cert FILE --key FILE [options]";
constexpr std::string_view kDescription =
    "Listens on HOST:PORT and serves TLS clients concurrently. Prints 'listening on HOST:PORT'\n"
    "on stdout once ready. A failed handshake is logged on stderr and does not stop the server.\n"
    "SIGINT or SIGTERM stops accepting, ends open connections and exits with status 0.\n"
    "With --explain, each client's handshake is printed on stdout as it happens, one client at a\n"
    "time (so timelines never interleave), then the client is served as usual (--www or --echo).";

// configure_client_auth applies --verify-client, --client-ca and --crl; it
// returns what is wrong, or "".
std::string configure_client_auth(const Args& args, ServerConfig& config) {
    auto mode = args.value("verify-client");
    auto ca = args.value("client-ca");
    auto crl = args.value("crl");
    if (!mode) {
        if (ca || crl) throw UsageError("--client-ca and --crl need --verify-client optional|require");
        return "";
    }
    if (*mode == "optional") config.client_auth = ClientAuth::optional;
    else if (*mode == "require") config.client_auth = ClientAuth::required;
    else throw UsageError("--verify-client takes optional or require, not '" + *mode + "'");
    if (!ca) throw UsageError("--verify-client needs --client-ca FILE");
    auto trust = crl ? TrustStore::from_file(*ca, *crl) : TrustStore::from_file(*ca);
    if (!trust) return trust.error().message();
    config.client_trust = std::move(*trust);
    return "";
}

// The signal handler may only touch lock-free atomics and write(2): it sets
// the flag and wakes the event loop (or the --explain accept loop) through
// the self-pipe.
std::atomic<bool> g_stopping{false};
int g_wake_pipe[2] = {-1, -1};

extern "C" void on_stop_signal(int) {
    g_stopping.store(true);
    int saved = errno;
    char byte = 1;
    (void)!::write(g_wake_pipe[1], &byte, 1);
    errno = saved;
}

bool install_signal_handlers() {
    if (::pipe2(g_wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0) return false;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: a blocked poll() should return EINTR and look at the flag.
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    return true;
}

// Each connection needs a descriptor; the soft limit (often 1024) is raised
// to what --max-connections needs, within the hard limit, as servers do.
// Past whatever limit remains, the event loop pauses accepting (EMFILE).
void raise_descriptor_limit(unsigned max_connections) {
    constexpr rlim_t kOwnDescriptors = 64;   // stdio, listener, epoll, self-pipe, key log, libcrypto
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) < 0) return;
    rlim_t wanted = static_cast<rlim_t>(max_connections) + kOwnDescriptors;
    if (limit.rlim_cur >= wanted) return;
    rlim_t granted = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (granted > limit.rlim_cur) {
        limit.rlim_cur = granted;
        if (::setrlimit(RLIMIT_NOFILE, &limit) < 0) granted = 0;
    }
    if (granted < wanted)
        std::fprintf(stderr, "tlspp: the descriptor limit (ulimit -n %llu) allows fewer than %u connections\n",
                     static_cast<unsigned long long>(limit.rlim_cur), max_connections);
}

// serve_events runs the event loop until SIGINT/SIGTERM.
int serve_events(net::Listener& listener, std::shared_ptr<const ServerConfig> config, SessionMode mode,
                 std::chrono::milliseconds timeout, unsigned max_connections) {
    net::EventServerOptions options;
    options.handshake_timeout = timeout;
    options.idle_timeout = timeout;
    options.max_connections = max_connections;
    options.log = [](std::string_view line) {
        std::fprintf(stderr, "tlspp: %.*s\n", static_cast<int>(line.size()), line.data());
    };
    auto handlers = [mode](const SessionInfo& info, const std::string& peer) {
        return make_session_handler(mode, info, peer);
    };
    auto server = net::EventServer::create(listener.fd(), g_wake_pipe[0], std::move(config), handlers, options);
    if (!server) {
        std::fprintf(stderr, "tlspp: %s\n", server.error().message().c_str());
        return kExitFailure;
    }
    std::printf("listening on %s\n", listener.address().c_str());
    std::fflush(stdout);
    auto ran = server->run();
    listener.close();
    const auto& stats = server->stats();
    std::fprintf(stderr, "tlspp: stopping: %llu connections, %llu handshakes done, %llu failed, %llu refused\n",
                 static_cast<unsigned long long>(stats.accepted), static_cast<unsigned long long>(stats.handshakes_done),
                 static_cast<unsigned long long>(stats.handshakes_failed),
                 static_cast<unsigned long long>(stats.refused));
    if (!ran) {
        std::fprintf(stderr, "tlspp: %s\n", ran.error().message().c_str());
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace

int run_server(std::span<char* const> argv) {
    auto spec = with_explain_options(with_protocol_options(kOptions));
    Args args = Args::parse(argv, spec);
    if (args.wants_help()) {
        std::fputs(help_text(kSynopsis, kDescription, spec).c_str(), stdout);
        return kExitOk;
    }
    ExplainSettings explain = explain_settings(args, false);
    if (!args.positionals().empty()) throw UsageError("unexpected argument '" + args.positionals()[0] + "'");
    auto port_text = args.value("port");
    auto cert = args.value("cert");
    auto key = args.value("key");
    if (!port_text || !cert || !key) throw UsageError("--port, --cert and --key are required");
    if (args.has("www") && args.has("echo")) throw UsageError("choose one of --www and --echo");
    std::uint16_t port = parse_port(*port_text, true);
    std::string host = args.value("host").value_or("127.0.0.1");
    SessionMode mode = args.has("echo") ? SessionMode::echo : SessionMode::www;
    auto timeout = std::chrono::milliseconds(10'000);
    if (auto v = args.value("timeout")) timeout = parse_seconds(*v, "timeout");
    unsigned max_connections = explain.enabled ? 64 : 10'000;
    if (auto v = args.value("max-connections")) max_connections = parse_count(*v, "max-connections");

    auto config = std::make_shared<ServerConfig>();
    auto protocol = protocol_settings(args);
    config->versions = std::move(protocol.versions);
    config->cipher_suites = std::move(protocol.cipher_suites);
    if (auto v = args.value("groups")) config->groups = parse_groups(*v);
    if (auto v = args.value("alpn")) config->alpn = parse_alpn(*v);
    if (auto v = args.value("security-level")) config->security_level = parse_security_level(*v);
    config->prefer_server_cipher_order = !args.has("prefer-client-order");
    // Session resumption, on by default: a cache for session IDs and ticket
    // keys shared by every connection of this server.
    if (!args.has("no-session-cache")) config->session_cache = std::make_shared<ServerSessionCache>();
    if (!args.has("no-tickets")) config->ticket_keys = std::make_shared<TicketKeys>();
    config->encrypt_then_mac = !args.has("no-etm");
    if (auto problem = configure_client_auth(args, *config); !problem.empty()) {
        std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
        return kExitFailure;
    }
    auto key_log = open_key_log(args);
    if (!key_log) {
        std::fprintf(stderr, "tlspp: %s\n", key_log.error().message().c_str());
        return kExitFailure;
    }
    config->key_log = *key_log;
    auto certified = CertifiedKey::from_pem_files(*cert, *key);
    if (!certified) {
        std::fprintf(stderr, "tlspp: %s\n", certified.error().message().c_str());
        return kExitFailure;
    }
    config->certificates.push_back(std::move(*certified));
    if (auto valid = config->validate(); !valid) {
        std::fprintf(stderr, "tlspp: %s\n", valid.error().message().c_str());
        return kExitFailure;
    }

    if (!install_signal_handlers()) {
        std::perror("tlspp: pipe2");
        return kExitFailure;
    }
    raise_descriptor_limit(max_connections);
    // A deep backlog: a burst of clients waits in the kernel for the loop's
    // next accept round instead of having its SYNs dropped and retried a second later.
    auto listener = net::Listener::open(host, port, 1024);
    if (!listener) {
        std::fprintf(stderr, "tlspp: %s\n", listener.error().message().c_str());
        return kExitFailure;
    }
    if (!explain.enabled) return serve_events(*listener, std::move(config), mode, timeout, max_connections);

    std::printf("listening on %s\n", listener->address().c_str());
    std::fflush(stdout);
    serve_explained(*listener, g_wake_pipe[0], g_stopping, {config, timeout, max_connections, mode, explain});
    return kExitOk;
}

}  // namespace tlspp::cli
