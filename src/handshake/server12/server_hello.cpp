// The server's answer to a ClientHello: checks, choices, and the first flight
// ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (RFC 5246 §7.3).
#include "handshake/server12/server_flight.hpp"

#include <algorithm>

#include "crypto/key_exchange.hpp"
#include "handshake/negotiation.hpp"
#include "pki/certified_key.hpp"

namespace tlspp::handshake::server12 {

namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Status check_client_hello(const msg::ClientHello& m) {
    // RFC 5246 Appendix E.1: a client offering a version above ours gets ours;
    // below TLS 1.2 is disabled.
    if (m.legacy_version < static_cast<std::uint16_t>(ProtocolVersion::tls12))
        return make_error(Reason::unsupported_version,
                          "ClientHello: client offers at most version " + std::to_string(m.legacy_version >> 8) +
                              "." + std::to_string(m.legacy_version & 0xff) + ", TLS 1.2 is the minimum here");
    // RFC 5246 §7.4.1.2: "this vector MUST contain, and all implementations
    // MUST support, CompressionMethod.null".
    if (!contains(m.compression_methods, std::uint8_t{0}))
        return make_error(Reason::missing_null_compression, "ClientHello: compression_methods lacks null");
    // RFC 8422 §5.1.2: without the uncompressed format the server "MUST abort
    // the handshake and return an illegal_parameter alert".
    if (m.ec_point_formats && !contains(*m.ec_point_formats, std::uint8_t{0}))
        return make_error(Reason::missing_uncompressed_point_format,
                          "ClientHello: ec_point_formats lacks the uncompressed format");
    // RFC 5746 §3.6: on an initial handshake the renegotiated_connection must be empty.
    if (m.renegotiation_info && !m.renegotiation_info->empty())
        return make_error(Reason::renegotiation_info_mismatch, "ClientHello: renegotiation_info is not empty");
    return {};
}

bool offers_secure_renegotiation(const msg::ClientHello& m) {
    return m.renegotiation_info.has_value() ||
           contains(m.cipher_suites, static_cast<std::uint16_t>(CipherSuite::TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
}

// send_server_key_exchange makes our (EC)DHE share and sends it signed
// (RFC 5246 §7.4.3, RFC 8422 §5.4): the signature covers client_random +
// server_random + ServerECDHParams (or ServerDHParams).
Result<crypto::KeyShare> send_server_key_exchange(const Negotiated12& params, const ServerChoice12& choice,
                                                  const crypto::PrivateKey& key, Step& step) {
    auto share = crypto::KeyShare::generate(choice.group, step.random());
    if (!share) return std::move(share).error();
    report_key(step.events(), "server_public", "the server's ephemeral (EC)DHE public value", share->public_value(),
               false);
    crypto::Bytes params_bytes;
    if (params.suite->key_exchange == KeyExchange::ecdhe) {
        params_bytes = msg::encode_ecdhe_params(choice.group, share->public_value());
    } else {
        auto dh = crypto::ffdhe_params(choice.group);
        if (!dh) return std::move(dh).error();
        params_bytes = msg::encode_dhe_params(dh->p, dh->g, share->public_value());
    }
    crypto::Bytes signed_data(params.client_random.begin(), params.client_random.end());
    signed_data.insert(signed_data.end(), params.server_random.begin(), params.server_random.end());
    signed_data.insert(signed_data.end(), params_bytes.begin(), params_bytes.end());
    auto signature = key.sign(choice.scheme, signed_data);
    if (!signature) return std::move(signature).error();
    step.send(msg::make_server_key_exchange(params_bytes, choice.scheme, *signature));
    return share;
}

// RFC 5246 §7.4.4: the kinds of key we accept, the signature schemes (ours),
// and the names of the CAs client certificates must chain to.
msg::CertificateRequest certificate_request(const ServerConfig& config) {
    msg::CertificateRequest request;
    request.certificate_types = {1 /* rsa_sign */, 64 /* ecdsa_sign, RFC 8422 §5.5: also EdDSA */};
    request.signature_schemes = config.signature_schemes;
    request.certificate_authorities = config.client_trust->subject_names();
    return request;
}

}  // namespace

Result<State> answer_client_hello(const msg::ClientHello& m, const ServerConfig& config, Step& step) {
    if (auto ok = check_client_hello(m); !ok) return std::move(ok).error();
    auto choice = choose12(config, m);
    if (!choice) return std::move(choice).error();
    auto alpn = choose_alpn(config.alpn, m.alpn);
    if (!alpn) return std::move(alpn).error();

    const SuiteInfo& suite = *choice->suite;
    // RFC 5246 §7.4.8: a client CertificateVerify signs the messages
    // themselves, so keep them when we will ask for a certificate.
    if (config.client_auth != ClientAuth::none) step.transcript().keep_messages();
    step.transcript().start_hash(suite.prf_hash);

    Negotiated12 params;
    params.suite = &suite;
    params.client_random = m.random;
    step.random().fill(params.server_random);
    params.extended_master_secret = m.extended_master_secret;

    msg::ServerHello hello;
    hello.legacy_version = static_cast<std::uint16_t>(ProtocolVersion::tls12);
    hello.random = params.server_random;
    hello.cipher_suite = static_cast<std::uint16_t>(suite.suite);
    hello.compression_method = 0;
    const bool secure_renegotiation = offers_secure_renegotiation(m);
    if (secure_renegotiation) hello.renegotiation_info = crypto::Bytes{};
    if (m.ec_point_formats) hello.ec_point_formats = crypto::Bytes{0};
    if (!alpn->empty()) hello.alpn = *alpn;
    hello.extended_master_secret = params.extended_master_secret;
    // RFC 6066 §3: the server "SHALL include an extension of type "server_name"
    // in the (extended) server hello" when it used the name; its data is empty.
    hello.server_name_ack = m.server_name.has_value();
    step.set_record_version(static_cast<std::uint16_t>(ProtocolVersion::tls12));
    step.send(hello);

    const auto& cert = choice->certificate->impl();
    step.send(msg::Certificate{cert.chain});

    ServerKx kx;
    if (suite.key_exchange == KeyExchange::rsa) {
        // RFC 5246 §7.4.3: no ServerKeyExchange for RSA key transport; the
        // client encrypts the pre-master secret to the certificate's key.
        kx.rsa_key = &cert.key;
        kx.client_version = m.legacy_version;
    } else {
        auto sent = send_server_key_exchange(params, *choice, cert.key, step);
        if (!sent) return std::move(sent).error();
        kx.share = std::move(*sent);
    }
    const bool request_certificate = config.client_auth != ClientAuth::none;
    if (request_certificate) step.send(certificate_request(config));
    step.send(msg::ServerHelloDone{});

    SessionInfo& info = step.info();
    info.version = ProtocolVersion::tls12;
    info.cipher_suite = suite.suite;
    if (suite.key_exchange != KeyExchange::rsa) info.group = choice->group;
    info.alpn = *alpn;
    info.server_name = m.server_name.value_or("");
    info.extended_master_secret = params.extended_master_secret;
    info.secure_renegotiation = secure_renegotiation;
    if (request_certificate) return ExpectClientCertificate{params, std::move(kx)};
    return ExpectClientKeyExchange{params, std::move(kx), std::nullopt};
}

}  // namespace tlspp::handshake::server12
