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


// ---- TLS 1.3 (RFC 8446) ----

// RFC 8446 §4.1.3: the random of a HelloRetryRequest, SHA-256("HelloRetryRequest").
constexpr std::string_view kHelloRetryRandom = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

bool lists_tls13(const Field* versions) {
    return versions && versions->value.find("TLS 1.3 (0x0304)") != std::string::npos;
}

const Field* extension(std::span<const Field> fields, std::string_view name) {
    const Field* ext = find(fields, "extensions");
    return ext ? find(ext->children, name) : nullptr;
}

// v13 says whether `message` is to be read as TLS 1.3: a ClientHello that
// offers it, anything else once a server selected it.
// (RFC 8446 §D.4: a client in compatibility mode may send its dummy
// ChangeCipherSpec right after its ClientHello, before any ServerHello.)
bool v13(const HandshakeContext& c, std::string_view message) {
    if (message == "ClientHello") return c.offers_tls13;
    if (message == "ChangeCipherSpec" && !c.server_hello_seen) return c.tls13 || c.offers_tls13;
    return c.tls13;
}

std::size_t side_index(Side side) { return side == Side::client ? 0 : 1; }

// The class of a TLS 1.3 note, where it differs from TLS 1.2's: "" keeps the
// TLS 1.2 choice (note_key), and a key of its own is returned in `key`.
std::string_view note_class13(const HandshakeContext& c, const FieldSpot& spot, const Field& f, std::string& key) {
    std::string_view m = spot.message, first = spot.path.front(), last = spot.path.back();
    const std::size_t depth = spot.path.size();
    const bool from_client = spot.from == Side::client;
    if (m == "ClientHello" && depth == 1) {
        if (first == "random") return "tls13";
        // RFC 8446 §D.4: "the client MUST send a non-empty session ID" in compatibility mode.
        if (first == "legacy_session_id")
            return is_empty_value(f.value) ? "empty" : c.client_has_ticket ? "ticket" : "compat";
        return "";
    }
    if (m == "ClientHello" && depth == 2 && last == "supported_versions")
        return f.value.find("GREASE") != std::string::npos ? "grease" : "";
    if (m == "ServerHello" && depth == 1) {
        if (first == "random") return "tls13";
        if (first == "legacy_session_id_echo") return is_empty_value(f.value) ? "empty" : "echo";
        if (first == "cipher_suite") return c.resumed ? "tls13_resumed" : "tls13";
        return "";
    }
    if (m == "Certificate" && depth == 1) {
        if (first == "certificate_request_context") return from_client ? "client" : "server";
        if (first == "certificate_list" && f.value == "0") return "empty";
        return "";
    }
    if (m == "CertificateRequest" && depth == 1 && first == "certificate_request_context")
        return is_empty_value(f.value) ? "empty" : "post_handshake";
    if ((m == "CertificateVerify" && last == "signature") || (m == "Finished" && last == "verify_data")) {
        // RFC 8446 §4.4: after the handshake the base key is the application
        // traffic secret and the context the handshake, CertificateRequest and Certificate.
        key += ".tls13";
        if (c.post_handshake) return "post_handshake";
        return from_client ? "client" : "server";
    }
    if (m == "NewSessionTicket" && depth == 1 && first == "ticket") return "tls13";
    if (m == "KeyUpdate" && first == "request_update")
        return f.value.starts_with("update_requested") ? "requested" : "not_requested";
    return "";
}

}  // namespace

void HandshakeContext::observe(const MessageEvent& m, std::optional<Side> from) {
    std::span<const Field> fields(m.fields);
    const std::string name = message_title(m);
    protection.clear();
    post_handshake = tls13 && from && finished[side_index(*from)];
    if (from && m.is_protected && tls13) {
        // RFC 8446 §4.5: EndOfEarlyData is the last record under the early traffic keys.
        protection = name == "EndOfEarlyData" ? "client_early_traffic_secret" : traffic_secret(*from);
    }
    if (name == "ClientHello") {
        // RFC 8446 §4.1.4: the second ClientHello answers the HelloRetryRequest, in the same handshake.
        const bool retry = hello_retry && !server_hello_seen;
        if (!retry) *this = HandshakeContext{};
        second_client_hello = retry;
        const Field* id = find(fields, "session_id");
        if (!id) id = find(fields, "legacy_session_id");
        if (id) client_session_id = id->value;
        if (const Field* t = extension(fields, "session_ticket")) client_has_ticket = !is_empty_value(t->value);
        offers_tls13 = lists_tls13(extension(fields, "supported_versions"));
        early_data_offered = extension(fields, "early_data") != nullptr;
    } else if (name == "HelloRetryRequest") {
        hello_retry = true;
        tls13 = true;
    } else if (name == "ServerHello") {
        server_hello_seen = true;
        tls13 = lists_tls13(extension(fields, "supported_versions"));
        if (tls13) {
            // RFC 8446 §4.2.11: the server's pre_shared_key names the PSK it accepted.
            resumed = extension(fields, "pre_shared_key") != nullptr;
            return;
        }
        const Field* id = find(fields, "session_id");
        resumed = id && !is_empty_value(id->value) && id->value == client_session_id;
        server_sends_ticket = extension(fields, "session_ticket") != nullptr;
        if (const Field* suite = find(fields, "cipher_suite")) key_exchange = key_exchange_of(suite->value);
    } else if (tls13 && from && name == "Finished") {
        finished[side_index(*from)] = true;
    } else if (tls13 && from && name == "KeyUpdate") {
        ++key_updates[side_index(*from)];   // RFC 8446 §4.6.3: the sender's next records use the next secret
    }
}

