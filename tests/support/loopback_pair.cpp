#include "support/loopback_pair.hpp"

namespace tlspp::test {

LoopbackPair::LoopbackPair(std::shared_ptr<const ClientConfig> client_config,
                           std::shared_ptr<const ServerConfig> server_config, std::string server_name,
                           std::shared_ptr<Observer> client_observer, std::shared_ptr<Observer> server_observer)
    : client(std::move(client_config), std::move(server_name), std::move(client_observer)),
      server(std::move(server_config), std::move(server_observer)) {}

bool LoopbackPair::deliver(Connection& from, Connection& to, Direction dir) {
    auto pending = from.pending_output();
    if (pending.empty()) return false;
    std::vector<std::uint8_t> bytes(pending.begin(), pending.end());
    from.consume_output(bytes.size());
    if (tamper) tamper(dir, bytes);
    if (byte_at_a_time) {
        for (std::uint8_t b : bytes)
            if (!to.read_in(std::span<const std::uint8_t>(&b, 1))) break;
    } else {
        (void)to.read_in(bytes);
    }
    return true;
}

bool LoopbackPair::pump() {
    // Bounded: a handshake is a handful of flights; 64 rounds means a loop.
    for (int round = 0; round < 64; ++round) {
        bool moved = deliver(client, server, Direction::to_server);
        moved |= deliver(server, client, Direction::to_client);
        if (!moved) break;
    }
    return !client.failed() && !server.failed();
}

bool LoopbackPair::handshake() { return pump() && client.handshake_done() && server.handshake_done(); }

namespace {
std::vector<std::uint8_t> drain(Connection& c) {
    std::vector<std::uint8_t> out(c.available());
    out.resize(c.receive(out));
    return out;
}
}  // namespace

std::vector<std::uint8_t> LoopbackPair::client_to_server(std::span<const std::uint8_t> data) {
    if (!client.send(data)) return {};
    pump();
    return drain(server);
}

std::vector<std::uint8_t> LoopbackPair::server_to_client(std::span<const std::uint8_t> data) {
    if (!server.send(data)) return {};
    pump();
    return drain(client);
}

}  // namespace tlspp::test
