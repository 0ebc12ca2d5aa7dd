// bench/pairs.cpp: see pairs.hpp.
#include "pairs.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>

#include "support/test_pki.hpp"
#include "tlspp/observer.hpp"

namespace bench {

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    ERR_print_errors_fp(stderr);
    std::abort();
}

const tlspp::test::Identity& identity(Cert c) {
    return c == Cert::rsa2048 ? tlspp::test::pki().server_rsa : tlspp::test::pki().server_p256;
}

tlspp::CipherSuite suite(Cert c, Aead a) {
    using S = tlspp::CipherSuite;
    if (c == Cert::rsa2048) {
        switch (a) {
        case Aead::aes128gcm: return S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        case Aead::aes256gcm: return S::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
        case Aead::chacha20: return S::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256;
        }
    }
    switch (a) {
    case Aead::aes128gcm: return S::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    case Aead::aes256gcm: return S::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
    case Aead::chacha20: return S::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    }
    return S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
}

// Delivers all of `from`'s pending output to `to`: the receiver's read_in is
// charged to the receiver, consume_output to the sender.
bool deliver(tlspp::Connection& from, std::int64_t& from_ns, alloc::Tag from_tag, tlspp::Connection& to,
             std::int64_t& to_ns, alloc::Tag to_tag) {
    auto pending = from.pending_output();
    if (pending.empty()) return false;
    {
        SideTimer t(to_ns, to_tag);
        if (!to.read_in(pending)) die(std::string("tlspp read_in failed: ") + to.error()->detail);
    }
    {
        SideTimer t(from_ns, from_tag);
        from.consume_output(pending.size());
    }
    return true;
}

}  // namespace

const char* name(Cert c) { return c == Cert::rsa2048 ? "ECDHE-RSA (RSA-2048)" : "ECDHE-ECDSA (P-256)"; }
const char* name(Aead a) {
    switch (a) {
    case Aead::aes128gcm: return "AES-128-GCM";
    case Aead::aes256gcm: return "AES-256-GCM";
    case Aead::chacha20: return "ChaCha20-Poly1305";
    }
    return "?";
}

const char* name(Hs h) {
    switch (h) {
    case Hs::ecdhe_rsa: return "ECDHE-RSA (RSA-2048)";
    case Hs::ecdhe_ecdsa: return "ECDHE-ECDSA (P-256)";
    case Hs::rsa_kx: return "RSA key transport (RSA-2048)";
    case Hs::mtls: return "mutual TLS ECDHE-RSA (RSA-2048 client certificate)";
    case Hs::dhe: return "DHE-RSA (2048-bit group)";
    }
    return "?";
}
const char* key(Hs h) {
    switch (h) {
    case Hs::ecdhe_rsa: return "rsa2048";
    case Hs::ecdhe_ecdsa: return "p256";
    case Hs::rsa_kx: return "rsakx";
    case Hs::mtls: return "mtls";
    case Hs::dhe: return "dhe";
    }
    return "?";
}

const char* key(Cert c) { return c == Cert::rsa2048 ? "rsa2048" : "p256"; }
const char* key(Aead a) {
    return a == Aead::aes128gcm ? "aes128gcm" : a == Aead::aes256gcm ? "aes256gcm" : "chacha20";
}

const char* name(Resume r) { return r == Resume::session_id ? "session ID" : "ticket"; }
const char* key(Resume r) { return r == Resume::session_id ? "resume-id" : "resume-ticket"; }

std::string openssl_suite(Cert c, Aead a) {
    const std::string auth = c == Cert::rsa2048 ? "ECDHE-RSA-" : "ECDHE-ECDSA-";
    switch (a) {
    case Aead::aes128gcm: return auth + "AES128-GCM-SHA256";
    case Aead::aes256gcm: return auth + "AES256-GCM-SHA384";
    case Aead::chacha20: return auth + "CHACHA20-POLY1305";
    }
    return "";
}

// ---- tlspp ----

