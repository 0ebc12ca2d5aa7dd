// tools/tlspp/server_explain.hpp: `tlspp server --explain`, which prints each
// client's handshake as it happens. Explaining is for a person watching, not
// for load: handshakes run one at a time on the accept thread (so timelines
// never interleave) and each session then gets a thread of its own. Without
// --explain the server runs on the event loop instead (net/event_server).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

#include "explain_cli.hpp"
#include "net/listener.hpp"
#include "server_session.hpp"
#include "tlspp/config.hpp"

namespace tlspp::cli {

struct ExplainedServer {
    std::shared_ptr<const ServerConfig> config;
    std::chrono::milliseconds timeout;   // handshake limit and idle limit
    unsigned max_connections;            // session threads at once
    SessionMode mode;
    ExplainSettings settings;
};

// serve_explained accepts until `wake_fd` is readable (with `stopping` set),
// then ends the open sessions, waiting up to 5 s for them.
void serve_explained(net::Listener& listener, int wake_fd, const std::atomic<bool>& stopping,
                     const ExplainedServer& server);

}  // namespace tlspp::cli
