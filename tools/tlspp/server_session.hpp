// tools/tlspp/server_session.hpp: what `tlspp server` does with a client once
// the handshake is done, as a state machine that does no I/O, so the event
// loop (net/event_server) and the blocking --explain path run the same code.
#pragma once

#include <memory>
#include <string>

#include "net/event_server.hpp"
#include "tlspp/stream.hpp"

namespace tlspp::cli {

enum class SessionMode {
    www,    // answer one HTTP GET with a page describing the session
    echo,   // send every byte back until the client closes
};

// make_session_handler makes the --www or --echo state machine for one
// established client. `info` must outlive the handler (it is the
// connection's own, and the connection owns the handler).
std::unique_ptr<net::SessionHandler> make_session_handler(SessionMode mode, const SessionInfo& info,
                                                          std::string peer_address);

// serve_session runs `handler` over an established blocking stream until it
// finishes or the client closes. It does not close the stream. It fails
// with the stream's error (timeout, truncated_connection...) or the handler's.
Status serve_session(Stream& stream, net::SessionHandler& handler);

}  // namespace tlspp::cli
