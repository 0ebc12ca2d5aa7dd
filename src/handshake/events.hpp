// handshake/events.hpp: how the handshake reports what it does. The core
// implements EventSink when the connection has an observer; without one,
// handlers see a null sink and build no events at all.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "msg/handshake.hpp"
#include "tlspp/observer.hpp"

namespace tlspp::handshake {

class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void emit(Event event) = 0;
    // message reports a handshake message or ChangeCipherSpec; the sink
    // describes it (field tree) only because someone is listening.
    virtual void message(Direction direction, const msg::Message& message, std::size_t length, bool is_protected) = 0;
    virtual bool wants_secrets() const = 0;
};

// report_key emits a KeyEvent; the value is kept only for public values or
// when the observer asked for secrets. The texts are views, made strings only
// when someone listens: most connections have no observer, and a long
// derivation text would otherwise be an allocation per call.
inline void report_key(EventSink* sink, std::string_view name, std::string_view derivation,
                       std::span<const std::uint8_t> value, bool secret = true) {
    if (!sink) return;
    KeyEvent e{std::string(name), std::string(derivation), {}, secret};
    if (!secret || sink->wants_secrets()) e.value.assign(value.begin(), value.end());
    sink->emit(std::move(e));
}

inline void report_check(EventSink* sink, std::string_view what, bool ok, std::string_view detail = {}) {
    if (sink) sink->emit(CheckEvent{std::string(what), ok, std::string(detail)});
}

}  // namespace tlspp::handshake
