#include "handshake/keys13.hpp"

#include "record/aead13.hpp"

namespace tlspp::handshake {

Result<std::unique_ptr<record::Protection>> protection13(const SuiteInfo& suite, ByteView traffic_secret,
                                                         record::Use use) {
    const TrafficKeys13 keys = traffic_keys13(suite.prf_hash, traffic_secret, suite.key_length());
    return record::make_aead13(suite.aead(), keys.key, keys.iv, use);
}

crypto::Bytes certificate_verify_input13(bool from_server, ByteView transcript_hash) {
    constexpr std::string_view server_context = "TLS 1.3, server CertificateVerify";
    constexpr std::string_view client_context = "TLS 1.3, client CertificateVerify";
    const std::string_view context = from_server ? server_context : client_context;
    crypto::Bytes input(64, 0x20);
    input.insert(input.end(), context.begin(), context.end());
    input.push_back(0);
    input.insert(input.end(), transcript_hash.begin(), transcript_hash.end());
    return input;
}

bool scheme_usable13(SignatureScheme scheme, crypto::KeyType key) {
    // crypto's scheme table knows the TLS 1.3 rules (§4.2.3): no PKCS#1, SHA-1
    // or SHA-224 schemes, ECDSA bound to its curve.
    return crypto::scheme_fits_key(scheme, key, ProtocolVersion::tls13);
}

namespace {

// The RFC 8446 §7.1 name of the secret an NSS key log label stands for: the
// observer (and the explainer) speak the RFC's language.
std::string_view rfc_name(std::string_view label) {
    using namespace keylog_label;
    if (label == client_handshake_traffic_secret) return "client_handshake_traffic_secret";
    if (label == server_handshake_traffic_secret) return "server_handshake_traffic_secret";
    if (label == client_traffic_secret_0) return "client_application_traffic_secret_0";
    if (label == server_traffic_secret_0) return "server_application_traffic_secret_0";
    if (label == exporter_secret) return "exporter_master_secret";
    if (label == client_early_traffic_secret) return "client_early_traffic_secret";
    return label;
}

}  // namespace

void log_secret13(KeyLog* key_log, EventSink* events, std::string_view label,
                  std::span<const std::uint8_t> client_random, ByteView secret, std::string_view derivation) {
    if (key_log) key_log->log(label, client_random, secret);
    report_key(events, rfc_name(label), derivation, secret);
}

}  // namespace tlspp::handshake
