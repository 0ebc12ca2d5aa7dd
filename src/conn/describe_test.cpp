// describe: decoded messages as field trees named as in the RFCs.
#include "conn/describe.hpp"

#include <gtest/gtest.h>

#include "msg/handshake.hpp"
#include "support/hex.hpp"
#include "support/rfc8448.hpp"

namespace tlspp::conn {
namespace {

const Field* find(const std::vector<Field>& fields, std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

// The field at a path of names ("extensions", "key_share", "key_exchange"), or null.
const Field* at(const std::vector<Field>& fields, std::initializer_list<std::string_view> path) {
    const std::vector<Field>* level = &fields;
    const Field* f = nullptr;
    for (auto name : path) {
        f = find(*level, name);
        if (!f) return nullptr;
        level = &f->children;
    }
    return f;
}

std::string value_at(const std::vector<Field>& fields, std::initializer_list<std::string_view> path) {
    const Field* f = at(fields, path);
    return f ? f->value : "<missing>";
}

// An RFC 8448 message (with its 4-byte header) decoded as TLS 1.3 and described.
std::vector<Field> describe_rfc8448(std::string_view message_hex) {
    auto bytes = test::hex(message_hex);
    auto m = msg::decode_message(ProtocolVersion::tls13, static_cast<HandshakeType>(bytes[0]),
                                 msg::ByteView(bytes).subspan(4));
    EXPECT_TRUE(m) << (m ? "" : m.error().detail);
    return m ? describe(*m) : std::vector<Field>{};
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

TEST(Describe, Rfc8448ClientHelloShowsItsTls13FieldsUnderTheirRfc8446Names) {
    auto fields = describe_rfc8448(test::rfc8448::client_hello);
    EXPECT_EQ(value_at(fields, {"legacy_version"}), "TLS 1.2 (0x0303)");
    EXPECT_EQ(value_at(fields, {"legacy_session_id"}), "(empty)");
    EXPECT_EQ(value_at(fields, {"legacy_compression_methods", "compression_method"}), "null (0x00)");
    EXPECT_EQ(find(fields, "client_version"), nullptr);
    EXPECT_EQ(value_at(fields, {"cipher_suites"}), "3");
    EXPECT_EQ(at(fields, {"cipher_suites"})->children[0].value, "TLS_AES_128_GCM_SHA256 (0x1301)");
    EXPECT_EQ(value_at(fields, {"extensions", "supported_versions"}), "TLS 1.3 (0x0304)");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share"}), "1");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share", "key_share_entry"}), "x25519 (0x001d)");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share", "key_share_entry", "key_exchange"}),
              "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
    EXPECT_EQ(value_at(fields, {"extensions", "psk_key_exchange_modes"}), "psk_dhe_ke (0x01)");
}

TEST(Describe, Rfc8448ServerHelloShowsTheSelectedVersionAndTheServerShare) {
    auto fields = describe_rfc8448(test::rfc8448::server_hello);
    EXPECT_EQ(value_at(fields, {"legacy_version"}), "TLS 1.2 (0x0303)");
    EXPECT_EQ(value_at(fields, {"legacy_session_id_echo"}), "(empty)");
    EXPECT_EQ(value_at(fields, {"legacy_compression_method"}), "null (0x00)");
    EXPECT_EQ(value_at(fields, {"cipher_suite"}), "TLS_AES_128_GCM_SHA256 (0x1301)");
    EXPECT_EQ(value_at(fields, {"extensions", "supported_versions"}), "TLS 1.3 (0x0304)");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share"}), "x25519 (0x001d)");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share", "key_exchange"}),
              "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");
}

TEST(Describe, ATls12HelloKeepsTheRfc5246Names) {
    msg::ClientHello client;
    client.cipher_suites = {0xc02b};
    client.supported_versions = std::vector<std::uint16_t>{0x0303};
    auto c = describe(msg::Message{client});
    EXPECT_NE(find(c, "client_version"), nullptr);
    EXPECT_NE(find(c, "session_id"), nullptr);
    EXPECT_NE(find(c, "compression_methods"), nullptr);
    EXPECT_EQ(value_at(c, {"extensions", "supported_versions"}), "TLS 1.2 (0x0303)");
    msg::ServerHello server;
    auto s = describe(msg::Message{server});
    EXPECT_NE(find(s, "server_version"), nullptr);
    EXPECT_NE(find(s, "session_id"), nullptr);
    EXPECT_NE(find(s, "compression_method"), nullptr);
    EXPECT_EQ(message_label(msg::Message{server}), "ServerHello");
}