std::string HandshakeContext::traffic_secret(Side from) const {
    const bool client = from == Side::client;
    // RFC 8446 §2.3: 0-RTT data goes with the first flight, before any ServerHello.
    if (client && offers_tls13 && early_data_offered && !server_hello_seen) return "client_early_traffic_secret";
    if (!tls13 || !server_hello_seen) return "";
    const std::string side(side_name(from));
    std::size_t i = side_index(from);
    if (!finished[i]) return side + "_handshake_traffic_secret";
    return side + "_application_traffic_secret_" + std::to_string(key_updates[i]);
}

std::string message_title(const MessageEvent& m) {
    if (m.name == "ServerHello") {
        const Field* random = find(m.fields, "random");
        if (random && random->value == kHelloRetryRandom) return "HelloRetryRequest";
    }
    return m.name;
}

bool negotiated_tls13(std::span<const Stamped> events) {
    for (const auto& s : events) {
        const auto* m = std::get_if<MessageEvent>(&s.event);
        if (!m) continue;
        std::string name = message_title(*m);
        if (name == "HelloRetryRequest") return true;
        if (name == "ServerHello") return lists_tls13(extension(m->fields, "supported_versions"));
    }
    return false;
}

std::string key_name(std::string_view reported) {
    // The NSS key log labels (tlspp/keylog.hpp) and RFC 8446 §7.1's names.
    static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
        {"CLIENT_EARLY_TRAFFIC_SECRET", "client_early_traffic_secret"},
        {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "client_handshake_traffic_secret"},
        {"SERVER_HANDSHAKE_TRAFFIC_SECRET", "server_handshake_traffic_secret"},
        {"EXPORTER_SECRET", "exporter_master_secret"},
        {"EARLY_EXPORTER_SECRET", "early_exporter_master_secret"},
    };
    for (auto [label, rfc] : kLabels)
        if (reported == label) return std::string(rfc);
    for (std::string_view side : {"CLIENT", "SERVER"}) {
        std::string prefix = std::string(side) + "_TRAFFIC_SECRET_";
        if (reported.starts_with(prefix))
            return (side == "CLIENT" ? "client" : "server") + std::string("_application_traffic_secret_") +
                   std::string(reported.substr(prefix.size()));
    }
    return std::string(reported);
}

bool is_key_schedule13(const HandshakeContext& context, const KeyEvent& key) {
    std::string name = key_name(key.name);
    if (name == "master_secret") return context.tls13;
    static constexpr std::string_view kNames[] = {"early_secret", "binder_key", "handshake_secret",
                                                  "exporter_master_secret", "resumption_master_secret"};
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames) ||
           name.ends_with("_traffic_secret") || name.find("_application_traffic_secret_") != std::string::npos;
}

std::string keychange_note_key(std::string_view secret) {
    if (secret.empty()) return "keychange";
    if (secret.find("early") != std::string_view::npos) return "keychange.tls13.early";
    if (secret.find("handshake") != std::string_view::npos) return "keychange.tls13.handshake";
    if (secret.ends_with("_0")) return "keychange.tls13.application";
    return "keychange.tls13.update";
}

std::string note_key(const HandshakeContext& context, const FieldSpot& spot, const Field& field) {
    if (spot.path.empty()) return "";
    std::string key = joined(spot.message, spot.path);
    std::string_view m = spot.message, first = spot.path.front(), last = spot.path.back();
    std::string_view cls;
    if (v13(context, m) && !(cls = note_class13(context, spot, field, key)).empty()) {
        return key + "." + std::string(cls);
    }
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
    const std::string name = message_title(m);
    std::string base = "msg." + name;
    std::string side = base + "." + std::string(side_name(from));
    std::vector<std::string> keys;
    if (v13(context, name)) {
        // The TLS 1.3 text of a message both versions have; then the text of a
        // message only TLS 1.3 has (EncryptedExtensions, KeyUpdate, ...).
        if (name == "ClientHello" && context.second_client_hello) keys.push_back(base + ".retry");
        if (context.post_handshake) keys.push_back(side + ".tls13.post_handshake");
        if (context.resumed) {
            keys.push_back(side + ".tls13.resumed");
            keys.push_back(base + ".tls13.resumed");
        }
        keys.push_back(side + ".tls13");
        keys.push_back(base + ".tls13");
        keys.push_back(base);
        return keys;
    }
    if (context.resumed) {
        keys.push_back(side + ".resumed");
        keys.push_back(base + ".resumed");
    }
    if (name == "ClientKeyExchange" && !context.key_exchange.empty()) keys.push_back(base + "." + context.key_exchange);
    keys.push_back(side);
    keys.push_back(base);
    return keys;
}

std::string key_note_key(const HandshakeContext& context, const KeyEvent& key) {
    std::string name = key_name(key.name);
    if (context.tls13 || (name == "client_public" && !context.server_hello_seen)) {
        // RFC 8446 §7.1: TLS 1.3's master secret is a rung of the HKDF ladder,
        // not TLS 1.2's PRF output; the public values travel in key_share.
        if (name == "master_secret" || name == "client_public" || name == "server_public")
            return "key." + name + ".tls13";
        if (name == "pre_master_secret") return "key.shared_secret";
        if (name.find("_application_traffic_secret_") != std::string::npos && !name.ends_with("_0"))
            return "key.application_traffic_secret_update";
    }
    if (name == "master_secret" && context.resumed) return "key.master_secret.resumed";
    return "key." + name;
}

}  // namespace tlspp::explain