namespace {

// Spec: what a handshake variant needs from each library.
struct Spec {
    Cert cert = Cert::rsa2048;
    tlspp::CipherSuite suite{};
    std::string ossl_suite;
    bool mtls = false;
    bool dhe = false;
};

Spec spec_of(Cert cert, Aead aead) { return {cert, suite(cert, aead), openssl_suite(cert, aead), false, false}; }

Spec spec_of(Hs hs) {
    using S = tlspp::CipherSuite;
    switch (hs) {
    case Hs::ecdhe_rsa: return spec_of(Cert::rsa2048, Aead::aes128gcm);
    case Hs::ecdhe_ecdsa: return spec_of(Cert::p256, Aead::aes128gcm);
    case Hs::rsa_kx: return {Cert::rsa2048, S::TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", false, false};
    case Hs::mtls: {
        Spec sp = spec_of(Cert::rsa2048, Aead::aes128gcm);
        sp.mtls = true;
        return sp;
    }
    case Hs::dhe:
        return {Cert::rsa2048, S::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "DHE-RSA-AES128-GCM-SHA256", false, true};
    }
    return {};
}

TlsppConfigs tlspp_configs(const Spec& sp) {
    auto client = std::make_shared<tlspp::ClientConfig>();
    client->trust = tlspp::test::pki().trust;
    client->verified_chains = nullptr;   // full verification every time; tlspp_configs_cached has the cache
    client->cipher_suites = {sp.suite};
    client->versions = {tlspp::ProtocolVersion::tls12};
    // X25519 is negotiated; P-256 is listed too because RFC 8422 §5.1 lets an
    // ECDSA P-256 certificate be used only when the client lists its curve.
    client->groups = {tlspp::NamedGroup::x25519, tlspp::NamedGroup::secp256r1};
    auto server = std::make_shared<tlspp::ServerConfig>();
    server->certificates.push_back(identity(sp.cert).certified_key());
    server->cipher_suites = {sp.suite};
    server->versions = {tlspp::ProtocolVersion::tls12};
    server->groups = {tlspp::NamedGroup::x25519, tlspp::NamedGroup::secp256r1};
    if (sp.dhe) {
        // RFC 7919: the client lists the FFDHE group it accepts.
        client->groups.push_back(tlspp::NamedGroup::ffdhe2048);
        server->groups = {tlspp::NamedGroup::ffdhe2048};
    }
    if (sp.mtls) {
        client->certificates.push_back(tlspp::test::pki().client_rsa.certified_key());
        server->client_auth = tlspp::ClientAuth::required;
        server->client_trust = tlspp::test::pki().trust;
    }
    if (auto ok = client->validate(); !ok) die("client config: " + ok.error().detail);
    if (auto ok = server->validate(); !ok) die("server config: " + ok.error().detail);
    return {client, server};
}

}  // namespace

TlsppConfigs tlspp_configs(Cert cert, Aead aead) { return tlspp_configs(spec_of(cert, aead)); }
TlsppConfigs tlspp_configs(Hs hs) { return tlspp_configs(spec_of(hs)); }

TlsppConfigs tlspp_configs(Resume r) {
    const TlsppConfigs base = tlspp_configs(Hs::ecdhe_rsa);
    auto client = std::make_shared<tlspp::ClientConfig>(*base.client);
    auto server = std::make_shared<tlspp::ServerConfig>(*base.server);
    if (r == Resume::session_id) {
        server->session_cache = std::make_shared<tlspp::ServerSessionCache>();
        client->session_tickets = false;
    } else {
        server->ticket_keys = std::make_shared<tlspp::TicketKeys>();
    }
    if (auto ok = client->validate(); !ok) die("client config: " + ok.error().detail);
    if (auto ok = server->validate(); !ok) die("server config: " + ok.error().detail);
    return {client, server};
}

TlsppConfigs tlspp_configs_cached(Hs hs) {
    const TlsppConfigs base = tlspp_configs(hs);
    auto client = std::make_shared<tlspp::ClientConfig>(*base.client);
    auto server = std::make_shared<tlspp::ServerConfig>(*base.server);
    client->verified_chains = std::make_shared<tlspp::VerifiedChainCache>();
    if (server->client_auth != tlspp::ClientAuth::none)
        server->verified_client_chains = std::make_shared<tlspp::VerifiedChainCache>();
    TlsppConfigs cfg{client, server};
    TlsppPair p;
    p.create(cfg);
    if (!p.handshake()) die("tlspp handshake (priming the verified-chain cache) failed");
    p.destroy();
    if (client->verified_chains->size() != 1) die("tlspp verified-chain cache not primed");
    return cfg;
}

tlspp::Session tlspp_session(const TlsppConfigs& cfg) {
    TlsppPair p;
    p.create(cfg);
    if (!p.handshake()) die("tlspp full handshake (for the session to resume) failed");
    std::optional<tlspp::Session> s = p.client->session();
    if (!s) die("tlspp client has no session after a full handshake");
    p.destroy();
    return *s;
}

void TlsppPair::create(const TlsppConfigs& cfg) { create(cfg, std::nullopt); }

bool TlsppPair::resumed() const { return client->info().resumed && server->info().resumed; }

void TlsppPair::create(const TlsppConfigs& cfg, std::optional<tlspp::Session> resume) {
    {
        SideTimer s(t.client_ns, alloc::client);
        client = resume ? std::make_unique<tlspp::ClientConnection>(cfg.client, "localhost", std::move(resume), nullptr)
                        : std::make_unique<tlspp::ClientConnection>(cfg.client, "localhost");
    }
    {
        SideTimer s(t.server_ns, alloc::server);
        server = std::make_unique<tlspp::ServerConnection>(cfg.server);
    }
}

bool TlsppPair::handshake() {
    for (int round = 0; round < 64; ++round) {
        bool moved = deliver(*client, t.client_ns, alloc::client, *server, t.server_ns, alloc::server);
        moved |= deliver(*server, t.server_ns, alloc::server, *client, t.client_ns, alloc::client);
        if (!moved) break;
    }
    return client->handshake_done() && server->handshake_done() && !client->failed() && !server->failed();
}

void TlsppPair::destroy() {
    {
        SideTimer s(t.client_ns, alloc::client);
        client.reset();
    }
    {
        SideTimer s(t.server_ns, alloc::server);
        server.reset();
    }
}

namespace {
bool tlspp_one_way(tlspp::Connection& from, std::int64_t& from_ns, alloc::Tag from_tag, tlspp::Connection& to,
                   std::int64_t& to_ns, alloc::Tag to_tag, const std::vector<std::uint8_t>& data,
                   std::vector<std::uint8_t>& out) {
    {
        SideTimer s(from_ns, from_tag);
        if (!from.send(data)) return false;
    }
    deliver(from, from_ns, from_tag, to, to_ns, to_tag);
    SideTimer s(to_ns, to_tag);
    return to.receive(out) == data.size();
}
}  // namespace

bool TlsppPair::client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out) {
    return tlspp_one_way(*client, t.client_ns, alloc::client, *server, t.server_ns, alloc::server, data, out);
}
bool TlsppPair::client_to_server_in_place(const std::vector<std::uint8_t>& data) {
    {
        SideTimer s(t.client_ns, alloc::client);
        if (!client->send(data)) return false;
    }
    deliver(*client, t.client_ns, alloc::client, *server, t.server_ns, alloc::server);
    SideTimer s(t.server_ns, alloc::server);
    std::size_t got = 0;
    for (auto view = server->received_data(); !view.empty(); view = server->received_data()) {
        got += view.size();
        server->consume_received(view.size());
    }
    return got == data.size();
}

