// Golden files of the explainer: the text timeline in English and Chinese and
// the JSON lines of one fixed handshake (explain_fixture.hpp). To accept a
// deliberate change, run with TLSPP_UPDATE_GOLDEN=1 and review the diff of
// tests/explain/golden/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "explain/json.hpp"
#include "explain/text.hpp"
#include "handshake/explain_fixture.hpp"

namespace tlspp {
namespace {

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

std::string text(explain::Lang lang) {
    auto recorder = test::explained_handshake(false);
    if (!recorder) return "handshake failed";
    explain::TextOptions options;
    options.lang = lang;
    return explain::render_text(recorder->events(), explain::Side::client, options);
}

TEST(ExplainGolden, EnglishTimelineOfAnEcdheHandshake) { check_golden("ecdhe.en.txt", text(explain::Lang::en)); }

TEST(ExplainGolden, ChineseTimelineOfAnEcdheHandshake) { check_golden("ecdhe.zh.txt", text(explain::Lang::zh)); }

TEST(ExplainGolden, JsonLinesOfAnEcdheHandshake) {
    auto recorder = test::explained_handshake(false);
    ASSERT_TRUE(recorder);
    std::string out;
    for (std::size_t i = 0; i < recorder->events().size(); ++i)
        out += explain::render_json(recorder->events()[i], i, false);
    check_golden("ecdhe.jsonl", out);
}

TEST(ExplainGolden, TheHandshakeIsReproducible) {
    auto a = test::explained_handshake(true), b = test::explained_handshake(true);
    ASSERT_TRUE(a && b);
    explain::TextOptions options;
    options.show_secrets = true;
    EXPECT_EQ(explain::render_text(a->events(), explain::Side::client, options),
              explain::render_text(b->events(), explain::Side::client, options));
}

}  // namespace
}  // namespace tlspp
