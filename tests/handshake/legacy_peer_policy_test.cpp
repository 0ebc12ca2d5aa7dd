// Legacy-server and SNI policy (issue 11 item 6), with hand-built hellos:
// - a client refuses a TLS 1.2 server without renegotiation_info (RFC 5746),
//   as OpenSSL 3 does, unless allow_legacy_server;
// - a server refuses a ClientHello host_name that no server could serve (NUL,
//   more than 255 bytes, an empty label) with unrecognized_name, and a
//   server_name list that does not parse with decode_error.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "msg/handshake.hpp"
#include "support/configs.hpp"
#include "support/hex.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr std::size_t kRecordHeader = 5, kHandshakeHeader = 4;

Bytes record_of(const Bytes& message) {
    Bytes record(kRecordHeader + message.size());
    record[0] = 22, record[1] = 3, record[2] = 3;
    record[3] = static_cast<std::uint8_t>(message.size() >> 8);
    record[4] = static_cast<std::uint8_t>(message.size());
    std::copy(message.begin(), message.end(), record.begin() + kRecordHeader);
    return record;
}

// The fatal alert record `conn` queued, as {level, description}, or {} if none.
Bytes queued_alert(const Connection& conn) {
    auto out = conn.pending_output();
    for (std::size_t at = 0; at + kRecordHeader <= out.size();) {
        const std::size_t length = std::size_t(out[at + 3]) << 8 | out[at + 4];
        if (out[at] == 21 && length == 2 && at + 7 <= out.size()) return {out[at + 5], out[at + 6]};
        at += kRecordHeader + length;
    }
    return {};
}

// ---- client: a server without renegotiation_info ----

// client_given_server_hello makes a client, drops its ClientHello, and feeds
// it a ServerHello for the first TLS 1.2 suite it offered (a TLS 1.2 server
// never picks a TLS 1.3 one, RFC 8446 §4.1.2), built by `change`.
Status client_given_server_hello(ClientConnection& client, std::function<void(msg::ServerHello&)> change) {
    Bytes out(client.pending_output().begin(), client.pending_output().end());
    auto decoded = msg::decode_message(ProtocolVersion::tls12,
        HandshakeType::client_hello, std::span<const std::uint8_t>(out).subspan(kRecordHeader + kHandshakeHeader));
    EXPECT_TRUE(decoded.ok());
    const auto& hello = std::get<msg::ClientHello>(*decoded);
    client.consume_output(out.size());
    msg::ServerHello sh;
    sh.random.fill(7);
    const auto tls12 = std::find_if(hello.cipher_suites.begin(), hello.cipher_suites.end(), [](std::uint16_t s) {
        const auto* info = handshake::find_suite(s);
        return info && info->version == ProtocolVersion::tls12;
    });
    EXPECT_NE(tls12, hello.cipher_suites.end());
    sh.cipher_suite = tls12 == hello.cipher_suites.end() ? 0 : *tls12;
    sh.renegotiation_info = Bytes{};
    sh.extended_master_secret = true;
    change(sh);
    return client.read_in(record_of(msg::encode_message(sh)));
}

TEST(LegacyServer, WithoutRenegotiationInfoIsRefusedWithHandshakeFailure) {
    ClientConnection client(test::client_config(), "localhost");
    auto status = client_given_server_hello(client, [](msg::ServerHello& sh) { sh.renegotiation_info.reset(); });
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().reason, Reason::insecure_renegotiation) << status.error().message();
    EXPECT_EQ(status.error().alert, Alert::handshake_failure);
    EXPECT_EQ(queued_alert(client), (Bytes{2, static_cast<std::uint8_t>(Alert::handshake_failure)}));
}

TEST(LegacyServer, WithRenegotiationInfoIsAccepted) {
    ClientConnection client(test::client_config(), "localhost");
    auto status = client_given_server_hello(client, [](msg::ServerHello&) {});
    EXPECT_TRUE(status.ok()) << status.error().message();
    EXPECT_TRUE(client.info().secure_renegotiation);
}