bool TlsppPair::server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out) {
    return tlspp_one_way(*server, t.server_ns, alloc::server, *client, t.client_ns, alloc::client, data, out);
}

// ---- libssl ----

namespace {

// use_identity loads a certificate chain and its key into `ctx`.
void use_identity(SSL_CTX* ctx, const tlspp::test::Identity& id) {
    BIO* chain = BIO_new_mem_buf(id.chain_pem.data(), static_cast<int>(id.chain_pem.size()));
    X509* leaf = PEM_read_bio_X509(chain, nullptr, nullptr, nullptr);
    if (!leaf || SSL_CTX_use_certificate(ctx, leaf) != 1) die("certificate " + id.name);
    X509_free(leaf);
    while (X509* extra = PEM_read_bio_X509(chain, nullptr, nullptr, nullptr))
        if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) die("chain");
    ERR_clear_error();
    BIO_free(chain);
    BIO* key_bio = BIO_new_mem_buf(id.key_pem.data(), static_cast<int>(id.key_pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
    if (!key || SSL_CTX_use_PrivateKey(ctx, key) != 1) die("key " + id.name);
    EVP_PKEY_free(key);
    BIO_free(key_bio);
}

X509* ca_cert() {
    const std::string& ca_pem = tlspp::test::pki().ca_pem;
    BIO* ca_bio = BIO_new_mem_buf(ca_pem.data(), static_cast<int>(ca_pem.size()));
    X509* ca = PEM_read_bio_X509(ca_bio, nullptr, nullptr, nullptr);
    BIO_free(ca_bio);
    if (!ca) die("CA");
    return ca;
}

SslCtxs ssl_ctxs(const Spec& sp, bool release_buffers) {
    SslCtxs ctx;
    ctx.server = SSL_CTX_new(TLS_server_method());
    ctx.client = SSL_CTX_new(TLS_client_method());
    if (!ctx.server || !ctx.client) die("SSL_CTX_new");
    for (SSL_CTX* c : {ctx.server, ctx.client}) {
        SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION);
        SSL_CTX_set_max_proto_version(c, TLS1_2_VERSION);
        if (SSL_CTX_set_cipher_list(c, sp.ossl_suite.c_str()) != 1) die("cipher list " + sp.ossl_suite);
        if (SSL_CTX_set1_groups_list(c, "X25519:P-256") != 1) die("groups");
        // Full handshakes only: no session cache, no tickets.
        SSL_CTX_set_session_cache_mode(c, SSL_SESS_CACHE_OFF);
        SSL_CTX_set_options(c, SSL_OP_NO_TICKET);
        if (release_buffers) SSL_CTX_set_mode(c, SSL_MODE_RELEASE_BUFFERS);
    }
    use_identity(ctx.server, identity(sp.cert));
    // OpenSSL 3.0 picks the DH group by the certificate key's strength: the
    // 2048-bit MODP group of RFC 3526 for RSA-2048.
    if (sp.dhe && SSL_CTX_set_dh_auto(ctx.server, 1) != 1) die("dh_auto");

    X509* ca = ca_cert();
    if (X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.client), ca) != 1) die("CA");
    SSL_CTX_set_verify(ctx.client, SSL_VERIFY_PEER, nullptr);
    if (sp.mtls) {
        if (X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.server), ca) != 1) die("client CA");
        // The CA's name goes into CertificateRequest, as tlspp's client_trust does.
        if (SSL_CTX_add_client_CA(ctx.server, ca) != 1) die("client CA list");
        SSL_CTX_set_verify(ctx.server, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        use_identity(ctx.client, tlspp::test::pki().client_rsa);
    }
    X509_free(ca);
    return ctx;
}

}  // namespace

