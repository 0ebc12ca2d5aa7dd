// msg/certificate.hpp: RFC 5246 §7.4.2 / §7.4.6 (TLS 1.2 form).
#pragma once

#include <vector>

#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

struct Certificate {
    static constexpr HandshakeType type = HandshakeType::certificate;
    std::vector<Bytes> chain;   // certificate_list <0..2^24-1> of ASN.1Cert <1..2^24-1>, leaf first
};

// decode_certificate fails with decode_error if malformed. An empty list is
// valid syntax (a client without a certificate); the state machine decides.
Result<Certificate> decode_certificate(ByteView body);
void encode(wire::Writer& w, const Certificate& m);
// encode_certificate_list writes a Certificate body for `chain` (leaf
// first) without copying it into a Certificate.
void encode_certificate_list(wire::Writer& w, const std::vector<Bytes>& chain);

}  // namespace tlspp::msg
