// tools/tlspp/cmd_explain.cpp: `tlspp explain`: a complete, live demonstration
// of the handshake. A server and a client run in this process over TCP on
// loopback, with a throwaway CA made on the spot, and the handshake is
// printed with what each message does and why. Each kind of handshake is one
// entry in kDemos (RSA key exchange, mutual TLS, resumption and TLS 1.3 join
// the list as tlspp gains them).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "explain/text.hpp"
#include "explain_cli.hpp"
#include "net/listener.hpp"
#include "net/socket.hpp"
#include "options.hpp"
#include "throwaway_pki.hpp"
#include "tlspp/session.hpp"
#include "tlspp/connection.hpp"

namespace tlspp::cli {

namespace {

constexpr std::string_view kSynopsis = "tlspp explain [options]";
constexpr std::string_view kDescription =
    "Runs a TLS client and a TLS server in this process, connected over TCP on 127.0.0.1, with\n"
    "certificates from a throwaway CA made for the run, and prints each handshake as an annotated\n"
    "timeline: every message, the fields that matter and what they are for, the key schedule, and\n"
    "where encryption starts. Secret values are shown only with --show-secrets.\n"
    "Exit status: 0 if every demonstration completed, 1 otherwise, 2 for usage errors.";

struct Demo {
    std::string_view title_key;   // phrase key of its title
    void (*configure)(ClientConfig& client, ServerConfig& server, const ThrowawayPki& pki);
    bool resumed = false;         // explain a second connection that resumes the first one's session
};

// ECDHE with an ECDSA certificate: the seeds' main walkthrough.
void ecdhe(ClientConfig& client, ServerConfig& server, const ThrowawayPki& pki) {
    client.cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                            CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                            CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};
    server.cipher_suites = client.cipher_suites;
    server.certificates = {pki.server_p256};
}

// RSA key exchange, the seeds' "traditional" handshake (off by default in tlspp).
void rsa(ClientConfig& client, ServerConfig& server, const ThrowawayPki& pki) {
    client.cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    server.cipher_suites = client.cipher_suites;
    server.certificates = {pki.server_rsa};
}

// Mutual TLS: CertificateRequest, the client's Certificate and CertificateVerify.
void mtls(ClientConfig& client, ServerConfig& server, const ThrowawayPki& pki) {
    ecdhe(client, server, pki);
    client.certificates = {pki.client};
    server.client_auth = ClientAuth::required;
    server.client_trust = pki.trust;
}

// Resumption: the server issues a session ticket (RFC 5077); the explained
// connection presents it and both sides skip the certificate and the key
// exchange (the abbreviated handshake of RFC 5246 §7.3).
void resumed(ClientConfig& client, ServerConfig& server, const ThrowawayPki& pki) {
    ecdhe(client, server, pki);
    server.ticket_keys = std::make_shared<TicketKeys>();
}

constexpr Demo kDemos[] = {
    {"ui.demo.ecdhe", ecdhe},
    {"ui.demo.rsa", rsa},
    {"ui.demo.mtls", mtls},
    {"ui.demo.resumed", resumed, true},
};

// first_session runs a full handshake in memory, unobserved, and returns the
// session it leaves for resumption.
std::optional<Session> first_session(std::shared_ptr<const ClientConfig> client_config,
                                     std::shared_ptr<const ServerConfig> server_config) {
    ClientConnection client(std::move(client_config), "localhost");
    ServerConnection server(std::move(server_config));
    for (int round = 0; round < 8 && !(client.handshake_done() && server.handshake_done()); ++round) {
        for (auto [from, to] : {std::pair<Connection*, Connection*>{&client, &server}, {&server, &client}}) {
            auto out = from->pending_output();
            std::vector<std::uint8_t> bytes(out.begin(), out.end());
            from->consume_output(bytes.size());
            if (!to->read_in(bytes)) return std::nullopt;
        }
    }
    return client.session();
}

// Both ends run in this one thread, so that the events of client and server
// reach the recorder in a fixed order (a Stream per end would need a thread
// per end). The pump below is the minimum for that: each end's output is
// sent as far as the socket takes it, and whatever arrives is fed in.
using Clock = std::chrono::steady_clock;

Status flush(int fd, Connection& conn) {
    while (conn.wants_write()) {
        auto out = conn.pending_output();
        ssize_t n = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return {};
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return net::sys_error("send", errno);
        conn.consume_output(static_cast<std::size_t>(n));
    }
    return {};
}

Status receive(int fd, Connection& conn) {
    std::uint8_t buffer[16 * 1024];
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return {};
    if (n < 0) return net::sys_error("recv", errno);
    if (n == 0) return conn.transport_closed();
    return conn.read_in({buffer, static_cast<std::size_t>(n)});
}

bool settled(const Connection& conn) { return conn.handshake_done() && !conn.wants_write(); }

// drive_pair runs both handshakes until both are done and flushed, one fails, or `timeout` passes.
Status drive_pair(int client_fd, Connection& client, int server_fd, Connection& server,
                  std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    for (;;) {
        if (auto s = flush(client_fd, client); !s) return s;
        if (auto s = flush(server_fd, server); !s) return s;
        if (settled(client) && settled(server)) return {};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return net::timeout_error("handshake", timeout);
        pollfd fds[2] = {{client_fd, static_cast<short>(POLLIN | (client.wants_write() ? POLLOUT : 0)), 0},
                         {server_fd, static_cast<short>(POLLIN | (server.wants_write() ? POLLOUT : 0)), 0}};
        int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return net::sys_error("poll", errno);
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Connection& conn = i == 0 ? client : server;
            if (auto s = receive(fds[i].fd, conn); !s) {
                (void)flush(fds[i].fd, conn);   // the alert, if one was queued
                return s;
            }
        }
    }
}

