// handshake/server12/server_flight.hpp: the server's first flight, kept apart
// from the state dispatch because it is the longest handler.
#pragma once

#include "handshake/server12/states.hpp"
#include "handshake/step.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake::server12 {

// answer_client_hello checks the ClientHello, makes the server's choices and
// queues ServerHello..ServerHelloDone. Fails with the negotiation's error.
Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step);

}  // namespace tlspp::handshake::server12
