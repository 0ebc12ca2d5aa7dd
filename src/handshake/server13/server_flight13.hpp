// handshake/server13/server_flight13.hpp: the server's answer to a
// ClientHello (HelloRetryRequest, or ServerHello through Finished), kept
// apart from the state dispatch because it is the longest handler.
#pragma once

#include "handshake/server13/states.hpp"
#include "handshake/step.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake::server13 {

// answer_client_hello checks the ClientHello, makes the server's choices
// (negotiation13.hpp) and queues either a HelloRetryRequest (when the client
// sent no share for the group chosen) or the whole flight ServerHello ..
// Finished. Fails with the negotiation's error.
Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step);

// answer_retried_client_hello checks the second ClientHello against the
// HelloRetryRequest (one share, for the group asked; the suite still
// offered: illegal_parameter otherwise) and queues the flight.
Result<State> answer_retried_client_hello(const ExpectRetriedClientHello& retry, const msg::ClientHello& m,
                                          const ServerConfig& config, Step& step);

}  // namespace tlspp::handshake::server13