Result<int> connect_loopback(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return net::sys_error("socket", errno);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
        int err = errno;
        ::close(fd);
        return net::sys_error("connect 127.0.0.1", err);
    }
    return fd;
}

// finish_close queues close_notify and sends it (best effort, briefly).
void finish_close(int fd, Connection& conn) {
    conn.close();
    auto deadline = Clock::now() + std::chrono::milliseconds(500);
    while (conn.wants_write() && Clock::now() < deadline) {
        if (!flush(fd, conn)) return;
        if (!conn.wants_write()) break;
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, 100);
    }
}

// run_demo runs one handshake; returns false (after printing why) if it fails.
bool run_demo(const Demo& demo, std::size_t index, const ThrowawayPki& pki, const ExplainSettings& settings) {
    auto client_config = std::make_shared<ClientConfig>();
    client_config->trust = pki.trust;
    auto server_config = std::make_shared<ServerConfig>();
    // The demonstrations are TLS 1.2 handshakes: their suite lists name 1.2
    // suites only, which a config with TLS 1.3 enabled refuses.
    client_config->versions = server_config->versions = {ProtocolVersion::tls12};
    demo.configure(*client_config, *server_config, pki);

    auto listener = net::Listener::open("127.0.0.1", 0);
    if (!listener) {
        std::fprintf(stderr, "tlspp: %s\n", listener.error().message().c_str());
        return false;
    }
    auto client_fd = connect_loopback(listener->port());
    if (!client_fd) {
        std::fprintf(stderr, "tlspp: %s\n", client_fd.error().message().c_str());
        return false;
    }
    net::Fd client_socket(*client_fd);
    auto server_fd = listener->accept();
    if (!server_fd || *server_fd < 0) {
        std::fprintf(stderr, "tlspp: accept failed\n");
        return false;
    }
    net::Fd server_socket(*server_fd);

    std::string title = std::string(explain::phrase(settings.lang, demo.title_key));
    if (!settings.json) {
        std::string heading = explain::fill(explain::phrase(settings.lang, "ui.demo"),
                                            {{"n", std::to_string(index + 1)},
                                             {"total", std::to_string(std::size(kDemos))},
                                             {"title", title}});
        std::string where = explain::fill(explain::phrase(settings.lang, "ui.demo.listening"),
                                          {{"address", listener->address()}});
        std::printf("%s%s\n%s\n\n", index ? "\n\n" : "", heading.c_str(), where.c_str());
    }

    std::optional<Session> resume;
    if (demo.resumed) {
        resume = first_session(client_config, server_config);
        if (!resume) {
            std::fprintf(stderr, "tlspp: demonstration '%s': the first connection left no session\n", title.c_str());
            return false;
        }
    }
    auto recorder = std::make_shared<explain::Recorder>(settings.show_secrets);
    attach_live_output(*recorder, settings, explain::Side::client, stdout);
    ClientConnection client(client_config, "localhost", resume, recorder->observer_for(explain::Side::client));
    ServerConnection server(server_config, recorder->observer_for(explain::Side::server));
    auto done = drive_pair(client_socket.get(), client, server_socket.get(), server, std::chrono::seconds(10));
    std::fflush(stdout);
    if (!done) {
        std::fprintf(stderr, "tlspp: demonstration '%s' failed: %s\n", title.c_str(), done.error().message().c_str());
        return false;
    }
    if (settings.diagram) {
        std::string path = numbered_path(*settings.diagram, index), problem;
        if (!write_diagram(*recorder, explain::Side::client, settings, path, title, &problem)) {
            std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
            return false;
        }
        std::fprintf(stderr, "tlspp: diagram written to %s\n", path.c_str());
    }
    finish_close(client_socket.get(), client);
    finish_close(server_socket.get(), server);
    return true;
}

}  // namespace

int run_explain(std::span<char* const> argv) {
    auto spec = with_explain_options({});
    Args args = Args::parse(argv, spec);
    if (args.wants_help()) {
        std::fputs(help_text(kSynopsis, kDescription, spec).c_str(), stdout);
        return kExitOk;
    }
    if (!args.positionals().empty()) throw UsageError("unexpected argument '" + args.positionals()[0] + "'");
    ExplainSettings settings = explain_settings(args, true);

    auto pki = make_throwaway_pki();
    if (!pki) {
        std::fprintf(stderr, "tlspp: %s\n", pki.error().message().c_str());
        return kExitFailure;
    }
    bool ok = true;
    for (std::size_t i = 0; i < std::size(kDemos); ++i) ok = run_demo(kDemos[i], i, *pki, settings) && ok;
    return ok ? kExitOk : kExitFailure;
}

}  // namespace tlspp::cli
