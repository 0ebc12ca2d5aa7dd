// msg/simple_messages.hpp: the small TLS 1.2 messages: HelloRequest,
// ServerHelloDone (empty bodies), ClientKeyExchange, CertificateVerify,
// Finished, NewSessionTicket.
#pragma once

#include "msg/extensions/extension.hpp"

namespace tlspp::msg {

// RFC 5246 §7.4.1.1: empty body.
struct HelloRequest {
    static constexpr HandshakeType type = HandshakeType::hello_request;
};
// RFC 5246 §7.4.5: empty body.
struct ServerHelloDone {
    static constexpr HandshakeType type = HandshakeType::server_hello_done;
};
Result<HelloRequest> decode_hello_request(ByteView body);         // trailing_bytes if not empty
Result<ServerHelloDone> decode_server_hello_done(ByteView body);  // trailing_bytes if not empty
void encode(wire::Writer& w, const HelloRequest& m);
void encode(wire::Writer& w, const ServerHelloDone& m);

// RFC 5246 §7.4.7: the shape depends on the key exchange, so the body is kept
// and decoded by the handler: ECDHE ECPoint <1..2^8-1> (RFC 8422 §5.7),
// DHE dh_Yc <1..2^16-1>, RSA EncryptedPreMasterSecret <0..2^16-1>.
struct ClientKeyExchange {
    static constexpr HandshakeType type = HandshakeType::client_key_exchange;
    Bytes body;
};
Result<Bytes> decode_ecdhe_client_public(ByteView body);
Result<Bytes> decode_dhe_client_public(ByteView body);
Result<Bytes> decode_rsa_encrypted_premaster(ByteView body);
ClientKeyExchange make_ecdhe_client_key_exchange(ByteView public_key);
ClientKeyExchange make_dhe_client_key_exchange(ByteView public_key);
ClientKeyExchange make_rsa_client_key_exchange(ByteView encrypted);
void encode(wire::Writer& w, const ClientKeyExchange& m);

// RFC 5246 §7.4.8: DigitallySigned.
struct CertificateVerify {
    static constexpr HandshakeType type = HandshakeType::certificate_verify;
    SignatureScheme scheme{};
    Bytes signature;   // <0..2^16-1>
};
Result<CertificateVerify> decode_certificate_verify(ByteView body);
void encode(wire::Writer& w, const CertificateVerify& m);

// RFC 5246 §7.4.9: verify_data, the whole body (its length is the state
// machine's check: 12 in TLS 1.2).
struct Finished {
    static constexpr HandshakeType type = HandshakeType::finished;
    Bytes verify_data;
};
Result<Finished> decode_finished(ByteView body);   // fails only if empty
void encode(wire::Writer& w, const Finished& m);

// RFC 5077 §3.3.
struct NewSessionTicket12 {
    static constexpr HandshakeType type = HandshakeType::new_session_ticket;
    std::uint32_t lifetime_hint = 0;
    Bytes ticket;      // <0..2^16-1>
};
Result<NewSessionTicket12> decode_new_session_ticket12(ByteView body);
void encode(wire::Writer& w, const NewSessionTicket12& m);

}  // namespace tlspp::msg
