// explain/annotate.cpp: notes chosen by value and context (annotate.hpp).
#include "explain/annotate.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace tlspp::explain {

namespace {

bool is_empty_value(std::string_view value) { return value.starts_with("(empty"); }

const Field* find(std::span<const Field> fields, std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

// The key-exchange part of a suite's name: TLS_ECDHE_ECDSA_WITH_… → "ECDHE".
std::string key_exchange_of(std::string_view suite) {
    if (suite.starts_with("TLS_ECDHE_")) return "ECDHE";
    if (suite.starts_with("TLS_DHE_")) return "DHE";
    if (suite.starts_with("TLS_RSA_")) return "RSA";
    return "";
}

// The family of a signature scheme value ("ecdsa_secp256r1_sha256 (0x0403)").
std::string_view scheme_family(std::string_view value) {
    if (value.starts_with("ed25519") || value.starts_with("ed448")) return "eddsa";
    if (value.find("_sha1 ") != std::string_view::npos || value.starts_with("rsa_pkcs1_sha1") ||
        value.starts_with("ecdsa_sha1"))
        return "sha1";
    if (value.starts_with("ecdsa_")) return "ecdsa";
    if (value.starts_with("rsa_pss_")) return "rsa_pss";
    if (value.starts_with("rsa_pkcs1_")) return "rsa_pkcs1";
    return "other";
}

std::string utc_now() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// "2026-11-23 04:13:03 UTC .. 2126-10-30 04:13:03 UTC" against the current time
// (the format of pki::summarize, which compares as text).
std::string_view validity_class(std::string_view value) {
    auto dots = value.find(" .. ");
    if (dots == std::string_view::npos || value.size() < dots + 4 + 19 || dots < 19) return "";
    std::string now = utc_now();
    if (std::string_view(now) < value.substr(0, 19)) return "not_yet";
    if (std::string_view(now) > value.substr(dots + 4, 19)) return "expired";
    return "current";
}

// RFC 8446 §4.1.3: a TLS 1.3 server that negotiates TLS 1.2 ends its random in "DOWNGRD" 01.
bool has_downgrade_sentinel(std::string_view random_hex) { return random_hex.ends_with("444f574e47524401"); }

std::string joined(std::string_view message, const std::vector<std::string_view>& path) {
    std::string key = "field." + std::string(message);
    for (auto p : path) key += "." + std::string(p);
    return key;
}

std::string_view hello_note_class(const HandshakeContext& c, std::string_view message, std::string_view field,
                                  const Field& f) {
    const std::string& v = f.value;
    if (message == "ClientHello") {
        bool offers_resumption = c.client_has_ticket || !is_empty_value(c.client_session_id);
        if (field == "random") return offers_resumption ? "resumption" : "full";
        if (field == "session_id") return is_empty_value(v) ? "empty" : c.client_has_ticket ? "ticket" : "resume";
        if (field == "cipher_suites") return f.children.size() == 1 ? "one" : "many";
        return "";
    }
    if (field == "random") return has_downgrade_sentinel(v) ? "downgrade" : c.resumed ? "resumed" : "full";
    if (field == "session_id") {
        if (is_empty_value(v)) return c.server_sends_ticket ? "empty_ticket" : "empty";
        if (c.resumed) return c.client_has_ticket ? "echo_ticket" : "echo";
        bool offered = c.client_has_ticket || !is_empty_value(c.client_session_id);
        return offered ? "new_refused" : "new";
    }
    if (field == "cipher_suite") {
        if (c.resumed) return "resumed";
        std::string kx = key_exchange_of(v);
        return kx == "ECDHE" ? "ecdhe" : kx == "DHE" ? "dhe" : kx == "RSA" ? "rsa" : "other";
    }
    return "";
}

std::string_view extension_class(const HandshakeContext& c, std::string_view message, std::string_view name,
                                 std::string_view value) {
    bool client = message == "ClientHello";
    if (name == "session_ticket") return is_empty_value(value) ? "empty" : "ticket";
    if (name == "renegotiation_info") return is_empty_value(value) ? "empty" : "data";
    if (name == "ec_point_formats") return value == "uncompressed (0x00)" ? "uncompressed" : "other";
    if (name == "extended_master_secret" && !client) return c.resumed ? "resumed" : "full";
    return "";
}

std::string_view certificate_class(const FieldSpot& spot, const Field& f) {
    std::string_view field = spot.path.back();
    bool leaf = spot.index.size() >= 2 && spot.index[1] == 0;
    if (field == "validity") return validity_class(f.value);
    if (field == "issuer") {
        const Field* subject = find(spot.siblings, "subject");
        return subject && subject->value == f.value ? "self" : "other";
    }
    if (field == "subject_alt_names") return !leaf ? "issuer" : spot.from == Side::server ? "server" : "client";
    return "";
}

}  // namespace

void HandshakeContext::observe(const MessageEvent& m) {
    std::span<const Field> fields(m.fields);
    if (m.name == "ClientHello") {
        *this = HandshakeContext{};
        if (const Field* id = find(fields, "session_id")) client_session_id = id->value;
        if (const Field* ext = find(fields, "extensions"))
            if (const Field* t = find(ext->children, "session_ticket")) client_has_ticket = !is_empty_value(t->value);
    } else if (m.name == "ServerHello") {
        server_hello_seen = true;
        const Field* id = find(fields, "session_id");
        resumed = id && !is_empty_value(id->value) && id->value == client_session_id;
        if (const Field* ext = find(fields, "extensions"))
            server_sends_ticket = find(ext->children, "session_ticket") != nullptr;
        if (const Field* suite = find(fields, "cipher_suite")) key_exchange = key_exchange_of(suite->value);
    }
}

std::string note_key(const HandshakeContext& context, const FieldSpot& spot, const Field& field) {
    if (spot.path.empty()) return "";
    std::string key = joined(spot.message, spot.path);
    std::string_view m = spot.message, first = spot.path.front(), last = spot.path.back();
    std::string_view cls;
    if ((m == "ClientHello" || m == "ServerHello") && spot.path.size() == 1) {
        cls = hello_note_class(context, m, first, field);
    } else if ((m == "ClientHello" || m == "ServerHello") && first == "extensions" && spot.path.size() == 2) {
        cls = extension_class(context, m, last, field.value);
    } else if (m == "Certificate" && spot.path.size() == 3) {
        key = "field.Certificate." + std::string(last);   // certificate_list.certificate.<field>
        cls = certificate_class(spot, field);
    } else if ((last == "signature_algorithm" || last == "algorithm") && spot.path.size() == 1) {
        key = "field.signature_scheme";
        cls = scheme_family(field.value);
    } else if (m == "ServerKeyExchange" && last == "signature") {
        cls = find(spot.siblings, "named_curve") ? "ecdhe" : "dhe";
    } else if (m == "ClientKeyExchange" && last == "exchange_keys") {
        cls = context.key_exchange == "RSA" ? "rsa" : "dhe";
    } else if (m == "Finished" && last == "verify_data") {
        key += spot.from == Side::client ? ".client" : ".server";
        cls = context.resumed ? "resumed" : "full";
    } else if (m == "NewSessionTicket" && last == "ticket_lifetime_hint") {
        cls = field.value.starts_with("0 ") ? "zero" : "some";
    }
    if (!cls.empty()) key += "." + std::string(cls);
    return key;
}

std::vector<std::string> message_keys(const HandshakeContext& context, const MessageEvent& m, Side from) {
    std::string base = "msg." + m.name;
    std::string side = base + "." + std::string(side_name(from));
    std::vector<std::string> keys;
    if (context.resumed) {
        keys.push_back(side + ".resumed");
        keys.push_back(base + ".resumed");
    }
    if (m.name == "ClientKeyExchange" && !context.key_exchange.empty()) keys.push_back(base + "." + context.key_exchange);
    keys.push_back(side);
    keys.push_back(base);
    return keys;
}

std::string key_note_key(const HandshakeContext& context, const KeyEvent& key) {
    if (key.name == "master_secret" && context.resumed) return "key.master_secret.resumed";
    return "key." + key.name;
}

}  // namespace tlspp::explain
