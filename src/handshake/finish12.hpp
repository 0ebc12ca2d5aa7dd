// handshake/finish12.hpp: the end of a TLS 1.2 flight, the same on both sides
// and in full and abbreviated handshakes.
#pragma once

#include <memory>
#include <span>

#include <chrono>

#include "handshake/keys12.hpp"
#include "handshake/step.hpp"
#include "session/session.hpp"

namespace tlspp::handshake {

// send_change_cipher_spec_and_finished queues ChangeCipherSpec, switches to
// `write` for our records (RFC 5246 §7.1), and queues Finished with the
// verify_data over every handshake message so far (RFC 5246 §7.4.9).
void send_change_cipher_spec_and_finished(Step& step, const Negotiated12& params, std::span<const std::uint8_t> master,
                                          std::unique_ptr<record::Protection> write, bool from_client);

// session_of is the resumable session a finished handshake leaves (RFC 5246
// §7.3): what was negotiated, the master secret, the names, and its
// creation time from the step's clock. The caller sets what differs by
// side: the peer chain, the session ID and the ticket.
session::Session12 session_of(const Negotiated12& params, const crypto::SecretBytes& master, Step& step,
                              std::chrono::seconds lifetime);

}  // namespace tlspp::handshake
