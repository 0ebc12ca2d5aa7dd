#include "handshake/suites.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "crypto/key_exchange.hpp"
#include "crypto/signature.hpp"
#include "tlspp/config.hpp"

namespace tlspp::handshake {
namespace {

// RFC 5246 Appendix A.5: the two DHE-RSA suites with HMAC-SHA256, which use
// the SHA-256 PRF (§5); off by default like every CBC suite.
TEST(Suites, DheRsaCbcSha256SuitesAreKnownAndOffByDefault) {
    const struct {
        std::uint16_t code;
        const char* iana;
        const char* openssl;
        Cipher cipher;
    } cases[] = {
        {0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "DHE-RSA-AES128-SHA256", Cipher::aes_128_cbc},
        {0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", "DHE-RSA-AES256-SHA256", Cipher::aes_256_cbc},
    };
    const auto defaults = default_cipher_suites();
    for (const auto& c : cases) {
        const SuiteInfo* info = find_suite(c.code);
        ASSERT_NE(info, nullptr) << c.iana;
        EXPECT_EQ(name(info->suite), c.iana);
        EXPECT_EQ(info->openssl_name, c.openssl);
        EXPECT_EQ(info->key_exchange, KeyExchange::dhe);
        EXPECT_EQ(info->authentication, Authentication::rsa);
        EXPECT_EQ(info->cipher, c.cipher);
        EXPECT_EQ(info->mac, crypto::HashAlg::sha256);
        EXPECT_EQ(info->prf_hash, crypto::HashAlg::sha256);
        EXPECT_EQ(suite_by_name(c.iana), info->suite);
        EXPECT_EQ(suite_by_name(c.openssl), info->suite);
        EXPECT_EQ(std::find(defaults.begin(), defaults.end(), info->suite), defaults.end()) << c.iana;
    }
}

// RFC 8446 §B.4: the TLS 1.3 suites, which IANA and OpenSSL spell the same,
// accepted in any case; each is a 1.3 row naming no key exchange or
// authentication (Kx=any Au=any in `openssl ciphers -v`).
TEST(Suites, Tls13SuitesAreFoundByTheirOneName) {
    const struct {
        const char* name;
        CipherSuite suite;
        Cipher cipher;
        crypto::HashAlg hash;
    } cases[] = {
        {"TLS_AES_128_GCM_SHA256", CipherSuite::TLS_AES_128_GCM_SHA256, Cipher::aes_128_gcm, crypto::HashAlg::sha256},
        {"TLS_AES_256_GCM_SHA384", CipherSuite::TLS_AES_256_GCM_SHA384, Cipher::aes_256_gcm, crypto::HashAlg::sha384},
        {"TLS_CHACHA20_POLY1305_SHA256", CipherSuite::TLS_CHACHA20_POLY1305_SHA256, Cipher::chacha20_poly1305,
         crypto::HashAlg::sha256},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(suite_by_name(c.name), c.suite) << c.name;
        std::string lower_case = c.name;
        std::transform(lower_case.begin(), lower_case.end(), lower_case.begin(), ::tolower);
        EXPECT_EQ(suite_by_name(lower_case), c.suite) << lower_case;
        const SuiteInfo* info = find_suite(c.suite);
        ASSERT_NE(info, nullptr) << c.name;
        EXPECT_EQ(info->openssl_name, c.name);
        EXPECT_EQ(info->version, ProtocolVersion::tls13);
        EXPECT_EQ(info->key_exchange, KeyExchange::any);
        EXPECT_EQ(info->authentication, Authentication::any);
        EXPECT_EQ(info->cipher, c.cipher);
        EXPECT_EQ(info->prf_hash, c.hash);
    }
    EXPECT_EQ(suite_by_name("TLS_AES_128_CCM_SHA256"), std::nullopt);   // not implemented
}

TEST(Suites, SchemeByNameKnowsEverySchemeOfTheTable) {
    for (SignatureScheme s : crypto::known_schemes()) EXPECT_EQ(scheme_by_name(name(s)), s) << name(s);
    EXPECT_EQ(scheme_by_name("rsa_pkcs1_sha224"), SignatureScheme::rsa_pkcs1_sha224);
    EXPECT_EQ(scheme_by_name("ecdsa_sha224"), SignatureScheme::ecdsa_sha224);
    EXPECT_EQ(hash_of_scheme(SignatureScheme::ecdsa_sha224), crypto::HashAlg::sha224);
    EXPECT_EQ(scheme_by_name("dsa_sha256"), std::nullopt);
}

// Every group of the group table is accepted by --groups under the names the
// list gives, and the list names them all (P-521 and X448 included).
TEST(Groups, NamesListEveryGroupOfTheTableAndEachParses) {
    const std::string list = group_names();
    EXPECT_EQ(list,
              "x25519, x448, P-256 (secp256r1), P-384 (secp384r1), P-521 (secp521r1), ffdhe2048, ffdhe3072, ffdhe4096");
    for (NamedGroup g : crypto::supported_groups()) {
        EXPECT_NE(list.find(std::string(crypto::group_label(g))), std::string::npos) << name(g);
        EXPECT_EQ(group_by_name(name(g)), g) << name(g);
        EXPECT_EQ(group_by_name(crypto::group_label(g)), g) << name(g);
    }
    EXPECT_EQ(group_by_name("X448"), NamedGroup::x448);
    EXPECT_EQ(group_by_name("p-521"), NamedGroup::secp521r1);
    EXPECT_EQ(group_by_name("prime256v1"), NamedGroup::secp256r1);
    EXPECT_EQ(group_by_name("ffdhe8192"), std::nullopt);
    EXPECT_EQ(group_by_name("P-224"), std::nullopt);
}

// The README's --groups sentence carries the same list (line breaks aside).
TEST(Groups, ReadmeListsTheGroupsTheCodeAccepts) {
    std::ifstream in(std::string(TLSPP_SOURCE_DIR) + "/README.md");
    ASSERT_TRUE(in) << "README.md not found";
    std::stringstream text;
    text << in.rdbuf();
    std::string flat;
    for (char ch : text.str()) {
        if (ch == '\n') ch = ' ';
        if (ch == ' ' && !flat.empty() && flat.back() == ' ') continue;
        flat += ch;
    }
    EXPECT_NE(flat.find("`--groups` takes the groups `tlspp client --help` lists, in any case: " + group_names()),
              std::string::npos);
}

}  // namespace
}  // namespace tlspp::handshake
