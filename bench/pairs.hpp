// bench/pairs.hpp: tlspp and libssl connection pairs wired to each other in
// memory, with the same certificates, keys and cipher suites, and per-side
// CPU-time and allocation accounting.
#pragma once

#include <openssl/ssl.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else   // without valgrind's headers: never under valgrind, nothing to collect
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(label) (void)(label)
#endif

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alloc_count.hpp"
#include "tlspp/config.hpp"
#include "tlspp/connection.hpp"

namespace bench {

enum class Cert { rsa2048, p256 };
enum class Aead { aes128gcm, aes256gcm, chacha20 };

// The full-handshake variants of issue 6, all with AES-128-GCM:
//   ecdhe_rsa    ECDHE-RSA (X25519, RSA-2048)
//   ecdhe_ecdsa  ECDHE-ECDSA (X25519, P-256)
//   rsa_kx       RSA key transport (TLS_RSA_WITH_AES_128_GCM_SHA256, RSA-2048)
//   mtls         ECDHE-RSA with an RSA-2048 client certificate (required by the server)
//   dhe          DHE-RSA, 2048-bit group: tlspp ffdhe2048 (RFC 7919); libssl SSL_CTX_set_dh_auto,
//                which picks RFC 3526's 2048-bit MODP group for an RSA-2048 key (same size, other kind)
enum class Hs { ecdhe_rsa, ecdhe_ecdsa, rsa_kx, mtls, dhe };

inline constexpr Cert kCerts[] = {Cert::rsa2048, Cert::p256};
inline constexpr Aead kAeads[] = {Aead::aes128gcm, Aead::aes256gcm, Aead::chacha20};
inline constexpr Hs kHs[] = {Hs::ecdhe_rsa, Hs::ecdhe_ecdsa, Hs::rsa_kx, Hs::mtls, Hs::dhe};

const char* name(Cert c);
const char* name(Aead a);
const char* name(Hs h);
const char* key(Cert c);   // short name: rsa2048, p256
const char* key(Aead a);   // short name: aes128gcm, aes256gcm, chacha20
const char* key(Hs h);     // short name: rsa2048, p256, rsakx, mtls, dhe

// The resumed (abbreviated, RFC 5246 §7.3) TLS 1.2 handshakes of issue 6, both of the
// ECDHE-RSA-AES128-GCM session (RSA-2048 server certificate) made by one full handshake:
//   session_id  tlspp ServerConfig::session_cache only, ClientConfig::session_tickets = false;
//               libssl SSL_SESS_CACHE_SERVER on the server, SSL_OP_NO_TICKET on both sides
//   ticket      tlspp ServerConfig::ticket_keys only (no cache); libssl tickets on (the default),
//               no server session cache (stateless, as the tlspp server of this row)
enum class Resume { session_id, ticket };
inline constexpr Resume kResumes[] = {Resume::session_id, Resume::ticket};
const char* name(Resume r);
const char* key(Resume r);   // short name: resume-id, resume-ticket

// Thread CPU time in nanoseconds. The machine is shared, so wall time is not
// usable; on this VM this clock is a system call (~0.5-1 µs), so SideTimer
// subtracts the calibrated cost of one call per timed scope (see calibrate_timer).
inline std::int64_t cpu_ns() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline std::int64_t g_timer_overhead_ns = 0;

// calibrate_timer measures the cost of one cpu_ns() call; returns it.
inline std::int64_t calibrate_timer() {
    std::int64_t best = 1'000'000;
    for (int round = 0; round < 20; ++round) {
        const std::int64_t t0 = cpu_ns();
        for (int i = 0; i < 200; ++i) (void)cpu_ns();
        const std::int64_t per = (cpu_ns() - t0) / 201;
        if (per < best) best = per;
    }
    g_timer_overhead_ns = best;
    return best;
}

// Per-side timing is switched off where the benchmark's own timer is used (bulk).
inline bool g_time_sides = true;

// Instruction counting (bench/instructions.cpp): under callgrind, started with
// collection off, only the scopes of what is being counted are collected.
enum class Counted { none, client, server, both };
inline Counted g_counted = Counted::none;

// CountScope collects the instructions of its scope if `on` (a no-op outside valgrind).
class CountScope {
public:
    explicit CountScope(bool on) : on_(on) {
        if (on_) CALLGRIND_TOGGLE_COLLECT;
    }
    ~CountScope() {
        if (on_) CALLGRIND_TOGGLE_COLLECT;
    }
    CountScope(const CountScope&) = delete;
    CountScope& operator=(const CountScope&) = delete;
private:
    bool on_;
};

inline bool counted(alloc::Tag tag) {
    return g_counted == Counted::both || (g_counted == Counted::client && tag == alloc::client) ||
           (g_counted == Counted::server && tag == alloc::server);
}

// SideTimer adds the time of a scope to `acc`, charges allocations to `tag`,
// and collects the scope's instructions when that side is being counted.
class SideTimer {
public:
    SideTimer(std::int64_t& acc, alloc::Tag tag)
        : acc_(acc), scope_(tag), count_(counted(tag)), start_(g_time_sides ? cpu_ns() : 0) {}
    ~SideTimer() {
        if (g_time_sides) acc_ += cpu_ns() - start_ - g_timer_overhead_ns;
    }
private:
    std::int64_t& acc_;
    alloc::Scope scope_;
    CountScope count_;
    std::int64_t start_;
};

struct SideTimes {
    std::int64_t client_ns = 0;
    std::int64_t server_ns = 0;
};

// ---- tlspp ----
struct TlsppConfigs {
    std::shared_ptr<const tlspp::ClientConfig> client;
    std::shared_ptr<const tlspp::ServerConfig> server;
};
TlsppConfigs tlspp_configs(Cert cert, Aead aead);   // ECDHE with cert's key type
TlsppConfigs tlspp_configs(Hs hs);
TlsppConfigs tlspp_configs(Resume r);
// The configs above verify every chain in full (ClientConfig::verified_chains = nullptr), as libssl does.
// tlspp_configs_cached is tlspp_configs(hs) with a verified-chain cache (tlspp/trust.hpp) on the client,
// and for mtls also on the server (ServerConfig::verified_client_chains), primed by one untimed
// handshake: every later handshake is a repeat connection whose chain checks are cache hits.
TlsppConfigs tlspp_configs_cached(Hs hs);
// tlspp_session runs one full handshake with `cfg` and returns the client's
// session (dies if there is none).
tlspp::Session tlspp_session(const TlsppConfigs& cfg);

struct TlsppPair {
    std::unique_ptr<tlspp::ClientConnection> client;
    std::unique_ptr<tlspp::ServerConnection> server;
    SideTimes t;

