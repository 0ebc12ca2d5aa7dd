// handshake/server12/server_flight.hpp: the server's first flight, kept apart
// from the state dispatch because it is the longest handler.
#pragma once

#include "handshake/server12/states.hpp"
#include "handshake/step.hpp"
#include "session/session.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake::server12 {

// answer_client_hello checks the ClientHello, makes the server's choices and
// queues ServerHello..ServerHelloDone, or, when it resumes a session (which it
// then stores in `resumed`), ServerHello [NewSessionTicket] ChangeCipherSpec
// Finished. Fails with the negotiation's error.
Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step,
                                  std::optional<session::Session12>& resumed);

// new_session_ticket seals `s` under the config's ticket keys and queues the
// NewSessionTicket (RFC 5077 §3.3); an empty ticket if sealing fails.
void send_new_session_ticket(const session::Session12& s, const ServerConfig& config, Step& step);

}  // namespace tlspp::handshake::server12
