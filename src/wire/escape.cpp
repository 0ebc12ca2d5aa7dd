// wire/escape.cpp: escape_peer_text (escape.hpp).
#include "wire/escape.hpp"

#include <cstdint>

namespace tlspp::wire {

namespace {

// utf8_length returns the length of the well-formed UTF-8 sequence at
// text[i] (RFC 3629 §4, "UTF8-octets"), or 0 if there is none, and its code point.
std::size_t utf8_length(std::string_view text, std::size_t i, std::uint32_t& cp) {
    auto at = [&](std::size_t k) { return static_cast<std::uint8_t>(text[i + k]); };
    const std::uint8_t b0 = at(0);
    std::size_t len = 0;
    std::uint8_t lo = 0x80, hi = 0xbf;   // allowed range of the second byte
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
        len = 2, cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        len = 3, cp = b0 & 0x0f;
        if (b0 == 0xe0) lo = 0xa0;   // no overlong forms
        if (b0 == 0xed) hi = 0x9f;   // no surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        len = 4, cp = b0 & 0x07;
        if (b0 == 0xf0) lo = 0x90;   // no overlong forms
        if (b0 == 0xf4) hi = 0x8f;   // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() - i < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const std::uint8_t b = at(k);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xbf)) return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    return len;
}

bool shown_as_is(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return false;            // C0 controls, DEL
    if (cp >= 0x80 && cp <= 0x9f) return false;           // C1 controls
    if (cp >= 0x202a && cp <= 0x202e) return false;       // bidi embeddings and overrides
    if (cp >= 0x2066 && cp <= 0x2069) return false;       // bidi isolates
    return true;
}

void append_hex_byte(std::string& out, std::uint8_t b) {
    static constexpr char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[b >> 4];
    out += digits[b & 0xf];
}

}  // namespace

std::string escape_peer_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t cp = 0;
        const std::size_t len = utf8_length(text, i, cp);
        if (len == 0) {
            append_hex_byte(out, static_cast<std::uint8_t>(text[i]));
            ++i;
            continue;
        }
        if (cp == '\\') {
            out += "\\\\";
        } else if (shown_as_is(cp)) {
            out.append(text.substr(i, len));
        } else {
            for (std::size_t k = 0; k < len; ++k) append_hex_byte(out, static_cast<std::uint8_t>(text[i + k]));
        }
        i += len;
    }
    return out;
}

}  // namespace tlspp::wire