TEST(Describe, ClientHelloNamesGreaseAndEveryTls13Extension) {
    msg::ClientHello hello;
    hello.cipher_suites = {0x1301, 0x2a2a};
    hello.session_id.assign(32, 0x5a);   // RFC 8446 §D.4: compatibility mode's fake session ID
    hello.supported_versions = std::vector<std::uint16_t>{0x3a3a, 0x0304, 0x0303, 0x7f1c};
    hello.key_shares = std::vector<msg::KeyShareEntry>{{NamedGroup::secp256r1, msg::Bytes(65, 0x04)},
                                                       {NamedGroup::x25519, msg::Bytes{0xab, 0xcd}}};
    hello.cookie = msg::Bytes{0xc0, 0x01};
    hello.psk_key_exchange_modes = msg::Bytes{1, 0, 0x0b};
    hello.signature_algorithms_cert = std::vector<SignatureScheme>{SignatureScheme::rsa_pkcs1_sha256};
    hello.early_data = true;
    hello.post_handshake_auth = true;
    hello.extensions = {{0x1a1a, {}}};
    auto fields = describe(msg::Message{hello});
    EXPECT_EQ(value_at(fields, {"legacy_session_id"}), test::repeat("5a", 32));
    EXPECT_EQ(at(fields, {"cipher_suites"})->children.at(1).value, "GREASE (0x2a2a)");
    EXPECT_EQ(value_at(fields, {"extensions", "supported_versions"}),
              "GREASE (0x3a3a), TLS 1.3 (0x0304), TLS 1.2 (0x0303), unknown (0x7f1c)");
    const Field* shares = at(fields, {"extensions", "key_share"});
    ASSERT_NE(shares, nullptr);
    EXPECT_EQ(shares->value, "2");
    ASSERT_EQ(shares->children.size(), 2u);
    EXPECT_EQ(shares->children[0].value, "secp256r1 (0x0017)");
    EXPECT_EQ(shares->children[0].children.at(0).value, test::repeat("04", 65));
    EXPECT_EQ(shares->children[1].value, "x25519 (0x001d)");
    EXPECT_EQ(shares->children[1].children.at(0).value, "abcd");
    EXPECT_EQ(value_at(fields, {"extensions", "cookie"}), "c001");
    EXPECT_EQ(value_at(fields, {"extensions", "psk_key_exchange_modes"}),
              "psk_dhe_ke (0x01), psk_ke (0x00), GREASE (0x0b)");
    EXPECT_EQ(value_at(fields, {"extensions", "signature_algorithms_cert"}), "rsa_pkcs1_sha256 (0x0401)");
    EXPECT_EQ(value_at(fields, {"extensions", "early_data"}), "(empty)");
    EXPECT_EQ(value_at(fields, {"extensions", "post_handshake_auth"}), "(empty)");
    EXPECT_EQ(value_at(fields, {"extensions", "GREASE (0x1a1a)"}), "(empty)");
}

TEST(Describe, HelloRetryRequestIsNamedAsSuchWithItsSelectedGroupAndCookie) {
    msg::ServerHello hrr;
    hrr.random = msg::hello_retry_request_random;
    hrr.cipher_suite = 0x1301;
    hrr.selected_version = 0x0304;
    hrr.selected_group = NamedGroup::secp384r1;
    hrr.cookie = msg::Bytes{1, 2, 3};
    msg::Message m{hrr};
    EXPECT_EQ(message_label(m), "HelloRetryRequest");
    auto fields = describe(m);
    EXPECT_EQ(value_at(fields, {"random"}), "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    EXPECT_NE(find(fields, "legacy_session_id_echo"), nullptr);
    EXPECT_EQ(value_at(fields, {"extensions", "supported_versions"}), "TLS 1.3 (0x0304)");
    EXPECT_EQ(value_at(fields, {"extensions", "key_share", "selected_group"}), "secp384r1 (0x0018)");
    EXPECT_EQ(value_at(fields, {"extensions", "cookie"}), "010203");
}

TEST(Describe, EncryptedExtensionsWeBuiltListTheirTypedFields) {
    msg::EncryptedExtensions ee;
    ee.server_name_ack = true;
    ee.alpn = "h2";
    ee.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::ffdhe2048};
    ee.early_data = true;
    auto fields = describe(msg::Message{ee});
    EXPECT_EQ(value_at(fields, {"extensions"}), "4");
    EXPECT_EQ(value_at(fields, {"extensions", "server_name"}), "(empty: acknowledged)");
    EXPECT_EQ(value_at(fields, {"extensions", "application_layer_protocol_negotiation"}), "h2");
    EXPECT_EQ(value_at(fields, {"extensions", "supported_groups"}), "x25519 (0x001d), ffdhe2048 (0x0100)");
    EXPECT_EQ(value_at(fields, {"extensions", "early_data"}), "(empty)");
}

