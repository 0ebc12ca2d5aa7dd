// msg/server_key_exchange.hpp: RFC 5246 §7.4.3, RFC 8422 §5.4 (ECDHE),
// RFC 5246 §7.4.3 ServerDHParams (DHE). Its shape depends on the suite's key
// exchange, so the message keeps its body and is decoded by the state
// handler that knows which shape to expect.
#pragma once

#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

struct ServerKeyExchange {
    static constexpr HandshakeType type = HandshakeType::server_key_exchange;
    Bytes body;
};

struct EcdheServerParams {
    NamedGroup group{};                // ECParameters: curve_type named_curve (3) + NamedCurve
    Bytes public_key;                  // ECPoint <1..2^8-1>
    SignatureScheme scheme{};
    Bytes signature;                   // <0..2^16-1>
    Bytes signed_params;               // the exact ServerECDHParams bytes the signature covers
};

struct DheServerParams {
    Bytes p, g, ys;                    // each <1..2^16-1>
    SignatureScheme scheme{};
    Bytes signature;
    Bytes signed_params;               // the exact ServerDHParams bytes
};

// Fail with decode_error if malformed, and with illegal_parameter if the
// curve_type is not named_curve (3).
Result<EcdheServerParams> decode_ecdhe_server_params(ByteView body);
Result<DheServerParams> decode_dhe_server_params(ByteView body);

// encode_ecdhe_params writes the ServerECDHParams (what gets signed);
// encode_server_key_exchange appends scheme and signature to those params.
Bytes encode_ecdhe_params(NamedGroup group, ByteView public_key);
Bytes encode_dhe_params(ByteView p, ByteView g, ByteView ys);
// The same, appended to `w`, and their lengths (to size a buffer first).
void encode_ecdhe_params(wire::Writer& w, NamedGroup group, ByteView public_key);
void encode_dhe_params(wire::Writer& w, ByteView p, ByteView g, ByteView ys);
std::size_t ecdhe_params_length(ByteView public_key);
std::size_t dhe_params_length(ByteView p, ByteView g, ByteView ys);
ServerKeyExchange make_server_key_exchange(ByteView signed_params, SignatureScheme scheme, ByteView signature);
void encode(wire::Writer& w, const ServerKeyExchange& m);

}  // namespace tlspp::msg
