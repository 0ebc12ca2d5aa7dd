// bench/pairs.hpp: tlspp and libssl connection pairs wired to each other in
// memory, with the same certificates, keys and cipher suites, and per-side
// CPU-time and allocation accounting.
#pragma once

#include <openssl/ssl.h>

#include <cstdint>
#include <ctime>
#include <memory>
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

const char* name(Cert c);
const char* name(Aead a);
const char* name(Hs h);
const char* key(Hs h);   // short name: rsa2048, p256, rsakx, mtls, dhe

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

// SideTimer adds the time of a scope to `acc` and charges allocations to `tag`.
class SideTimer {
public:
    SideTimer(std::int64_t& acc, alloc::Tag tag) : acc_(acc), scope_(tag), start_(g_time_sides ? cpu_ns() : 0) {}
    ~SideTimer() {
        if (g_time_sides) acc_ += cpu_ns() - start_ - g_timer_overhead_ns;
    }
private:
    std::int64_t& acc_;
    alloc::Scope scope_;
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

struct TlsppPair {
    std::unique_ptr<tlspp::ClientConnection> client;
    std::unique_ptr<tlspp::ServerConnection> server;
    SideTimes t;

    void create(const TlsppConfigs& cfg);     // timed per side
    bool handshake();                          // pumps until both done; timed per side
    void destroy();                            // timed per side
    // one record of `data` from client to server (or back), received into `out`.
    bool client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
    bool server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
};

// ---- libssl ----
struct SslCtxs {
    SSL_CTX* client = nullptr;
    SSL_CTX* server = nullptr;
};
// release_buffers sets SSL_MODE_RELEASE_BUFFERS on both sides.
SslCtxs ssl_ctxs(Cert cert, Aead aead, bool release_buffers = false);
SslCtxs ssl_ctxs(Hs hs, bool release_buffers = false);

struct SslPair {
    SSL* client = nullptr;
    SSL* server = nullptr;
    BIO* client_bio = nullptr;   // a BIO pair: no copies by the harness
    BIO* server_bio = nullptr;
    SideTimes t;

    void make_bios();                          // untimed, charged to `other`
    void create(const SslCtxs& ctx);           // SSL_new + SSL_set_bio, timed per side
    bool handshake();
    void destroy();                            // SSL_free, timed per side; frees the BIOs too
    bool client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
    bool server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out);
};

// The suite name as OpenSSL spells it, and whether both libraries agreed on
// the expected suite/scheme (checked once at start-up).
std::string openssl_suite(Cert cert, Aead aead);
// For mtls it also gives what each server saw of the client certificate.
std::string describe_negotiation(Hs hs);

}  // namespace bench
