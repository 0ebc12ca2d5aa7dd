// handshake/client_offer.hpp: what the client's version-neutral hello phase
// offered, handed to the machine of the version the server chose (Client12
// or Client13), which reads the ServerHello from there on.
#pragma once

#include <optional>
#include <vector>

#include "crypto/key_exchange.hpp"
#include "msg/client_hello.hpp"
#include "handshake/step.hpp"
#include "session/session.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

struct ClientOffer {
    // The ClientHello as sent: the randoms, what was offered (the extensions
    // a reply may answer), and the base of a second ClientHello after a
    // HelloRetryRequest (RFC 8446 §4.1.2).
    msg::ClientHello hello;
    // The private halves of hello.key_shares, in the same order (TLS 1.3 only).
    std::vector<crypto::KeyShare> key_shares;
    // Whether server_name was sent (not for an IP literal, RFC 6066 §3).
    bool sent_server_name = false;
    // The TLS 1.2 session offered for resumption, by ID or ticket.
    std::optional<session::Session12> session12;
};

// make_client_offer builds the ClientHello for every version in
// config.versions (and the key shares it carries), offering `resume` when
// TLS 1.2 is enabled and the session is usable. It sends nothing.
Result<ClientOffer> make_client_offer(const ClientConfig& config, const std::string& server_name,
                                      std::optional<session::Session12> resume, Step& step);

}  // namespace tlspp::handshake