    void create(const TlsppConfigs& cfg);     // timed per side
    void create(const TlsppConfigs& cfg, std::optional<tlspp::Session> resume);   // the client offers `resume`
    bool resumed() const;                      // info().resumed on both sides
    bool handshake();                          // pumps until both done; timed per side
    void destroy();                            // timed per side
    // one record of `data` from client to server (or back), received into `out`.
    bool client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
    bool server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
    // The same client to server, read in place on the server (received_data /
    // consume_received: no copy out); true if all of `data` arrived.
    bool client_to_server_in_place(const std::vector<std::uint8_t>& data);
};

// ---- libssl ----
struct SslCtxs {
    SSL_CTX* client = nullptr;
    SSL_CTX* server = nullptr;
};
// release_buffers sets SSL_MODE_RELEASE_BUFFERS on both sides.
SslCtxs ssl_ctxs(Cert cert, Aead aead, bool release_buffers = false);
SslCtxs ssl_ctxs(Hs hs, bool release_buffers = false);
SslCtxs ssl_ctxs(Resume r);
// ssl_session runs one full handshake with `ctx` and returns the client's
// session (SSL_get1_session; the caller frees it).
SSL_SESSION* ssl_session(const SslCtxs& ctx);

struct SslPair {
    SSL* client = nullptr;
    SSL* server = nullptr;
    BIO* client_bio = nullptr;   // a BIO pair: no copies by the harness
    BIO* server_bio = nullptr;
    SideTimes t;

    void make_bios();                          // untimed, charged to `other`
    void create(const SslCtxs& ctx, SSL_SESSION* resume = nullptr);   // SSL_new + SSL_set_bio (+ SSL_set_session), timed per side
    bool resumed() const;                      // SSL_session_reused on both sides
    bool handshake();
    void destroy();                            // SSL_free, timed per side; frees the BIOs too
    // destroy_closed: as destroy, after marking both sides shut down (SSL_set_shutdown, no
    // close_notify exchanged, as tlspp's pairs send none): SSL_free of a connection not shut
    // down removes its session from the cache and makes it not resumable (ssl_clear_bad_session).
    void destroy_closed();
    bool client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
    bool server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);

private:
    void destroy(bool closed);
};

// The suite name as OpenSSL spells it, and whether both libraries agreed on
// the expected suite/scheme (checked once at start-up).
std::string openssl_suite(Cert cert, Aead aead);
// For mtls it also gives what each server saw of the client certificate.
std::string describe_negotiation(Hs hs);
// What a few resumed handshakes of each library did (resumed on both sides,
// session ID / ticket present, whether the ticket changed); dies with a clear
// message if either library does not resume.
std::string describe_resumption(Resume r);

}  // namespace bench
