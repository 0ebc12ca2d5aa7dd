#include "msg/handshake.hpp"

#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

TEST(Message, EncodeMessageAddsTheFourByteHeader) {
    EXPECT_EQ(encode_message(ServerHelloDone{}), hex("0e 000000"));
    EXPECT_EQ(encode_message(Finished{hex(repeat("aa", 12))}), hex("14 00000c" + repeat("aa", 12)));
}

TEST(Message, DecodesEachTls12MessageByType) {
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
        auto m = decode_message(ProtocolVersion::tls12, c.type, c.body);
        ASSERT_TRUE(m) << c.name << ": " << m.error().detail;
        EXPECT_EQ(message_name(*m), c.name);
    }
}

TEST(Message, KeepsKeyExchangeBodiesForTheStateHandler) {
    auto ske = decode_message(ProtocolVersion::tls12, HandshakeType::server_key_exchange, hex("0102"));
    ASSERT_TRUE(ske);
    EXPECT_EQ(std::get<ServerKeyExchange>(*ske).body, hex("0102"));
    auto cke = decode_message(ProtocolVersion::tls12, HandshakeType::client_key_exchange, hex("0304"));
    ASSERT_TRUE(cke);
    EXPECT_EQ(std::get<ClientKeyExchange>(*cke).body, hex("0304"));
}

TEST(Message, PassesOnTheMessageDecodersError) {
    EXPECT_TRUE(fails_with(decode_message(ProtocolVersion::tls12, HandshakeType::server_hello_done, hex("00")), Reason::trailing_bytes));
    EXPECT_TRUE(fails_with(decode_message(ProtocolVersion::tls12, HandshakeType::finished, {}), Reason::truncated));
}

// Types without a codec yet: the decoder says so; whether the type is
// acceptable is never its question (the state machine judges first).
TEST(Message, FailsOnTypesWithoutACodecAsUnexpected) {
    for (auto type : {HandshakeType::certificate_status}) {
        auto m = decode_message(ProtocolVersion::tls12, type, {});
        EXPECT_TRUE(fails_with(m, Reason::unexpected_handshake_message, Alert::unexpected_message))
            << static_cast<int>(type);
        EXPECT_NE(m.error().detail.find(std::string(name(type))), std::string::npos) << m.error().detail;
    }
}

// The version picks the form: the messages whose syntax RFC 8446 kept
// decode the same under TLS 1.3; the ones it changed (§4.4.2 Certificate,
// §4.3.2 CertificateRequest, §4.6.1 NewSessionTicket) decode in their 1.3
// form. A 1.3-only message decodes under 1.2 too: only the state machine
// refuses it (the decoder judges syntax, never the version).
TEST(Message, DecodesByVersionAndType) {
    ClientHello ch;
    ch.cipher_suites = {0x1301};
    auto hello = decode_message(ProtocolVersion::tls13, HandshakeType::client_hello, body(ch));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_TRUE(std::holds_alternative<ClientHello>(*hello));
    auto finished = decode_message(ProtocolVersion::tls13, HandshakeType::finished, hex(repeat("ab", 32)));
    ASSERT_TRUE(finished) << finished.error().detail;
    EXPECT_EQ(std::get<Finished>(*finished).verify_data.size(), 32u);

    auto cert12 = decode_message(ProtocolVersion::tls12, HandshakeType::certificate, hex("000000"));
    auto cert13 = decode_message(ProtocolVersion::tls13, HandshakeType::certificate, hex("00 000000"));
    ASSERT_TRUE(cert12 && cert13);
    EXPECT_TRUE(std::holds_alternative<Certificate>(*cert12));
    EXPECT_TRUE(std::holds_alternative<Certificate13>(*cert13));
    auto request12 =
        decode_message(ProtocolVersion::tls12, HandshakeType::certificate_request, hex("01 01 0002 0401 0000"));
    auto request13 =
        decode_message(ProtocolVersion::tls13, HandshakeType::certificate_request, hex("00 0008 000d 0004 0002 0403"));   // signature_algorithms {ecdsa_secp256r1_sha256}
    ASSERT_TRUE(request12 && request13);
    EXPECT_TRUE(std::holds_alternative<CertificateRequest>(*request12));
    EXPECT_TRUE(std::holds_alternative<CertificateRequest13>(*request13));
    auto ticket12 = decode_message(ProtocolVersion::tls12, HandshakeType::new_session_ticket, hex("00000000 0000"));
    auto ticket13 = decode_message(ProtocolVersion::tls13, HandshakeType::new_session_ticket,
                                   hex("00000000 00000000 00 0001 aa 0000"));
    ASSERT_TRUE(ticket12 && ticket13);
    EXPECT_TRUE(std::holds_alternative<NewSessionTicket12>(*ticket12));
    EXPECT_TRUE(std::holds_alternative<NewSessionTicket13>(*ticket13));

    auto ee = decode_message(ProtocolVersion::tls12, HandshakeType::encrypted_extensions, hex("0000"));
    ASSERT_TRUE(ee) << ee.error().detail;
    EXPECT_TRUE(std::holds_alternative<EncryptedExtensions>(*ee));
}

// One name per message, for the decoded message and for its type alike,
// ChangeCipherSpec included; every assigned type has one.
TEST(Message, NamesEveryMessageOnce) {
    EXPECT_EQ(message_name(Message(ChangeCipherSpec{})), "ChangeCipherSpec");
    EXPECT_EQ(message_type(Message(ChangeCipherSpec{})), std::nullopt);
    EXPECT_EQ(message_name(Message(ServerHelloDone{})), message_name(HandshakeType::server_hello_done));
    EXPECT_EQ(message_type(Message(Finished{})), HandshakeType::finished);
    EXPECT_EQ(message_name(HandshakeType::encrypted_extensions), "EncryptedExtensions");
    EXPECT_EQ(message_name(HandshakeType::key_update), "KeyUpdate");
    EXPECT_EQ(message_name(HandshakeType::end_of_early_data), "EndOfEarlyData");
    for (unsigned t = 0; t < 256; ++t) {
        const auto type = static_cast<HandshakeType>(t);
        EXPECT_EQ(message_name(type).empty(), name(type).empty()) << t;
    }
    EXPECT_EQ(message_name(static_cast<HandshakeType>(99)), "");
}

TEST(Message, RejectsAnUnassignedTypeAsUnexpected) {
    auto m = decode_message(ProtocolVersion::tls12, static_cast<HandshakeType>(99), {});
    EXPECT_TRUE(fails_with(m, Reason::unexpected_handshake_message, Alert::unexpected_message));
    EXPECT_NE(m.error().detail.find("99"), std::string::npos) << m.error().detail;
}

}  // namespace
}  // namespace tlspp::msg
