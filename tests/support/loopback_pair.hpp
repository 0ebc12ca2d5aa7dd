// An in-memory client and server wired to each other, with a hook to see or
// change the bytes in flight (for tampering tests).
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "tlspp/connection.hpp"

namespace tlspp::test {

enum class Direction { to_server, to_client };

class LoopbackPair {
public:
    LoopbackPair(std::shared_ptr<const ClientConfig> client_config, std::shared_ptr<const ServerConfig> server_config,
                 std::string server_name = "localhost", std::shared_ptr<Observer> client_observer = nullptr,
                 std::shared_ptr<Observer> server_observer = nullptr);

    // pump moves bytes both ways until neither side has anything to send.
    // Returns false as soon as either side fails.
    bool pump();
    // handshake pumps and says whether both sides finished.
    bool handshake();

    // Sends `data` from one side and returns what the other side received.
    std::vector<std::uint8_t> client_to_server(std::span<const std::uint8_t> data);
    std::vector<std::uint8_t> server_to_client(std::span<const std::uint8_t> data);

    // The tamper hook sees each chunk of bytes in flight and may change it.
    std::function<void(Direction, std::vector<std::uint8_t>&)> tamper;
    // When set, bytes are delivered one at a time (exercises every split point).
    bool byte_at_a_time = false;

    ClientConnection client;
    ServerConnection server;

private:
    bool deliver(Connection& from, Connection& to, Direction dir);
};

}  // namespace tlspp::test
