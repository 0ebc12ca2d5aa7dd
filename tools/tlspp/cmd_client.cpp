// tools/tlspp/cmd_client.cpp: `tlspp client HOST:PORT`, in the spirit of
// `openssl s_client -ign_eof`: connect, show the session on stderr, then relay
// stdin to the server and the server to stdout.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "describe.hpp"
#include "explain_cli.hpp"
#include "options.hpp"
#include "tlspp/stream.hpp"

namespace tlspp::cli {

namespace {

const OptionSpec kOptions[] = {
    {"ca", "FILE|DIR", "trust these CAs (PEM bundle, or hashed directory) instead of the system store"},
    {"servername", "NAME", "name to send as SNI and to verify (default: HOST)"},
    {"alpn", "LIST", "offer these application protocols, comma-separated (e.g. h2,http/1.1)"},
    {"groups", "LIST", groups_help()},
    {"security-level", "N", "OpenSSL's security level 0-5 for keys, signatures and DHE groups (default 2: RSA >= 2048, no SHA-1; 1 allows SHA-1)"},
    {"insecure", "", "do not verify the server's certificate (the summary says so)"},
    {"cert", "FILE", "client certificate chain (PEM) to send when the server asks for one"},
    {"key", "FILE", "private key of --cert (PEM)"},
    {"false-start", "", "send data right after our Finished when the suite allows it (RFC 7918; needs --alpn)"},
    {"no-etm", "", "do not offer Encrypt-then-MAC with CBC suites (RFC 7366): MAC-then-encrypt records"},
    {"allow-legacy-server", "", "connect to a server without secure renegotiation (no RFC 5746 renegotiation_info)"},
    {"keylog", "FILE", "append the session keys to FILE in the SSLKEYLOGFILE format (default: $SSLKEYLOGFILE)"},
    {"timeout", "SECONDS", "limit for connect and handshake, and idle wait after stdin ends (default 10)"},
    {"sess-in", "FILE", "offer the session saved in FILE (by --sess-out) for resumption"},
    {"sess-out", "FILE", "save the session to FILE (PEM, mode 0600) for a later --sess-in"},
    {"reconnect", "N", "after the first connection, reconnect N times resuming the latest session; prints 'resumed K of N'"},
};

constexpr std::string_view kSynopsis = "tlspp client HOST:PORT [options]";
constexpr std::string_view kDescription =
    "Connects to HOST:PORT (HOST is a name, an IPv4 address or [IPv6]), runs the TLS handshake,\n"
    "prints the negotiated session and the server's certificates on stderr, then copies stdin\n"
    "to the server and the server's data to stdout. The end of stdin does not end the session:\n"
    "tlspp keeps printing until the server sends close_notify or is idle for --timeout seconds.\n"
    "With --explain it first prints the handshake on stdout as it happens, message by message with\n"
    "what each is for (--explain=json: one JSON object per line), then relays as above: the server's\n"
    "data follows the timeline on stdout.\n"
    "Exit status: 0 on an orderly end, 1 if the connection or handshake fails, 2 for usage errors.";

int fail(const Error& error) {
    std::fprintf(stderr, "tlspp: %s\n", error.message().c_str());
    return kExitFailure;
}

Result<TrustStore> load_trust(const std::optional<std::string>& ca) {
    if (!ca) return TrustStore::system();
    struct stat st {};
    if (::stat(ca->c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return TrustStore::from_directory(*ca);
    return TrustStore::from_file(*ca);
}

std::shared_ptr<const ClientConfig> make_config(const Args& args, std::string* problem) {
    auto config = std::make_shared<ClientConfig>();
    auto protocol = protocol_settings(args);
    config->versions = std::move(protocol.versions);
    config->cipher_suites = std::move(protocol.cipher_suites);
    if (auto v = args.value("groups")) config->groups = parse_groups(*v);
    if (auto v = args.value("alpn")) config->alpn = parse_alpn(*v);
    if (auto v = args.value("security-level")) config->security_level = parse_security_level(*v);
    config->false_start = args.has("false-start");
    config->encrypt_then_mac = !args.has("no-etm");
    config->allow_legacy_server = args.has("allow-legacy-server");
    if (args.has("cert") != args.has("key")) throw UsageError("--cert and --key go together");
    if (auto cert = args.value("cert")) {
        auto certified = CertifiedKey::from_pem_files(*cert, *args.value("key"));
        if (!certified) {
            *problem = certified.error().message();
            return nullptr;
        }
        config->certificates.push_back(std::move(*certified));
    }
    auto key_log = open_key_log(args);
    if (!key_log) {
        *problem = key_log.error().message();
        return nullptr;
    }
    config->key_log = *key_log;
    if (args.has("insecure")) {
        config->verify_peer = false;
        return config;
    }
    auto trust = load_trust(args.value("ca"));
    if (!trust) {
        *problem = trust.error().message();
        return nullptr;
    }
    config->trust = std::move(*trust);
    return config;
}

void print_summary(const Stream& stream, const std::string& target, bool verifying) {
    const SessionInfo& info = stream.info();
    std::fprintf(stderr, "connected to %s (%s)\n", target.c_str(), stream.peer_address().c_str());
    for (const auto& [label, value] : describe_session(info))
        std::fprintf(stderr, "%-24s %s\n", (label + ":").c_str(), value.c_str());
    std::fprintf(stderr, "server certificate chain (%zu):\n", info.peer_chain.size());
    for (const auto& line : describe_chain(info)) std::fprintf(stderr, "%s\n", line.c_str());
    const char* verdict = !verifying           ? "SKIPPED (--insecure): the server is not authenticated"
                          : info.peer_verified ? "OK (chain to a trusted CA, name matches)"
                                               : "NOT VERIFIED";
    std::fprintf(stderr, "%-24s %s\n---\n", "verification:", verdict);
}

// write_all writes to a plain descriptor (stdout), retrying short writes.
bool write_all(int fd, const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                pollfd p{fd, POLLOUT, 0};
                ::poll(&p, 1, -1);
                continue;
            }
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// relay copies stdin → stream and stream → stdout until the server closes,
// or, once stdin has ended, until the server is idle for `idle`.
int relay(Stream& stream, std::chrono::milliseconds idle) {
    std::uint8_t buffer[16 * 1024];
    bool stdin_open = true;
    for (;;) {
        // Data may already be decrypted and waiting; poll() would not see it.
        if (stream.buffered() == 0) {
            pollfd fds[2] = {{stream.fd(), POLLIN, 0}, {stdin_open ? STDIN_FILENO : -1, POLLIN, 0}};
            int n = ::poll(fds, 2, stdin_open ? -1 : static_cast<int>(idle.count()));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return fail(make_error(Reason::io_error, std::string("poll: ") + std::strerror(errno)));
            if (n == 0) {
                std::fprintf(stderr, "tlspp: server idle for %lld ms after end of input; closing\n",
                             static_cast<long long>(idle.count()));
                stream.close();
                return kExitOk;
            }
            if (fds[1].revents != 0) {
                ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (got < 0 && errno != EINTR && errno != EAGAIN) got = 0;   // treat a broken stdin as ended
                if (got == 0) stdin_open = false;
                if (got > 0) {
                    if (auto sent = stream.write({buffer, static_cast<std::size_t>(got)}); !sent)
                        return fail(sent.error());
                }
            }
            if (fds[0].revents == 0) continue;
        }
        auto got = stream.read_ready(buffer);
        if (!got) return fail(got.error());
        if (*got > 0 && !write_all(STDOUT_FILENO, buffer, *got)) {
            std::fprintf(stderr, "tlspp: write(stdout): %s\n", std::strerror(errno));
            stream.close();
            return kExitFailure;
        }
        if (stream.at_end()) {
            std::fprintf(stderr, "tlspp: server sent close_notify\n");
            stream.close();
            return kExitOk;
        }
    }
}

// read_session loads --sess-in.
Result<Session> read_session(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(Reason::io_error, "--sess-in: cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    auto s = Session::from_pem(text.str());
    if (!s) return make_error(s.error().reason, "--sess-in " + path + ": " + s.error().detail);
    return s;
}

// write_session saves --sess-out with mode 0600: it holds the master secret.
Status write_session(const std::string& path, const Session& session) {
    auto pem = session.to_pem();
    if (!pem) return std::move(pem).error();
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(Reason::io_error, "--sess-out " + path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    const bool ok = write_all(fd, reinterpret_cast<const std::uint8_t*>(pem->data()), pem->size());
    ::close(fd);
    if (!ok) return make_error(Reason::io_error, "--sess-out " + path + ": write failed");
    return {};
}

// write_client_diagram writes --diagram, also after a failure: the picture
// shows how far the handshake got.
void write_client_diagram(const explain::Recorder& recorder, const ExplainSettings& settings) {
    if (!settings.diagram) return;
    std::string problem;
    if (write_diagram(recorder, explain::Side::client, settings, *settings.diagram, "", &problem))
        std::fprintf(stderr, "tlspp: diagram written to %s\n", settings.diagram->c_str());
    else
        std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
}

}  // namespace

int run_client(std::span<char* const> argv) {
    auto spec = with_explain_options(with_protocol_options(kOptions));
    Args args = Args::parse(argv, spec);
    if (args.wants_help()) {
        std::fputs(help_text(kSynopsis, kDescription, spec).c_str(), stdout);
        return kExitOk;
    }
    ExplainSettings explaining = explain_settings(args, false);
    if (args.positionals().size() != 1) throw UsageError("expected exactly one HOST:PORT argument");
    HostPort target = parse_host_port(args.positionals()[0]);
    auto timeout = std::chrono::milliseconds(10'000);
    if (auto v = args.value("timeout")) timeout = parse_seconds(*v, "timeout");

    std::string problem;
    auto config = make_config(args, &problem);
    if (!config) {
        std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
        return kExitFailure;
    }
    std::string server_name = args.value("servername").value_or(target.host);
    std::string shown = target.host.find(':') != std::string::npos ? "[" + target.host + "]" : target.host;

    StreamOptions options;
    options.handshake_timeout = timeout;
    options.io_timeout = timeout;
    // --explain: the recorder prints the handshake on stdout as it happens
    // (from the ClientHello, which Stream::connect queues), and stops printing
    // once it is done, so that the relayed data follows the timeline.
    std::shared_ptr<explain::Recorder> recorder;
    if (explaining.enabled) {
        recorder = std::make_shared<explain::Recorder>(explaining.show_secrets);
        if (!explaining.json) std::printf("connecting to %s:%u\n", shown.c_str(), static_cast<unsigned>(target.port));
        attach_live_output(*recorder, explaining, explain::Side::client, stdout, true);
        options.observer = recorder->observer_for(explain::Side::client);
    }
    unsigned reconnects = 0;
    if (auto v = args.value("reconnect")) reconnects = parse_count(*v, "reconnect");
    if (auto path = args.value("sess-in")) {
        auto saved = read_session(*path);
        if (!saved) return fail(saved.error());
        options.resume = std::move(*saved);
    }
    auto stream = Stream::connect(config, target.host, target.port, server_name, options);
    if (!stream) return fail(stream.error());

    auto done = stream->handshake();
    std::fflush(stdout);
    if (recorder) {
        write_client_diagram(*recorder, explaining);
        // The connection keeps the observer; without the recorder it forwards nothing.
        recorder.reset();
    }
    if (!done) {
        // Show what the server presented: it is usually why verification failed.
        if (!explaining.enabled)
            for (const auto& line : describe_chain(stream->info())) std::fprintf(stderr, "%s\n", line.c_str());
        return fail(done.error());
    }
    print_summary(*stream, shown + ":" + std::to_string(target.port), config->verify_peer);
    // --reconnect N: new connections offering the latest session; the last
    // one goes on to relay, like the first would have.
    std::optional<Session> latest = stream->connection().session();
    if (reconnects > 0) {
        unsigned resumed = 0;
        for (unsigned i = 1; i <= reconnects; ++i) {
            stream->close();
            StreamOptions again = options;
            again.observer = nullptr;
            again.resume = latest;
            auto next = Stream::connect(config, target.host, target.port, server_name, again);
            if (!next) return fail(next.error());
            if (auto ok = next->handshake(); !ok) return fail(ok.error());
            const bool was_resumed = next->info().resumed;
            resumed += was_resumed ? 1 : 0;
            std::fprintf(stderr, "reconnect %u: %s\n", i, was_resumed ? "resumed" : "new session (full handshake)");
            if (auto s = next->connection().session()) latest = std::move(s);
            *stream = std::move(*next);
        }
        std::fprintf(stderr, "resumed %u of %u\n", resumed, reconnects);
    }
    if (auto path = args.value("sess-out")) {
        if (!latest) {
            std::fprintf(stderr, "tlspp: --sess-out: the server gave no resumable session\n");
        } else if (auto saved = write_session(*path, *latest); !saved) {
            return fail(saved.error());
        }
    }
    return relay(*stream, timeout);
}

}  // namespace tlspp::cli
