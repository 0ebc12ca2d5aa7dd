// handshake/server13/states.hpp: one struct per state of the TLS 1.3 server.
#pragma once

#include <string_view>
#include <variant>

#include "crypto/secret.hpp"
#include "crypto/signature.hpp"
#include "handshake/key_schedule13.hpp"
#include "handshake/suites.hpp"

namespace tlspp::handshake::server13 {

// The first ClientHello, which the hello phase chose TLS 1.3 for.
struct ExpectClientHello {};

// After a HelloRetryRequest (RFC 8446 §4.1.4): the second ClientHello must
// bring a share for `group` and still offer `suite`.
struct ExpectRetriedClientHello {
    const SuiteInfo* suite = nullptr;
    NamedGroup group{};
    bool change_cipher_spec_sent = false;   // our middlebox-compatibility CCS went after the HelloRetryRequest
};

// What the client's flight needs once our flight is out: its handshake
// traffic secret (the Finished key; the read protection is installed) and
// the application secrets (its read protection comes after its Finished).
struct ClientFlightKeys {
    const SuiteInfo* suite = nullptr;
    crypto::SecretBytes client_handshake;
    ApplicationSecrets13 application;
};

// We sent a CertificateRequest (RFC 8446 §4.3.2).
struct ExpectClientCertificate {
    ClientFlightKeys keys;
};

// The client sent a certificate: it must prove it holds the key (RFC 8446 §4.4.3).
struct ExpectCertificateVerify {
    ClientFlightKeys keys;
    crypto::PublicKey client_key;
};

struct ExpectFinished {
    ClientFlightKeys keys;
};

// The application traffic secrets stay for what follows the handshake
// (KeyUpdate, RFC 8446 §7.2; exporters, §7.5).
struct Connected {
    const SuiteInfo* suite = nullptr;
    ApplicationSecrets13 application;
};

using State = std::variant<ExpectClientHello, ExpectRetriedClientHello, ExpectClientCertificate,
                           ExpectCertificateVerify, ExpectFinished, Connected>;

std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::server13
