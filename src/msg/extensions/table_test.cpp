#include "msg/extensions/table.hpp"

#include <map>
#include <set>

#include "conn/alerts.hpp"
#include "msg/client_hello.hpp"
#include "msg/messages13.hpp"
#include "msg/server_hello.hpp"
#include "msg/test_support.hpp"

namespace tlspp::msg {
namespace {

using namespace testing;

constexpr MessageKind all_kinds[] = {
    MessageKind::client_hello,         MessageKind::server_hello12,        MessageKind::server_hello13,
    MessageKind::hello_retry_request,  MessageKind::encrypted_extensions,  MessageKind::certificate13,
    MessageKind::certificate_request13, MessageKind::new_session_ticket13,
};

std::uint16_t code(ExtensionType t) { return static_cast<std::uint16_t>(t); }

// A well-formed extension_data per (type, message struct), in the form that
// message holds it; a row with a field codec but no sample fails below.
struct Sample {
    std::uint16_t type;
    std::string data_hex;
};
const std::map<std::string, std::vector<Sample>> kSamples = {
    {"ClientHello",
     {{0, "000e00000b6578616d706c652e636f6d"}, {11, "0100"}, {10, "0004001d0017"}, {35, "deadbeef"},
      {16, "000c02683208687474702f312e31"}, {22, ""}, {23, ""}, {13, "000408040403"}, {0xff01, "00"},
      {43, "0403040303"}, {51, "0008001d000401020304"}, {45, "0101"}, {44, "0002abcd"}, {50, "00020807"},
      {42, ""}, {49, ""}}},
    {"ServerHello",
     {{0, ""}, {11, "0100"}, {35, ""}, {16, "0003026832"}, {22, ""}, {23, ""}, {0xff01, "00"}, {43, "0304"},
      {51, "001d000401020304"}, {44, "0002abcd"}}},
    {"EncryptedExtensions", {{0, ""}, {10, "0004001d0017"}, {16, "0003026832"}, {42, ""}}},
    {"CertificateRequest", {{13, "000408040403"}, {50, "00020807"}, {47, "00050003300100"}}},
};

const Sample* sample_for(const std::string& message, std::uint16_t type) {
    for (const auto& s : kSamples.at(message))
        if (s.type == type) return &s;
    return nullptr;
}

// round_trip decodes `sample` with the row's codec for M into a fresh M, checks
// that it says present, and encodes it back to the same bytes.
template <class M>
void round_trip(const ExtensionRow& row, const std::string& message, M fresh = {}) {
    const FieldCodec<M>* codec = row.field<M>();
    if (!codec) return;
    const Sample* sample = sample_for(message, row.type);
    ASSERT_NE(sample, nullptr) << message << " has a field for " << row.name << " but the test no sample";
    const Bytes data = hex(sample->data_hex);
    EXPECT_FALSE(codec->present(fresh)) << message << "." << row.name;
    ASSERT_TRUE(codec->decode(fresh, data, row.name)) << message << "." << row.name;
    EXPECT_TRUE(codec->present(fresh)) << message << "." << row.name;
    Bytes out;
    wire::Writer w(out);
    codec->encode(w, fresh);
    EXPECT_EQ(test::to_hex(out), test::to_hex(data)) << message << "." << row.name;
}

TEST(ExtensionTable, EveryFieldCodecRoundTripsItsExtension) {
    for (const auto& row : extension_table()) {
        round_trip<ClientHello>(row, "ClientHello");
        round_trip<ServerHello>(row, "ServerHello");
        round_trip<EncryptedExtensions>(row, "EncryptedExtensions");
        round_trip<CertificateRequest13>(row, "CertificateRequest");
    }
}

TEST(ExtensionTable, EveryRowRoundTripsThroughEachMessageThatMayCarryIt) {
    // A message with only that extension, its data kept raw: decoded and
    // encoded again it gives the same bytes, and re-decodes to the same list.
    for (const auto& row : extension_table()) {
        const auto check = [&](auto decode, auto built, const std::string& message) {
            const Sample* sample = sample_for(message, row.type);
            built.extensions = {{row.type, sample ? hex(sample->data_hex) : Bytes{}}};
            const Bytes bytes = body(built);
            auto decoded = decode(ByteView(bytes));
            ASSERT_TRUE(decoded) << message << "." << row.name << ": " << decoded.error().detail;
            EXPECT_EQ(test::to_hex(body(*decoded)), test::to_hex(bytes)) << message << "." << row.name;
        };
        ClientHello ch;
        ch.cipher_suites = {0x1301};
        if (row.allowed.contains(MessageKind::client_hello)) check(decode_client_hello, ch, "ClientHello");
        if (row.allowed.contains(MessageKind::server_hello12) || row.allowed.contains(MessageKind::server_hello13))
            check(decode_server_hello, ServerHello{}, "ServerHello");
        if (row.allowed.contains(MessageKind::encrypted_extensions))
            check(decode_encrypted_extensions, EncryptedExtensions{}, "EncryptedExtensions");
        if (row.allowed.contains(MessageKind::certificate_request13))
            check(decode_certificate_request13, CertificateRequest13{}, "CertificateRequest");
    }
}

TEST(ExtensionTable, EveryRowHasAUniqueTypeANameAndSomeMessage) {
    std::set<std::uint16_t> types;
    for (const auto& row : extension_table()) {
        EXPECT_TRUE(types.insert(row.type).second) << row.name;
        EXPECT_FALSE(row.name.empty()) << row.type;
        EXPECT_FALSE(row.allowed.empty()) << row.name;
        EXPECT_EQ(find_extension(row.type), &row) << row.name;
        // The names of the types tlspp has an enumerator for agree with wire/names.
        if (auto n = name(static_cast<ExtensionType>(row.type)); !n.empty()) {
            EXPECT_EQ(n, row.name);
        }
    }
    EXPECT_EQ(find_extension(0xfafa), nullptr);
}

TEST(ExtensionTable, HelloRetryRequestKeyShareIsTheSelectedGroup) {
    ServerHello hrr;
    hrr.random = hello_retry_request_random;
    const ExtensionRow* row = find_extension(code(ExtensionType::key_share));
    ASSERT_TRUE(row->field<ServerHello>()->decode(hrr, hex("0017"), row->name));
    EXPECT_EQ(hrr.selected_group, NamedGroup::secp256r1);
    EXPECT_FALSE(hrr.key_share);
    Bytes out;
    wire::Writer w(out);
    row->field<ServerHello>()->encode(w, hrr);
    EXPECT_EQ(out, hex("0017"));
    // A ServerHello's key_share is a whole entry; two bytes are truncated.
    ServerHello sh;
    EXPECT_TRUE(fails_with(row->field<ServerHello>()->decode(sh, hex("0017"), row->name), Reason::truncated));
}

std::vector<std::uint16_t> types_of(const std::vector<RawExtension>& list) {
    std::vector<std::uint16_t> out;
    for (const auto& e : list) out.push_back(e.type);
    return out;
}

TEST(ExtensionTable, ABuiltMessageWritesItsFieldsInTableOrderThenTheRawOnes) {
    EncryptedExtensions ee;
    ee.early_data = true;
    ee.alpn = "h2";
    ee.server_name_ack = true;
    ee.extensions = {{28, hex("4001")}};   // record_size_limit, unknown to tlspp
    auto decoded = decode_encrypted_extensions(body(ee));
    ASSERT_TRUE(decoded) << decoded.error().detail;
    EXPECT_EQ(types_of(decoded->extensions), (std::vector<std::uint16_t>{0, 16, 42, 28}));

    ServerHello sh;   // a ServerHello leads with server_name and renegotiation_info
    sh.extended_master_secret = true;
    sh.renegotiation_info = Bytes{};
    sh.ec_point_formats = hex("00");
    sh.server_name_ack = true;
    auto hello = decode_server_hello(body(sh));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_EQ(types_of(hello->extensions), (std::vector<std::uint16_t>{0, 0xff01, 11, 23}));
}

TEST(ExtensionTable, ADecodedMessageReencodesInItsOwnOrderWithEditedFieldsInPlace) {
    // supported_groups, record_size_limit, server_name: not the table's order.
    const Bytes wire_order = hex("0012 000a 0004 0002 001d 001c 0002 4001 0000 0000");
    auto ee = decode_encrypted_extensions(wire_order);
    ASSERT_TRUE(ee) << ee.error().detail;
    EXPECT_EQ(body(*ee), wire_order);
    ee->supported_groups = std::vector<NamedGroup>{NamedGroup::secp256r1};
    ee->alpn = "h2";   // a field no raw entry stands for goes first
    auto again = decode_encrypted_extensions(body(*ee));
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(types_of(again->extensions), (std::vector<std::uint16_t>{16, 10, 28, 0}));
    EXPECT_EQ(again->supported_groups, ee->supported_groups);
}

TEST(ExtensionTable, ARawDuplicateIsWrittenOnlyWhileItsFieldIsUnset) {
    ClientHello m;
    m.cipher_suites = {0x1301};
    m.extensions = {{23, {}}, {23, {}}};
    EXPECT_TRUE(fails_with(decode_client_hello(body(m)), Reason::duplicate_extension));
    m.extended_master_secret = true;   // the field stands for the type: written once
    auto hello = decode_client_hello(body(m));
    ASSERT_TRUE(hello) << hello.error().detail;
    EXPECT_EQ(types_of(hello->extensions), std::vector<std::uint16_t>{23});
}

// ---- check_allowed ----

TEST(ExtensionTable, AllowsWhatRfc8446Section42ListsForEachMessage) {
    const std::vector<std::pair<MessageKind, std::vector<ExtensionType>>> allowed = {
        {MessageKind::client_hello,
         {ExtensionType::server_name, ExtensionType::supported_groups, ExtensionType::signature_algorithms,
          ExtensionType::application_layer_protocol_negotiation, ExtensionType::pre_shared_key,
          ExtensionType::early_data, ExtensionType::psk_key_exchange_modes, ExtensionType::cookie,
          ExtensionType::supported_versions, ExtensionType::certificate_authorities, ExtensionType::post_handshake_auth,
          ExtensionType::signature_algorithms_cert, ExtensionType::key_share, ExtensionType::renegotiation_info,
          ExtensionType::ec_point_formats, ExtensionType::session_ticket, ExtensionType::extended_master_secret,
          ExtensionType::encrypt_then_mac, ExtensionType::status_request}},
        {MessageKind::server_hello12,
         {ExtensionType::server_name, ExtensionType::renegotiation_info, ExtensionType::ec_point_formats,
          ExtensionType::session_ticket, ExtensionType::application_layer_protocol_negotiation,
          ExtensionType::encrypt_then_mac, ExtensionType::extended_master_secret, ExtensionType::status_request}},
        {MessageKind::server_hello13,
         {ExtensionType::pre_shared_key, ExtensionType::supported_versions, ExtensionType::key_share}},
        {MessageKind::hello_retry_request,
         {ExtensionType::cookie, ExtensionType::supported_versions, ExtensionType::key_share}},
        {MessageKind::encrypted_extensions,
         {ExtensionType::server_name, ExtensionType::supported_groups,
          ExtensionType::application_layer_protocol_negotiation, ExtensionType::early_data}},
        {MessageKind::certificate13, {ExtensionType::status_request}},
        {MessageKind::certificate_request13,
         {ExtensionType::status_request, ExtensionType::signature_algorithms, ExtensionType::certificate_authorities,
          ExtensionType::signature_algorithms_cert}},
        {MessageKind::new_session_ticket13, {ExtensionType::early_data}},
    };
    for (const auto& [kind, types] : allowed) {
        std::vector<RawExtension> list;
        for (auto t : types) list.push_back({code(t), {}});
        list.push_back({0xfafa, {}});   // unknown: never judged here
        EXPECT_TRUE(check_allowed(kind, list)) << name(kind);
    }
}

// One known extension each kind may not carry, and the alert it draws.
TEST(ExtensionTable, RefusesAKnownExtensionInAMessageThatMayNotCarryIt) {
    const std::vector<std::pair<MessageKind, ExtensionType>> wrong = {
        {MessageKind::client_hello, static_cast<ExtensionType>(48)},   // oid_filters: CR only
        {MessageKind::server_hello12, ExtensionType::supported_versions},
        {MessageKind::server_hello12, ExtensionType::key_share},
        {MessageKind::server_hello12, ExtensionType::signature_algorithms},
        {MessageKind::server_hello13, ExtensionType::application_layer_protocol_negotiation},
        {MessageKind::server_hello13, ExtensionType::renegotiation_info},
        {MessageKind::server_hello13, ExtensionType::extended_master_secret},
        {MessageKind::server_hello13, ExtensionType::cookie},
        {MessageKind::hello_retry_request, ExtensionType::pre_shared_key},
        {MessageKind::hello_retry_request, ExtensionType::server_name},
        {MessageKind::encrypted_extensions, ExtensionType::key_share},
        {MessageKind::encrypted_extensions, ExtensionType::renegotiation_info},
        {MessageKind::encrypted_extensions, ExtensionType::ec_point_formats},
        {MessageKind::certificate13, ExtensionType::server_name},
        {MessageKind::certificate_request13, ExtensionType::supported_groups},
        {MessageKind::new_session_ticket13, ExtensionType::server_name},
    };
    for (const auto& [kind, type] : wrong) {
        const std::vector<RawExtension> list = {{0xfafa, {}}, {code(type), {}}};
        auto ok = check_allowed(kind, list);
        ASSERT_FALSE(ok) << name(kind) << " with " << find_extension(code(type))->name;
        EXPECT_EQ(ok.error().reason, Reason::extension_not_allowed);
        EXPECT_EQ(ok.error().alert, Alert::illegal_parameter);
        EXPECT_NE(ok.error().detail.find(std::string(find_extension(code(type))->name)), std::string::npos)
            << ok.error().detail;
        EXPECT_EQ(ok.error().detail.rfind(std::string(name(kind)), 0), 0u) << ok.error().detail;
    }
    // RFC 8446 §4.2 names illegal_parameter; so does tlspp under TLS 1.2 (as OpenSSL).
    EXPECT_EQ(alert_for(Reason::extension_not_allowed, ProtocolVersion::tls13), Alert::illegal_parameter);
    EXPECT_EQ(alert_for(Reason::extension_not_allowed, ProtocolVersion::tls12), Alert::illegal_parameter);
}

TEST(ExtensionTable, EveryKindRefusesEveryRowItIsNotListedFor) {
    for (MessageKind kind : all_kinds)
        for (const auto& row : extension_table())
            EXPECT_EQ(static_cast<bool>(check_allowed(kind, {{row.type, {}}})), row.allowed.contains(kind))
                << name(kind) << " " << row.name;
}

TEST(ExtensionTable, TellsTheKindOfAServerHello) {
    ServerHello sh12;
    EXPECT_EQ(kind_of(sh12), MessageKind::server_hello12);
    ServerHello sh13;
    sh13.selected_version = 0x0304;
    EXPECT_EQ(kind_of(sh13), MessageKind::server_hello13);
    ServerHello odd;
    odd.selected_version = 0x0303;   // a TLS 1.2 ServerHello with supported_versions
    EXPECT_EQ(kind_of(odd), MessageKind::server_hello12);
    EXPECT_FALSE(check_allowed(kind_of(odd), {{code(ExtensionType::supported_versions), {0x03, 0x03}}}));
    ServerHello hrr;
    hrr.random = hello_retry_request_random;
    hrr.selected_version = 0x0304;
    EXPECT_EQ(kind_of(hrr), MessageKind::hello_retry_request);
}

// ---- check_solicited ----

ClientHello offered_hello() {
    ClientHello m;
    m.cipher_suites = {0xc02f};
    m.server_name = "example.com";
    m.supported_groups = std::vector<NamedGroup>{NamedGroup::x25519};
    m.extended_master_secret = true;
    m.renegotiation_info = Bytes{};
    m.supported_versions = std::vector<std::uint16_t>{0x0304, 0x0303};
    m.key_shares = std::vector<KeyShareEntry>{};
    m.extensions = {{0x5a5a, {}}};
    return m;
}

TEST(ExtensionTable, ListsTheExtensionTypesAClientHelloOffers) {
    EXPECT_EQ(offered_extension_types(offered_hello()),
              (std::vector<std::uint16_t>{0, 10, 23, 0xff01, 43, 51, 0x5a5a}));
    // RFC 5746 §3.4: the SCSV asks for renegotiation_info as the extension does.
    ClientHello scsv;
    scsv.cipher_suites = {0xc02f, 0x00ff};
    EXPECT_EQ(offered_extension_types(scsv), std::vector<std::uint16_t>{0xff01});
    ClientHello none;
    none.cipher_suites = {0xc02f};
    EXPECT_TRUE(offered_extension_types(none).empty());
}

TEST(ExtensionTable, AcceptsAReplyOfOfferedExtensions) {
    const std::vector<RawExtension> reply = {{0, {}}, {23, {}}, {0xff01, {0}}, {0x5a5a, {}}};
    EXPECT_TRUE(check_solicited(MessageKind::server_hello12, reply, offered_hello()));
    EXPECT_TRUE(check_solicited(MessageKind::server_hello13, {{43, {}}, {51, {}}}, offered_hello()));
    EXPECT_TRUE(check_solicited(MessageKind::encrypted_extensions, {{10, {}}, {0, {}}}, offered_hello()));
}

TEST(ExtensionTable, RefusesAReplyExtensionThatWasNotOffered) {
    // Exact, with no "always offered" exceptions: the TLS 1.2 ones too.
    const std::vector<std::pair<MessageKind, std::uint16_t>> unsolicited = {
        {MessageKind::server_hello12, code(ExtensionType::ec_point_formats)},
        {MessageKind::server_hello12, code(ExtensionType::application_layer_protocol_negotiation)},
        {MessageKind::server_hello12, code(ExtensionType::session_ticket)},
        {MessageKind::server_hello12, code(ExtensionType::encrypt_then_mac)},
        {MessageKind::server_hello12, 0xfafa},
        {MessageKind::server_hello13, code(ExtensionType::pre_shared_key)},
        {MessageKind::hello_retry_request, 0xfafa},
        {MessageKind::encrypted_extensions, code(ExtensionType::early_data)},
        {MessageKind::certificate13, code(ExtensionType::status_request)},
    };
    for (const auto& [kind, type] : unsolicited) {
        auto ok = check_solicited(kind, {{0, {}}, {type, {}}}, offered_hello());
        ASSERT_FALSE(ok) << name(kind) << " " << type;
        EXPECT_EQ(ok.error().reason, Reason::unsolicited_extension);
        EXPECT_EQ(ok.error().alert, Alert::unsupported_extension);
        EXPECT_NE(ok.error().detail.find("not offered"), std::string::npos) << ok.error().detail;
    }
    // Without the extension and without the SCSV, renegotiation_info is unsolicited too.
    ClientHello bare;
    bare.cipher_suites = {0xc02f};
    EXPECT_FALSE(check_solicited(MessageKind::server_hello12, {{0xff01, {0}}}, bare));
    EXPECT_FALSE(check_solicited(MessageKind::server_hello12, {{23, {}}}, bare));
}

TEST(ExtensionTable, ACookieInAHelloRetryRequestNeedsNoOffer) {
    // RFC 8446 §4.2: "... with the exception of the "cookie" extension in the HelloRetryRequest."
    const std::vector<RawExtension> reply = {{43, {}}, {44, {0, 1, 7}}};
    EXPECT_TRUE(check_solicited(MessageKind::hello_retry_request, reply, offered_hello()));
    EXPECT_FALSE(check_solicited(MessageKind::server_hello13, reply, offered_hello()));
}

TEST(ExtensionTable, ChecksAReplyAgainstAListOfTypes) {
    // The server checks a client's CertificateEntry against its CertificateRequest.
    const std::vector<std::uint16_t> requested = {13, 5};
    EXPECT_TRUE(check_solicited(MessageKind::certificate13, {{5, {}}}, requested));
    EXPECT_FALSE(check_solicited(MessageKind::certificate13, {{18, {}}}, requested));
}

}  // namespace
}  // namespace tlspp::msg
