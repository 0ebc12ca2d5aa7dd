// What the explainer must and must not print: no secret value in any output
// unless --show-secrets, a diagram that shows every message and needs nothing
// from outside, and a Chinese phrase for every English one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "conn/describe.hpp"
#include "explain/diagram.hpp"
#include "explain/json.hpp"
#include "explain/text.hpp"
#include "handshake/explain_fixture.hpp"

namespace tlspp {
namespace {

// Every output format, rendered with secrets shown or not.
std::vector<std::string> all_outputs(const explain::Recorder& recorder, bool show_secrets) {
    std::vector<std::string> out;
    for (auto lang : {explain::Lang::en, explain::Lang::zh}) {
        for (bool color : {false, true}) {
            explain::TextOptions options;
            options.lang = lang;
            options.color = color;
            options.show_secrets = show_secrets;
            out.push_back(explain::render_text(recorder.events(), explain::Side::client, options));
            out.push_back(explain::render_text(recorder.events(), explain::Side::server, options));
        }
        explain::DiagramOptions diagram;
        diagram.lang = lang;
        out.push_back(explain::render_svg(recorder.events(), explain::Side::client, diagram));
        out.push_back(explain::render_html(recorder.events(), explain::Side::client, diagram));
    }
    std::string json;
    for (std::size_t i = 0; i < recorder.events().size(); ++i)
        json += explain::render_json(recorder.events()[i], i, show_secrets);
    out.push_back(json);
    return out;
}

// The secret values of the fixed handshake, as hex, learned from a run that asked for them.
std::vector<std::string> secret_values() {
    std::vector<std::string> secrets;
    auto recorder = test::explained_handshake(true);
    if (!recorder) return secrets;
    for (const auto& e : recorder->events())
        if (auto* key = std::get_if<KeyEvent>(&e.event); key && key->secret && !key->value.empty())
            secrets.push_back(conn::hex(key->value));
    return secrets;
}

void expect_no_secret(const std::vector<std::string>& outputs, const std::vector<std::string>& secrets) {
    for (const auto& out : outputs) {
        for (const auto& secret : secrets) {
            // The whole value, and its first 8 bytes (what an abbreviation would keep).
            EXPECT_EQ(out.find(secret), std::string::npos) << "secret " << secret << " printed";
            EXPECT_EQ(out.find(secret.substr(0, 16)), std::string::npos) << "part of secret " << secret << " printed";
        }
    }
}

TEST(ExplainSecrets, TheFixedHandshakeHasSecretsToHide) {
    auto secrets = secret_values();
    EXPECT_GE(secrets.size(), 4u);   // pre-master, master, the write keys
}

TEST(ExplainSecrets, NoOutputPrintsASecretWithoutShowSecrets) {
    auto secrets = secret_values();
    ASSERT_FALSE(secrets.empty());
    auto recorder = test::explained_handshake(false);
    ASSERT_TRUE(recorder);
    expect_no_secret(all_outputs(*recorder, false), secrets);
}

TEST(ExplainSecrets, RenderersHideSecretsEvenIfTheEventsCarryThem) {
    auto secrets = secret_values();
    ASSERT_FALSE(secrets.empty());
    auto recorder = test::explained_handshake(true);   // the events hold the values
    ASSERT_TRUE(recorder);
    expect_no_secret(all_outputs(*recorder, false), secrets);
}

TEST(ExplainSecrets, RecorderDropsSecretsItDidNotAskFor) {
    explain::Recorder recorder(false);
    recorder.add(KeyEvent{"master_secret", "PRF(...)", {1, 2, 3}, true}, explain::Side::client);
    recorder.add(KeyEvent{"client_public", "", {4, 5, 6}, false}, explain::Side::client);
    EXPECT_TRUE(std::get<KeyEvent>(recorder.events()[0].event).value.empty());
    EXPECT_EQ(std::get<KeyEvent>(recorder.events()[1].event).value.size(), 3u);
}

TEST(ExplainSecrets, ShowSecretsPrintsTheMasterSecret) {
    auto recorder = test::explained_handshake(true);
    ASSERT_TRUE(recorder);
    std::string master;
    for (const auto& e : recorder->events())
        if (auto* key = std::get_if<KeyEvent>(&e.event); key && key->name == "master_secret")
            master = conn::hex(key->value);
    ASSERT_FALSE(master.empty());
    explain::TextOptions options;
    options.show_secrets = true;
    EXPECT_NE(explain::render_text(recorder->events(), explain::Side::client, options).find(master),
              std::string::npos);
    EXPECT_NE(explain::render_json(recorder->events()[0], 0, true).find("\"v\":1"), std::string::npos);
}

std::vector<std::string> client_messages(const explain::Recorder& recorder) {
    std::vector<std::string> names;
    for (const auto& e : recorder.events())
        if (auto* m = std::get_if<MessageEvent>(&e.event); m && e.observer == explain::Side::client)
            names.push_back(m->name);
    return names;
}

TEST(ExplainDiagram, ShowsEveryMessageAndWhereEncryptionStarts) {
    auto recorder = test::explained_handshake(false);
    ASSERT_TRUE(recorder);
    auto names = client_messages(*recorder);
    ASSERT_EQ(names.size(), 10u);
    explain::DiagramOptions options;
    std::string svg = explain::render_svg(recorder->events(), explain::Side::client, options);
    std::size_t arrows = 0;
    for (std::size_t at = 0; (at = svg.find("class=\"msg\"", at)) != std::string::npos; ++at) ++arrows;
    EXPECT_EQ(arrows, names.size());
    for (const auto& name : names) EXPECT_NE(svg.find(">" + name + " ("), std::string::npos) << name;
    EXPECT_NE(svg.find("class=\"keychange\""), std::string::npos);
    EXPECT_NE(svg.find("master_secret"), std::string::npos);
}

TEST(ExplainDiagram, HtmlIsSelfContained) {
    auto recorder = test::explained_handshake(false);
    ASSERT_TRUE(recorder);
    std::string html = explain::render_html(recorder->events(), explain::Side::client, {});
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("href="), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_EQ(html.find("url(http"), std::string::npos);
    // The embedded data cannot end its <script> early.
    auto data = html.find("id=\"explain-data\">");
    ASSERT_NE(data, std::string::npos);
    EXPECT_GT(html.find("</script>", data), html.find("]", data));
    EXPECT_EQ(html.substr(data, html.find("</script>", data) - data).find('<'), std::string::npos);
}

TEST(ExplainPhrases, EveryEnglishPhraseHasAChineseOne) {
    for (const auto& p : explain::english_phrases())
        EXPECT_TRUE(explain::has_own_phrase(explain::Lang::zh, p.key)) << p.key;
    for (const auto& p : explain::chinese_phrases())
        EXPECT_TRUE(explain::has_own_phrase(explain::Lang::en, p.key)) << p.key << " has no English original";
}

TEST(ExplainPhrases, EveryMessageOfTheHandshakeIsExplained) {
    auto recorder = test::explained_handshake(false);
    ASSERT_TRUE(recorder);
    for (const auto& e : recorder->events()) {
        auto* m = std::get_if<MessageEvent>(&e.event);
        if (!m) continue;
        auto from = explain::side_name(explain::sender(e.observer, m->direction));
        bool explained = !explain::phrase(explain::Lang::en, "msg." + m->name + "." + std::string(from)).empty() ||
                         !explain::phrase(explain::Lang::en, "msg." + m->name).empty();
        EXPECT_TRUE(explained) << m->name;
    }
}

TEST(ExplainText, WrapKeepsCjkPunctuationOffTheStartOfALine) {
    for (const auto& line : explain::wrap("一二三四五六七八九十，一二三四五六七八九十。", 20))
        EXPECT_NE(line.rfind("，", 0), 0u) << line;
    EXPECT_EQ(explain::wrap("aaa bbb ccc", 7), (std::vector<std::string>{"aaa bbb", "ccc"}));
}

TEST(ExplainText, AbbreviatesLongHexButNotShortValues) {
    EXPECT_EQ(explain::abbreviate(std::string(64, 'a')), "aaaaaaaaaaaaaaaa…aaaaaaaa (32 bytes)");
    EXPECT_EQ(explain::abbreviate("ef0a5418d7f73ec9c2754bc2"), "ef0a5418d7f73ec9c2754bc2");
}

}  // namespace
}  // namespace tlspp
