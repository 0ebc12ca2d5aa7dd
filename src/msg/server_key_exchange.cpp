// RFC 5246 §7.4.3 ServerKeyExchange: ECDHE (RFC 8422 §5.4) and DHE forms.
// The signature is over client_random + server_random + the params, so each
// decoder also returns the params' exact bytes (signed_params).
#include "msg/server_key_exchange.hpp"

#include "msg/codec.hpp"

namespace tlspp::msg {

namespace {

// RFC 8422 §5.4: "enum { explicit_prime (1), explicit_char2 (2), named_curve (3), reserved(248..255) } ECCurveType;"
constexpr std::uint8_t kNamedCurve = 3;

// read_signature reads the TLS 1.2 DigitallySigned that follows the params:
// RFC 5246 §4.7: "struct { SignatureAndHashAlgorithm algorithm; opaque signature<0..2^16-1>; } DigitallySigned;"
Status read_signature(wire::Reader& r, SignatureScheme& scheme, Bytes& signature, std::string_view what) {
    if (!r.value(scheme)) return wire::decode_error(std::string(what) + ".algorithm", r);
    if (!r.u16_bytes(signature, 0, 0xffff)) return wire::decode_error(std::string(what) + ".signature", r);
    return codec::expect_end(r, what);
}

Bytes prefix(ByteView body, const wire::Reader& r) {
    auto signed_part = body.first(body.size() - r.remaining());
    return Bytes(signed_part.begin(), signed_part.end());
}

}  // namespace

Result<EcdheServerParams> decode_ecdhe_server_params(ByteView body) {
    wire::Reader r(body);
    EcdheServerParams params;
    std::uint8_t curve_type = 0;
    if (!r.u8(curve_type)) return wire::decode_error("ServerKeyExchange.curve_type", r);
    // Explicit curves are deprecated (RFC 8422 §5.1.1) and not what a
    // named_curve-only client offered; the RFC's alert for an unusable
    // parameter is illegal_parameter, so this is not a decode_error.
    if (curve_type != kNamedCurve)
        return wire::decode_error("ServerKeyExchange.curve_type", Reason::illegal_parameter,
                                  "curve_type " + std::to_string(curve_type) + ", only named_curve (3)");
    if (!r.value(params.group)) return wire::decode_error("ServerKeyExchange.namedcurve", r);
    // RFC 8422 §5.4: "struct { opaque point <1..2^8-1>; } ECPoint;"
    if (!r.u8_bytes(params.public_key, 1, 0xff)) return wire::decode_error("ServerKeyExchange.public", r);
    params.signed_params = prefix(body, r);
    if (auto sig = read_signature(r, params.scheme, params.signature, "ServerKeyExchange"); !sig)
        return std::move(sig).error();
    return params;
}

Result<DheServerParams> decode_dhe_server_params(ByteView body) {
    // RFC 5246 §7.4.3: "struct { opaque dh_p<1..2^16-1>; opaque dh_g<1..2^16-1>;
    //                            opaque dh_Ys<1..2^16-1>; } ServerDHParams;"
    wire::Reader r(body);
    DheServerParams params;
    if (!r.u16_bytes(params.p, 1, 0xffff)) return wire::decode_error("ServerKeyExchange.dh_p", r);
    if (!r.u16_bytes(params.g, 1, 0xffff)) return wire::decode_error("ServerKeyExchange.dh_g", r);
    if (!r.u16_bytes(params.ys, 1, 0xffff)) return wire::decode_error("ServerKeyExchange.dh_Ys", r);
    params.signed_params = prefix(body, r);
    if (auto sig = read_signature(r, params.scheme, params.signature, "ServerKeyExchange"); !sig)
        return std::move(sig).error();
    return params;
}

// RFC 8422 §5.4: "struct { ECParameters curve_params; ECPoint public; } ServerECDHParams;"
// with curve_type (1), namedcurve (2) and the point <1..2^8-1>.
std::size_t ecdhe_params_length(ByteView public_key) { return 1 + 2 + 1 + public_key.size(); }

void encode_ecdhe_params(wire::Writer& w, NamedGroup group, ByteView public_key) {
    w.u8(kNamedCurve);
    w.value(group);
    w.u8_bytes(public_key);
}

Bytes encode_ecdhe_params(NamedGroup group, ByteView public_key) {
    Bytes out;
    out.reserve(ecdhe_params_length(public_key));
    wire::Writer w(out);
    encode_ecdhe_params(w, group, public_key);
    return out;
}

// RFC 5246 §7.4.3: three <1..2^16-1> vectors.
std::size_t dhe_params_length(ByteView p, ByteView g, ByteView ys) { return 6 + p.size() + g.size() + ys.size(); }

void encode_dhe_params(wire::Writer& w, ByteView p, ByteView g, ByteView ys) {
    w.u16_bytes(p);
    w.u16_bytes(g);
    w.u16_bytes(ys);
}

Bytes encode_dhe_params(ByteView p, ByteView g, ByteView ys) {
    Bytes out;
    out.reserve(dhe_params_length(p, g, ys));
    wire::Writer w(out);
    encode_dhe_params(w, p, g, ys);
    return out;
}

ServerKeyExchange make_server_key_exchange(ByteView signed_params, SignatureScheme scheme, ByteView signature) {
    ServerKeyExchange m;
    // params, then DigitallySigned: algorithm (2) and signature<0..2^16-1>.
    m.body.reserve(signed_params.size() + 2 + 2 + signature.size());
    wire::Writer w(m.body);
    w.bytes(signed_params);
    w.value(scheme);
    w.u16_bytes(signature);
    return m;
}

void encode(wire::Writer& w, const ServerKeyExchange& m) { w.bytes(m.body); }

}  // namespace tlspp::msg
