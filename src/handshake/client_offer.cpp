// The client's hello phase, first half: the one ClientHello tlspp offers for
// every enabled version (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2). Which machine
// reads the answer is decided in client.cpp.
#include "handshake/client_offer.hpp"

#include <algorithm>

#include "handshake/suites.hpp"
#include "pki/verify.hpp"
#include "session/client_store.hpp"

namespace tlspp::handshake {

namespace {

// A version is offered when it is enabled and one of its suites is: a
// TLS 1.3 offer without a TLS 1.3 suite could only fail (RFC 8446 §4.1.1).
bool enabled(const ClientConfig& config, ProtocolVersion v) {
    if (std::find(config.versions.begin(), config.versions.end(), v) == config.versions.end()) return false;
    return std::any_of(config.cipher_suites.begin(), config.cipher_suites.end(), [v](CipherSuite s) {
        const SuiteInfo* info = find_suite(s);
        return info && info->version == v;
    });
}

// key_share_group is the group of the one key share a TLS 1.3 ClientHello
// carries: the most preferred configured group, as OpenSSL and BoringSSL
// send one share (x25519 by default). A server that prefers another of our
// groups asks for it with a HelloRetryRequest.
std::optional<NamedGroup> key_share_group(const ClientConfig& config) {
    if (config.groups.empty()) return std::nullopt;
    return config.groups.front();
}

// offer12 adds what only a TLS 1.2 server reads: the TLS 1.2 extensions and
// the session to resume (RFC 5246 §7.4.1.2, RFC 5077 §3.4).
void offer12(const ClientConfig& config, std::optional<session::Session12> resume, Step& step, ClientOffer& offer) {
    msg::ClientHello& hello = offer.hello;
    hello.ec_point_formats = crypto::Bytes{0};   // RFC 8422 §5.1.2: uncompressed only
    hello.extended_master_secret = true;          // RFC 7627 §5.1
    // RFC 7366 §2: Encrypt-then-MAC only means something for CBC suites, so
    // it is offered only with them.
    bool offers_cbc = false;
    for (CipherSuite s : config.cipher_suites)
        if (const SuiteInfo* info = find_suite(s); info && !info->is_aead()) offers_cbc = true;
    hello.encrypt_then_mac = config.encrypt_then_mac && offers_cbc;
    hello.renegotiation_info = crypto::Bytes{};   // RFC 5746 §3.4: empty on the initial handshake
    // RFC 5246 §7.4.8: a CertificateVerify signs the messages themselves;
    // keep them if we might have to send one.
    if (!config.certificates.empty()) step.transcript().keep_messages();

    // Resumption (RFC 5246 §7.4.1.2, RFC 5077 §3.4): offer the saved
    // session's ID, or its ticket with a fresh random ID the server echoes
    // if it accepts the ticket. An unusable session is not offered, nor one
    // whose suite we no longer enable: the cipher_suites of a resumption
    // offer "MUST include at least the cipher_suite from that session"
    // (RFC 5246 §7.4.1.2), and a server answers illegal_parameter otherwise.
    if (resume && session::ClientSessionStore::usable(*resume, step.clock().now()) &&
        std::find(config.cipher_suites.begin(), config.cipher_suites.end(), resume->suite) !=
            config.cipher_suites.end()) {
        const bool by_ticket = config.session_tickets && !resume->ticket.empty();
        if (by_ticket) {
            hello.session_id.resize(32);
            step.random().fill(hello.session_id);
            hello.session_ticket = resume->ticket;
            offer.session12 = std::move(resume);
        } else if (!resume->session_id.empty()) {
            hello.session_id = resume->session_id;
            offer.session12 = std::move(resume);
        }
    }
    // RFC 5077 §3.2: an empty extension says we support tickets.
    if (config.session_tickets && !hello.session_ticket) hello.session_ticket = crypto::Bytes{};
}

// offer13 adds what a TLS 1.3 server reads (RFC 8446 §4.1.2, §9.2): the
// versions, one key share, and a legacy_session_id for middlebox
// compatibility mode (§D.4), unless a TLS 1.2 session already set it.
Status offer13(const ClientConfig& config, Step& step, ClientOffer& offer) {
    msg::ClientHello& hello = offer.hello;
    std::vector<std::uint16_t> versions;
    for (ProtocolVersion v : config.versions)
        if (enabled(config, v)) versions.push_back(static_cast<std::uint16_t>(v));
    hello.supported_versions = std::move(versions);
    hello.key_shares.emplace();
    if (auto group = key_share_group(config)) {
        auto share = crypto::KeyShare::generate(*group, step.random());
        if (!share) return std::move(share).error();
        hello.key_shares->push_back({*group, share->public_value()});
        offer.key_shares.push_back(std::move(*share));
    }
    // §D.4: "In compatibility mode, the legacy_session_id field MUST be non-empty".
    if (hello.session_id.empty()) {
        hello.session_id.resize(32);
        step.random().fill(hello.session_id);
    }
    return {};
}

}  // namespace

Result<ClientOffer> make_client_offer(const ClientConfig& config, const std::string& server_name,
                                      std::optional<session::Session12> resume, Step& step) {
    const bool tls12 = enabled(config, ProtocolVersion::tls12);
    const bool tls13 = enabled(config, ProtocolVersion::tls13);
    ClientOffer offer;
    msg::ClientHello& hello = offer.hello;
    // RFC 8446 §4.1.2: "legacy_version ... MUST be set to 0x0303"; the
    // versions themselves go in supported_versions.
    hello.legacy_version = static_cast<std::uint16_t>(ProtocolVersion::tls12);
    // RFC 5246 §7.4.1.2 suggests gmt_unix_time in the first 4 bytes; like
    // modern stacks we send 32 random bytes, which leak no clock.
    step.random().fill(hello.random);
    // The suites of the enabled versions only (a TLS 1.3-only hello lists no 1.2 suite).
    for (CipherSuite s : config.cipher_suites)
        if (const SuiteInfo* info = find_suite(s); info && enabled(config, info->version))
            hello.cipher_suites.push_back(static_cast<std::uint16_t>(s));
    hello.compression_methods = {0};

    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in "HostName"."
    offer.sent_server_name = !server_name.empty() && !pki::is_ip_address(server_name);
    if (offer.sent_server_name) hello.server_name = server_name;
    hello.supported_groups = config.groups;
    // Only the schemes the security level allows (SHA-1 from level 2 on).
    hello.signature_algorithms = allowed_schemes(config.signature_schemes, config.security_level);
    if (!config.alpn.empty()) hello.alpn = config.alpn;

    if (tls12) offer12(config, std::move(resume), step, offer);
    if (tls13)
        if (auto ok = offer13(config, step, offer); !ok) return std::move(ok).error();
    return offer;
}

}  // namespace tlspp::handshake
