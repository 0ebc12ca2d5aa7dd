// handshake/server12/states.hpp: one struct per state of the TLS 1.2 server.
#pragma once

#include <memory>
#include <variant>

#include "crypto/key_exchange.hpp"
#include "crypto/secret.hpp"
#include "handshake/keys12.hpp"
#include "record/protection.hpp"

namespace tlspp::handshake::server12 {

struct ExpectClientHello {};

struct ExpectClientKeyExchange {
    Negotiated12 params;
    crypto::KeyShare share;     // our ephemeral ECDHE key
};

struct ExpectChangeCipherSpec {
    Negotiated12 params;
    crypto::SecretBytes master;
    Protections12 keys;
};

struct ExpectFinished {
    Negotiated12 params;
    crypto::SecretBytes master;
    std::unique_ptr<record::Protection> server_write;
};

struct Connected {};

using State = std::variant<ExpectClientHello, ExpectClientKeyExchange, ExpectChangeCipherSpec, ExpectFinished,
                           Connected>;

std::string_view state_name(const State& state);

}  // namespace tlspp::handshake::server12
