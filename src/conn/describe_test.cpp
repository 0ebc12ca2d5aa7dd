// describe: decoded messages as field trees named as in the RFCs.
#include "conn/describe.hpp"

#include <gtest/gtest.h>

#include "msg/handshake.hpp"

namespace tlspp::conn {
namespace {

const Field* find(const std::vector<Field>& fields, std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

TEST(Describe, ClientHelloListsSuitesByNameAndCodeAndItsExtensions) {
    msg::ClientHello hello;
    hello.random.fill(0xab);
    hello.cipher_suites = {0xc02f, 0x1234};
    hello.server_name = "example.org";
    hello.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519};
    hello.extended_master_secret = true;
    auto fields = describe(msg::Message{hello});
    ASSERT_NE(find(fields, "client_version"), nullptr);
    EXPECT_EQ(find(fields, "client_version")->value, "TLS 1.2 (0x0303)");
    std::string random;
    for (int i = 0; i < 32; ++i) random += "ab";
    EXPECT_EQ(find(fields, "random")->value, random);
    const Field* suites = find(fields, "cipher_suites");
    ASSERT_NE(suites, nullptr);
    ASSERT_EQ(suites->children.size(), 2u);
    EXPECT_EQ(suites->children[0].value, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)");
    EXPECT_EQ(suites->children[1].value, "unknown (0x1234)");
    const Field* extensions = find(fields, "extensions");
    ASSERT_NE(extensions, nullptr);
    ASSERT_NE(find(extensions->children, "server_name"), nullptr);
    EXPECT_EQ(find(extensions->children, "server_name")->value, "example.org");
    EXPECT_EQ(find(extensions->children, "supported_groups")->value, "x25519 (0x001d)");
    EXPECT_NE(find(extensions->children, "extended_master_secret"), nullptr);
}

TEST(Describe, EcdheServerKeyExchangeShowsCurveKeyAndSignature) {
    auto params = msg::encode_ecdhe_params(NamedGroup::x25519, std::vector<std::uint8_t>(32, 0x11));
    auto ske = msg::make_server_key_exchange(params, SignatureScheme::ecdsa_secp256r1_sha256,
                                             std::vector<std::uint8_t>{1, 2, 3});
    auto fields = describe(msg::Message{ske});
    ASSERT_NE(find(fields, "named_curve"), nullptr);
    EXPECT_EQ(find(fields, "named_curve")->value, "x25519 (0x001d)");
    EXPECT_EQ(find(fields, "public")->value, std::string(64, '1'));
    EXPECT_EQ(find(fields, "signature_algorithm")->value, "ecdsa_secp256r1_sha256 (0x0403)");
    EXPECT_EQ(find(fields, "signature")->value, "010203");
}

TEST(Describe, UndecodableServerKeyExchangeFallsBackToHex) {
    msg::ServerKeyExchange ske{{0xde, 0xad}};
    auto fields = describe(msg::Message{ske});
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].name, "params");
    EXPECT_EQ(fields[0].value, "dead");
}

TEST(Describe, FinishedAndChangeCipherSpec) {
    auto finished = describe(msg::Message{msg::Finished{{0x01, 0xff}}});
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].name, "verify_data");
    EXPECT_EQ(finished[0].value, "01ff");
    auto ccs = describe(msg::Message{msg::ChangeCipherSpec{}});
    ASSERT_EQ(ccs.size(), 1u);
    EXPECT_EQ(describe(msg::Message{msg::ServerHelloDone{}}).size(), 0u);
}

TEST(Describe, EcdheClientKeyExchangeIsEcdhYc) {
    auto cke = msg::make_ecdhe_client_key_exchange(std::vector<std::uint8_t>(32, 0x22));
    auto fields = describe(msg::Message{cke});
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].name, "ecdh_Yc");
}

TEST(Describe, Tls13MessagesNameTheirFieldsAsRfc8446Does) {
    msg::EncryptedExtensions ee;
    ee.extensions = {{0, {}}};   // server_name acknowledged
    auto ee_fields = describe(msg::Message{ee});
    ASSERT_EQ(ee_fields.size(), 1u);
    ASSERT_EQ(ee_fields[0].children.size(), 1u);
    EXPECT_EQ(ee_fields[0].children[0].name, "server_name");

    auto update = describe(msg::Message{msg::KeyUpdate{msg::KeyUpdate::update_requested}});
    ASSERT_EQ(update.size(), 1u);
    EXPECT_EQ(update[0].value, "update_requested (0x01)");
    EXPECT_EQ(describe(msg::Message{msg::KeyUpdate{7}})[0].value, "unknown (0x07)");

    msg::NewSessionTicket13 ticket;
    ticket.lifetime = 30;
    ticket.ticket = {0xaa};
    auto ticket_fields = describe(msg::Message{ticket});
    ASSERT_NE(find(ticket_fields, "ticket_lifetime"), nullptr);
    EXPECT_EQ(find(ticket_fields, "ticket_lifetime")->value, "30 s");
    EXPECT_NE(find(ticket_fields, "ticket_nonce"), nullptr);

    msg::Certificate13 certificate;
    auto certificate_fields = describe(msg::Message{certificate});
    ASSERT_NE(find(certificate_fields, "certificate_request_context"), nullptr);
    EXPECT_EQ(find(certificate_fields, "certificate_list")->value, "0");
}

TEST(Describe, CodePointsAreNamedWithTheirHexCode) {
    EXPECT_EQ(code_point("x25519", 29), "x25519 (0x001d)");
    EXPECT_EQ(code_point("", 0xabcd), "unknown (0xabcd)");
    EXPECT_EQ(code_point("null", 0, 2), "null (0x00)");
}

}  // namespace
}  // namespace tlspp::conn
