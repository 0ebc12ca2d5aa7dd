#include "conn/observer_sink.hpp"

#include "conn/describe.hpp"

namespace tlspp::conn {

void ObserverSink::emit(Event event) {
    observer_->on_event(event);
    // A secret value (present only because the observer asked for secrets)
    // is wiped before its memory is freed; copies the observer kept are its own.
    if (auto* key = std::get_if<KeyEvent>(&event); key && key->secret) {
        volatile std::uint8_t* p = key->value.data();
        for (std::size_t i = 0; i < key->value.size(); ++i) p[i] = 0;
    }
}

void ObserverSink::message(Direction direction, const msg::Message& message, std::size_t length,
                           bool is_protected) {
    MessageEvent e;
    e.direction = direction;
    e.type = msg::message_type(message);
    e.name = std::string(message_label(message));   // "HelloRetryRequest" for a ServerHello with its random
    e.length = length;
    e.is_protected = is_protected;
    e.fields = describe(message);
    observer_->on_event(e);
}

}  // namespace tlspp::conn
