// The public Connection classes: thin forwarding to conn::Core.
#include "tlspp/connection.hpp"

#include "conn/core.hpp"

namespace tlspp {

Connection::Connection(std::unique_ptr<conn::Core> core) : core_(std::move(core)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Status Connection::read_in(std::span<const std::uint8_t> received) { return core_->read_in(received); }
Status Connection::transport_closed() { return core_->transport_closed(); }
std::span<const std::uint8_t> Connection::pending_output() const { return core_->pending_output(); }
void Connection::consume_output(std::size_t n) { core_->consume_output(n); }
Status Connection::send(std::span<const std::uint8_t> data) { return core_->send(data); }
std::size_t Connection::receive(std::span<std::uint8_t> out) { return core_->receive(out); }
std::size_t Connection::available() const { return core_->available(); }
std::span<const std::uint8_t> Connection::received_data() const { return core_->received_data(); }
void Connection::consume_received(std::size_t n) { core_->consume_received(n); }
void Connection::close() { core_->close(); }
bool Connection::handshake_done() const { return core_->handshake_done(); }
bool Connection::can_send() const { return core_->can_send(); }
bool Connection::peer_closed() const { return core_->peer_closed(); }
bool Connection::failed() const { return core_->failed(); }
const Error* Connection::error() const { return core_->error(); }
const SessionInfo& Connection::info() const { return core_->info(); }
std::optional<Session> Connection::session() const { return core_->session(); }

ClientConnection::ClientConnection(std::shared_ptr<const ClientConfig> config, std::string server_name,
                                   std::shared_ptr<Observer> observer)
    : Connection(std::make_unique<conn::Core>(std::move(config), std::move(server_name), std::nullopt,
                                              std::move(observer))) {}

ClientConnection::ClientConnection(std::shared_ptr<const ClientConfig> config, std::string server_name,
                                   std::optional<Session> resume, std::shared_ptr<Observer> observer)
    : Connection(std::make_unique<conn::Core>(std::move(config), std::move(server_name), std::move(resume),
                                              std::move(observer))) {}

ServerConnection::ServerConnection(std::shared_ptr<const ServerConfig> config, std::shared_ptr<Observer> observer)
    : Connection(std::make_unique<conn::Core>(std::move(config), std::move(observer))) {}

}  // namespace tlspp
