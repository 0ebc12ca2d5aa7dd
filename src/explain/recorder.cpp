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

std::vector<RecordEvent> sent_records(ContentType type, std::size_t length, bool is_protected) {
    constexpr std::size_t kMaxFragment = std::size_t{1} << 14;
    std::vector<RecordEvent> out;
    do {
        std::size_t part = length < kMaxFragment ? length : kMaxFragment;
        out.push_back(RecordEvent{Direction::sent, type, part, is_protected});
        length -= part;
    } while (length > 0);
    return out;
}

void Recorder::add(const Event& event, Side observer) {
    double now = clock ? clock() : 0;
    if (!started_) {
        origin_ = now;
        started_ = true;
    }
    double t = now - origin_;
    SideState& side = sides_[observer == Side::client ? 0 : 1];

    if (const auto* record = std::get_if<RecordEvent>(&event); record && record->direction == Direction::sent) {
        side.reports_sent_records = true;
        if (!side.unconfirmed.empty()) {
            const RecordEvent& derived = side.unconfirmed.front();
            bool same = derived.type == record->type && derived.length == record->length &&
                        derived.is_protected == record->is_protected;
            if (same) {
                side.unconfirmed.erase(side.unconfirmed.begin());
                return;   // already stored, derived
            }
            side.unconfirmed.clear();
        }
    } else if (const auto* change = std::get_if<KeyChangeEvent>(&event);
               change && change->direction == Direction::sent) {
        side.write_protected = true;
    } else if (!side.reports_sent_records) {
        std::vector<RecordEvent> records;
        if (const auto* m = std::get_if<MessageEvent>(&event); m && m->direction == Direction::sent) {
            records = sent_records(m->type ? ContentType::handshake : ContentType::change_cipher_spec, m->length,
                                   m->is_protected);
        } else if (const auto* a = std::get_if<AlertEvent>(&event); a && a->direction == Direction::sent) {
            records = sent_records(ContentType::alert, 2, side.write_protected);
        }
        if (!records.empty()) {
            side.unconfirmed = records;
            for (auto& r : records) store(r, observer, t, true);
        }
    }
    store(event, observer, t, false);
}

void Recorder::store(Event event, Side observer, double t, bool derived) {
    Stamped stamped{std::move(event), observer, t, derived};
    // Secrets the connection gave although they were not asked for are dropped here too.
    if (auto* key = std::get_if<KeyEvent>(&stamped.event); key && key->secret && !show_secrets_) key->value.clear();
    events_.push_back(std::move(stamped));
    if (on_event) on_event(events_.back());
}

}  // namespace tlspp::explain