TEST(LegacyServer, WithoutRenegotiationInfoIsAcceptedWhenAllowed) {
    auto config = test::client_config();
    config->allow_legacy_server = true;
    ClientConnection client(config, "localhost");
    auto status = client_given_server_hello(client, [](msg::ServerHello& sh) {
        sh.renegotiation_info.reset();
        sh.extended_master_secret = false;
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    EXPECT_FALSE(client.info().secure_renegotiation);
    EXPECT_FALSE(client.info().extended_master_secret);
}

// The same through a whole exchange: the server learns why from the alert.
TEST(LegacyServer, RefusalReachesTheServerAsHandshakeFailure) {
    test::LoopbackPair pair(test::client_config(), test::server_config(test::pki().server_p256));
    pair.tamper = [](test::Direction d, Bytes& bytes) {
        // The server's first record starts with its ServerHello.
        if (d != test::Direction::to_client || bytes.size() < 10 || bytes[0] != 22 || bytes[5] != 2) return;
        const std::size_t record_end = kRecordHeader + (std::size_t(bytes[3]) << 8 | bytes[4]);
        const std::size_t length = std::size_t(bytes[6]) << 16 | std::size_t(bytes[7]) << 8 | bytes[8];
        const std::size_t hello_end = kRecordHeader + kHandshakeHeader + length;
        ASSERT_LE(hello_end, record_end);
        ASSERT_LE(record_end, bytes.size());
        auto sh = msg::decode_server_hello(std::span<const std::uint8_t>(bytes).subspan(9, length));
        ASSERT_TRUE(sh.ok());
        sh->renegotiation_info.reset();
        // The raw copy of every extension would bring it back on encode.
        std::erase_if(sh->extensions, [](const auto& e) { return e.type == 0xff01; });
        Bytes first = msg::encode_message(*sh);
        first.insert(first.end(), bytes.begin() + static_cast<std::ptrdiff_t>(hello_end),
                     bytes.begin() + static_cast<std::ptrdiff_t>(record_end));
        Bytes rewritten = record_of(first);
        rewritten.insert(rewritten.end(), bytes.begin() + static_cast<std::ptrdiff_t>(record_end), bytes.end());
        bytes = std::move(rewritten);
    };
    EXPECT_FALSE(pair.handshake());
    ASSERT_NE(pair.client.error(), nullptr);
    EXPECT_EQ(pair.client.error()->reason, Reason::insecure_renegotiation) << pair.client.error()->message();
    ASSERT_NE(pair.server.error(), nullptr);
    EXPECT_EQ(pair.server.error()->reason, Reason::peer_alert);
    EXPECT_EQ(pair.server.error()->alert, Alert::handshake_failure);
}

// ---- server: the ClientHello's host_name ----

// A decoded hello keeps every extension as it arrived; without this the old
// server_name would be re-encoded when the field is unset.
void drop_raw_server_name(msg::ClientHello& hello) {
    std::erase_if(hello.extensions, [](const auto& e) { return e.type == 0x0000; });
}

// server_given_client_hello feeds a server the ClientHello of a client for
// "localhost", its server_name replaced by `name` (nullopt: none).
std::unique_ptr<ServerConnection> server_given_client_hello(const std::optional<std::string>& name) {
    auto server = std::make_unique<ServerConnection>(test::server_config(test::pki().server_p256));
    ClientConnection client(test::client_config(), "localhost");
    Bytes out(client.pending_output().begin(), client.pending_output().end());
    auto hello = msg::decode_client_hello(std::span<const std::uint8_t>(out).subspan(kRecordHeader + kHandshakeHeader));
    EXPECT_TRUE(hello.ok());
    drop_raw_server_name(*hello);
    hello->server_name = name;
    (void)server->read_in(record_of(msg::encode_message(*hello)));
    return server;
}

std::string labels(std::size_t count, std::size_t length) {
    std::string name;
    for (std::size_t i = 0; i < count; ++i) name += (i ? "." : "") + std::string(length, 'a');
    return name;
}

TEST(SniPolicy, HostNamesNoServerServesAreUnrecognizedName) {
    const std::string nul("local\0host", 10);
    const std::string long_name = labels(5, 50) + ".a";   // 256 bytes in labels of at most 63
    ASSERT_EQ(long_name.size(), 256u);
    for (const std::string& name : {nul, long_name, std::string(".localhost"), std::string("localhost."),
                                    std::string("local..host"), std::string(".")}) {
        SCOPED_TRACE(test::to_hex({reinterpret_cast<const std::uint8_t*>(name.data()), name.size()}));
        auto server = server_given_client_hello(name);
        ASSERT_TRUE(server->failed());
        EXPECT_EQ(server->error()->reason, Reason::unrecognized_server_name) << server->error()->message();
        EXPECT_EQ(server->error()->alert, Alert::unrecognized_name);
        EXPECT_EQ(queued_alert(*server), (Bytes{2, static_cast<std::uint8_t>(Alert::unrecognized_name)}));
    }
}

TEST(SniPolicy, AcceptsA255ByteNameAndNoName) {
    const std::string longest = labels(4, 63);   // 4 * 63 + 3 dots
    ASSERT_EQ(longest.size(), 255u);
    for (const std::optional<std::string>& name :
         {std::optional<std::string>(longest), std::optional<std::string>("a.b"), std::optional<std::string>()}) {
        auto server = server_given_client_hello(name);
        EXPECT_FALSE(server->failed()) << server->error()->message();
        EXPECT_FALSE(server->pending_output().empty()) << "no ServerHello";
    }
}

TEST(SniPolicy, AServerNameListThatDoesNotParseIsDecodeError) {
    auto server = std::make_unique<ServerConnection>(test::server_config(test::pki().server_p256));
    ClientConnection client(test::client_config(), "localhost");
    Bytes out(client.pending_output().begin(), client.pending_output().end());
    auto hello = msg::decode_client_hello(std::span<const std::uint8_t>(out).subspan(kRecordHeader + kHandshakeHeader));
    ASSERT_TRUE(hello.ok());
    drop_raw_server_name(*hello);
    hello->server_name.reset();
    // server_name_list of 5 bytes whose host_name claims 9.
    hello->extensions.push_back({0x0000, Bytes{0x00, 0x05, 0x00, 0x00, 0x09, 'a', 'b'}});
    ASSERT_FALSE(server->read_in(record_of(msg::encode_message(*hello))).ok());
    EXPECT_EQ(server->error()->alert, Alert::decode_error) << server->error()->message();
}

}  // namespace
}  // namespace tlspp
