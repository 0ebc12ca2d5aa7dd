// handshake/server12/states.hpp: one struct per state of the TLS 1.2 server.
#pragma once

#include <memory>
#include <optional>
#include <variant>

#include "crypto/key_exchange.hpp"
#include "crypto/secret.hpp"
#include "crypto/signature.hpp"
#include "handshake/keys12.hpp"
#include "record/protection.hpp"

namespace tlspp::handshake::server12 {

struct ExpectClientHello {};

// What the server needs to finish the key exchange it chose.
struct ServerKx {
    std::optional<crypto::KeyShare> share;          // (EC)DHE: our ephemeral key
    const crypto::PrivateKey* rsa_key = nullptr;    // RSA key transport: the certificate's key (owned by the config)
    std::uint16_t client_version = 0;               // RSA: the version the ClientHello offered (RFC 5246 §7.4.7.1)
};

// After ServerHelloDone, when we sent a CertificateRequest.
struct ExpectClientCertificate {
    Negotiated12 params;
    ServerKx kx;
};

struct ExpectClientKeyExchange {
    Negotiated12 params;
    ServerKx kx;
    std::optional<crypto::PublicKey> client_key;    // from a verified client certificate
};

// The client sent a certificate: it must prove it holds the key (RFC 5246 §7.4.8).
struct ExpectCertificateVerify {
    Negotiated12 params;
    crypto::SecretBytes master;
    Protections12 keys;
    crypto::PublicKey client_key;
};

// In an abbreviated handshake (RFC 5246 §7.3) our ChangeCipherSpec and
// Finished went first: keys.server_write (and then server_write) is null,
// and the client's Finished completes the handshake.
struct ExpectChangeCipherSpec {
    Negotiated12 params;
    crypto::SecretBytes master;
    Protections12 keys;
};

struct ExpectFinished {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> server_write;   // null when resumed
};

struct Connected {};

using State = std::variant<ExpectClientHello, ExpectClientCertificate, ExpectClientKeyExchange,
                           ExpectCertificateVerify, ExpectChangeCipherSpec, ExpectFinished, Connected>;

std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::server12
