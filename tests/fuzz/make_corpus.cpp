// make_corpus writes the seed corpus of every fuzz target: from real tlspp
// loopback handshakes (BoringSSL seeds its corpora from real runs), and for
// `chain` and `ticket` from the fixed PKI and from sessions made here.
//
//   build/fuzz/fuzz_make_corpus tests/fuzz/corpus
//
// It must run in the fuzz build: there records are plaintext (fuzz/mode.hpp),
// so the captured bytes are readable and mutable by the fuzzer, and the
// client and server use the fixed randomness of the fuzz entry points.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/entry.hpp"
#include "msg/certificate.hpp"
#include "pki/verify.hpp"
#include "session/session.hpp"
#include "tlspp/connection.hpp"
#include "wire/writer.hpp"

namespace fs = std::filesystem;
using namespace tlspp;
using Bytes = std::vector<std::uint8_t>;

namespace {

struct Capture {
    Bytes to_server, to_client;
};

// move delivers what `from` has pending to `to`, and keeps a copy.
bool move(Connection& from, Connection& to, Bytes& log) {
    auto pending = from.pending_output();
    if (pending.empty()) return false;
    Bytes bytes(pending.begin(), pending.end());
    from.consume_output(bytes.size());
    log.insert(log.end(), bytes.begin(), bytes.end());
    (void)to.read_in(bytes);
    return true;
}

Capture run(const std::function<void(ClientConfig&)>& tweak_client, const std::function<void(ServerConfig&)>& tweak_server) {
    auto cc = fuzz::client_config();
    auto sc = fuzz::server_config();
    // The seeds are TLS 1.2 handshakes; shapes that name one 1.2 suite would
    // leave TLS 1.3 without a suite, which validate() refuses.
    cc->versions = sc->versions = {ProtocolVersion::tls12};
    tweak_client(*cc);
    tweak_server(*sc);
    ClientConnection client(cc, "localhost");
    ServerConnection server(sc);
    Capture cap;
    for (int round = 0; round < 16; ++round) {
        bool moved = move(client, server, cap.to_server);
        moved |= move(server, client, cap.to_client);
        if (!moved) break;
    }
    if (!client.handshake_done() || !server.handshake_done()) {
        std::fprintf(stderr, "make_corpus: handshake failed: %s / %s\n",
                     client.error() ? client.error()->message().c_str() : "-",
                     server.error() ? server.error()->message().c_str() : "-");
        std::exit(1);
    }
    static constexpr std::uint8_t hello[] = {'h', 'e', 'l', 'l', 'o'};
    (void)client.send(hello);
    (void)server.send(hello);
    client.close();
    server.close();
    move(client, server, cap.to_server);
    move(server, client, cap.to_client);
    return cap;
}

// Handshake messages (type + body) from the unprotected start of a stream:
// everything before its ChangeCipherSpec.
std::vector<Bytes> handshake_messages(const Bytes& stream) {
    Bytes data;
    for (std::size_t i = 0; i + 5 <= stream.size();) {
        const std::size_t len = std::size_t(stream[i + 3]) << 8 | stream[i + 4];
        if (stream[i] == 20) break;
        if (stream[i] == 22) data.insert(data.end(), stream.begin() + long(i + 5), stream.begin() + long(i + 5 + len));
        i += 5 + len;
    }
    std::vector<Bytes> out;
    for (std::size_t i = 0; i + 4 <= data.size();) {
        const std::size_t len = std::size_t(data[i + 1]) << 16 | std::size_t(data[i + 2]) << 8 | data[i + 3];
        Bytes m{data[i]};
        m.insert(m.end(), data.begin() + long(i + 4), data.begin() + long(i + 4 + len));
        out.push_back(std::move(m));
        i += 4 + len;
    }
    return out;
}

void write(const fs::path& dir, const std::string& name, const Bytes& bytes) {
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), long(bytes.size()));
}


// ---- chain: a settings byte and a Certificate body (fuzz/entry.hpp) -------------

std::vector<CertificateDer> der_of(const char* pem) {
    auto certs = pki::read_pem_certificates(pem);
    if (!certs) {
        std::fprintf(stderr, "make_corpus: %s\n", certs.error().message().c_str());
        std::exit(1);
    }
    return std::move(*certs);
}

Bytes chain_input(std::uint8_t settings, const std::vector<const char*>& pems) {
    msg::Certificate m;
    for (const char* pem : pems)
        for (auto& der : der_of(pem)) m.chain.push_back(std::move(der));
    Bytes out{settings};
    wire::Writer w(out);
    msg::encode(w, m);
    return out;
}

