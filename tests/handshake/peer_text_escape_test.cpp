// Peer text is escaped wherever it is shown (issue 11 item 4): a server whose
// ALPN protocol is "x\xff\xfe" and whose certificate's names carry terminal
// escapes reaches the explainer's text and JSON, and error messages, only as
// printable UTF-8. (tests/interop/explain.sh does the same through the CLI and
// parses each JSON line with python3.)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "explain/json.hpp"
#include "explain/recorder.hpp"
#include "explain/text.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"
#include "support/test_pki.hpp"
#include "wire/escape.hpp"

namespace tlspp {
namespace {

const std::string kAlpn = "x\xff\xfe";
const std::string kClearScreen = "\x1b[2J";

// printable_utf8 says `text` is valid UTF-8 without control characters other
// than the line breaks `allowed`: escaping would then only double backslashes.
::testing::AssertionResult printable_utf8(const std::string& text, std::string_view allowed = "\n") {
    std::string without_allowed, doubled;
    for (char c : text)
        if (allowed.find(c) == std::string_view::npos) without_allowed += c;
    for (char c : without_allowed) doubled += c == '\\' ? std::string("\\\\") : std::string(1, c);
    if (wire::escape_peer_text(without_allowed) == doubled) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "raw bytes in: " << wire::escape_peer_text(text);
}

std::shared_ptr<explain::Recorder> hostile_handshake() {
    auto id = test::issue_server_leaf("hostile", "\x1b]0;pwned\x07", "DNS:localhost,DNS:" + kClearScreen);
    auto client = test::client_config();
    client->alpn = {kAlpn};
    auto server = test::server_config(id);
    server->alpn = {kAlpn};
    auto recorder = std::make_shared<explain::Recorder>(false);
    test::LoopbackPair pair(client, server, "localhost", recorder->observer_for(explain::Side::client),
                            recorder->observer_for(explain::Side::server));
    EXPECT_TRUE(pair.handshake()) << (pair.client.error() ? pair.client.error()->message() : "");
    EXPECT_EQ(pair.client.info().alpn, kAlpn);   // the API keeps the bytes as they are
    return recorder;
}

TEST(PeerTextEscape, ExplainJsonLinesAreValidUtf8WithoutRawControlBytes) {
    auto recorder = hostile_handshake();
    std::string all;
    std::size_t seq = 0;
    for (const auto& e : recorder->events()) {
        const std::string line = explain::render_json(e, seq++, false);
        EXPECT_TRUE(printable_utf8(line)) << "event " << seq - 1;
        all += line;
    }
    EXPECT_NE(all.find("x\\\\xff\\\\xfe"), std::string::npos) << "the ALPN name, escaped, is missing";
    EXPECT_NE(all.find("\\\\x1b[2J"), std::string::npos) << "the SAN, escaped, is missing";
}

TEST(PeerTextEscape, ExplainTextHasNoRawControlBytes) {
    auto recorder = hostile_handshake();
    explain::TextOptions options;
    options.color = false;
    const std::string text = explain::render_text(recorder->events(), explain::Side::client, options);
    EXPECT_TRUE(printable_utf8(text));
    EXPECT_NE(text.find("x\\xff\\xfe"), std::string::npos);
    EXPECT_NE(text.find("\\x1b[2J"), std::string::npos);
    // The subject's ESC and BEL are already escaped by libcrypto's RFC 2253
    // printing ("\1B"); whatever the form, none is left raw (checked above).
    EXPECT_NE(text.find("pwned"), std::string::npos);
}

// An error whose detail quotes the peer: the ALPN name the server chose without an offer.
TEST(PeerTextEscape, ErrorMessagesQuotingPeerBytesAreEscaped) {
    auto client = test::client_config();
    client->alpn = {"h2"};
    auto server = test::server_config(test::pki().server_p256);
    server->alpn = {"h2"};
    test::LoopbackPair pair(client, server);
    pair.tamper = [](test::Direction d, std::vector<std::uint8_t>& bytes) {
        if (d != test::Direction::to_client) return;
        // Replace the agreed "h2" in the ServerHello's ALPN extension by two
        // bytes the client never offered: ESC and 0xff.
        static const std::uint8_t alpn[] = {0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 'h', '2'};
        auto at = std::search(bytes.begin(), bytes.end(), std::begin(alpn), std::end(alpn));
        if (at == bytes.end()) return;
        at[7] = 0x1b;
        at[8] = 0xff;
    };
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, Reason::unoffered_application_protocol);
    EXPECT_NE(pair.client.error()->detail.find("\x1b\xff"), std::string::npos);   // kept raw in the API
    const std::string message = pair.client.error()->message();
    EXPECT_TRUE(printable_utf8(message, "")) << message;
    EXPECT_NE(message.find("\\x1b\\xff"), std::string::npos) << message;
}

}  // namespace
}  // namespace tlspp