TEST(Describe, Rfc8448EncryptedExtensionsAndCertificate) {
    auto ee = describe_rfc8448(test::rfc8448::encrypted_extensions);
    EXPECT_EQ(value_at(ee, {"extensions", "supported_groups"}).substr(0, 15), "x25519 (0x001d)");
    EXPECT_EQ(value_at(ee, {"extensions", "server_name"}), "(empty: acknowledged)");
    auto certificate = describe_rfc8448(test::rfc8448::certificate);
    EXPECT_EQ(value_at(certificate, {"certificate_request_context"}), "(empty)");
    EXPECT_EQ(value_at(certificate, {"certificate_list"}), "1");
    EXPECT_EQ(value_at(certificate, {"certificate_list", "certificate", "subject"}), "CN=rsa");
}

TEST(Describe, CertificateEntriesShowTheirOwnExtensions) {
    auto rfc = test::hex(test::rfc8448::certificate);
    auto decoded = msg::decode_certificate13(msg::ByteView(rfc).subspan(4));
    ASSERT_TRUE(decoded);
    msg::Certificate13 certificate = *decoded;
    certificate.request_context = {0x07};
    certificate.entries[0].extensions = {{5, {0x01, 0x00, 0x00, 0x01, 0xee}}};   // status_request: an OCSP response
    auto fields = describe(msg::Message{certificate});
    EXPECT_EQ(value_at(fields, {"certificate_request_context"}), "07");
    EXPECT_EQ(value_at(fields, {"certificate_list", "certificate", "extensions"}), "1");
    EXPECT_EQ(value_at(fields, {"certificate_list", "certificate", "extensions", "status_request"}), "01000001ee");
}

TEST(Describe, CertificateRequest13WeBuiltListsItsSchemesAndAuthorities) {
    msg::CertificateRequest13 request;
    request.signature_algorithms = std::vector<SignatureScheme>{SignatureScheme::ecdsa_secp256r1_sha256};
    request.certificate_authorities = std::vector<msg::Bytes>{{0x30, 0x00}};
    auto fields = describe(msg::Message{request});
    EXPECT_EQ(value_at(fields, {"certificate_request_context"}), "(empty)");
    EXPECT_EQ(value_at(fields, {"extensions", "signature_algorithms"}), "ecdsa_secp256r1_sha256 (0x0403)");
    EXPECT_EQ(value_at(fields, {"extensions", "certificate_authorities"}), "1");
    EXPECT_EQ(value_at(fields, {"extensions", "certificate_authorities", "distinguished_name"}), "3000");
}

TEST(Describe, Rfc8448NewSessionTicketShowsEveryFieldAndMaxEarlyDataSize) {
    auto fields = describe_rfc8448(test::rfc8448::new_session_ticket);
    EXPECT_EQ(value_at(fields, {"ticket_lifetime"}), "30 s");
    EXPECT_EQ(value_at(fields, {"ticket_age_add"}), std::to_string(0xfad6aac5u));
    EXPECT_EQ(value_at(fields, {"ticket_nonce"}), "0000");
    EXPECT_EQ(value_at(fields, {"ticket"}).substr(0, 20), "178 bytes: 2c035d829");
    EXPECT_EQ(value_at(fields, {"extensions", "early_data", "max_early_data_size"}), "1024 bytes");
}

TEST(Describe, MalformedTls13ExtensionDataIsShownWithTheReason) {
    msg::NewSessionTicket13 ticket;
    ticket.ticket = {1};
    ticket.extensions = {{42, {0, 1, 2}}};   // early_data: max_early_data_size is a uint32
    EXPECT_NE(value_at(describe(msg::Message{ticket}), {"extensions", "early_data"}).find("does not decode"),
              std::string::npos);
    msg::ServerHello hello;
    hello.extensions = {{43, {3}}};   // supported_versions: one byte of a two-byte selected_version
    auto fields = describe(msg::Message{hello});
    EXPECT_NE(value_at(fields, {"extensions", "supported_versions"}).find("does not decode"), std::string::npos);
}

TEST(Describe, EndOfEarlyDataHasNoFieldsAndKeyUpdateNamesItsRequest) {
    EXPECT_TRUE(describe(msg::Message{msg::EndOfEarlyData{}}).empty());
    auto update = describe(msg::Message{msg::KeyUpdate{msg::KeyUpdate::update_not_requested}});
    ASSERT_EQ(update.size(), 1u);
    EXPECT_EQ(update[0].name, "request_update");
    EXPECT_EQ(update[0].value, "update_not_requested (0x00)");
}

TEST(Describe, CodePointsAreNamedWithTheirHexCode) {
    EXPECT_EQ(code_point("x25519", 29), "x25519 (0x001d)");
    EXPECT_EQ(code_point("", 0xabcd), "unknown (0xabcd)");
    EXPECT_EQ(code_point("null", 0, 2), "null (0x00)");
}

}  // namespace
}  // namespace tlspp::conn
