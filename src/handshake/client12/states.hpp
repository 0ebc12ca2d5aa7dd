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
#include "session/session.hpp"

namespace tlspp::handshake::client12 {

struct ExpectServerHello {
    std::array<std::uint8_t, 32> client_random{};
    std::optional<session::Session12> offered;        // the session we offered to resume
    std::vector<std::uint8_t> offered_session_id;     // its ID, or a random one with a ticket (RFC 5077 §3.4)
    std::vector<std::uint16_t> offered_extensions;    // the ClientHello's extension types, which a reply may answer
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

// In an abbreviated handshake (RFC 5246 §7.3) the server's CCS and Finished
// come first: `client_write` then holds our keys, installed when we answer
// the server's Finished with ours. In a full handshake it is null.

// The server acknowledged the session_ticket extension: a NewSessionTicket
// comes before its ChangeCipherSpec (RFC 5077 §3.3).
struct ExpectNewSessionTicket {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> server_write;
    std::unique_ptr<record::Protection> client_write;   // resumed only
};

struct ExpectChangeCipherSpec {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> server_write;
    std::unique_ptr<record::Protection> client_write;   // resumed only
};

struct ExpectFinished {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> client_write;   // resumed only
};

struct Connected {};

using State = std::variant<ExpectServerHello, ExpectCertificate, ExpectServerKeyExchange,
                           ExpectCertificateRequestOrDone, ExpectServerHelloDone, ExpectNewSessionTicket,
                           ExpectChangeCipherSpec, ExpectFinished, Connected>;

// state_name gives "client12: expect ServerHelloDone" for errors and the explainer.
std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::client12
