// A real TLS 1.2 handshake between OpenSSL 3.0.19 peers, captured with
//   openssl s_server -accept 127.0.0.1:PORT -cert cert.pem -key key.pem -tls1_2 -alpn h2,http/1.1 -www
//   openssl s_client -connect 127.0.0.1:PORT -tls1_2 -servername example.com -alpn h2,http/1.1 -msg
// with a throwaway P-256 certificate. Each string is a whole message, header included.
#include "msg/handshake.hpp"


#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

const char* const kClientHello =
    "010000d90303790890a7a4a6ecc1802b8f55eec5ff7ef624a66a1ac4d86926c3e0d59e29f600000038c02cc030009fcca9cca8ccaa"
    "c02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff0100007800000010"
    "000e00000b6578616d706c652e636f6d000b000403000102000a000c000a001d0017001e00190018002300000010000e000c0268"
    "3208687474702f312e310016000000170000000d002a0028040305030603080708080809080a080b08040805080604010501060103"
    "0303010302040205020602";
const char* const kServerHello =
    "020000460303ee8d9469cf999f4530c01d8afe065937ac77f7453c58a935fc844ba248831d0200c02c00001eff01000100000b00"
    "04030001020023000000100005000302683200170000";
const char* const kCertificate =
    "0b0001880001850001823082017e30820123a0030201020214352c186f817afed17202fb580b2b80144acefa58300a06082a8648"
    "ce3d04030230143112301006035504030c096c6f63616c686f7374301e170d3236313132333033353135395a170d323631313235"
    "3033353135395a30143112301006035504030c096c6f63616c686f73743059301306072a8648ce3d020106082a8648ce3d030107"
    "0342000480905497cc9d5d8c8de2da0fa5c302bddc0f2868a9045f2f224440f5e4d3ff9fc46bf8b42322fc472962d883566cc4ff"
    "5c16aa765fa3d01386c11e872507a387a3533051301d0603551d0e0416041436d479fcf2eb6122615af834b5952d86bb29ab2030"
    "1f0603551d2304183016801436d479fcf2eb6122615af834b5952d86bb29ab20300f0603551d130101ff040530030101ff300a06"
    "082a8648ce3d0403020349003046022100ce2d5b0d27ec959d96d9ebac1b5a3ef1237efe5c13614276a5005b03d7c7e48a022100"
    "cb380c876b84cdd5f042a51f10434ff2152c997dce817839f9a23b5560eb3e31";
const char* const kServerKeyExchange =
    "0c00006f03001d20154178b190f97ec8df7ae5bb5ecd9928fd481ff28e210d056d9a8e9c600d3c3404030047304502210097"
    "37d33419f2e09892b297f6825a4cbf7ccc0279edfbdea38d5560608d03d0e3022031c8e69128646c41b8894439d2d1d3c493bc6a"
    "b73b1bce03ca8473c3ba99f129";
const char* const kServerHelloDone = "0e000000";
const char* const kClientKeyExchange =
    "10000021201b15999e545cf5ae99424fe5064dbd8d694ef8ebebbd10653dc40017e256de2e";
const char* const kClientFinished = "1400000ca70f16002518d6ca291f50e5";
const char* const kNewSessionTicket =
    "040000b600001c2000b002c603e6262ac4e121316d7d0b5377014394527ef623ffae5a8b848246d774ba7251f171ff57ac551e"
    "a8d510353862d3bbf06df29b4233508762c266b5c6edbc7f5f774ccd66ed0c8fd8ec687f7c0dc913df63e1d0bf86adcffbeec808"
    "8a2c69bc86883017a9b8c4991e5607cd86ec59d235191fc5a373e79ee714eba586a064836146d95de82f4f15ea5a2c0f1ea41650"
    "dd6dd49fb12284f121d0001c1e8c647b703c40b94b51a20ca0755907bfe768";
const char* const kServerFinished = "1400000c030e09ce28848b667e899341";

// decode_whole strips and checks the 4-byte handshake header (RFC 5246 §7.4).
Result<Message> decode_whole(const char* message_hex) {
    auto bytes = hex(message_hex);
    wire::Reader r(bytes), body;
    HandshakeType type{};
    if (!r.value(type) || !r.u24_block(body, 0, 0xffffff) || !r.empty())
        return wire::decode_error("test header", Reason::truncated);
    return decode_message(ProtocolVersion::tls12, type, body.rest());
}

// reencode checks our encoder gives back OpenSSL's exact bytes.
template <class M>
void expect_reencodes(const Message& m, const char* message_hex) {
    EXPECT_EQ(test::to_hex(encode_message(std::get<M>(m))), test::to_hex(hex(message_hex)));
}

