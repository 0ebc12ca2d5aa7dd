#include "conn/observer_sink.hpp"

#include "conn/describe.hpp"

namespace tlspp::conn {

void ObserverSink::message(Direction direction, const handshake::Input12& message, std::size_t length,
                           bool is_protected) {
    MessageEvent e;
    e.direction = direction;
    e.type = handshake::input_type(message);
    e.name = std::string(handshake::input_name(message));
    e.length = length;
    e.is_protected = is_protected;
    e.fields = describe(message);
    observer_->on_event(e);
}

}  // namespace tlspp::conn
