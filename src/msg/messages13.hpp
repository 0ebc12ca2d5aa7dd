// msg/messages13.hpp: the TLS 1.3 messages and forms: EncryptedExtensions,
// Certificate and CertificateRequest (1.3 forms), NewSessionTicket (1.3
// form), EndOfEarlyData, KeyUpdate and the synthetic message_hash. Syntax
// only (RFC 8446 §4); the state machines judge the rest.
#pragma once

#include <cstdint>
#include <vector>

#include <optional>
#include <string>

#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

// RFC 8446 §4.3.1: "struct { Extension extensions<0..2^16-1>; } EncryptedExtensions;"
// The extensions tlspp understands are decoded into fields through the
// extension table (msg/extensions/table.hpp); every extension is also kept
// raw, in order. On encode (write_extensions) a decoded message keeps its
// order, a built one gets the table's.
struct EncryptedExtensions {
    static constexpr HandshakeType type = HandshakeType::encrypted_extensions;
    bool server_name_ack = false;                              // RFC 6066 §3: empty
    std::optional<std::string> alpn;                           // RFC 7301 §3.1: exactly one name
    std::optional<std::vector<NamedGroup>> supported_groups;   // RFC 8446 §4.2.7: the server's preference
    bool early_data = false;                                   // §4.2.10: empty, 0-RTT accepted
    std::vector<RawExtension> extensions;
};
Result<EncryptedExtensions> decode_encrypted_extensions(ByteView body);
void encode(wire::Writer& w, const EncryptedExtensions& m);

// RFC 8446 §4.4.2: "struct { opaque cert_data<1..2^24-1>;
// Extension extensions<0..2^16-1>; } CertificateEntry;
// struct { opaque certificate_request_context<0..2^8-1>;
// CertificateEntry certificate_list<0..2^24-1>; } Certificate;"
// Only X.509 entries (RFC 8446 §4.4.2: the default certificate type).
struct CertificateEntry {
    Bytes cert_data;
    std::vector<RawExtension> extensions;
};
struct Certificate13 {
    static constexpr HandshakeType type = HandshakeType::certificate;
    Bytes request_context;
    std::vector<CertificateEntry> entries;
};
Result<Certificate13> decode_certificate13(ByteView body);
void encode(wire::Writer& w, const Certificate13& m);

// RFC 8446 §4.3.2: "struct { opaque certificate_request_context<0..2^8-1>;
// Extension extensions<2..2^16-1>; } CertificateRequest;"
// §4.3.2: "The "signature_algorithms" extension MUST be specified"; whether
// it is, is the state machine's check. Decoded fields as EncryptedExtensions.
struct CertificateRequest13 {
    static constexpr HandshakeType type = HandshakeType::certificate_request;
    Bytes request_context;
    std::optional<std::vector<SignatureScheme>> signature_algorithms;
    std::optional<std::vector<SignatureScheme>> signature_algorithms_cert;
    std::optional<std::vector<Bytes>> certificate_authorities;
    std::vector<RawExtension> extensions;
};
Result<CertificateRequest13> decode_certificate_request13(ByteView body);
void encode(wire::Writer& w, const CertificateRequest13& m);

// RFC 8446 §4.5: "struct {} EndOfEarlyData;"
struct EndOfEarlyData {
    static constexpr HandshakeType type = HandshakeType::end_of_early_data;
};
Result<EndOfEarlyData> decode_end_of_early_data(ByteView body);   // trailing_bytes if not empty
void encode(wire::Writer& w, const EndOfEarlyData& m);

// RFC 8446 §4.6.3: "enum { update_not_requested(0), update_requested(1),
// (255) } KeyUpdateRequest;" The byte is kept as sent: a value other than
// 0 or 1 is illegal_parameter, which the state handler says.
struct KeyUpdate {
    static constexpr HandshakeType type = HandshakeType::key_update;
    static constexpr std::uint8_t update_not_requested = 0;
    static constexpr std::uint8_t update_requested = 1;
    std::uint8_t request_update = update_not_requested;
};
Result<KeyUpdate> decode_key_update(ByteView body);
void encode(wire::Writer& w, const KeyUpdate& m);

// RFC 8446 §4.6.1: "struct { uint32 ticket_lifetime; uint32 ticket_age_add;
// opaque ticket_nonce<0..255>; opaque ticket<1..2^16-1>;
// Extension extensions<0..2^16-2>; } NewSessionTicket;"
struct NewSessionTicket13 {
    static constexpr HandshakeType type = HandshakeType::new_session_ticket;
    std::uint32_t lifetime = 0;
    std::uint32_t age_add = 0;
    Bytes nonce;
    Bytes ticket;
    std::vector<RawExtension> extensions;
};
Result<NewSessionTicket13> decode_new_session_ticket13(ByteView body);
void encode(wire::Writer& w, const NewSessionTicket13& m);

// RFC 8446 §4.4.1: the synthetic message that replaces ClientHello1 in the
// transcript after a HelloRetryRequest; its body is Hash(ClientHello1). It
// never travels on the wire, but it is framed and hashed like a message.
struct MessageHash {
    static constexpr HandshakeType type = HandshakeType::message_hash;
    Bytes hash;
};
Result<MessageHash> decode_message_hash(ByteView body);   // fails only if empty
void encode(wire::Writer& w, const MessageHash& m);

}  // namespace tlspp::msg
