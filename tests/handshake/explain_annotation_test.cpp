// Issue 16: every note beside a field follows the value on screen and the
// handshake's context (full or resumed, client or server, ticket or ID). A
// table of field × value class → the expected note, in English and Chinese,
// checked on the rendered timeline.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "explain/text.hpp"

namespace tlspp {
namespace {

using explain::Lang;
using explain::Side;

Field leaf(std::string name, std::string value) { return Field{std::move(name), std::move(value), {}}; }

MessageEvent message(std::string name, Direction direction, std::vector<Field> fields) {
    MessageEvent m;
    m.direction = direction;
    m.type = HandshakeType::client_hello;   // any handshake type: the renderer keys on the name
    m.name = std::move(name);
    m.length = 100;
    m.is_protected = false;
    m.fields = std::move(fields);
    return m;
}

const std::string kRandom(64, 'a');
const std::string kId(64, 'b');
const std::string kOtherId(64, 'c');
const std::string kSuite = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)";

// A ClientHello as the client's observer reports it: session_id and, if
// `ticket` is set, a session_ticket extension with that value.
MessageEvent client_hello(const std::string& session_id, const std::string* ticket,
                          std::vector<std::string> suites = {kSuite}, std::vector<Field> extra = {}) {
    Field list{"cipher_suites", std::to_string(suites.size()), {}};
    for (auto& s : suites) list.children.push_back(leaf("cipher_suite", s));
    Field ext{"extensions", "", {}};
    if (ticket) ext.children.push_back(leaf("session_ticket", *ticket));
    for (auto& f : extra) ext.children.push_back(f);
    return message("ClientHello", Direction::sent,
                   {leaf("random", kRandom), leaf("session_id", session_id), list, ext});
}

MessageEvent server_hello(const std::string& session_id, bool ticket_ext, std::string random = kRandom,
                          std::string suite = kSuite, std::vector<Field> extra = {}) {
    Field ext{"extensions", "", {}};
    if (ticket_ext) ext.children.push_back(leaf("session_ticket", "(empty)"));
    for (auto& f : extra) ext.children.push_back(f);
    return message("ServerHello", Direction::received,
                   {leaf("random", random), leaf("session_id", session_id), leaf("cipher_suite", suite), ext});
}

MessageEvent certificate(Direction direction, std::vector<std::pair<std::string, std::string>> chain,
                         std::string validity) {
    Field list{"certificate_list", std::to_string(chain.size()), {}};
    for (auto& [subject, issuer] : chain)
        list.children.push_back(Field{"certificate", subject,
                                      {leaf("subject", subject), leaf("issuer", issuer), leaf("validity", validity),
                                       leaf("subject_alt_names", "DNS:localhost")}});
    return message("Certificate", direction, {list});
}

// The note on the line of the `occurrence`-th field named `field` in the last
// message of `events`, as the client saw it ("" if the line has none).
std::string note(const std::vector<MessageEvent>& events, const std::string& field, Lang lang, int occurrence = 0,
                 Side perspective = Side::client) {
    std::vector<explain::Stamped> stamped;
    for (const auto& m : events) stamped.push_back(explain::Stamped{m, perspective, 0});
    explain::TextOptions options;
    options.lang = lang;
    options.width = 1000;
    std::string text = explain::render_text(stamped, perspective, options);
    auto at = text.rfind(" " + events.back().name + "  (");
    if (at == std::string::npos) return "<message not rendered>";
    std::size_t pos = at;
    for (;;) {
        pos = text.find("\n", pos);
        if (pos == std::string::npos) return "<field not rendered>";
        ++pos;
        auto start = text.find_first_not_of(' ', pos);
        if (text.compare(start, field.size() + 1, field + " ") == 0 && occurrence-- == 0) break;
    }
    auto end = text.find('\n', pos);
    std::string line = text.substr(pos, end - pos);
    auto arrow = line.find("← ");
    return arrow == std::string::npos ? "" : line.substr(arrow + std::string("← ").size());
}

struct Row {
    std::string what;
    std::vector<MessageEvent> events;
    std::string field;
    int occurrence;
    std::string en, zh;
};

std::vector<Row> rows() {
    const std::string empty = "(empty)", ticket = "96 bytes: " + std::string(192, 'd');
    const std::string now_valid = "2020-01-01 00:00:00 UTC .. 2120-01-01 00:00:00 UTC";
    const std::string expired = "2000-01-01 00:00:00 UTC .. 2001-01-01 00:00:00 UTC";
    Field sni = leaf("server_name", "localhost"), uncompressed = leaf("ec_point_formats", "uncompressed (0x00)");
    Field reneg = leaf("renegotiation_info", "(empty: initial handshake)");
    Field ems = leaf("extended_master_secret", "(empty)");
    return {
        // ClientHello.session_id: empty, a ticket's random ID, an ID to resume.
        {"empty client session_id", {client_hello(empty, &empty)}, "session_id", 0,
         "empty: the client has no session to resume by ID", "空：客户端没有可凭会话 ID 恢复的会话"},
        {"client session_id sent with a ticket", {client_hello(kId, &ticket)}, "session_id", 0,
         "a random ID sent with the ticket (RFC 5077 §3.4): the server echoes it if it accepts the ticket",
         "随票据发送的随机 ID（RFC 5077 §3.4）：服务器接受票据时会原样返回它"},
        {"client session_id of an earlier session", {client_hello(kId, nullptr)}, "session_id", 0,
         "the ID of an earlier session: the client asks to resume it", "之前某个会话的 ID：客户端请求恢复该会话"},
        // ClientHello.random: a full handshake or a resumption offer.
        {"client random, full", {client_hello(empty, &empty)}, "random", 0,
         "client random: the 1st of the three values the keys come from", "客户端随机数：生成密钥的三个值中的第 1 个"},
        {"client random, resumption offered", {client_hello(kId, &ticket)}, "random", 0,
         "client random: fresh for this connection; if the server resumes the session, the two randoms make new keys "
         "from the saved master secret",
         "客户端随机数：本次连接新生成；若服务器恢复会话，两个随机数会和保存的主密钥一起生成新的密钥"},
        // cipher_suites: one or several.
        {"one suite", {client_hello(empty, nullptr)}, "cipher_suites", 0, "the only cipher suite the client accepts",
         "客户端只接受这一个密码套件"},
        {"several suites", {client_hello(empty, nullptr, {kSuite, kSuite})}, "cipher_suites", 0,
         "in the client's order of preference", "按客户端的优先顺序排列"},
        // ClientHello extensions.
        {"session_ticket asked for", {client_hello(empty, &empty)}, "session_ticket", 0,
         "empty: the client has no ticket and asks the server for one (RFC 5077)", "空：客户端没有票据，请服务器发一张 (RFC 5077)"},
        {"session_ticket presented", {client_hello(kId, &ticket)}, "session_ticket", 0,
         "a ticket from an earlier session: the client asks to resume it", "之前会话的票据：客户端请求凭它恢复会话"},
        {"server_name offered", {client_hello(empty, nullptr, {kSuite}, {sni})}, "server_name", 0,
         "the host name the client wants (SNI), in plaintext", "客户端要访问的主机名 (SNI)，明文传输"},
        {"ec_point_formats uncompressed", {client_hello(empty, nullptr, {kSuite}, {uncompressed})}, "ec_point_formats", 0,
         "uncompressed points only, the one format RFC 8422 keeps", "只用未压缩的点格式，RFC 8422 只保留了这一种"},
        {"renegotiation_info initial", {client_hello(empty, nullptr, {kSuite}, {reneg})}, "renegotiation_info", 0,
         "empty: a first handshake, from a client that supports secure renegotiation (RFC 5746)",
         "空：这是首次握手，客户端支持安全重协商 (RFC 5746)"},
        // ServerHello.session_id: empty, empty with a ticket, echo (ID / ticket), new, new after an offer.
        {"server session_id empty", {client_hello(empty, nullptr), server_hello(empty, false)}, "session_id", 0,
         "empty: the server will not resume this session by ID", "空：服务器不会凭会话 ID 恢复本会话"},
        {"server session_id empty, ticket promised", {client_hello(empty, &empty), server_hello(empty, true)},
         "session_id", 0, "empty: no resumption by ID; the server will issue a ticket instead",
         "空：不凭会话 ID 恢复；服务器将改发票据"},
        {"server echoes the ID", {client_hello(kId, nullptr), server_hello(kId, false)}, "session_id", 0,
         "the client's ID echoed: the server resumes that session", "原样返回客户端的 ID：服务器恢复该会话"},
        {"server echoes the ticket's ID", {client_hello(kId, &ticket), server_hello(kId, false)}, "session_id", 0,
         "the client's ID echoed: the server accepted the ticket and resumes the session",
         "原样返回客户端的 ID：服务器接受了票据，恢复会话"},
        {"server gives a new ID", {client_hello(empty, nullptr), server_hello(kOtherId, false)}, "session_id", 0,
         "a new ID under which the server may resume this session later", "新的会话 ID，服务器日后可凭它恢复本会话"},
        {"server refuses the offered ID", {client_hello(kId, nullptr), server_hello(kOtherId, false)}, "session_id", 0,
         "not the client's ID: no resumption, a full handshake follows; the server may resume this new session later",
         "不是客户端发来的 ID：不恢复，进行完整握手；服务器日后可凭这个新 ID 恢复本会话"},
        // ServerHello.random and cipher_suite.
        {"server random, full", {client_hello(empty, nullptr), server_hello(empty, false)}, "random", 0,
         "server random: the 2nd of the three values", "服务器随机数：三个值中的第 2 个"},
        {"server random, resumed", {client_hello(kId, nullptr), server_hello(kId, false)}, "random", 0,
         "server random: fresh, so this connection's keys are new although the master secret is reused",
         "服务器随机数：本次新生成，所以虽然沿用主密钥，本次连接的密钥仍是新的"},
        {"server random with the downgrade sentinel",
         {client_hello(empty, nullptr), server_hello(empty, false, std::string(48, 'e') + "444f574e47524401")}, "random", 0,
         "ends in \"DOWNGRD\": a TLS 1.3 server agreeing to TLS 1.2 (RFC 8446 §4.1.3)",
         "以 “DOWNGRD” 结尾：支持 TLS 1.3 的服务器同意使用 TLS 1.2 (RFC 8446 §4.1.3)"},
        {"RSA suite chosen",
         {client_hello(empty, nullptr), server_hello(empty, false, kRandom, "TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)")},
         "cipher_suite", 0,
         "chosen: RSA key exchange, the client encrypts the pre-master secret to the certificate's key (no "
         "ServerKeyExchange, no forward secrecy)",
         "选定的套件：RSA 密钥交换，客户端用证书公钥加密预主密钥（没有 ServerKeyExchange，也没有前向安全性）"},
        {"suite of a resumed session", {client_hello(kId, nullptr), server_hello(kId, false)}, "cipher_suite", 0,
         "the cipher suite of the resumed session", "被恢复的会话所用的密码套件"},
        {"extended_master_secret accepted",
         {client_hello(empty, nullptr), server_hello(empty, false, kRandom, kSuite, {ems})}, "extended_master_secret", 0,
         "accepted: the master secret is computed over the session hash (RFC 7627)", "已接受：主密钥基于握手消息摘要计算 (RFC 7627)"},
        {"extended_master_secret of a resumed session",
         {client_hello(kId, nullptr), server_hello(kId, false, kRandom, kSuite, {ems})}, "extended_master_secret", 0,
         "the resumed session was made with extended master secret", "被恢复的会话当初使用了扩展主密钥"},
        {"server session_ticket", {client_hello(empty, &empty), server_hello(empty, true)}, "session_ticket", 0,
         "empty: the server will send a new ticket (NewSessionTicket) in this handshake",
         "空：服务器将在本次握手中发送新的票据 (NewSessionTicket)"},
        // Certificate: validity now or expired; the leaf's names or a CA's; issuer self or other.
        {"validity now", {certificate(Direction::received, {{"CN=a", "CN=ca"}}, now_valid)}, "validity", 0,
         "valid now: the verifier checks these dates against its clock", "当前有效：验证方用自己的时钟检查这段有效期"},
        {"validity expired", {certificate(Direction::received, {{"CN=a", "CN=ca"}}, expired)}, "validity", 0,
         "expired: a verifier rejects it (certificate_expired)", "已过期：验证方会拒绝它 (certificate_expired)"},
        {"server leaf names", {certificate(Direction::received, {{"CN=a", "CN=ca"}, {"CN=ca", "CN=ca"}}, now_valid)},
         "subject_alt_names", 0,
         "the names the certificate is for: the client checks the host name it connects to against them",
         "证书适用的名称：客户端用要连接的主机名和它们比对"},
        {"CA names", {certificate(Direction::received, {{"CN=a", "CN=ca"}, {"CN=ca", "CN=ca"}}, now_valid)},
         "subject_alt_names", 1, "names in a CA certificate: only the first certificate's names are checked",
         "CA 证书中的名称：只有第一张证书的名称会被比对"},
        {"client leaf names", {certificate(Direction::sent, {{"CN=c", "CN=ca"}}, now_valid)}, "subject_alt_names", 0,
         "the client's names: the server checks the chain, not a host name", "客户端证书中的名称：服务器只验证证书链，不比对主机名"},
        {"self-signed issuer", {certificate(Direction::received, {{"CN=a", "CN=ca"}, {"CN=ca", "CN=ca"}}, now_valid)},
         "issuer", 1, "the same as subject: self-signed, a root CA", "与 subject 相同：自签名的根 CA"},
        {"issuing CA", {certificate(Direction::received, {{"CN=a", "CN=ca"}}, now_valid)}, "issuer", 0,
         "the CA that signed this certificate", "签发这张证书的 CA"},
        // Signature schemes by family.
        {"ed25519 signature", {message("ServerKeyExchange", Direction::received,
                                       {leaf("named_curve", "x25519 (0x001d)"), leaf("signature_algorithm", "ed25519 (0x0807)")})},
         "signature_algorithm", 0, "EdDSA: one of the schemes the peer offered", "EdDSA 签名：对方提供过的签名算法之一"},
        {"rsa_pss signature", {message("CertificateVerify", Direction::sent, {leaf("algorithm", "rsa_pss_rsae_sha256 (0x0804)")})},
         "algorithm", 0, "RSA-PSS with the named hash: one of the schemes the peer offered",
         "RSA-PSS 签名，使用名称中的摘要算法：对方提供过的签名算法之一"},
        // Finished: client or server, full or resumed.
        {"client Finished, full", {client_hello(empty, nullptr), server_hello(empty, false),
                                   message("Finished", Direction::sent, {leaf("verify_data", "00")})},
         "verify_data", 0, "PRF(master_secret, \"client finished\", hash of the handshake messages so far)",
         "PRF(主密钥, \"client finished\", 此前全部握手消息的摘要)"},
        {"server Finished, full", {client_hello(empty, nullptr), server_hello(empty, false),
                                   message("Finished", Direction::received, {leaf("verify_data", "00")})},
         "verify_data", 0,
         "PRF(master_secret, \"server finished\", hash of the handshake messages so far, the client's Finished included)",
         "PRF(主密钥, \"server finished\", 此前全部握手消息的摘要，含客户端的 Finished)"},
        {"server Finished, resumed", {client_hello(kId, nullptr), server_hello(kId, false),
                                      message("Finished", Direction::received, {leaf("verify_data", "00")})},
         "verify_data", 0,
         "PRF(master_secret, \"server finished\", hash of the messages so far): in a resumed handshake the server's "
         "Finished comes first",
         "PRF(主密钥, \"server finished\", 此前握手消息的摘要)：会话恢复时服务器的 Finished 在前"},
        {"client Finished, resumed", {client_hello(kId, nullptr), server_hello(kId, false),
                                      message("Finished", Direction::sent, {leaf("verify_data", "00")})},
         "verify_data", 0,
         "PRF(master_secret, \"client finished\", hash of the handshake messages so far, the server's Finished included)",
         "PRF(主密钥, \"client finished\", 此前全部握手消息的摘要，含服务器的 Finished)"},
        // ClientKeyExchange under RSA.
        {"RSA exchange_keys",
         {client_hello(empty, nullptr), server_hello(empty, false, kRandom, "TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)"),
          message("ClientKeyExchange", Direction::sent, {leaf("exchange_keys", "00")})},
         "exchange_keys", 0, "the pre-master secret, encrypted to the server certificate's RSA key",
         "用服务器证书的 RSA 公钥加密的预主密钥"},
    };
}

TEST(ExplainAnnotations, EachNoteFollowsItsValueAndContext) {
    for (const auto& row : rows()) {
        EXPECT_EQ(note(row.events, row.field, Lang::en, row.occurrence), row.en) << row.what;
        EXPECT_EQ(note(row.events, row.field, Lang::zh, row.occurrence), row.zh) << row.what;
    }
}

// The explanation under a message follows the context too: in a resumed
// handshake the server's Finished comes first and cannot cover the client's.
TEST(ExplainAnnotations, ResumedFinishedIsExplainedAsComingFirst) {
    const std::string id(64, 'b');
    std::vector<explain::Stamped> events;
    for (auto m : {client_hello(id, nullptr), server_hello(id, false),
                   message("Finished", Direction::received, {leaf("verify_data", "00")})})
        events.push_back(explain::Stamped{m, Side::client, 0});
    explain::TextOptions options;
    options.width = 1000;
    std::string text = explain::render_text(events, Side::client, options);
    EXPECT_NE(text.find("The server's Finished comes first in a resumed handshake"), std::string::npos) << text;
    EXPECT_EQ(text.find("including the client's Finished"), std::string::npos) << text;
}

}  // namespace
}  // namespace tlspp
