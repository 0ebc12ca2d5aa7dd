// The client's first flight: the ClientHello tlspp offers (RFC 5246 §7.4.1.2).
#include "handshake/client12/client12.hpp"

#include "pki/verify.hpp"

namespace tlspp::handshake {

Client12::Client12(std::shared_ptr<const ClientConfig> config, std::string server_name)
    : config_(std::move(config)), server_name_(std::move(server_name)) {}

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
    hello.signature_algorithms = config.signature_schemes;
    if (!config.alpn.empty()) hello.alpn = config.alpn;
    hello.extended_master_secret = true;          // RFC 7627 §5.1
    hello.renegotiation_info = crypto::Bytes{};   // RFC 5746 §3.4: empty on the initial handshake

    // Many servers reject record version 0x0303 before they know the version;
    // 0x0301 in the first record is what every major client sends.
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls10));
    // RFC 5246 §7.4.8: a CertificateVerify signs the messages themselves;
    // keep them if we might have to send one.
    if (!config.certificates.empty()) step.transcript().keep_messages();
    step.send(hello);
    step.info().server_name = send_sni ? server_name_ : std::string();
    state_ = client12::ExpectServerHello{hello.random, send_sni};
    return {};
}

}  // namespace tlspp::handshake