SslCtxs ssl_ctxs(Cert cert, Aead aead, bool release_buffers) { return ssl_ctxs(spec_of(cert, aead), release_buffers); }
SslCtxs ssl_ctxs(Hs hs, bool release_buffers) { return ssl_ctxs(spec_of(hs), release_buffers); }

SslCtxs ssl_ctxs(Resume r) {
    SslCtxs ctx = ssl_ctxs(spec_of(Hs::ecdhe_rsa), false);
    if (r == Resume::session_id) {
        // Server-side cache by session ID; SSL_OP_NO_TICKET stays on both sides.
        SSL_CTX_set_session_cache_mode(ctx.server, SSL_SESS_CACHE_SERVER);
    } else {
        // Tickets on (OpenSSL's default), no server cache: stateless, as tlspp's ticket row.
        for (SSL_CTX* c : {ctx.server, ctx.client}) SSL_CTX_clear_options(c, SSL_OP_NO_TICKET);
    }
    return ctx;
}

SSL_SESSION* ssl_session(const SslCtxs& ctx) {
    SslPair p;
    p.make_bios();
    p.create(ctx);
    if (!p.handshake()) die("libssl full handshake (for the session to resume) failed");
    SSL_SESSION* s = SSL_get1_session(p.client);
    p.destroy_closed();
    if (!s || SSL_SESSION_is_resumable(s) != 1) die("libssl client has no resumable session after a full handshake");
    return s;
}