// write_chain_seeds writes seeds that reach each verdict, and checks that the
// fixed PKI (fuzz/chain_pki.cpp) gives the verdict each seed is named for:
// a PKI that no longer verifies would leave the target only failure paths.
void write_chain_seeds(const fs::path& dir) {
    const char* server = fuzz::chain_server_pem;
    const char* inter = fuzz::chain_intermediate_pem;
    const std::uint8_t crls = fuzz::chain_with_crls, client_auth = fuzz::chain_client_auth;
    const std::uint8_t empty_host = 3, host_fuzz_example = 5, host_wildcard = 2, host_ip = 1;
    const std::uint8_t before = 1 << 3, intermediate_expired = 2 << 3;
    struct Seed {
        std::string name;
        std::uint8_t settings;
        std::vector<const char*> chain;
        std::optional<Reason> expected;   // nullopt: verifies
    };
    const std::vector<Seed> seeds = {
        {"server_localhost", 0, {server, inter}, std::nullopt},
        {"server_ip_crls", static_cast<std::uint8_t>(host_ip | crls), {server, inter}, std::nullopt},
        {"server_wildcard", host_wildcard, {server, inter, fuzz::chain_root_pem}, std::nullopt},
        {"ed25519_client_auth", static_cast<std::uint8_t>(empty_host | client_auth), {fuzz::chain_ed25519_pem, inter},
         std::nullopt},
        {"client_auth_crls", static_cast<std::uint8_t>(empty_host | client_auth | crls), {fuzz::chain_client_pem, inter},
         std::nullopt},
        {"name_mismatch", host_fuzz_example, {server, inter}, Reason::certificate_name_mismatch},
        {"not_yet_valid", before, {server, inter}, Reason::certificate_not_yet_valid},
        {"intermediate_expired", intermediate_expired, {server, inter}, Reason::certificate_expired},
        {"revoked_crls", crls, {fuzz::chain_revoked_pem, inter}, Reason::certificate_revoked},
        {"server_as_client", client_auth, {server, inter}, Reason::certificate_bad_usage},
        {"leaf_only", 0, {server}, Reason::certificate_untrusted},
    };
    auto plain = TrustStore::from_pem(fuzz::chain_root_pem);
    auto with_crls = TrustStore::from_pem(fuzz::chain_root_pem, fuzz::chain_crls_pem);
    if (!plain || !with_crls) {
        std::fprintf(stderr, "make_corpus: the chain PKI's trust stores do not load\n");
        std::exit(1);
    }
    for (const Seed& seed : seeds) {
        const Bytes input = chain_input(seed.settings, seed.chain);
        auto chain = msg::decode_certificate(std::span(input).subspan(1));
        const auto when = std::chrono::system_clock::time_point(
            std::chrono::seconds(fuzz::chain_times[(seed.settings >> 3) & 3]));
        auto verdict = pki::verify_chain((seed.settings & crls) ? *with_crls : *plain,
                                         std::vector<CertificateDer>(chain->chain.begin(), chain->chain.end()),
                                         fuzz::chain_hosts[seed.settings & 7], when,
                                         (seed.settings & client_auth) ? pki::Purpose::client_auth
                                                                       : pki::Purpose::server_auth);
        const bool as_expected = seed.expected ? (!verdict && verdict.error().reason == *seed.expected) : verdict.ok();
        if (!as_expected) {
            std::fprintf(stderr, "make_corpus: chain seed %s: %s\n", seed.name.c_str(),
                         verdict ? "verifies" : verdict.error().message().c_str());
            std::exit(1);
        }
        write(dir, seed.name, input);
    }
}

// ---- ticket: sessions as ticket contents, as sealed tickets and as PEM files -----

