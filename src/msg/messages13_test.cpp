#include "msg/messages13.hpp"

#include "msg/handshake.hpp"
#include "msg/test_support.hpp"
#include "support/rfc8448.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;
namespace rfc8448 = test::rfc8448;

// decode13 decodes a whole RFC 8448 message (header + body) as TLS 1.3.
Result<Message> decode13(std::string_view message_hex) {
    const Bytes whole = hex(std::string(message_hex));
    return decode_message(ProtocolVersion::tls13, static_cast<HandshakeType>(whole.at(0)),
                          ByteView(whole).subspan(4));
}

template <class M>
void expect_reencodes(std::string_view message_hex) {
    auto m = decode13(message_hex);
    ASSERT_TRUE(m) << m.error().detail;
    ASSERT_TRUE(std::holds_alternative<M>(*m));
    EXPECT_EQ(encode_message(std::get<M>(*m)), hex(std::string(message_hex)));
}

TEST(Messages13, EncryptedExtensionsFromRfc8448) {
    auto m = decode13(rfc8448::encrypted_extensions);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& ee = std::get<EncryptedExtensions>(*m);
    ASSERT_EQ(ee.extensions.size(), 3u);   // supported_groups, record_size_limit, server_name
    EXPECT_EQ(ee.extensions[0].type, 10);
    EXPECT_EQ(ee.extensions[1].type, 28);
    EXPECT_EQ(ee.extensions[2].type, 0);
    EXPECT_TRUE(ee.extensions[2].data.empty());
    expect_reencodes<EncryptedExtensions>(rfc8448::encrypted_extensions);
}

TEST(Messages13, CertificateFromRfc8448) {
    auto m = decode13(rfc8448::certificate);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& cert = std::get<Certificate13>(*m);
    EXPECT_TRUE(cert.request_context.empty());
    ASSERT_EQ(cert.entries.size(), 1u);
    EXPECT_EQ(cert.entries[0].cert_data.size(), 0x1b0u);
    EXPECT_EQ(cert.entries[0].cert_data[0], 0x30);   // a DER SEQUENCE
    EXPECT_TRUE(cert.entries[0].extensions.empty());
    expect_reencodes<Certificate13>(rfc8448::certificate);
}

TEST(Messages13, NewSessionTicketFromRfc8448) {
    auto m = decode13(rfc8448::new_session_ticket);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& t = std::get<NewSessionTicket13>(*m);
    EXPECT_EQ(t.lifetime, 30u);
    EXPECT_EQ(t.age_add, 0xfad6aac5u);
    EXPECT_EQ(t.nonce, hex("0000"));
    EXPECT_EQ(t.ticket.size(), 0xb2u);
    ASSERT_EQ(t.extensions.size(), 1u);   // early_data, max_early_data_size 1024
    EXPECT_EQ(t.extensions[0].type, 42);
    EXPECT_EQ(t.extensions[0].data, hex("00000400"));
    expect_reencodes<NewSessionTicket13>(rfc8448::new_session_ticket);
}

TEST(Messages13, CertificateRequestWithContextAndExtensions) {
    // RFC 8446 §4.3.2: context, then signature_algorithms (required).
    const Bytes body = hex("02 abcd 0008 000d 0004 0002 0804");
    auto m = decode_message(ProtocolVersion::tls13, HandshakeType::certificate_request, body);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& request = std::get<CertificateRequest13>(*m);
    EXPECT_EQ(request.request_context, hex("abcd"));
    ASSERT_EQ(request.extensions.size(), 1u);
    EXPECT_EQ(request.extensions[0].type, 13);
    EXPECT_EQ(encode_message(request), hex("0d 00000d 02 abcd 0008 000d 0004 0002 0804"));
    // extensions<2..2^16-1>: an empty block is too short.
    EXPECT_TRUE(fails_with(decode_certificate_request13(hex("00 0000")), Reason::length_out_of_range));
}

TEST(Messages13, EndOfEarlyDataKeyUpdateAndMessageHash) {
    // RFC 8448 §4: {client} the EndOfEarlyData handshake message is 05 000000.
    EXPECT_EQ(encode_message(EndOfEarlyData{}), hex("05 000000"));
    EXPECT_TRUE(decode_message(ProtocolVersion::tls13, HandshakeType::end_of_early_data, {}));
    EXPECT_TRUE(fails_with(decode_end_of_early_data(hex("00")), Reason::trailing_bytes));

    auto update = decode_message(ProtocolVersion::tls13, HandshakeType::key_update, hex("01"));
    ASSERT_TRUE(update) << update.error().detail;
    EXPECT_EQ(std::get<KeyUpdate>(*update).request_update, KeyUpdate::update_requested);
    EXPECT_EQ(encode_message(KeyUpdate{}), hex("18 000001 00"));
    EXPECT_TRUE(fails_with(decode_key_update({}), Reason::truncated));
    EXPECT_TRUE(fails_with(decode_key_update(hex("0000")), Reason::trailing_bytes));

    // RFC 8446 §4.4.1: message_hash, 00 00 Hash.length Hash(ClientHello1).
    const Bytes hash(32, 0x5a);
    EXPECT_EQ(encode_message(MessageHash{hash}), hex("fe 000020" + repeat("5a", 32)));
    EXPECT_TRUE(fails_with(decode_message_hash({}), Reason::truncated));
}

TEST(Messages13, RejectsMalformedBodies) {
    // Certificate: an entry without its extensions block.
    EXPECT_TRUE(fails_with(decode_certificate13(hex("00 000004 000001 aa")), Reason::truncated));
    // Certificate: an empty cert_data (<1..2^24-1>).
    EXPECT_TRUE(fails_with(decode_certificate13(hex("00 000005 000000 0000")), Reason::length_out_of_range));
    // NewSessionTicket: an empty ticket (<1..2^16-1>).
    EXPECT_TRUE(fails_with(decode_new_session_ticket13(hex("00000001 00000002 00 0000 0000")),
                           Reason::length_out_of_range));
    // EncryptedExtensions: a duplicate extension.
    EXPECT_TRUE(fails_with(decode_encrypted_extensions(hex("0008 0000 0000 0000 0000")),
                           Reason::duplicate_extension));
}

}  // namespace
}  // namespace tlspp::msg
