// RFC 5246 §7.4.2 (server) and §7.4.6 (client): Certificate, TLS 1.2 form.
#include "msg/certificate.hpp"

#include "msg/codec.hpp"

namespace tlspp::msg {

Result<Certificate> decode_certificate(ByteView body) {
    // RFC 5246 §7.4.2: "opaque ASN.1Cert<1..2^24-1>;
    //                   struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;"
    wire::Reader r(body), list;
    if (!r.u24_block(list, 0, 0xffffff)) return wire::decode_error("Certificate.certificate_list", r);
    if (auto end = codec::expect_end(r, "Certificate"); !end) return std::move(end).error();

    Certificate cert;
    while (!list.empty()) {
        Bytes der;
        // The DER inside is parsed by pki/, which can say more than "malformed".
        if (!list.u24_bytes(der, 1, 0xffffff))
            return wire::decode_error("Certificate.certificate_list[" + std::to_string(cert.chain.size()) + "]",
                                      list);
        cert.chain.push_back(std::move(der));
    }
    return cert;
}

void encode_certificate_list(wire::Writer& w, const std::vector<Bytes>& chain) {
    auto list = w.u24_block();
    for (const auto& der : chain) w.u24_bytes(der);
}

void encode(wire::Writer& w, const Certificate& m) { encode_certificate_list(w, m.chain); }

}  // namespace tlspp::msg
