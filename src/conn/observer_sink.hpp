// conn/observer_sink.hpp: the EventSink that forwards to a user's Observer.
#pragma once

#include <memory>

#include "handshake/events.hpp"
#include "record/record_layer.hpp"

namespace tlspp::conn {

// It also hears the record layer's records (record::RecordObserver).
class ObserverSink final : public handshake::EventSink, public record::RecordObserver {
public:
    explicit ObserverSink(std::shared_ptr<Observer> observer) : observer_(std::move(observer)) {}

    void emit(Event event) override;
    bool wants_secrets() const override { return observer_->wants_secrets(); }
    void message(Direction direction, const msg::Message& message, std::size_t length,
                 bool is_protected) override;
    void on_record(const RecordEvent& record) override { observer_->on_event(record); }

private:
    std::shared_ptr<Observer> observer_;
};

}  // namespace tlspp::conn
