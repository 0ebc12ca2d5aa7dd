// handshake/client13/states.hpp: one struct per state of the TLS 1.3 client,
// named after what it waits for. Each holds what later states need.
#pragma once

#include <memory>
#include <optional>
#include <variant>

#include "crypto/secret.hpp"
#include "crypto/signature.hpp"
#include "handshake/client_offer.hpp"
#include "handshake/key_schedule13.hpp"
#include "handshake/suites.hpp"
#include "msg/messages13.hpp"
#include "record/protection.hpp"

namespace tlspp::handshake::client13 {

// The hello phase's offer; after a HelloRetryRequest, the second offer.
struct ExpectServerHello {
    ClientOffer offer;
    // Set after a HelloRetryRequest (RFC 8446 §4.1.4): its suite, which the
    // ServerHello must repeat, and that a second HRR is refused.
    std::optional<CipherSuite> retry_suite;
};

// What every state after ServerHello carries: the suite and the handshake
// secrets (the server's protects what we read now, ours our second flight).
struct Handshake13 {
    const SuiteInfo* suite = nullptr;
    std::array<std::uint8_t, 32> client_random{};
    HandshakeSecret13 secret;
    HandshakeTrafficSecrets13 traffic;
};

struct ExpectEncryptedExtensions {
    Handshake13 hs;
};

struct ExpectCertificateOrRequest {
    Handshake13 hs;
};

// The server asked for a certificate (RFC 8446 §4.3.2); the request comes along.
struct ExpectCertificate {
    Handshake13 hs;
    msg::CertificateRequest13 request;
};

struct ExpectCertificateVerify {
    Handshake13 hs;
    crypto::PublicKey server_key;
    std::optional<msg::CertificateRequest13> request;
};

struct ExpectFinished {
    Handshake13 hs;
    std::optional<msg::CertificateRequest13> request;
};

// After the handshake: the application traffic secrets, for KeyUpdate (§4.6.3).
struct Connected {
    const SuiteInfo* suite = nullptr;
    SecretBytes client_traffic;
    SecretBytes server_traffic;
};

using State = std::variant<ExpectServerHello, ExpectEncryptedExtensions, ExpectCertificateOrRequest, ExpectCertificate,
                           ExpectCertificateVerify, ExpectFinished, Connected>;

std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::client13
