// RFC 5246 §7.4.4: CertificateRequest, TLS 1.2 form.
#include "msg/certificate_request.hpp"

#include "msg/codec.hpp"

namespace tlspp::msg {

Result<CertificateRequest> decode_certificate_request(ByteView body) {
    wire::Reader r(body), authorities;
    CertificateRequest req;
    // RFC 5246 §7.4.4: "ClientCertificateType certificate_types<1..2^8-1>;"
    if (!r.u8_bytes(req.certificate_types, 1, 0xff))
        return wire::decode_error("CertificateRequest.certificate_types", r);
    // RFC 5246 §7.4.4: "SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;"
    if (auto schemes = codec::read_u16_list(r, 2, 0xfffe, req.signature_schemes,
                                            "CertificateRequest.supported_signature_algorithms");
        !schemes)
        return std::move(schemes).error();
    // RFC 5246 §7.4.4: "DistinguishedName certificate_authorities<0..2^16-1>;"
    if (!r.u16_block(authorities, 0, 0xffff))
        return wire::decode_error("CertificateRequest.certificate_authorities", r);
    if (auto end = codec::expect_end(r, "CertificateRequest"); !end) return std::move(end).error();

    while (!authorities.empty()) {
        Bytes name;
        // RFC 5246 §7.4.4: "opaque DistinguishedName<1..2^16-1>;"
        if (!authorities.u16_bytes(name, 1, 0xffff))
            return wire::decode_error("CertificateRequest.certificate_authorities", authorities);
        req.certificate_authorities.push_back(std::move(name));
    }
    return req;
}

void encode(wire::Writer& w, const CertificateRequest& m) {
    w.u8_bytes(m.certificate_types);
    codec::write_u16_list(w, m.signature_schemes);
    auto authorities = w.u16_block();
    for (const auto& name : m.certificate_authorities) w.u16_bytes(name);
}

}  // namespace tlspp::msg
