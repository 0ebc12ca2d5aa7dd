// tools/tlspp/describe.cpp: SessionInfo as rows of text.
#include "describe.hpp"

#include <cstdio>

#include "handshake/suites.hpp"
#include "pki/verify.hpp"
#include "wire/escape.hpp"

namespace tlspp::cli {

namespace {

std::string hex16(std::uint16_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", v);
    return buf;
}

// or_code prints the name, or the raw code point when tlspp has no name for it.
template <class Enum>
std::string or_code(const std::optional<Enum>& value) {
    if (!value) return "(none)";
    std::string_view n = name(*value);
    if (!n.empty()) return std::string(n);
    return hex16(static_cast<std::uint16_t>(*value));
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

// Peer text (ALPN, SNI, certificate names) leaves here for a terminal or the
// --www page: escaped once, here (wire/escape.hpp).
std::string shown(const std::string& peer_text) { return wire::escape_peer_text(peer_text); }

}  // namespace

std::string suite_label(CipherSuite suite) {
    std::string label(name(suite));
    if (label.empty()) label = "unknown";
    label += " (" + hex16(static_cast<std::uint16_t>(suite));
    if (const auto* info = handshake::find_suite(suite)) label += ", " + std::string(info->openssl_name);
    return label + ")";
}

std::vector<std::pair<std::string, std::string>> describe_session(const SessionInfo& info) {
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("protocol", or_code(info.version));
    rows.emplace_back("cipher suite", info.cipher_suite ? suite_label(*info.cipher_suite) : "(none)");
    rows.emplace_back("key exchange group", or_code(info.group));
    rows.emplace_back("peer signature", or_code(info.peer_signature_scheme));
    rows.emplace_back("ALPN", info.alpn.empty() ? "(none)" : shown(info.alpn));
    rows.emplace_back("server name (SNI)", info.server_name.empty() ? "(none)" : shown(info.server_name));
    if (info.version == ProtocolVersion::tls13) {
        // TLS 1.3 binds every key to the transcript (RFC 8446 §7.1) and has no
        // renegotiation: the TLS 1.2 rows below have nothing to say here.
        rows.emplace_back("HelloRetryRequest", info.hello_retry_request
                                                   ? "yes (the server asked for a key share of another group)"
                                                   : "no");
    } else {
        // RFC 7627 §1: without it the master secret is not bound to the handshake
        // (the triple handshake attack), so a session without it is worth a warning.
        rows.emplace_back("extended master secret",
                          info.extended_master_secret || !info.version
                              ? yes_no(info.extended_master_secret)
                              : "no (WARNING: the peer does not support RFC 7627; the keys are not bound to "
                                "this handshake)");
        // RFC 7366 only applies to CBC suites; an AEAD suite has no MAC order to report.
        if (const auto* suite = info.cipher_suite ? handshake::find_suite(*info.cipher_suite) : nullptr;
            suite && !suite->is_aead())
            rows.emplace_back("encrypt-then-MAC", yes_no(info.encrypt_then_mac));
        rows.emplace_back("secure renegotiation", yes_no(info.secure_renegotiation));
    }
    rows.emplace_back("resumed", yes_no(info.resumed));
    return rows;
}

std::vector<std::string> describe_chain(const SessionInfo& info) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < info.peer_chain.size(); ++i) {
        std::string prefix = "  " + std::to_string(i) + " ";
        auto summary = pki::summarize(info.peer_chain[i]);
        if (!summary) {
            lines.push_back(prefix + "(unparseable certificate: " + summary.error().message() + ")");
            continue;
        }
        lines.push_back(prefix + "subject: " + shown(summary->subject));
        lines.push_back("    issuer:  " + shown(summary->issuer));
        lines.push_back("    valid:   " + summary->not_before + " to " + summary->not_after);
        if (!summary->subject_alt_names.empty()) {
            std::string names;
            for (const auto& n : summary->subject_alt_names) names += (names.empty() ? "" : ", ") + shown(n);
            lines.push_back("    names:   " + names);
        }
        lines.push_back("    key:     " + summary->key);
    }
    return lines;
}

}  // namespace tlspp::cli
