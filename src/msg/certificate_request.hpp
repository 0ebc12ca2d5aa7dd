// msg/certificate_request.hpp: RFC 5246 §7.4.4 (TLS 1.2 form).
#pragma once

#include <vector>

#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

struct CertificateRequest {
    static constexpr HandshakeType type = HandshakeType::certificate_request;
    Bytes certificate_types;                         // <1..2^8-1>: rsa_sign(1), ecdsa_sign(64)
    std::vector<SignatureScheme> signature_schemes;  // <2..2^16-2>
    std::vector<Bytes> certificate_authorities;      // <0..2^16-1> of DistinguishedName <1..2^16-1>
};

Result<CertificateRequest> decode_certificate_request(ByteView body);
void encode(wire::Writer& w, const CertificateRequest& m);

}  // namespace tlspp::msg