void write_ticket_seeds(const fs::path& dir) {
    std::vector<std::pair<std::string, session::Session12>> sessions(3);
    sessions[0].first = "plain";
    sessions[0].second.suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    sessions[1].first = "ems_sni_alpn";
    sessions[1].second.suite = CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256;
    sessions[1].second.extended_master_secret = true;
    sessions[1].second.server_name = "localhost";
    sessions[1].second.alpn = "http/1.1";
    sessions[1].second.session_id = Bytes(32, 0x5a);
    sessions[2].first = "client_chain";
    sessions[2].second.suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
    sessions[2].second.extended_master_secret = true;
    sessions[2].second.encrypt_then_mac = true;
    sessions[2].second.peer_chain = der_of(fuzz::chain_client_pem);
    sessions[2].second.ticket = Bytes(60, 0xa5);
    sessions[2].second.ticket_lifetime_hint = 7200;
    std::uint8_t fill = 1;
    for (auto& [name, s] : sessions) {
        s.master_secret = crypto::SecretBytes(48);
        for (std::size_t i = 0; i < 48; ++i) s.master_secret[i] = fill++;
        s.created = std::chrono::system_clock::time_point(std::chrono::seconds(1893456000));
        s.lifetime = std::chrono::hours(2);
        auto bytes = session::serialize(s);
        auto pem = session::to_pem(s);
        if (!bytes || !pem) {
            std::fprintf(stderr, "make_corpus: ticket seed %s does not serialize\n", name.c_str());
            std::exit(1);
        }
        write(dir, "session_" + name, Bytes(bytes->view().begin(), bytes->view().end()));
        write(dir, "ticket_" + name, fuzz::sealed_ticket(bytes->view()));
        write(dir, "pem_" + name, Bytes(pem->begin(), pem->end()));
    }
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
        return 2;
    }
    const fs::path root = argv[1];
    auto none_c = [](ClientConfig&) {};
    auto none_s = [](ServerConfig&) {};
    auto suite = [](CipherSuite s) { return [s](ClientConfig& c) { c.cipher_suites = {s}; }; };
    struct Shape {
        std::string name;
        std::function<void(ClientConfig&)> client;
        std::function<void(ServerConfig&)> server;
    };
    const std::vector<Shape> shapes = {
        {"ecdsa_aes128_x25519", none_c, none_s},
        {"rsa_aes256_p256",
         [](ClientConfig& c) {
             c.cipher_suites = {CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384};
             c.groups = {NamedGroup::secp256r1};
         },
         none_s},
        {"rsa_chacha_p384",
         [](ClientConfig& c) {
             c.cipher_suites = {CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};
             c.groups = {NamedGroup::secp384r1};
         },
         none_s},
        {"ecdsa_chacha_p521_no_alpn",
         [](ClientConfig& c) {
             c.cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};
             c.groups = {NamedGroup::secp256r1, NamedGroup::secp521r1};   // P-256 for the certificate
             c.alpn.clear();
         },
         [](ServerConfig& s) { s.groups = {NamedGroup::secp521r1, NamedGroup::secp256r1}; }},
        {"ecdsa_aes256", suite(CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384), none_s},
        {"dhe_rsa_aes128_ffdhe2048",
         [](ClientConfig& c) {
             c.cipher_suites = {CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256};
             c.groups = {NamedGroup::ffdhe2048};
         },
         none_s},
        {"rsa_aes128_server_order", suite(CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
         [](ServerConfig& s) { s.prefer_server_cipher_order = false; }},
    };
    for (const auto& shape : shapes) {
        const Capture cap = run(shape.client, shape.server);
        write(root / "client", shape.name, cap.to_client);
        write(root / "server", shape.name, cap.to_server);
        for (std::uint8_t mode : {0, 1, 2}) {
            Bytes framed{static_cast<std::uint8_t>(mode | 4)};   // chunks of 68 bytes
            const Bytes& stream = mode == 0 ? cap.to_server : cap.to_client;
            framed.insert(framed.end(), stream.begin(), stream.end());
            write(root / "deframer", shape.name + "_" + std::to_string(mode), framed);
        }
        for (const Bytes& m : handshake_messages(cap.to_server)) {
            write(root / "message", shape.name + "_c" + std::to_string(m[0]), m);
            if (m[0] == 1) write(root / "client_hello", shape.name, Bytes(m.begin() + 1, m.end()));
        }
        for (const Bytes& m : handshake_messages(cap.to_client))
            write(root / "message", shape.name + "_s" + std::to_string(m[0]), m);
    }
    write(root / "message", "finished", Bytes{20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    write(root / "message", "hello_request", Bytes{0});
    write(root / "message", "new_session_ticket", Bytes{4, 0, 0, 0, 60, 0, 3, 1, 2, 3});
    write(root / "message", "certificate_request", Bytes{13, 1, 64, 0, 4, 4, 3, 8, 4, 0, 0});
    write(root / "message", "certificate_verify", Bytes{15, 4, 3, 0, 2, 0x30, 0});
    write_chain_seeds(root / "chain");
    write_ticket_seeds(root / "ticket");
    std::printf("make_corpus: wrote %s\n", root.c_str());
    return 0;
}
