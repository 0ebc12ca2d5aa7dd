// escape_peer_text: peer bytes shown as printable UTF-8 (issue 11 item 4).
#include "wire/escape.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tlspp::wire {
namespace {

struct Case {
    const char* what;
    std::string in;
    std::string out;
};

TEST(EscapePeerText, FollowsTheTable) {
    const Case cases[] = {
        {"empty", "", ""},
        {"plain ASCII", "example.com", "example.com"},
        {"space and punctuation", "CN=a b,O=\"x\"", "CN=a b,O=\"x\""},
        {"backslash is doubled", "a\\b", "a\\\\b"},
        {"text that looks escaped stays distinct", "\\x1b", "\\\\x1b"},
        {"ESC [2J (clear screen)", "\x1b[2J", "\\x1b[2J"},
        {"OSC window title", "\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"},
        {"NUL", std::string("a\0b", 3), "a\\x00b"},
        {"newline, CR and tab", "a\nb\rc\td", "a\\x0ab\\x0dc\\x09d"},
        {"DEL", "a\x7f", "a\\x7f"},
        {"two-byte UTF-8 kept", "caf\xc3\xa9", "caf\xc3\xa9"},
        {"three-byte UTF-8 kept", "\xe6\x9c\x8d\xe5\x8a\xa1", "\xe6\x9c\x8d\xe5\x8a\xa1"},
        {"four-byte UTF-8 kept", "\xf0\x9f\x94\x92", "\xf0\x9f\x94\x92"},
        {"C1 control CSI (U+009B) escaped", "\xc2\x9b" "2J", "\\xc2\\x9b2J"},
        {"U+00A0 kept (first after C1)", "\xc2\xa0", "\xc2\xa0"},
        {"bidi override U+202E escaped", "a\xe2\x80\xae" "b", "a\\xe2\\x80\\xaeb"},
        {"bidi isolate U+2066 escaped", "\xe2\x81\xa6", "\\xe2\\x81\\xa6"},
        {"lone continuation byte", "x\x80y", "x\\x80y"},
        {"ALPN x ff fe", "x\xff\xfe", "x\\xff\\xfe"},
        {"overlong slash C0 AF", "\xc0\xaf", "\\xc0\\xaf"},
        {"overlong three-byte E0 80 AF", "\xe0\x80\xaf", "\\xe0\\x80\\xaf"},
        {"surrogate ED A0 80", "\xed\xa0\x80", "\\xed\\xa0\\x80"},
        {"above U+10FFFF F4 90 80 80", "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"},
        {"truncated sequence at the end", "ab\xe6\x9c", "ab\\xe6\\x9c"},
        {"truncated sequence before ASCII", "\xe6" "a", "\\xe6a"},
    };
    for (const Case& c : cases) EXPECT_EQ(escape_peer_text(c.in), c.out) << c.what;
}

// Whatever goes in, what comes out is printable ASCII or valid UTF-8 with no
// control character: every one of the 256 byte values, alone and after a lead byte.
TEST(EscapePeerText, NeverLetsAControlByteOrInvalidUtf8Through) {
    for (int a = 0; a < 256; ++a) {
        for (int lead : {-1, 0xc3, 0xe2, 0xf0}) {
            std::string in;
            if (lead >= 0) in += static_cast<char>(lead);
            in += static_cast<char>(a);
            const std::string out = escape_peer_text(in);
            for (char ch : out) {
                const auto u = static_cast<unsigned char>(ch);
                EXPECT_FALSE(u < 0x20 || u == 0x7f) << "byte " << a << " after " << lead;
            }
            EXPECT_EQ(escape_peer_text(out).find('\x1b'), std::string::npos);
            // Escaping again only doubles backslashes: the output is valid UTF-8.
            std::string twice = escape_peer_text(out), expected;
            for (char ch : out) expected += ch == '\\' ? std::string("\\\\") : std::string(1, ch);
            EXPECT_EQ(twice, expected) << "byte " << a << " after " << lead;
        }
    }
}

}  // namespace
}  // namespace tlspp::wire
