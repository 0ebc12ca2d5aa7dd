// Issue 11 item 5: a server's DHE prime is bounded before any arithmetic:
// above 8192 bits it is illegal_parameter (a 170,000-bit prime cost 9 s of
// CPU), below 2048 bits or the security level's minimum insufficient_security.
// The ServerKeyExchange is validly signed, as a malicious server's would be.
#include <gtest/gtest.h>

#include <chrono>

#include "msg/server_key_exchange.hpp"
#include "msg/simple_messages.hpp"
#include "pki/certified_key.hpp"
#include "support/configs.hpp"
#include "support/handmade_server.hpp"

namespace tlspp {
namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr CipherSuite kDheRsa = CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;

// odd_number_of returns a `bits`-bit odd number, big-endian (not a prime:
// the client must refuse it by size before it could notice).
Bytes odd_number_of(int bits) {
    Bytes p(static_cast<std::size_t>((bits + 7) / 8), 0x5a);
    p[0] = static_cast<std::uint8_t>(1u << ((bits - 1) % 8));
    p.back() |= 1;
    return p;
}

// client_against_prime runs a client up to the server's ServerHelloDone,
// with a ServerKeyExchange that offers (p, g = 2, Ys = 2) signed by the
// test PKI's RSA server key.
Status client_against_prime(const Bytes& p, int level = 2) {
    auto config = test::client_config();
    config->cipher_suites = {kDheRsa};
    config->versions = {ProtocolVersion::tls12};
    config->security_level = level;
    // The test PKI's RSA-2048 leaf is below level 3 itself: to reach the DHE
    // check there, the chain is not verified.
    config->verify_peer = level <= 2;
    ClientConnection client(config, "localhost");
    const msg::ClientHello hello = test::client_hello_of(client);
    const msg::ServerHello server_hello = test::server_hello(kDheRsa);
    const Bytes two = {2};
    const Bytes params = msg::encode_dhe_params(p, two, two);
    Bytes signed_data(hello.random.begin(), hello.random.end());
    signed_data.insert(signed_data.end(), server_hello.random.begin(), server_hello.random.end());
    signed_data.insert(signed_data.end(), params.begin(), params.end());
    const CertifiedKey key = test::pki().server_rsa.certified_key();
    auto signature = key.impl().key.sign(SignatureScheme::rsa_pss_rsae_sha256, signed_data);
    EXPECT_TRUE(signature.ok());
    msg::Certificate certificate;
    for (const auto& der : test::pki().server_rsa.chain_der) certificate.chain.push_back(der);
    return client.read_in(test::records(
        {msg::encode_message(server_hello), msg::encode_message(certificate),
         msg::encode_message(msg::make_server_key_exchange(params, SignatureScheme::rsa_pss_rsae_sha256, *signature)),
         msg::encode_message(msg::ServerHelloDone{})}));
}

TEST(DheBounds, APrimeAbove8192BitsIsIllegalParameter) {
    Status s = client_against_prime(odd_number_of(8200));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().reason, Reason::bad_key_share) << s.error().message();
    EXPECT_EQ(s.error().alert, Alert::illegal_parameter);
    EXPECT_NE(s.error().detail.find("8200 bits, at most 8192"), std::string::npos) << s.error().detail;
}

TEST(DheBounds, AHugePrimeIsRefusedFast) {
    const auto start = std::chrono::steady_clock::now();
    Status s = client_against_prime(odd_number_of(160'000));
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().alert, Alert::illegal_parameter) << s.error().message();
    EXPECT_LT(took, std::chrono::milliseconds(500));
}

TEST(DheBounds, APrimeBelowTheMinimumIsInsufficientSecurity) {
    Status small = client_against_prime(odd_number_of(1024));
    ASSERT_FALSE(small.ok());
    EXPECT_EQ(small.error().reason, Reason::insufficient_security) << small.error().message();
    EXPECT_EQ(small.error().alert, Alert::insufficient_security);
    // Security level 3 needs 3072 bits: a 2048-bit group is refused.
    Status level3 = client_against_prime(odd_number_of(2048), 3);
    ASSERT_FALSE(level3.ok());
    EXPECT_EQ(level3.error().reason, Reason::insufficient_security) << level3.error().message();
    EXPECT_NE(level3.error().detail.find("at least 3072"), std::string::npos) << level3.error().detail;
}

TEST(DheBounds, APrimeInBoundsGoesOnToTheKeyExchange) {
    // 4096 bits, level 2: accepted; the client answers with its flight.
    EXPECT_TRUE(client_against_prime(odd_number_of(4096)).ok());
}

}  // namespace
}  // namespace tlspp
