// The explainer on TLS 1.3 (issue 13 §2 item 8): each message and field
// explained as RFC 8446 has it, the traffic secret that protects each
// message, the key schedule as a ladder, HelloRetryRequest shown as what it
// is. The timelines are in timelines13_test.hpp; the goldens under
// tests/explain/golden/ (TLSPP_UPDATE_GOLDEN=1 rewrites them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "explain/diagram.hpp"
#include "explain/json.hpp"
#include "explain/text.hpp"
#include "explain/timelines13_test.hpp"

namespace tlspp {
namespace {

using explain::Lang;
using explain::Side;
namespace t13 = test::timelines13;

std::string render(const t13::Timeline& t, Lang lang = Lang::en) {
    explain::TextOptions options;
    options.lang = lang;
    options.width = 1000;   // one line per note or paragraph, for find()
    options.timing = false;
    return explain::render_text(t.events(), Side::client, options);
}

// The line that starts (after indentation) with `start`, or "".
std::string line_of(const std::string& text, const std::string& start) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(' ') != std::string::npos && line.substr(line.find_first_not_of(' ')).starts_with(start))
            return line;
    return "";
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(Explain13, TheTitleAndEachEncryptedMessageNameTheirTrafficSecret) {
    std::string text = render(t13::full_handshake());
    EXPECT_TRUE(text.starts_with("TLS 1.3 handshake, as the client saw it")) << text.substr(0, 80);
    EXPECT_NE(line_of(text, "◀── EncryptedExtensions").find("encrypted with server_handshake_traffic_secret"), std::string::npos);
    EXPECT_NE(line_of(text, "◀── Certificate ").find("encrypted with server_handshake_traffic_secret"), std::string::npos);
    EXPECT_NE(line_of(text, "◀── Finished").find("encrypted with server_handshake_traffic_secret"), std::string::npos);
    EXPECT_NE(line_of(text, "──▶ Finished").find("encrypted with client_handshake_traffic_secret"), std::string::npos);
    EXPECT_NE(line_of(text, "◀── NewSessionTicket").find("encrypted with server_application_traffic_secret_0"), std::string::npos);
    // RFC 8446 §4.6.3: the KeyUpdate itself goes under the old keys; the records after it under the next ones.
    EXPECT_NE(line_of(text, "──▶ KeyUpdate").find("encrypted with client_application_traffic_secret_0"), std::string::npos);
    EXPECT_NE(text.find("client → server records are encrypted with keys from client_application_traffic_secret_1"),
              std::string::npos);
    EXPECT_NE(line_of(text, "◀── KeyUpdate").find("encrypted with server_application_traffic_secret_0"), std::string::npos);
    EXPECT_NE(line_of(text, "──▶ ClientHello").find("plaintext"), std::string::npos);
    EXPECT_NE(line_of(text, "──▶ ChangeCipherSpec").find("plaintext"), std::string::npos);
}

TEST(Explain13, EncryptionStartsRightAfterServerHelloAndTheTextSaysWhy) {
    std::string text = render(t13::full_handshake());
    auto server_hello = text.find("◀── ServerHello");
    auto first_key_change = text.find("━━ 🔒");
    auto encrypted_extensions = text.find("◀── EncryptedExtensions");
    ASSERT_NE(first_key_change, std::string::npos);
    EXPECT_LT(server_hello, first_key_change);
    EXPECT_LT(first_key_change, encrypted_extensions);
    EXPECT_NE(text.find("server → client records are encrypted with keys from server_handshake_traffic_secret"),
              std::string::npos);
    EXPECT_NE(text.find("In TLS 1.3 encryption starts right after ServerHello"), std::string::npos);
    EXPECT_EQ(text.find("only the 5-byte record header"), std::string::npos) << "TLS 1.2's key change note";
}

TEST(Explain13, TheKeyScheduleLadderComesOnceBeforeTheFirstSecret) {
    std::string text = render(t13::full_handshake());
    EXPECT_EQ(count(text, "is a ladder of three secrets"), 1u);
    auto ladder = text.find("is a ladder of three secrets");
    EXPECT_LT(text.find("◆ handshake_secret"), ladder);
    EXPECT_LT(ladder, text.find("Rung 2: Handshake Secret"));
    for (std::string rung : {"① Early Secret", "② Handshake Secret", "③ Master Secret"})
        EXPECT_NE(text.find(rung), std::string::npos) << rung;
    // The NSS labels the machines report are explained under RFC 8446's names.
    EXPECT_NE(text.find("\"c hs traffic\", ClientHello…ServerHello): protects what the client sends"), std::string::npos);
    EXPECT_NE(text.find("Key log label: CLIENT_TRAFFIC_SECRET_0"), std::string::npos);
    EXPECT_NE(text.find("\"exp master\""), std::string::npos);
    EXPECT_NE(text.find("The next generation after a KeyUpdate"), std::string::npos);
    // TLS 1.3's master secret is not TLS 1.2's.
    EXPECT_NE(text.find("Rung 3: Master Secret"), std::string::npos);
    EXPECT_EQ(text.find("mixes three values"), std::string::npos);
}

TEST(Explain13, MessagesAndFieldsAreExplainedAsRfc8446HasThem) {
    std::string text = render(t13::full_handshake());
    EXPECT_NE(text.find("The client opens a TLS 1.3 handshake"), std::string::npos);
    EXPECT_NE(text.find("is what makes TLS 1.3 a one-round-trip handshake"), std::string::npos);
    EXPECT_NE(line_of(text, "legacy_session_id ").find("middlebox compatibility (RFC 8446 §D.4)"), std::string::npos);
    EXPECT_NE(line_of(text, "legacy_session_id_echo").find("for middleboxes only"), std::string::npos);
    EXPECT_NE(line_of(text, "legacy_version").find("the real versions are in supported_versions"), std::string::npos);
    EXPECT_NE(line_of(text, "key_share_entry").find("private key never leaves the client"), std::string::npos);
    EXPECT_NE(text.find("as ServerKeyExchange did in TLS 1.2"), std::string::npos);
    EXPECT_NE(text.find("64 spaces and the context string \"TLS 1.3, server CertificateVerify\" (RFC 8446 §4.4.3)"),
              std::string::npos);
    EXPECT_NE(line_of(text, "signature ").find("\"TLS 1.3, server CertificateVerify\", 0x00"), std::string::npos);
    EXPECT_NE(line_of(text, "verify_data").find("HKDF-Expand-Label(server_handshake_traffic_secret, \"finished\""),
              std::string::npos);
    EXPECT_NE(text.find("(RFC 8446 §4.4.4)"), std::string::npos);
    EXPECT_NE(text.find("A dummy ChangeCipherSpec for middlebox compatibility"), std::string::npos);
    EXPECT_NE(line_of(text, "ticket_nonce").find("\"resumption\", ticket_nonce"), std::string::npos);
    EXPECT_NE(line_of(text, "request_update").find("must answer with a KeyUpdate"), std::string::npos);
    EXPECT_NE(text.find("(RFC 8446 §4.6.3, §7.2)"), std::string::npos);
    EXPECT_NE(text.find("after one round trip (TLS 1.2 needs two)"), std::string::npos);
    // No TLS 1.2 text where TLS 1.3 differs.
    EXPECT_EQ(text.find("the 1st of the three values"), std::string::npos);
    EXPECT_EQ(text.find("PRF(master_secret"), std::string::npos);
    EXPECT_EQ(text.find("The client signs a hash of the handshake so far"), std::string::npos);
}

TEST(Explain13, HelloRetryRequestIsShownAsWhatItIs) {
    std::string text = render(t13::hello_retry());
    EXPECT_NE(line_of(text, "◀── HelloRetryRequest").find("plaintext"), std::string::npos) << text;
    EXPECT_EQ(line_of(text, "◀── ServerHello").find("◀── ServerHello"), line_of(text, "◀── ServerHello").find("◀"))
        << "the real ServerHello is still a ServerHello";
    EXPECT_EQ(count(text, "◀── ServerHello"), 1u);
    EXPECT_NE(text.find("replaced by message_hash"), std::string::npos);
    EXPECT_NE(text.find("(§4.4.1)"), std::string::npos);
    EXPECT_NE(line_of(text, "selected_group").find("must carry a key share for it"), std::string::npos);
    EXPECT_NE(line_of(text, "random").find("client random"), std::string::npos);
    EXPECT_NE(text.find("SHA-256(\"HelloRetryRequest\"): this fixed value"), std::string::npos);
    EXPECT_NE(text.find("The client's second ClientHello, answering the HelloRetryRequest"), std::string::npos);
    EXPECT_NE(text.find("the HelloRetryRequest's cookie, echoed"), std::string::npos);
    EXPECT_NE(text.find("A dummy ChangeCipherSpec"), std::string::npos);
    // The first ClientHello is explained as the opening, once.
    EXPECT_EQ(count(text, "The client opens a TLS 1.3 handshake"), 1u);
}

TEST(Explain13, JsonAndDiagramNameTheHelloRetryRequest) {
    auto t = t13::hello_retry();
    EXPECT_NE(explain::render_json(t.events()[1], 1, false).find("\"name\":\"HelloRetryRequest\""), std::string::npos);
    std::string svg = explain::render_svg(t.events(), Side::client, {});
    EXPECT_NE(svg.find(">HelloRetryRequest ("), std::string::npos);
    EXPECT_NE(svg.find("TLS 1.3 handshake, as the client saw it"), std::string::npos);
    std::string html = explain::render_html(t13::full_handshake().events(), Side::client, {});
    EXPECT_NE(html.find("keys from server_handshake_traffic_secret"), std::string::npos);
}

TEST(Explain13, AConnectionThatAlreadyNamesTheHelloRetryRequestIsShownTheSame) {
    auto t = t13::hello_retry();
    auto events = t.events();
    std::get<MessageEvent>(events[1].event).name = "HelloRetryRequest";   // conn::message_label's name
    explain::TextOptions options;
    options.width = 1000;
    options.timing = false;
    EXPECT_EQ(explain::render_text(events, Side::client, options), render(t));
}

TEST(Explain13, ALiveTimelineSaysWhenTls13IsNegotiated) {
    explain::TextRenderer live(Side::client, {});
    std::string out = live.header();   // before any event: the version is not known yet
    auto timeline = t13::full_handshake();
    for (const auto& e : timeline.events()) out += live.render(e);
    EXPECT_EQ(count(out, "TLS 1.3 negotiated"), 1u);
    EXPECT_LT(out.find("──▶ ClientHello"), out.find("TLS 1.3 negotiated"));
    EXPECT_LT(out.find("TLS 1.3 negotiated"), out.find("◀── ServerHello"));
    EXPECT_EQ(render(t13::full_handshake()).find("TLS 1.3 negotiated"), std::string::npos);
}

TEST(Explain13, EarlyDataGoesUnderTheEarlyTrafficSecretAndAPskResumptionIsExplainedAsSuch) {
    std::string text = render(t13::resumption_with_early_data());
    EXPECT_NE(text.find("client → server records are encrypted with keys from client_early_traffic_secret"),
              std::string::npos);
    EXPECT_NE(text.find("0-RTT: the client encrypts application data before the server has answered"), std::string::npos);
    EXPECT_NE(line_of(text, "──▶ EndOfEarlyData").find("encrypted with client_early_traffic_secret"), std::string::npos);
    EXPECT_NE(text.find("client → server records are encrypted with keys from client_handshake_traffic_secret"),
              std::string::npos);
    EXPECT_NE(line_of(text, "──▶ Finished").find("encrypted with client_handshake_traffic_secret"), std::string::npos);
    EXPECT_NE(text.find("The server accepts the offered pre-shared key"), std::string::npos);
    EXPECT_NE(line_of(text.substr(text.find("◀── ServerHello")), "cipher_suite ").find("a PSK goes only with the hash it was made with"), std::string::npos);
    EXPECT_NE(line_of(text, "supported_versions").find("GREASE values (RFC 8701)"), std::string::npos);
    EXPECT_NE(line_of(text, "legacy_session_id ").find("empty: compatibility mode is off"), std::string::npos);
    EXPECT_NE(line_of(text, "pre_shared_key").find("always the last extension"), std::string::npos);
    EXPECT_NE(line_of(text, "early_data").find("0-RTT: the client sends application data"), std::string::npos);
    EXPECT_NE(text.find("A resumed TLS 1.3 session"), std::string::npos);
    EXPECT_EQ(text.find("A resumed session: the master secret came from the earlier session"), std::string::npos);
}

TEST(Explain13, ClientAuthenticationInAndAfterTheHandshake) {
    std::string text = render(t13::client_authentication());
    EXPECT_NE(text.find("The server asks the client for a certificate. In TLS 1.3"), std::string::npos);
    EXPECT_EQ(count(text, "empty: a request during the handshake"), 1u);
    EXPECT_EQ(count(text, "post-handshake authentication: the client's Certificate must echo this value"), 1u);
    EXPECT_NE(line_of(text, "certificate_list        0").find("the client has no certificate to offer"), std::string::npos);
    EXPECT_NE(text.find("The client's certificate chain, answering the CertificateRequest"), std::string::npos);
    EXPECT_NE(text.find("the context of the CertificateRequest this answers"), std::string::npos);
    EXPECT_NE(text.find("\"TLS 1.3, client CertificateVerify\", 0x00"), std::string::npos);
    EXPECT_NE(line_of(text, "post_handshake_auth").find("after the handshake"), std::string::npos);
    // After its Finished the client's messages go under its application traffic secret.
    std::string after = text.substr(text.find("✔"));
    EXPECT_NE(line_of(after, "──▶ Certificate ").find("encrypted with client_application_traffic_secret_0"), std::string::npos);
    EXPECT_NE(line_of(after, "◀── CertificateRequest").find("encrypted with server_application_traffic_secret_0"),
              std::string::npos);
    // RFC 8446 §4.4: after the handshake the Finished key comes from the application traffic secret.
    EXPECT_NE(after.find("Post-handshake authentication (RFC 8446 §4.6.2)"), std::string::npos);
    EXPECT_NE(line_of(after, "verify_data").find("from the current application traffic secret"), std::string::npos);
    EXPECT_EQ(after.find("client_handshake_traffic_secret"), std::string::npos);
}

TEST(Explain13, EveryMessageIsExplainedInBothLanguages) {
    for (const auto& timeline : {t13::full_handshake(), t13::hello_retry(), t13::resumption_with_early_data(),
                                 t13::client_authentication()}) {
        explain::HandshakeContext context;
        for (const auto& s : timeline.events()) {
            const auto* m = std::get_if<MessageEvent>(&s.event);
            if (!m) continue;
            Side from = explain::sender(s.observer, m->direction);
            context.observe(*m, from);
            auto en = explain::explanation_of(Lang::en, context, *m, from);
            auto zh = explain::explanation_of(Lang::zh, context, *m, from);
            EXPECT_FALSE(en.empty()) << m->name;
            EXPECT_NE(en, zh) << m->name << " has no Chinese text";
        }
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void check_golden(const std::string& name, const std::string& actual) {
    std::string path = test::source_path("tests/explain/golden/" + name);
    if (std::getenv("TLSPP_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
        GTEST_SKIP() << "wrote " << path;
    }
    std::string expected = read_file(path);
    ASSERT_FALSE(expected.empty()) << "missing golden file " << path << " (run with TLSPP_UPDATE_GOLDEN=1)";
    EXPECT_EQ(actual, expected) << "output differs from " << path
                                << "; if the change is intended, rerun with TLSPP_UPDATE_GOLDEN=1";
}

std::string golden_text(const t13::Timeline& t, Lang lang) {
    explain::TextOptions options;
    options.lang = lang;
    return explain::render_text(t.events(), Side::client, options);
}

TEST(ExplainGolden, EnglishTimelineOfATls13Handshake) {
    check_golden("tls13.en.txt", golden_text(t13::full_handshake(), Lang::en));
}
TEST(ExplainGolden, ChineseTimelineOfATls13Handshake) {
    check_golden("tls13.zh.txt", golden_text(t13::full_handshake(), Lang::zh));
}
TEST(ExplainGolden, EnglishTimelineOfAHelloRetryRequest) {
    check_golden("hrr.en.txt", golden_text(t13::hello_retry(), Lang::en));
}
TEST(ExplainGolden, ChineseTimelineOfAHelloRetryRequest) {
    check_golden("hrr.zh.txt", golden_text(t13::hello_retry(), Lang::zh));
}

}  // namespace
}  // namespace tlspp
