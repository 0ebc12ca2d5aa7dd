// explain/json.cpp: the JSON-lines renderer (json.hpp). Keys are written in a
// fixed order so the output is byte-stable for golden tests.
#include "explain/json.hpp"

#include <cstdio>

#include "conn/describe.hpp"
#include "explain/annotate.hpp"
#include "wire/escape.hpp"

namespace tlspp::explain {

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string boolean(bool b) { return b ? "true" : "false"; }

// The direction of an event as "direction", "from" and "to".
std::string route(Side observer, Direction direction) {
    Side from = sender(observer, direction);
    return ",\"direction\":" + json_string(direction == Direction::sent ? "sent" : "received") +
           ",\"from\":" + json_string(side_name(from)) + ",\"to\":" + json_string(side_name(other(from)));
}

}  // namespace

std::string json_string(std::string_view text) {
    // Values may be peer text: escape_peer_text makes them valid UTF-8 without
    // control characters, so every line is valid JSON that is safe to print.
    std::string out = "\"";
    for (char c : wire::escape_peer_text(text)) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20 || c == '<' || c == '>' || c == '&') {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string json_fields(const std::vector<Field>& fields) {
    std::string out = "[";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ",";
        out += "{\"name\":" + json_string(fields[i].name) + ",\"value\":" + json_string(fields[i].value) +
               ",\"children\":" + json_fields(fields[i].children) + "}";
    }
    return out + "]";
}

std::string render_json(const Stamped& s, std::size_t seq, bool show_secrets) {
    std::string out = "{\"v\":" + std::to_string(kJsonSchemaVersion) + ",\"seq\":" + std::to_string(seq) +
                      ",\"t_ms\":" + number(s.t_ms) + ",\"observer\":" + json_string(side_name(s.observer));
    out += std::visit(
        [&](const auto& e) -> std::string {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, RecordEvent>) {
                return ",\"type\":\"record\"" + route(s.observer, e.direction) +
                       ",\"content_type\":" + json_string(name(e.type)) + ",\"length\":" + std::to_string(e.length) +
                       ",\"protected\":" + boolean(e.is_protected);
            } else if constexpr (std::is_same_v<E, MessageEvent>) {
                std::string type = e.type ? std::to_string(static_cast<unsigned>(*e.type)) : "null";
                return ",\"type\":\"message\"" + route(s.observer, e.direction) + ",\"name\":" + json_string(message_title(e)) +
                       ",\"handshake_type\":" + type + ",\"length\":" + std::to_string(e.length) +
                       ",\"protected\":" + boolean(e.is_protected) + ",\"fields\":" + json_fields(e.fields);
            } else if constexpr (std::is_same_v<E, KeyEvent>) {
                bool visible = !e.secret || show_secrets;
                std::string value = visible && !e.value.empty() ? json_string(conn::hex(e.value)) : "null";
                return ",\"type\":\"key\",\"name\":" + json_string(e.name) + ",\"derivation\":" +
                       json_string(e.derivation) + ",\"secret\":" + boolean(e.secret) + ",\"value\":" + value +
                       ",\"redacted\":" + boolean(e.secret && !show_secrets);
            } else if constexpr (std::is_same_v<E, CheckEvent>) {
                return ",\"type\":\"check\",\"what\":" + json_string(e.what) + ",\"ok\":" + boolean(e.ok) +
                       ",\"detail\":" + json_string(e.detail);
            } else if constexpr (std::is_same_v<E, KeyChangeEvent>) {
                return ",\"type\":\"key_change\"" + route(s.observer, e.direction) +
                       ",\"protection\":" + json_string(e.protection);
            } else if constexpr (std::is_same_v<E, AlertEvent>) {
                return ",\"type\":\"alert\"" + route(s.observer, e.direction) + ",\"level\":" +
                       json_string(e.level == AlertLevel::fatal ? "fatal" : "warning") +
                       ",\"description\":" + json_string(name(e.description)) +
                       ",\"code\":" + std::to_string(static_cast<unsigned>(e.description));
            } else {
                static_assert(std::is_same_v<E, HandshakeDoneEvent>);
                return ",\"type\":\"done\",\"resumed\":" + boolean(e.resumed);
            }
        },
        s.event);
    return out + "}\n";
}

}  // namespace tlspp::explain
