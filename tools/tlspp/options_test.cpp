// The protocol options of `tlspp client` and `tlspp server`: --tls1_2,
// --tls1_3, --min-version/--max-version and the two suite lists, mapped to
// the config's versions and cipher_suites as OpenSSL's s_client maps its own.
#include "tlspp/options.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "handshake/suites.hpp"
#include "tlspp/config.hpp"

namespace tlspp::cli {
namespace {

using V = ProtocolVersion;

Args parse(std::vector<std::string> words) {
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    const auto spec = with_protocol_options({});
    return Args::parse(argv, spec);
}

ProtocolSettings settings(std::vector<std::string> words) { return protocol_settings(parse(std::move(words))); }

std::vector<CipherSuite> defaults_of(V version) {
    std::vector<CipherSuite> out;
    for (CipherSuite s : default_cipher_suites())
        if (handshake::find_suite(s)->version == version) out.push_back(s);
    return out;
}

TEST(ProtocolOptions, VersionFlagsMapToConfigVersions) {
    const struct {
        std::vector<std::string> args;
        std::vector<ProtocolVersion> versions;
    } cases[] = {
        {{}, {V::tls13, V::tls12}},
        {{"--tls1_2"}, {V::tls12}},
        {{"--tls1_3"}, {V::tls13}},
        {{"--min-version", "1.3"}, {V::tls13}},
        {{"--max-version", "1.2"}, {V::tls12}},
        {{"--min-version=TLSv1.2", "--max-version=TLSv1.3"}, {V::tls13, V::tls12}},
        {{"--min-version", "tlsv1.3", "--max-version", "1.3"}, {V::tls13}},
        {{"--max-version", "TLSv1.2"}, {V::tls12}},
    };
    for (const auto& c : cases) {
        std::string line;
        for (const auto& a : c.args) line += a + " ";
        const auto s = settings(c.args);
        EXPECT_EQ(s.versions, c.versions) << line;
        // Every enabled version has its suites, and no other version's.
        ClientConfig config;
        config.versions = s.versions;
        config.cipher_suites = s.cipher_suites;
        config.verify_peer = false;
        EXPECT_TRUE(config.validate()) << line << ": " << config.validate().error().detail;
    }
}

TEST(ProtocolOptions, Tls12OnlyOffersOnlyTls12Suites) {
    const auto s = settings({"--tls1_2"});
    EXPECT_EQ(s.versions, std::vector<ProtocolVersion>{V::tls12});
    EXPECT_EQ(s.cipher_suites, defaults_of(V::tls12));
    EXPECT_EQ(settings({"--tls1_3"}).cipher_suites, defaults_of(V::tls13));
    EXPECT_EQ(settings({}).cipher_suites, default_cipher_suites());
}

// As OpenSSL's -cipher and -ciphersuites: two lists, each leaving the other
// version's suites at their defaults.
TEST(ProtocolOptions, CiphersSetTls12SuitesAndCiphersuitesTls13Suites) {
    const auto twelve = settings({"--ciphers", "ECDHE-RSA-AES256-GCM-SHA384:TLS_RSA_WITH_AES_128_GCM_SHA256"});
    std::vector<CipherSuite> expected = defaults_of(V::tls13);
    expected.push_back(CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384);
    expected.push_back(CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256);
    EXPECT_EQ(twelve.cipher_suites, expected);
    EXPECT_EQ(twelve.versions, (std::vector<ProtocolVersion>{V::tls13, V::tls12}));

    const auto thirteen = settings({"--ciphersuites", "TLS_CHACHA20_POLY1305_SHA256,tls_aes_128_gcm_sha256"});
    expected = {CipherSuite::TLS_CHACHA20_POLY1305_SHA256, CipherSuite::TLS_AES_128_GCM_SHA256};
    const auto rest = defaults_of(V::tls12);
    expected.insert(expected.end(), rest.begin(), rest.end());
    EXPECT_EQ(thirteen.cipher_suites, expected);

    // A list for a version left out is still checked, and its suites left out.
    EXPECT_EQ(settings({"--tls1_2", "--ciphersuites", "TLS_AES_128_GCM_SHA256"}).cipher_suites, defaults_of(V::tls12));
    EXPECT_THROW(settings({"--tls1_2", "--ciphersuites", "TLS_NO_SUCH_SUITE"}), UsageError);
}

void expect_usage_error(std::vector<std::string> args, const std::string& says) {
    try {
        settings(args);
        ADD_FAILURE() << says << ": accepted";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
}

TEST(ProtocolOptions, MistakesAreUsageErrorsThatSayWhy) {
    expect_usage_error({"--tls1_2", "--tls1_3"}, "choose one of --tls1_2 and --tls1_3");
    expect_usage_error({"--tls1_3", "--min-version", "1.2"}, "leave out --min-version/--max-version");
    expect_usage_error({"--min-version", "1.3", "--max-version", "1.2"}, "--min-version 1.3 is above --max-version 1.2");
    expect_usage_error({"--min-version", "1.1"}, "TLS 1.1 is not supported");
    expect_usage_error({"--max-version", "TLSv1.0"}, "TLS 1.0 is not supported");
    expect_usage_error({"--max-version", "1.4"}, "expected 1.2 or 1.3");
    expect_usage_error({"--max-version", "TLSv"}, "expected 1.2 or 1.3");
    expect_usage_error({"--ciphers", "TLS_AES_128_GCM_SHA256"},
                       "--ciphers: TLS_AES_128_GCM_SHA256 is a TLS 1.3 suite; give it to --ciphersuites");
    expect_usage_error({"--ciphersuites", "ECDHE-RSA-AES128-GCM-SHA256"},
                       "--ciphersuites: ECDHE-RSA-AES128-GCM-SHA256 is a TLS 1.2 suite; give it to --ciphers");
    expect_usage_error({"--ciphers", "NO-SUCH-SUITE"}, "--ciphers: unknown cipher suite 'NO-SUCH-SUITE'");
    expect_usage_error({"--ciphersuites", ":"}, "--ciphersuites: empty list");
}

// The help lines name every protocol option, so `--help` and the README agree.
TEST(ProtocolOptions, HelpListsEveryProtocolOption) {
    const std::string help = help_text("tlspp client", "", with_protocol_options({}));
    for (const char* option : {"--tls1_2 ", "--tls1_3 ", "--min-version V", "--max-version V", "--ciphers LIST",
                               "--ciphersuites LIST"})
        EXPECT_NE(help.find(option), std::string::npos) << option;
}

// README.md's synopses of client and server carry the same protocol options.
TEST(ProtocolOptions, ReadmeSynopsesListThem) {
    std::ifstream in(std::string(TLSPP_SOURCE_DIR) + "/README.md");
    ASSERT_TRUE(in) << "README.md not found";
    std::stringstream text;
    text << in.rdbuf();
    const std::string readme = text.str();
    std::size_t synopses = 0;
    for (std::size_t at = readme.find("[--tls1_2 | --tls1_3]\n"); at != std::string::npos;
         at = readme.find("[--tls1_2 | --tls1_3]\n", at + 1), ++synopses)
        EXPECT_NE(readme.find("[--min-version V] [--max-version V] [--ciphers LIST] [--ciphersuites LIST]", at),
                  std::string::npos);
    EXPECT_EQ(synopses, 2u) << "client and server";
    for (const auto& o : protocol_options())
        EXPECT_NE(readme.find("`--" + std::string(o.name)), std::string::npos) << o.name << " is not explained";
}

}  // namespace
}  // namespace tlspp::cli
