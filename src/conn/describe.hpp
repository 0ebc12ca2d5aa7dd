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
// RFC's (RFC 5246 §7.4, RFC 8422 §5, RFC 5077 §3.3): "client_version",
// "random", "cipher_suites", "extensions" and, below it, each extension by
// its IANA name ("server_name", "supported_groups"). Values are readable
// text with code points ("x25519 (0x001d)") or lowercase hex for bytes, never
// abbreviated (the renderer shortens long values). It does not fail: a part
// that does not decode (a ServerKeyExchange of an unknown shape, a malformed
// extension or certificate) is given as hex with the reason.
std::vector<Field> describe(const msg::Message& message);

// The value formats describe uses, for the explainer's other events.
std::string hex(std::span<const std::uint8_t> bytes);
std::string code_point(std::string_view name, std::uint16_t code, int hex_digits = 4);   // "x25519 (0x001d)"

}  // namespace tlspp::conn
