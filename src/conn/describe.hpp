// conn/describe.hpp: a decoded handshake message as a tree of named fields,
// for the Observer's MessageEvent (the explainer, logs, debugging).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "msg/handshake.hpp"
#include "tlspp/observer.hpp"

namespace tlspp::conn {

// describe returns the fields of `message` in wire order. Field names are the
// RFC's (RFC 5246 §7.4, RFC 8422 §5, RFC 5077 §3.3, RFC 8446 §4):
// "client_version", "random", "cipher_suites", "extensions" and, below it,
// each extension by its IANA name ("server_name", "supported_groups"). A
// hello that offers or selects TLS 1.3 names its legacy fields as RFC 8446
// does ("legacy_version", "legacy_session_id", "legacy_session_id_echo",
// "legacy_compression_methods"); a TLS 1.2 hello keeps the RFC 5246 names.
// TLS 1.3 extension data is decoded in the form of its message:
//   supported_versions   "TLS 1.3 (0x0304), GREASE (0x3a3a)" (a list in
//                        ClientHello, the selected_version elsewhere)
//   key_share            ClientHello: the count, a "key_share_entry" per
//                        share (value: group; child "key_exchange": hex);
//                        ServerHello: the group, child "key_exchange";
//                        HelloRetryRequest: child "selected_group"
//   psk_key_exchange_modes "psk_dhe_ke (0x01)"; cookie: hex;
//   early_data           empty, or (NewSessionTicket) child "max_early_data_size"
//   certificate_authorities the count, a "distinguished_name" (hex) each.
// Values are readable text with code points ("x25519 (0x001d)"; RFC 8701
// GREASE values as "GREASE (0x0a0a)") or lowercase hex for bytes, never
// abbreviated (the renderer shortens long values). It does not fail: a part
// that does not decode (a ServerKeyExchange of an unknown shape, a malformed
// extension or certificate) is given as hex with the reason.
std::vector<Field> describe(const msg::Message& message);

// message_label is the name to show for `message`: msg::message_name, except
// that a ServerHello with the HelloRetryRequest random is "HelloRetryRequest"
// (RFC 8446 §4.1.3: "the HelloRetryRequest has the same format as a
// ServerHello message").
std::string_view message_label(const msg::Message& message);

// The value formats describe uses, for the explainer's other events.
std::string hex(std::span<const std::uint8_t> bytes);
std::string code_point(std::string_view name, std::uint16_t code, int hex_digits = 4);   // "x25519 (0x001d)"

}  // namespace tlspp::conn