TEST(OpenSslTranscript, DecodesTheClientHello) {
    auto m = decode_whole(kClientHello);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& hello = std::get<ClientHello>(*m);
    EXPECT_EQ(hello.legacy_version, 0x0303);
    EXPECT_TRUE(hello.session_id.empty());
    ASSERT_EQ(hello.cipher_suites.size(), 28u);
    EXPECT_EQ(hello.cipher_suites.front(), 0xc02c);
    // OpenSSL signals RFC 5746 with the SCSV rather than an empty renegotiation_info.
    EXPECT_EQ(hello.cipher_suites.back(), 0x00ff);
    EXPECT_FALSE(hello.renegotiation_info);
    EXPECT_EQ(hello.compression_methods, hex("00"));
    EXPECT_EQ(hello.server_name, "example.com");
    EXPECT_EQ(hello.ec_point_formats, hex("000102"));
    EXPECT_EQ(hello.supported_groups,
              (std::vector<NamedGroup>{NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::x448,
                                       NamedGroup::secp521r1, NamedGroup::secp384r1}));
    EXPECT_EQ(hello.session_ticket, Bytes{});
    EXPECT_EQ(hello.alpn, (std::vector<std::string>{"h2", "http/1.1"}));
    EXPECT_TRUE(hello.extended_master_secret);
    ASSERT_TRUE(hello.signature_algorithms);
    ASSERT_EQ(hello.signature_algorithms->size(), 20u);
    EXPECT_EQ(hello.signature_algorithms->front(), SignatureScheme::ecdsa_secp256r1_sha256);
    EXPECT_EQ(hello.signature_algorithms->at(3), SignatureScheme::ed25519);
    std::vector<std::uint16_t> types;
    for (const auto& e : hello.extensions) types.push_back(e.type);
    EXPECT_EQ(types, (std::vector<std::uint16_t>{0, 11, 10, 35, 16, 22, 23, 13}));
}

TEST(OpenSslTranscript, ReencodesTheClientHelloByteForByte) {
    // A decoded hello keeps OpenSSL's extension order, and every extension's bytes.
    auto m = decode_whole(kClientHello);
    ASSERT_TRUE(m);
    expect_reencodes<ClientHello>(*m, kClientHello);
}

TEST(OpenSslTranscript, DecodesAndReencodesTheServerHello) {
    auto m = decode_whole(kServerHello);
    ASSERT_TRUE(m) << m.error().detail;
    const auto& hello = std::get<ServerHello>(*m);
    EXPECT_TRUE(hello.session_id.empty());
    EXPECT_EQ(hello.cipher_suite, 0xc02c);
    EXPECT_EQ(hello.compression_method, 0);
    EXPECT_EQ(hello.renegotiation_info, Bytes{});
    EXPECT_EQ(hello.ec_point_formats, hex("000102"));
    EXPECT_TRUE(hello.session_ticket);
    EXPECT_EQ(hello.alpn, "h2");
    EXPECT_TRUE(hello.extended_master_secret);
    EXPECT_FALSE(hello.server_name_ack);
    // A decoded hello keeps OpenSSL's order (ff01, 11, 35, 16, 23).
    expect_reencodes<ServerHello>(*m, kServerHello);
}

TEST(OpenSslTranscript, DecodesTheServerFlight) {
    auto cert = decode_whole(kCertificate);
    ASSERT_TRUE(cert) << cert.error().detail;
    ASSERT_EQ(std::get<Certificate>(*cert).chain.size(), 1u);
    EXPECT_EQ(std::get<Certificate>(*cert).chain[0].size(), 0x182u);
    expect_reencodes<Certificate>(*cert, kCertificate);

    auto ske = decode_whole(kServerKeyExchange);
    ASSERT_TRUE(ske) << ske.error().detail;
    auto params = decode_ecdhe_server_params(std::get<ServerKeyExchange>(*ske).body);
    ASSERT_TRUE(params) << params.error().detail;
    EXPECT_EQ(params->group, NamedGroup::x25519);
    EXPECT_EQ(params->public_key.size(), 32u);
    EXPECT_EQ(params->scheme, SignatureScheme::ecdsa_secp256r1_sha256);
    EXPECT_EQ(params->signature.size(), 0x47u);
    EXPECT_EQ(params->signed_params.size(), 4u + 32u);
    auto rebuilt = make_server_key_exchange(params->signed_params, params->scheme, params->signature);
    EXPECT_EQ(encode_message(rebuilt), hex(kServerKeyExchange));

    auto done = decode_whole(kServerHelloDone);
    ASSERT_TRUE(done);
    EXPECT_EQ(message_name(*done), "ServerHelloDone");
}

TEST(OpenSslTranscript, DecodesTheClientFlightAndTheTicket) {
    auto cke = decode_whole(kClientKeyExchange);
    ASSERT_TRUE(cke);
    auto point = decode_ecdhe_client_public(std::get<ClientKeyExchange>(*cke).body);
    ASSERT_TRUE(point) << point.error().detail;
    EXPECT_EQ(point->size(), 32u);
    EXPECT_EQ(encode_message(make_ecdhe_client_key_exchange(*point)), hex(kClientKeyExchange));

    for (const char* finished : {kClientFinished, kServerFinished}) {
        auto fin = decode_whole(finished);
        ASSERT_TRUE(fin);
        EXPECT_EQ(std::get<Finished>(*fin).verify_data.size(), 12u);
        expect_reencodes<Finished>(*fin, finished);
    }

    auto ticket = decode_whole(kNewSessionTicket);
    ASSERT_TRUE(ticket) << ticket.error().detail;
    EXPECT_EQ(std::get<NewSessionTicket12>(*ticket).lifetime_hint, 7200u);
    EXPECT_EQ(std::get<NewSessionTicket12>(*ticket).ticket.size(), 0xb0u);
    expect_reencodes<NewSessionTicket12>(*ticket, kNewSessionTicket);
}

TEST(OpenSslTranscript, EveryTruncatedClientHelloFails) {
    auto bytes = hex(kClientHello);
    Bytes body_bytes(bytes.begin() + 4, bytes.end());
    const std::size_t without_extensions = 2 + 32 + 1 + 2 + 56 + 2;
    expect_every_truncation_fails(body_bytes, [](auto b) { return decode_client_hello(b); }, {without_extensions});
}

}  // namespace
}  // namespace tlspp::msg
