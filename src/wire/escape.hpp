// wire/escape.hpp: peer text made safe to show.
#pragma once

#include <string>
#include <string_view>

namespace tlspp::wire {

// escape_peer_text returns `text` (bytes a peer chose: a certificate name, an
// ALPN protocol, an SNI host name, an error detail quoting them) as printable
// UTF-8 that cannot drive a terminal. Valid, printable UTF-8 is kept as is; a
// backslash becomes "\\"; every other byte becomes "\xNN" (lowercase hex):
// C0 controls (ESC, CR, LF, TAB...), DEL, the C1 controls U+0080..U+009F
// (a terminal may act on CSI U+009B), the bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069), and any byte that is not part of
// well-formed UTF-8 (RFC 3629 §4: no overlong forms, no surrogates, nothing
// above U+10FFFF). The result is always valid UTF-8, and escaping is
// reversible. Apply it once, where text leaves for a person or a file (a
// terminal, a log line, JSON, HTML before HTML escaping), never earlier.
std::string escape_peer_text(std::string_view text);

}  // namespace tlspp::wire
