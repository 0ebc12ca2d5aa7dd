// handshake/keys13.hpp: what both TLS 1.3 machines share between the key
// schedule (key_schedule13.hpp) and the record layer: traffic secrets made
// into record protection, the CertificateVerify input, and which signature
// schemes TLS 1.3 allows.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "crypto/secret.hpp"
#include "crypto/signature.hpp"
#include "handshake/events.hpp"
#include "handshake/key_schedule13.hpp"
#include "handshake/suites.hpp"
#include "record/protection.hpp"
#include "tlspp/keylog.hpp"

namespace tlspp::handshake {

// protection13 builds one direction of TLS 1.3 record protection from a
// traffic secret (RFC 8446 §7.3: key and iv by HKDF-Expand-Label), for the
// suite's AEAD and hash, set up only for `use`.
Result<std::unique_ptr<record::Protection>> protection13(const SuiteInfo& suite, ByteView traffic_secret,
                                                         record::Use use);

// certificate_verify_input13 is what a TLS 1.3 CertificateVerify signs
// (RFC 8446 §4.4.3): 64 bytes of 0x20, the context string "TLS 1.3, server
// CertificateVerify" (or "client"), a 0 byte, then the transcript hash.
crypto::Bytes certificate_verify_input13(bool from_server, ByteView transcript_hash);

// scheme_usable13 says whether `scheme` may sign a TLS 1.3 handshake with a
// key of `key` type (RFC 8446 §4.2.3, §4.4.3): RSA-PSS, ECDSA with the hash of
// its curve, EdDSA; never RSASSA-PKCS1-v1_5, SHA-1 or SHA-224.
bool scheme_usable13(SignatureScheme scheme, crypto::KeyType key);

// log_secret13 writes one TLS 1.3 secret to the key log (if any) under its
// NSS label (tlspp/keylog.hpp keylog_label) and reports it to the observer
// under its RFC 8446 §7.1 name ("client_handshake_traffic_secret",
// "server_application_traffic_secret_0", "exporter_master_secret", ...).
void log_secret13(KeyLog* key_log, EventSink* events, std::string_view label,
                  std::span<const std::uint8_t> client_random, ByteView secret, std::string_view derivation);

}  // namespace tlspp::handshake
