#include "msg/handshake.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(Handshake12, EncodeMessageAddsTheFourByteHeader) {
    EXPECT_EQ(encode_message(ServerHelloDone{}), hex("0e 000000"));
    EXPECT_EQ(encode_message(Finished{hex(repeat("aa", 12))}), hex("14 00000c" + repeat("aa", 12)));
}

TEST(Handshake12, DecodesEachTls12MessageByType) {
    struct Case {
        HandshakeType type;
        Bytes body;
        std::string_view name;
    };
    ClientHello ch;
    ch.cipher_suites = {0xc02f};
    ServerHello sh;
    const Case cases[] = {
        {HandshakeType::hello_request, {}, "HelloRequest"},
        {HandshakeType::client_hello, body(ch), "ClientHello"},
        {HandshakeType::server_hello, body(sh), "ServerHello"},
        {HandshakeType::certificate, hex("000000"), "Certificate"},
        {HandshakeType::server_key_exchange, hex("03001d01aa04030000"), "ServerKeyExchange"},
        {HandshakeType::certificate_request, hex("01 01 0002 0401 0000"), "CertificateRequest"},
        {HandshakeType::server_hello_done, {}, "ServerHelloDone"},
        {HandshakeType::certificate_verify, hex("0804 0000"), "CertificateVerify"},
        {HandshakeType::client_key_exchange, hex("01 aa"), "ClientKeyExchange"},
        {HandshakeType::finished, hex(repeat("ab", 12)), "Finished"},
        {HandshakeType::new_session_ticket, hex("00000000 0000"), "NewSessionTicket"},
    };
    for (const auto& c : cases) {
        auto m = decode_handshake12(c.type, c.body);
        ASSERT_TRUE(m) << c.name << ": " << m.error().detail;
        EXPECT_EQ(message_name(*m), c.name);
    }
}

TEST(Handshake12, KeepsKeyExchangeBodiesForTheStateHandler) {
    auto ske = decode_handshake12(HandshakeType::server_key_exchange, hex("0102"));
    ASSERT_TRUE(ske);
    EXPECT_EQ(std::get<ServerKeyExchange>(*ske).body, hex("0102"));
    auto cke = decode_handshake12(HandshakeType::client_key_exchange, hex("0304"));
    ASSERT_TRUE(cke);
    EXPECT_EQ(std::get<ClientKeyExchange>(*cke).body, hex("0304"));
}

TEST(Handshake12, PassesOnTheMessageDecodersError) {
    EXPECT_TRUE(fails_with(decode_handshake12(HandshakeType::server_hello_done, hex("00")), Reason::trailing_bytes));
    EXPECT_TRUE(fails_with(decode_handshake12(HandshakeType::finished, {}), Reason::truncated));
}

TEST(Handshake12, RejectsTls13OnlyTypesAsUnexpected) {
    for (auto type : {HandshakeType::encrypted_extensions, HandshakeType::key_update,
                      HandshakeType::end_of_early_data, HandshakeType::certificate_status,
                      HandshakeType::message_hash}) {
        auto m = decode_handshake12(type, {});
        EXPECT_TRUE(fails_with(m, Reason::unexpected_handshake_message, Alert::unexpected_message))
            << static_cast<int>(type);
    }
}

TEST(Handshake12, RejectsAnUnassignedTypeAsUnexpected) {
    auto m = decode_handshake12(static_cast<HandshakeType>(99), {});
    EXPECT_TRUE(fails_with(m, Reason::unexpected_handshake_message, Alert::unexpected_message));
    EXPECT_NE(m.error().detail.find("99"), std::string::npos) << m.error().detail;
}

}  // namespace
}  // namespace tlspp::msg
