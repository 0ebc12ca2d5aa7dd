// tools/tlspp/cmd_server.cpp: `tlspp server`, in the spirit of
// `openssl s_server -www`: serve many TLS clients at once and show each one
// what was negotiated (--www) or echo its bytes back (--echo).
//
// Concurrency: one thread per connection, at most --max-connections at once.
// Stream is blocking by design (the sans-I/O core makes an event loop
// possible, but a poll loop here would duplicate Stream's timeout and
// flushing logic); a thread per connection keeps each session straight-line
// code, and the bound keeps a flood of clients from exhausting the process.
// When the bound is reached the accept loop waits; the kernel's backlog queues
// the next clients meanwhile.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <map>
#include <string>
#include <system_error>
#include <thread>

#include "commands.hpp"
#include "explain_cli.hpp"
#include "net/listener.hpp"
#include "net/socket.hpp"
#include "options.hpp"
#include "server_session.hpp"
#include "tlspp/stream.hpp"

namespace tlspp::cli {

namespace {

constexpr OptionSpec kOptions[] = {
    {"port", "PORT", "TCP port to listen on; 0 picks a free one (the line 'listening on' shows it)"},
    {"cert", "FILE", "certificate chain, PEM, leaf first"},
    {"key", "FILE", "private key of the leaf certificate, PEM"},
    {"host", "ADDR", "address to bind (default 127.0.0.1; use ::1 for IPv6)"},
    {"www", "", "answer an HTTP GET with a page describing the session (the default)"},
    {"echo", "", "echo the client's bytes back until it closes"},
    {"ciphers", "LIST", "cipher suites in preference order, IANA or OpenSSL names, ':' or ',' separated"},
    {"groups", "LIST", "key exchange groups in preference order: x25519, P-256, P-384"},
    {"alpn", "LIST", "supported application protocols, comma-separated, in preference order"},
    {"prefer-client-order", "", "choose the cipher suite by the client's order instead of ours"},
    {"client-ca", "FILE", "CAs that client certificates must chain to (PEM); their names are sent in the request"},
    {"crl", "FILE|DIR", "certificate revocation lists (PEM) checked for client certificates"},
    {"verify-client", "MODE", "ask for a client certificate: optional or require (needs --client-ca)"},
    {"keylog", "FILE", "append the session keys to FILE in the SSLKEYLOGFILE format (default: $SSLKEYLOGFILE)"},
    {"timeout", "SECONDS", "handshake limit and idle limit per connection (default 10)"},
    {"max-connections", "N", "connections served at once (default 64)"},
    {"no-session-cache", "", "do not resume sessions by session ID (RFC 5246 §7.3)"},
    {"no-tickets", "", "do not issue or accept session tickets (RFC 5077)"},
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
// the flag and wakes the accept loop through the self-pipe.
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

// Sessions tracks the live connections: to bound them, and to wake them all
// (shutdown(2) on each socket) when the server stops.
class Sessions {
public:
    explicit Sessions(unsigned limit) : limit_(limit) {}

    // wait_for_slot blocks until fewer than `limit` sessions run. It returns
    // false if the server is stopping. The timed wait only exists so that a
    // signal (which cannot notify a condition variable) is noticed.
    bool wait_for_slot() {
        std::unique_lock lock(mutex_);
        while (fds_.size() >= limit_) {
            if (g_stopping.load()) return false;
            changed_.wait_for(lock, std::chrono::milliseconds(200));
        }
        return !g_stopping.load();
    }
    // add registers a session's socket and returns the session's id. Ids, not
    // descriptors, name sessions: a descriptor number is reused as soon as
    // it is closed, an id never.
    std::uint64_t add(int fd) {
        std::lock_guard lock(mutex_);
        fds_.emplace(++last_id_, fd);
        return last_id_;
    }
    // remove must run before the session's socket is closed, so that
    // stop_all never shuts down a descriptor another session now owns.
    void remove(std::uint64_t id) {
        std::lock_guard lock(mutex_);
        fds_.erase(id);
        changed_.notify_all();
    }
    void stop_all() {
        std::lock_guard lock(mutex_);
        for (const auto& [id, fd] : fds_) ::shutdown(fd, SHUT_RDWR);
    }
    // wait_idle waits for every session thread to finish, at most `limit`.
    bool wait_idle(std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, limit, [&] { return fds_.empty(); });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::uint64_t, int> fds_;
    std::uint64_t last_id_ = 0;
    unsigned limit_;
};

void serve_one(int fd, std::uint64_t id, std::shared_ptr<const ServerConfig> config, StreamOptions options,
               SessionMode mode, std::shared_ptr<Sessions> sessions) {
    auto stream = Stream::adopt_server(fd, std::move(config), options);
    if (!stream) {
        // adopt_server closed the descriptor on failure.
        sessions->remove(id);
        std::fprintf(stderr, "tlspp: connection setup failed: %s\n", stream.error().message().c_str());
        return;
    }
    std::string peer = stream->peer_address();
    if (auto done = stream->handshake(); !done) {
        std::fprintf(stderr, "tlspp: handshake with %s failed: %s\n", peer.c_str(), done.error().message().c_str());
    } else if (auto served = serve_session(*stream, mode); !served) {
        std::fprintf(stderr, "tlspp: session with %s: %s\n", peer.c_str(), served.error().message().c_str());
    }
    sessions->remove(id);
    stream->close();
}

// start_session serves an established stream in a thread of its own, as
// serve_one does after its handshake. The descriptor is registered first.
void start_session(Stream stream, std::shared_ptr<Sessions> sessions, SessionMode mode) {
    std::uint64_t id = sessions->add(stream.fd());
    auto owned = std::make_shared<Stream>(std::move(stream));
    auto run = [owned, id, sessions, mode] {
        std::string peer = owned->peer_address();
        if (auto served = serve_session(*owned, mode); !served)
            std::fprintf(stderr, "tlspp: session with %s: %s\n", peer.c_str(), served.error().message().c_str());
        sessions->remove(id);
        owned->close();
    };
    try {
        std::thread(run).detach();
    } catch (const std::system_error& e) {
        std::fprintf(stderr, "tlspp: cannot start a thread for a connection: %s\n", e.what());
        sessions->remove(id);
    }
}

// explain_one runs one client's handshake in the accept thread, printing it
// as it happens, then hands the connection to a session thread (--www or
// --echo) like any other. Handshakes are explained one at a time so that two
// clients' timelines never interleave: each is one readable block, under a
// "connection N from ADDRESS" heading (JSON lines: seq starts again at 0).
// The sessions after the handshakes still run concurrently; a client that
// stalls its handshake delays the next one by at most --timeout.
// Connection `number` counts from 0.
void explain_one(int fd, std::size_t number, std::shared_ptr<const ServerConfig> config, StreamOptions options,
                 SessionMode mode, const ExplainSettings& settings, std::shared_ptr<Sessions> sessions) {
    std::string peer = net::peer_address(fd);
    if (!settings.json) std::printf("\nconnection %zu from %s\n", number + 1, peer.c_str());
    auto recorder = std::make_shared<explain::Recorder>(settings.show_secrets);
    attach_live_output(*recorder, settings, explain::Side::server, stdout, true);
    options.observer = recorder->observer_for(explain::Side::server);
    auto stream = Stream::adopt_server(fd, std::move(config), options);
    if (!stream) {
        std::fprintf(stderr, "tlspp: connection setup failed: %s\n", stream.error().message().c_str());
        return;
    }
    auto done = stream->handshake();
    std::fflush(stdout);
    if (!done)
        std::fprintf(stderr, "tlspp: handshake with %s failed: %s\n", peer.c_str(), done.error().message().c_str());
    if (settings.diagram) {
        std::string path = numbered_path(*settings.diagram, number), problem;
        if (write_diagram(*recorder, explain::Side::server, settings, path, "", &problem))
            std::fprintf(stderr, "tlspp: diagram written to %s\n", path.c_str());
        else
            std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
    }
    // From here the connection's observer forwards nothing: the recorder is gone.
    recorder.reset();
    if (!done) return;
    start_session(std::move(*stream), std::move(sessions), mode);
}

}  // namespace

int run_server(std::span<char* const> argv) {
    auto spec = with_explain_options(kOptions);
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
    unsigned max_connections = 64;
    if (auto v = args.value("max-connections")) max_connections = parse_count(*v, "max-connections");

    auto config = std::make_shared<ServerConfig>();
    if (auto v = args.value("ciphers")) config->cipher_suites = parse_suites(*v);
    if (auto v = args.value("groups")) config->groups = parse_groups(*v);
    if (auto v = args.value("alpn")) config->alpn = parse_alpn(*v);
    config->prefer_server_cipher_order = !args.has("prefer-client-order");
    // Session resumption, on by default: a cache for session IDs and ticket
    // keys shared by every connection of this server.
    if (!args.has("no-session-cache")) config->session_cache = std::make_shared<ServerSessionCache>();
    if (!args.has("no-tickets")) config->ticket_keys = std::make_shared<TicketKeys>();
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
    auto listener = net::Listener::open(host, port);
    if (!listener) {
        std::fprintf(stderr, "tlspp: %s\n", listener.error().message().c_str());
        return kExitFailure;
    }
    std::printf("listening on %s\n", listener->address().c_str());
    std::fflush(stdout);

    StreamOptions options;
    options.handshake_timeout = timeout;
    options.io_timeout = timeout;
    auto sessions = std::make_shared<Sessions>(max_connections);
    std::size_t explained = 0;
    while (sessions->wait_for_slot()) {
        auto fd = listener->accept(g_wake_pipe[0]);
        if (!fd) {
            // EMFILE and friends: say so, give connections time to end, go on.
            std::fprintf(stderr, "tlspp: %s\n", fd.error().message().c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        if (*fd < 0) break;   // woken by SIGINT/SIGTERM
        if (explain.enabled) {
            explain_one(*fd, explained++, config, options, mode, explain, sessions);
            continue;
        }
        std::uint64_t id = sessions->add(*fd);
        try {
            std::thread(serve_one, *fd, id, config, options, mode, sessions).detach();
        } catch (const std::system_error& e) {
            // Out of threads: drop this client rather than the whole server.
            std::fprintf(stderr, "tlspp: cannot start a thread for a connection: %s\n", e.what());
            sessions->remove(id);
            ::close(*fd);
        }
    }

    std::fprintf(stderr, "tlspp: stopping\n");
    listener->close();
    sessions->stop_all();
    // Threads are detached; each holds `sessions` and `config` by shared_ptr,
    // so returning early (if one is stuck past the limit) frees nothing under it.
    if (!sessions->wait_idle(std::chrono::milliseconds(5'000)))
        std::fprintf(stderr, "tlspp: some connections did not end within 5 s\n");
    return kExitOk;
}

}  // namespace tlspp::cli
