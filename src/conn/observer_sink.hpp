// conn/observer_sink.hpp: the EventSink that forwards to a user's Observer.
#pragma once

#include <memory>

#include "handshake/events.hpp"

namespace tlspp::conn {

class ObserverSink final : public handshake::EventSink {
public:
    explicit ObserverSink(std::shared_ptr<Observer> observer) : observer_(std::move(observer)) {}

    void emit(Event event) override;
    bool wants_secrets() const override { return observer_->wants_secrets(); }
    void message(Direction direction, const handshake::Input12& message, std::size_t length,
                 bool is_protected) override;

private:
    std::shared_ptr<Observer> observer_;
};

}  // namespace tlspp::conn
