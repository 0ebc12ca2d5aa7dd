// The client's first flight: the ClientHello tlspp offers (RFC 5246 §7.4.1.2).
#include "handshake/client12/client12.hpp"

#include <algorithm>

#include "pki/verify.hpp"
#include "session/client_store.hpp"

namespace tlspp::handshake {

Client12::Client12(std::shared_ptr<const ClientConfig> config, std::string server_name,
                   std::optional<session::Session12> resume)
    : config_(std::move(config)), server_name_(std::move(server_name)), resume_(std::move(resume)) {}

Status Client12::start(Step& step) {
    const ClientConfig& config = *config_;
    msg::ClientHello hello;
    hello.legacy_version = static_cast<std::uint16_t>(ProtocolVersion::tls12);
    // RFC 5246 §7.4.1.2 suggests gmt_unix_time in the first 4 bytes; like
    // modern stacks we send 32 random bytes, which leak no clock.
    step.random().fill(hello.random);
    for (CipherSuite s : config.cipher_suites) hello.cipher_suites.push_back(static_cast<std::uint16_t>(s));
    hello.compression_methods = {0};

    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in "HostName"."
    const bool send_sni = !server_name_.empty() && !pki::is_ip_address(server_name_);
    if (send_sni) hello.server_name = server_name_;
    hello.supported_groups = config.groups;
    hello.ec_point_formats = crypto::Bytes{0};   // RFC 8422 §5.1.2: uncompressed only
    // Only the schemes the security level allows (SHA-1 from level 2 on).
    hello.signature_algorithms = allowed_schemes(config.signature_schemes, config.security_level);
    if (!config.alpn.empty()) hello.alpn = config.alpn;
    hello.extended_master_secret = true;          // RFC 7627 §5.1
    // RFC 7366 §2: Encrypt-then-MAC only means something for CBC suites, so
    // it is offered only with them.
    bool offers_cbc = false;
    for (CipherSuite s : config.cipher_suites)
        if (const SuiteInfo* info = find_suite(s); info && !info->is_aead()) offers_cbc = true;
    hello.encrypt_then_mac = config.encrypt_then_mac && offers_cbc;
    hello.renegotiation_info = crypto::Bytes{};   // RFC 5746 §3.4: empty on the initial handshake

    // Many servers reject record version 0x0303 before they know the version;
    // 0x0301 in the first record is what every major client sends.
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls10));
    // RFC 5246 §7.4.8: a CertificateVerify signs the messages themselves;
    // keep them if we might have to send one.
    if (!config.certificates.empty()) step.transcript().keep_messages();

    // Resumption (RFC 5246 §7.4.1.2, RFC 5077 §3.4): offer the saved
    // session's ID, or its ticket with a fresh random ID the server echoes
    // if it accepts the ticket. An unusable session is not offered, nor one
    // whose suite we no longer enable: the cipher_suites of a resumption
    // offer "MUST include at least the cipher_suite from that session"
    // (RFC 5246 §7.4.1.2), and a server answers illegal_parameter otherwise.
    std::optional<session::Session12> offered;
    if (resume_ && session::ClientSessionStore::usable(*resume_, step.clock().now()) &&
        std::find(config.cipher_suites.begin(), config.cipher_suites.end(), resume_->suite) !=
            config.cipher_suites.end()) {
        const bool by_ticket = config.session_tickets && !resume_->ticket.empty();
        if (by_ticket) {
            hello.session_id.resize(32);
            step.random().fill(hello.session_id);
            hello.session_ticket = resume_->ticket;
            offered = std::move(resume_);
        } else if (!resume_->session_id.empty()) {
            hello.session_id = resume_->session_id;
            offered = std::move(resume_);
        }
    }
    resume_.reset();
    // RFC 5077 §3.2: an empty extension says we support tickets.
    if (config.session_tickets && !hello.session_ticket) hello.session_ticket = crypto::Bytes{};

    step.send(hello);
    step.info().server_name = send_sni ? server_name_ : std::string();
    state_ = client12::ExpectServerHello{hello.random,          send_sni, hello.session_ticket.has_value(),
                                         hello.encrypt_then_mac, std::move(offered), hello.session_id};
    return {};
}

}  // namespace tlspp::handshake
