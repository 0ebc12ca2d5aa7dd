// fuzz/entry.cpp: the fuzz entry points (see entry.hpp). Each is small on
// purpose: it calls into the library the way a peer's bytes would reach it.
#include "fuzz/entry.hpp"

#include <array>
#include <cstdlib>
#include <vector>

#include "fuzz/fixed.hpp"
#include "fuzz/mode.hpp"
#include "msg/handshake.hpp"
#include "record/record_layer.hpp"
#include "tlspp/connection.hpp"

namespace tlspp::fuzz {

static_assert(checks_off, "fuzz entry points need a TLSPP_FUZZING build (cmake/fuzz.cmake)");

namespace {

const std::vector<CertifiedKey>& server_keys() {
    static const std::vector<CertifiedKey> keys = [] {
        std::vector<CertifiedKey> out;
        for (auto [chain, key] : {std::pair{p256_chain_pem, p256_key_pem}, std::pair{rsa_chain_pem, rsa_key_pem}}) {
            auto loaded = CertifiedKey::from_pem(chain, key);
            if (!loaded) std::abort();   // a broken fixed identity is a bug in this file
            out.push_back(std::move(*loaded));
        }
        return out;
    }();
    return keys;
}

// After a handshake, exercise the data path and the orderly close too.
void use(Connection& c) {
    if (c.handshake_done()) {
        static constexpr std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
        (void)c.send(ping);
        std::array<std::uint8_t, 256> buf;
        while (c.receive(buf) > 0) {}
        c.close();
    }
    (void)c.transport_closed();
    c.consume_output(c.pending_output().size());
}

// reencode encodes a decoded message and decodes it again: our own encoding
// of anything we accepted must decode, and encode the same way a second time.
void reencode(const msg::Message& decoded, ProtocolVersion version) {
    std::visit(
        [version](const auto& m) {
            using M = std::decay_t<decltype(m)>;
            if constexpr (!std::is_same_v<M, msg::ChangeCipherSpec>) {   // never decoded from a body
                const msg::Bytes once = msg::encode_message(m);
                auto again = msg::decode_message(version, M::type, std::span(once).subspan(4));
                if (!again || !std::holds_alternative<M>(*again)) std::abort();
                if (msg::encode_message(std::get<M>(*again)) != once) std::abort();
            }
        },
        decoded);
}

}  // namespace

std::shared_ptr<ClientConfig> client_config() {
    auto c = std::make_shared<ClientConfig>();
    c->cipher_suites = default_cipher_suites();
    c->cipher_suites.push_back(CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256);
    c->groups = {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1, NamedGroup::secp521r1,
                 NamedGroup::ffdhe2048};
    c->alpn = {"h2", "http/1.1"};
    c->verify_peer = false;
    c->random = std::make_shared<FixedRandom>();
    c->clock = std::make_shared<FixedClock>();
    return c;
}

std::shared_ptr<ServerConfig> server_config() {
    auto s = std::make_shared<ServerConfig>();
    s->certificates = server_keys();
    s->cipher_suites.push_back(CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256);
    s->groups = {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1, NamedGroup::secp521r1,
                 NamedGroup::ffdhe2048};
    s->alpn = {"h2", "http/1.1"};
    s->random = std::make_shared<FixedRandom>();
    s->clock = std::make_shared<FixedClock>();
    return s;
}

void deframer(Bytes data) {
    if (data.empty()) return;
    const std::uint8_t mode = data[0];
    data = data.subspan(1);
    record::RecordLayer records;
    static constexpr std::array<std::uint8_t, 32> key{};
    static constexpr std::array<std::uint8_t, 12> iv{};
    switch (mode % 3) {
    case 1: records.set_read_protection(*record::make_aead12(crypto::AeadAlg::aes_128_gcm, std::span(key).first(16),
                                                             std::span(iv).first(4)));
            break;
    case 2: records.set_read_protection(*record::make_aead12(crypto::AeadAlg::chacha20_poly1305, key, iv)); break;
    default: break;
    }
    const std::size_t chunk = 1 + (mode >> 2) * 67;   // 1, 68, ... bytes per feed
    while (!data.empty()) {
        const std::size_t n = std::min(chunk, data.size());
        records.feed(data.first(n));
        data = data.subspan(n);
        while (true) {
            auto next = records.next_incoming();
            if (!next) return;
            if (!*next) break;
        }
    }
}

void message(Bytes data) {
    if (data.empty()) return;
    const auto type = static_cast<HandshakeType>(data[0]);
    const Bytes body = data.subspan(1);
    for (auto version : {ProtocolVersion::tls12, ProtocolVersion::tls13})
        if (auto decoded = msg::decode_message(version, type, body)) reencode(*decoded, version);
    // The two bodies whose shape depends on the key exchange.
    if (type == HandshakeType::server_key_exchange) {
        if (auto p = msg::decode_ecdhe_server_params(body)) {
            auto again = msg::make_server_key_exchange(msg::encode_ecdhe_params(p->group, p->public_key), p->scheme,
                                                       p->signature);
            if (!msg::decode_ecdhe_server_params(again.body)) std::abort();
        }
        (void)msg::decode_dhe_server_params(body);
    }
    if (type == HandshakeType::client_key_exchange) {
        if (auto p = msg::decode_ecdhe_client_public(body)) {
            auto again = msg::make_ecdhe_client_key_exchange(*p);
            if (!msg::decode_ecdhe_client_public(again.body)) std::abort();
        }
        (void)msg::decode_dhe_client_public(body);
        (void)msg::decode_rsa_encrypted_premaster(body);
    }
}

void client_hello(Bytes data) {
    // One handshake record holding one ClientHello: 5 + 4 bytes of headers.
    if (data.size() > record::max_plaintext - 4) return;
    const std::size_t length = data.size() + 4;
    std::vector<std::uint8_t> record{22, 3, 1, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length),
                                     1, 0, static_cast<std::uint8_t>(data.size() >> 8),
                                     static_cast<std::uint8_t>(data.size())};
    record.insert(record.end(), data.begin(), data.end());
    ServerConnection server(server_config());
    (void)server.read_in(record);
    use(server);
}

void client(Bytes data) {
    ClientConnection c(client_config(), "localhost");
    c.consume_output(c.pending_output().size());
    (void)c.read_in(data);
    use(c);
}

void server(Bytes data) {
    ServerConnection s(server_config());
    (void)s.read_in(data);
    use(s);
}

}  // namespace tlspp::fuzz