bool SslPair::resumed() const { return SSL_session_reused(client) == 1 && SSL_session_reused(server) == 1; }

void SslPair::make_bios() {
    alloc::Scope scope(alloc::other);
    // 32 KiB each way holds a whole flight and a 16 KiB record.
    if (BIO_new_bio_pair(&client_bio, 32768, &server_bio, 32768) != 1) die("BIO_new_bio_pair");
}

void SslPair::create(const SslCtxs& ctx, SSL_SESSION* resume) {
    {
        SideTimer s(t.client_ns, alloc::client);
        client = SSL_new(ctx.client);
        if (resume && SSL_set_session(client, resume) != 1) die("SSL_set_session");
        SSL_set_bio(client, client_bio, client_bio);
        SSL_set_tlsext_host_name(client, "localhost");
        SSL_set1_host(client, "localhost");
        SSL_set_connect_state(client);
    }
    {
        SideTimer s(t.server_ns, alloc::server);
        server = SSL_new(ctx.server);
        SSL_set_bio(server, server_bio, server_bio);
        SSL_set_accept_state(server);
    }
    if (!client || !server) die("SSL_new");
}

namespace {
bool step(SSL* ssl, std::int64_t& ns, alloc::Tag tag) {
    int r;
    {
        SideTimer s(ns, tag);
        r = SSL_do_handshake(ssl);
    }
    if (r == 1) return true;
    const int e = SSL_get_error(ssl, r);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) die("SSL_do_handshake failed");
    return false;
}
}  // namespace

bool SslPair::handshake() {
    bool client_done = false, server_done = false, first = true;
    for (int round = 0; round < 64 && !(client_done && server_done); ++round) {
        bool progressed = false;
        if (!client_done && (first || BIO_ctrl_pending(client_bio) > 0)) {
            client_done = step(client, t.client_ns, alloc::client);
            progressed = true;
            first = false;
        }
        if (!server_done && BIO_ctrl_pending(server_bio) > 0) {
            server_done = step(server, t.server_ns, alloc::server);
            progressed = true;
        }
        if (!progressed) break;
    }
    if (client_done && SSL_get_verify_result(client) != X509_V_OK) die("libssl client did not verify the chain");
    return client_done && server_done;
}

void SslPair::destroy() { destroy(false); }
void SslPair::destroy_closed() { destroy(true); }

