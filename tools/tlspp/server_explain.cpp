// tools/tlspp/server_explain.cpp: the --explain accept loop and its session threads.
#include "server_explain.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "net/socket.hpp"
#include "tlspp/stream.hpp"

namespace tlspp::cli {

namespace {

// Sessions tracks the live session threads: to bound them, and to wake them
// all (shutdown(2) on each socket) when the server stops.
class Sessions {
public:
    Sessions(unsigned limit, const std::atomic<bool>& stopping) : limit_(limit), stopping_(stopping) {}

    // wait_for_slot blocks until fewer than `limit` sessions run. It returns
    // false if the server is stopping. The timed wait only exists so that a
    // signal (which cannot notify a condition variable) is noticed.
    bool wait_for_slot() {
        std::unique_lock lock(mutex_);
        while (fds_.size() >= limit_) {
            if (stopping_.load()) return false;
            changed_.wait_for(lock, std::chrono::milliseconds(200));
        }
        return !stopping_.load();
    }
    // add registers a session's socket and returns the session's id. Ids, not
    // descriptors, name sessions: a descriptor number is reused as soon as
    // it is closed, an id never.
    std::uint64_t add(int fd) {
        std::lock_guard lock(mutex_);
        fds_.emplace(++last_id_, fd);
        return last_id_;
    }
    // remove must run before the session's socket is closed, so that
    // stop_all never shuts down a descriptor another session now owns.
    void remove(std::uint64_t id) {
        std::lock_guard lock(mutex_);
        fds_.erase(id);
        changed_.notify_all();
    }
    void stop_all() {
        std::lock_guard lock(mutex_);
        for (const auto& [id, fd] : fds_) ::shutdown(fd, SHUT_RDWR);
    }
    // wait_idle waits for every session thread to finish, at most `limit`.
    bool wait_idle(std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, limit, [&] { return fds_.empty(); });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::uint64_t, int> fds_;
    std::uint64_t last_id_ = 0;
    unsigned limit_;
    const std::atomic<bool>& stopping_;
};

// start_session serves an established stream (--www or --echo) in a thread
// of its own. The descriptor is registered first.
void start_session(Stream stream, std::shared_ptr<Sessions> sessions, SessionMode mode) {
    std::uint64_t id = sessions->add(stream.fd());
    auto owned = std::make_shared<Stream>(std::move(stream));
    auto run = [owned, id, sessions, mode] {
        std::string peer = owned->peer_address();
        auto handler = make_session_handler(mode, owned->info(), peer);
        if (auto served = serve_session(*owned, *handler); !served)
            std::fprintf(stderr, "tlspp: session with %s: %s\n", peer.c_str(), served.error().message().c_str());
        sessions->remove(id);
        owned->close();
    };
    try {
        std::thread(run).detach();
    } catch (const std::system_error& e) {
        std::fprintf(stderr, "tlspp: cannot start a thread for a connection: %s\n", e.what());
        sessions->remove(id);
    }
}

// explain_one runs one client's handshake in the accept thread, printing it
// as it happens, then hands the connection to a session thread like any
// other. Each timeline is one readable block, under a "connection N from
// ADDRESS" heading (JSON lines: seq starts again at 0). A client that stalls
// its handshake delays the next one by at most the timeout.
// Connection `number` counts from 0.
void explain_one(int fd, std::size_t number, const ExplainedServer& server, std::shared_ptr<Sessions> sessions) {
    const ExplainSettings& settings = server.settings;
    std::string peer = net::peer_address(fd);
    if (!settings.json) std::printf("\nconnection %zu from %s\n", number + 1, peer.c_str());
    auto recorder = std::make_shared<explain::Recorder>(settings.show_secrets);
    attach_live_output(*recorder, settings, explain::Side::server, stdout, true);
    StreamOptions options;
    options.handshake_timeout = server.timeout;
    options.io_timeout = server.timeout;
    options.observer = recorder->observer_for(explain::Side::server);
    auto stream = Stream::adopt_server(fd, server.config, options);
    if (!stream) {
        std::fprintf(stderr, "tlspp: connection setup failed: %s\n", stream.error().message().c_str());
        return;
    }
    auto done = stream->handshake();
    std::fflush(stdout);
    if (!done)
        std::fprintf(stderr, "tlspp: handshake with %s failed: %s\n", peer.c_str(), done.error().message().c_str());
    if (settings.diagram) {
        std::string path = numbered_path(*settings.diagram, number), problem;
        if (write_diagram(*recorder, explain::Side::server, settings, path, "", &problem))
            std::fprintf(stderr, "tlspp: diagram written to %s\n", path.c_str());
        else
            std::fprintf(stderr, "tlspp: %s\n", problem.c_str());
    }
    // From here the connection's observer forwards nothing: the recorder is gone.
    recorder.reset();
    if (!done) return;
    start_session(std::move(*stream), std::move(sessions), server.mode);
}

}  // namespace

void serve_explained(net::Listener& listener, int wake_fd, const std::atomic<bool>& stopping,
                     const ExplainedServer& server) {
    auto sessions = std::make_shared<Sessions>(server.max_connections, stopping);
    std::size_t explained = 0;
    while (sessions->wait_for_slot()) {
        auto fd = listener.accept(wake_fd);
        if (!fd) {
            // EMFILE and friends: say so, give connections time to end, go on.
            std::fprintf(stderr, "tlspp: %s\n", fd.error().message().c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        if (*fd < 0) break;   // woken by SIGINT/SIGTERM
        explain_one(*fd, explained++, server, sessions);
    }
    std::fprintf(stderr, "tlspp: stopping\n");
    listener.close();
    sessions->stop_all();
    // Threads are detached; each holds `sessions` by shared_ptr, so returning
    // early (if one is stuck past the limit) frees nothing under it.
    if (!sessions->wait_idle(std::chrono::milliseconds(5'000)))
        std::fprintf(stderr, "tlspp: some connections did not end within 5 s\n");
}

}  // namespace tlspp::cli
