// The TLS 1.3 extensions of the hellos (RFC 8446 §4.2), decoded from RFC
// 8448's trace and round-tripped.
#include "msg/client_hello.hpp"
#include "msg/handshake.hpp"
#include "msg/server_hello.hpp"
#include "msg/test_support.hpp"
#include "support/rfc8448.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;
namespace rfc8448 = test::rfc8448;

// body_of is a whole message's body (after the 4-byte handshake header).
Bytes body_of(std::string_view message_hex) {
    const Bytes whole = hex(std::string(message_hex));
    return Bytes(whole.begin() + 4, whole.end());
}

TEST(Hello13, ClientHelloFromRfc8448HasTheTls13Extensions) {
    auto m = decode_client_hello(body_of(rfc8448::client_hello));
    ASSERT_TRUE(m) << m.error().detail;
    ASSERT_TRUE(m->supported_versions);
    EXPECT_EQ(*m->supported_versions, std::vector<std::uint16_t>{0x0304});
    ASSERT_TRUE(m->key_shares);
    ASSERT_EQ(m->key_shares->size(), 1u);
    EXPECT_EQ((*m->key_shares)[0].group, NamedGroup::x25519);
    EXPECT_EQ((*m->key_shares)[0].key_exchange,
              hex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
    ASSERT_TRUE(m->psk_key_exchange_modes);
    EXPECT_EQ(*m->psk_key_exchange_modes, Bytes{1});   // psk_dhe_ke
    EXPECT_FALSE(m->cookie);
    // A decoded ClientHello re-encodes in the order it arrived: byte for byte.
    EXPECT_EQ(test::to_hex(encode_message(*m)), test::to_hex(hex(std::string(rfc8448::client_hello))));
}

TEST(Hello13, ServerHelloFromRfc8448ReencodesByteForByte) {
    auto m = decode_server_hello(body_of(rfc8448::server_hello));
    ASSERT_TRUE(m) << m.error().detail;
    EXPECT_EQ(test::to_hex(encode_message(*m)), test::to_hex(hex(std::string(rfc8448::server_hello))));
}

TEST(Hello13, ServerHelloFromRfc8448HasVersionAndShare) {
    auto m = decode_server_hello(body_of(rfc8448::server_hello));
    ASSERT_TRUE(m) << m.error().detail;
    EXPECT_FALSE(m->is_hello_retry_request());
    EXPECT_EQ(m->selected_version, std::optional<std::uint16_t>(0x0304));
    ASSERT_TRUE(m->key_share);
    EXPECT_EQ(m->key_share->group, NamedGroup::x25519);
    EXPECT_EQ(m->key_share->key_exchange.size(), 32u);
    EXPECT_FALSE(m->selected_group);
}

TEST(Hello13, HelloRetryRequestCarriesTheSelectedGroupAndCookie) {
    ServerHello hrr;
    hrr.random = hello_retry_request_random;
    hrr.cipher_suite = 0x1301;
    hrr.selected_version = 0x0304;
    hrr.selected_group = NamedGroup::secp256r1;
    hrr.cookie = Bytes{1, 2, 3};
    const Bytes encoded = encode_message(hrr);
    auto m = decode_server_hello(ByteView(encoded).subspan(4));
    ASSERT_TRUE(m) << m.error().detail;
    EXPECT_TRUE(m->is_hello_retry_request());
    EXPECT_EQ(m->selected_group, std::optional<NamedGroup>(NamedGroup::secp256r1));
    EXPECT_FALSE(m->key_share);
    EXPECT_EQ(m->cookie, std::optional<Bytes>(Bytes{1, 2, 3}));
    EXPECT_EQ(encode_message(*m), encoded);
}

TEST(Hello13, MalformedTls13ExtensionsAreDecodeErrors) {
    const struct {
        ExtensionType type;
        Bytes data;
    } cases[] = {
        {ExtensionType::supported_versions, {0x01, 0x03}},               // odd list length
        {ExtensionType::supported_versions, {0x00}},                     // empty list (<2..254>)
        {ExtensionType::key_share, {0x00, 0x04, 0x00, 0x1d, 0x00, 0x00}},   // empty key_exchange
        {ExtensionType::key_share, {0x00, 0x03, 0x00, 0x1d, 0x00}},          // truncated entry
        {ExtensionType::cookie, {0x00, 0x00}},                           // empty cookie
        {ExtensionType::psk_key_exchange_modes, {0x00}},                 // no mode
        {ExtensionType::early_data, {0x00}},                             // not empty
    };
    for (const auto& c : cases) {
        ClientHello hello;
        hello.cipher_suites = {0x1301};
        hello.extensions.push_back({static_cast<std::uint16_t>(c.type), c.data});
        const Bytes encoded = encode_message(hello);
        auto m = decode_client_hello(ByteView(encoded).subspan(4));
        ASSERT_FALSE(m) << name(c.type);
        EXPECT_EQ(m.error().alert, Alert::decode_error) << name(c.type);
    }
}

TEST(Hello13, ClientHelloTls13FieldsRoundTrip) {
    ClientHello hello;
    hello.cipher_suites = {0x1301, 0x1302};
    hello.supported_versions = std::vector<std::uint16_t>{0x0304, 0x0303};
    hello.key_shares = std::vector<KeyShareEntry>{{NamedGroup::x25519, Bytes(32, 7)}, {NamedGroup::secp256r1, Bytes(65, 4)}};
    hello.cookie = Bytes{9, 9};
    hello.psk_key_exchange_modes = Bytes{1};
    hello.signature_algorithms_cert = std::vector<SignatureScheme>{SignatureScheme::ed25519};
    hello.early_data = true;
    hello.post_handshake_auth = true;
    const Bytes encoded = encode_message(hello);
    auto m = decode_client_hello(ByteView(encoded).subspan(4));
    ASSERT_TRUE(m) << m.error().detail;
    EXPECT_EQ(m->supported_versions, hello.supported_versions);
    EXPECT_EQ(m->key_shares, hello.key_shares);
    EXPECT_EQ(m->cookie, hello.cookie);
    EXPECT_EQ(m->psk_key_exchange_modes, hello.psk_key_exchange_modes);
    EXPECT_EQ(m->signature_algorithms_cert, hello.signature_algorithms_cert);
    EXPECT_TRUE(m->early_data);
    EXPECT_TRUE(m->post_handshake_auth);
    EXPECT_EQ(encode_message(*m), encoded);
}

}  // namespace
}  // namespace tlspp::msg
