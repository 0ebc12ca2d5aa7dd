// handshake/client13/client13.hpp: the TLS 1.3 client handshake (RFC 8446 §2, §4).
#pragma once

#include <memory>
#include <string>

#include "handshake/client13/states.hpp"
#include "handshake/client_offer.hpp"
#include "handshake/step.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {

class Client13 {
public:
    // The hello phase (handshake/client.hpp) sent `offer`; the machine
    // starts by reading the ServerHello (or HelloRetryRequest) that chose TLS 1.3.
    Client13(std::shared_ptr<const ClientConfig> config, std::string server_name, ClientOffer offer);

    // The protocol version whose message forms this machine reads.
    static constexpr ProtocolVersion version = ProtocolVersion::tls13;

    Status handle(msg::Message input, Step& step);
    bool accepts(HandshakeType type) const;

    std::string_view state_name() const { return client13::state_name(state_); }
    bool connected() const { return std::holds_alternative<client13::Connected>(state_); }

private:
    std::shared_ptr<const ClientConfig> config_;
    std::string server_name_;
    client13::State state_;
    // RFC 8446 §5: one unprotected ChangeCipherSpec may arrive before the
    // server's Finished (middlebox compatibility, §D.4); a second is refused.
    bool ccs_received_ = false;
    bool ccs_sent_ = false;
};

}  // namespace tlspp::handshake