void SslPair::destroy(bool closed) {
    {
        SideTimer s(t.client_ns, alloc::client);
        if (closed) SSL_set_shutdown(client, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
        SSL_free(client);
    }
    {
        SideTimer s(t.server_ns, alloc::server);
        if (closed) SSL_set_shutdown(server, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
        SSL_free(server);
    }
    client = server = nullptr;
    client_bio = server_bio = nullptr;
}

namespace {
bool ssl_one_way(SSL* from, std::int64_t& from_ns, alloc::Tag from_tag, SSL* to, std::int64_t& to_ns,
                 alloc::Tag to_tag, const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out) {
    {
        SideTimer s(from_ns, from_tag);
        if (SSL_write(from, data.data(), static_cast<int>(data.size())) != static_cast<int>(data.size()))
            die("SSL_write");
    }
    std::size_t got = 0;
    SideTimer s(to_ns, to_tag);
    while (got < data.size()) {
        const int r = SSL_read(to, out.data() + got, static_cast<int>(out.size() - got));
        if (r <= 0) return false;
        got += static_cast<std::size_t>(r);
    }
    return got == data.size();
}
}  // namespace

bool SslPair::client_to_server(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out) {
    return ssl_one_way(client, t.client_ns, alloc::client, server, t.server_ns, alloc::server, data, out);
}
bool SslPair::server_to_client(const std::vector<std::uint8_t>& data, std::vector<std::uint8_t>& out) {
    return ssl_one_way(server, t.server_ns, alloc::server, client, t.client_ns, alloc::client, data, out);
}

std::string describe_negotiation(Hs hs) {
    std::string out;
    const Spec sp = spec_of(hs);
    auto cfg = tlspp_configs(hs);
    TlsppPair tp;
    tp.create(cfg);
    if (!tp.handshake()) die("tlspp handshake failed");
    const auto& info = tp.client->info();
    char buf[256];
    std::snprintf(buf, sizeof buf, "tlspp: suite 0x%04x, group %u, signature scheme 0x%04x, verified=%d",
                  info.cipher_suite ? static_cast<unsigned>(*info.cipher_suite) : 0u,
                  info.group ? static_cast<unsigned>(*info.group) : 0u,
                  info.peer_signature_scheme ? static_cast<unsigned>(*info.peer_signature_scheme) : 0u,
                  static_cast<int>(info.peer_verified));
    out += buf;
    if (sp.mtls) {
        const auto& si = tp.server->info();
        if (!si.peer_verified) die("tlspp server did not verify the client certificate");
        std::snprintf(buf, sizeof buf, ", server saw client scheme 0x%04x verified=%d",
                      si.peer_signature_scheme ? static_cast<unsigned>(*si.peer_signature_scheme) : 0u,
                      static_cast<int>(si.peer_verified));
        out += buf;
    }
    tp.destroy();

    SslCtxs ctx = ssl_ctxs(hs);
    SslPair sp_;
    sp_.make_bios();
    sp_.create(ctx);
    if (!sp_.handshake()) die("libssl handshake failed");
    int sig_nid = 0, md_nid = 0;
    SSL_get_peer_signature_type_nid(sp_.client, &sig_nid);
    SSL_get_peer_signature_nid(sp_.client, &md_nid);
    std::snprintf(buf, sizeof buf, "; libssl: %s, signature %s/%s, verify=%ld", SSL_get_cipher_name(sp_.client),
                  sig_nid ? OBJ_nid2sn(sig_nid) : "none", md_nid ? OBJ_nid2sn(md_nid) : "none",
                  SSL_get_verify_result(sp_.client));
    out += buf;
    EVP_PKEY* tmp = nullptr;
    if (SSL_get_peer_tmp_key(sp_.client, &tmp) == 1 && tmp) {
        std::snprintf(buf, sizeof buf, ", key exchange %s %d bits", EVP_PKEY_get0_type_name(tmp), EVP_PKEY_get_bits(tmp));
        out += buf;
        EVP_PKEY_free(tmp);
    }
    ERR_clear_error();
    if (sp.mtls) {
        X509* peer = SSL_get1_peer_certificate(sp_.server);
        int s_sig = 0, s_md = 0;
        SSL_get_peer_signature_type_nid(sp_.server, &s_sig);
        SSL_get_peer_signature_nid(sp_.server, &s_md);
        if (!peer || SSL_get_verify_result(sp_.server) != X509_V_OK)
            die("libssl server did not verify the client certificate");
        std::snprintf(buf, sizeof buf, ", server saw client signature %s/%s verify=%ld",
                      s_sig ? OBJ_nid2sn(s_sig) : "none", s_md ? OBJ_nid2sn(s_md) : "none",
                      SSL_get_verify_result(sp_.server));
        out += buf;
        X509_free(peer);
    }
    sp_.destroy();
    SSL_CTX_free(ctx.client);
    SSL_CTX_free(ctx.server);
    return out;
}

std::string describe_resumption(Resume r) {
    constexpr int kRounds = 3;
    char buf[256];
    std::string out = "tlspp:";
    {
        const auto cfg = tlspp_configs(r);
        tlspp::Session s = tlspp_session(cfg);
        std::snprintf(buf, sizeof buf, " first session: id %zu bytes, ticket=%d;", s.session_id().size(),
                      static_cast<int>(s.has_ticket()));
        out += buf;
        if (r == Resume::ticket && !s.has_ticket()) die("tlspp: no ticket in the session of the ticket row");
        if (r == Resume::session_id && (s.has_ticket() || s.session_id().empty()))
            die("tlspp: the session of the session-ID row must have an ID and no ticket");
        // Counts the NewSessionTickets the client receives in resumed handshakes (renewals).
        struct TicketCounter : tlspp::Observer {
            int tickets = 0;
            void on_event(const tlspp::Event& e) override {
                if (const auto* m = std::get_if<tlspp::MessageEvent>(&e))
                    if (m->direction == tlspp::Direction::received && m->name == "NewSessionTicket") ++tickets;
            }
        };
        auto counter = std::make_shared<TicketCounter>();
        for (int i = 0; i < kRounds; ++i) {
            TlsppPair p;
            p.client = std::make_unique<tlspp::ClientConnection>(cfg.client, "localhost", s, counter);
            p.server = std::make_unique<tlspp::ServerConnection>(cfg.server);
            if (!p.handshake()) die("tlspp resumed handshake failed");
            if (!p.resumed())
                die(std::string("tlspp did not resume (") + name(r) + " row): client resumed=" +
                    std::to_string(p.client->info().resumed) + ", server resumed=" + std::to_string(p.server->info().resumed));
            std::optional<tlspp::Session> next = p.client->session();
            if (!next) die("tlspp client has no session after a resumed handshake");
            s = *next;
            p.destroy();
        }
        std::snprintf(buf, sizeof buf, " %d/%d resumed on both sides, NewSessionTicket (renewal) in %d of them",
                      kRounds, kRounds, counter->tickets);
        out += buf;
    }
    out += "; libssl:";
    {
        const SslCtxs ctx = ssl_ctxs(r);
        SSL_SESSION* s = ssl_session(ctx);
        unsigned int id_len = 0;
        SSL_SESSION_get_id(s, &id_len);
        std::snprintf(buf, sizeof buf, " first session: id %u bytes, ticket=%d;", id_len, SSL_SESSION_has_ticket(s));
        out += buf;
        if (r == Resume::ticket && !SSL_SESSION_has_ticket(s)) die("libssl: no ticket in the session of the ticket row");
        if (r == Resume::session_id && SSL_SESSION_has_ticket(s)) die("libssl: a ticket in the session of the session-ID row");
        static int tickets = 0;   // NewSessionTickets the client receives in resumed handshakes (renewals)
        tickets = 0;
        for (int i = 0; i < kRounds; ++i) {
            SslPair p;
            p.make_bios();
            p.create(ctx, s);
            SSL_set_msg_callback(p.client, [](int write_p, int, int content_type, const void* msg, size_t len, SSL*, void*) {
                if (!write_p && content_type == SSL3_RT_HANDSHAKE && len > 0 &&
                    static_cast<const unsigned char*>(msg)[0] == SSL3_MT_NEWSESSION_TICKET)
                    ++tickets;
            });
            if (!p.handshake()) die("libssl resumed handshake failed");
            if (!p.resumed())
                die(std::string("libssl did not resume (") + name(r) + " row): client reused=" +
                    std::to_string(SSL_session_reused(p.client)) + ", server reused=" + std::to_string(SSL_session_reused(p.server)));
            SSL_SESSION* next = SSL_get1_session(p.client);
            SSL_SESSION_free(s);
            s = next;
            p.destroy_closed();
        }
        SSL_SESSION_free(s);
        std::snprintf(buf, sizeof buf, " %d/%d reused on both sides, NewSessionTicket (renewal) in %d of them", kRounds,
                      kRounds, tickets);
        out += buf;
        SSL_CTX_free(ctx.client);
        SSL_CTX_free(ctx.server);
    }
    return out;
}

}  // namespace bench
