// handshake/client12/states.hpp: one struct per state of the TLS 1.2 client,
// named after what it waits for. Each holds what later states need, nothing else.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <variant>

#include "crypto/secret.hpp"
#include "msg/certificate_request.hpp"
#include "handshake/keys12.hpp"
#include "pki/verify.hpp"
#include "record/protection.hpp"

namespace tlspp::handshake::client12 {

struct ExpectServerHello {
    std::array<std::uint8_t, 32> client_random{};
    bool sent_server_name = false;
};

struct ExpectCertificate {
    Negotiated12 params;
};

struct ExpectServerKeyExchange {
    Negotiated12 params;
    pki::VerifiedChain chain;
};

// The server's (EC)DHE share, verified against its certificate. For DHE the
// server chose the group: its prime and generator come along.
struct ServerShare {
    std::optional<NamedGroup> group;   // DHE: only when (p, g) is an RFC 7919 group
    crypto::Bytes public_key;
    crypto::Bytes dh_p, dh_g;          // DHE only
    std::optional<crypto::PublicKey> rsa_key;   // RSA key transport: the server certificate's key
};

struct ExpectCertificateRequestOrDone {
    Negotiated12 params;
    ServerShare share;
};

struct ExpectServerHelloDone {
    Negotiated12 params;
    ServerShare share;
    msg::CertificateRequest request;   // what the server asked for
};

struct ExpectChangeCipherSpec {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> server_write;
};

struct ExpectFinished {
    Negotiated12 params;
    crypto::SecretBytes master;
};

struct Connected {};

using State = std::variant<ExpectServerHello, ExpectCertificate, ExpectServerKeyExchange,
                           ExpectCertificateRequestOrDone, ExpectServerHelloDone, ExpectChangeCipherSpec,
                           ExpectFinished, Connected>;

// state_name gives "client12: expect ServerHelloDone" for errors and the explainer.
std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::client12
