// tools/tlspp/server_session.hpp: what `tlspp server` does with a client once
// the handshake is done.
#pragma once

#include "tlspp/stream.hpp"

namespace tlspp::cli {

enum class SessionMode {
    www,    // answer one HTTP GET with a page describing the session
    echo,   // send every byte back until the client closes
};

// serve_session runs `mode` on an established stream. It does not close the
// stream. It fails with the stream's error (timeout, truncated_connection...).
Status serve_session(Stream& stream, SessionMode mode);

}  // namespace tlspp::cli
