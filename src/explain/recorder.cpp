// explain/recorder.cpp
#include "explain/recorder.hpp"

namespace tlspp::explain {

std::string_view side_name(Side side) { return side == Side::client ? "client" : "server"; }
Side other(Side side) { return side == Side::client ? Side::server : Side::client; }
Side sender(Side observer, Direction direction) { return direction == Direction::sent ? observer : other(observer); }

namespace {

// SideObserver forwards one connection's events to the shared recorder. It
// holds the recorder weakly: a connection may outlive it.
class SideObserver : public Observer {
public:
    SideObserver(std::weak_ptr<Recorder> recorder, Side side, bool secrets)
        : recorder_(std::move(recorder)), side_(side), secrets_(secrets) {}
    void on_event(const Event& event) override {
        if (auto r = recorder_.lock()) r->add(event, side_);
    }
    bool wants_secrets() const override { return secrets_; }

private:
    std::weak_ptr<Recorder> recorder_;
    Side side_;
    bool secrets_;
};

double steady_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Recorder::Recorder(bool show_secrets) : clock(steady_ms), show_secrets_(show_secrets) {}

std::shared_ptr<Observer> Recorder::observer_for(Side side) {
    return std::make_shared<SideObserver>(weak_from_this(), side, show_secrets_);
}

void Recorder::add(const Event& event, Side observer) {
    double now = clock ? clock() : 0;
    if (!started_) {
        origin_ = now;
        started_ = true;
    }
    Stamped stamped{event, observer, now - origin_};
    // Secrets the connection gave although they were not asked for are dropped here too.
    if (auto* key = std::get_if<KeyEvent>(&stamped.event); key && key->secret && !show_secrets_) key->value.clear();
    events_.push_back(std::move(stamped));
    if (on_event) on_event(events_.back());
}

}  // namespace tlspp::explain
