#include "handshake/key_schedule13.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/hkdf.hpp"
#include "support/hex.hpp"
#include "support/rfc8448.hpp"

namespace tlspp::handshake {
namespace {

using test::hex;
using test::to_hex;
using Bytes = std::vector<std::uint8_t>;
namespace rfc8448 = test::rfc8448;

std::string hex_of(const SecretBytes& s) { return to_hex(s.view()); }

// transcript_hash hashes the concatenated handshake messages given as hex,
// so the tests check the chain from the trace's message bytes rather than
// from the hashes the trace prints alongside.
Bytes transcript_hash(std::initializer_list<std::string_view> messages) {
    crypto::Hash h(HashAlg::sha256);
    for (std::string_view m : messages) h.update(hex(m));
    return h.digest();
}

// RFC 8448 §3 (Simple 1-RTT Handshake), walked in the order of RFC 8446 §7.1.
// Every expected value is the trace's, under the heading quoted beside it.
class Rfc8448Simple : public ::testing::Test {
protected:
    const Bytes hello_hash = transcript_hash({rfc8448::client_hello, rfc8448::server_hello});
    const Bytes certificate_verify_hash =
        transcript_hash({rfc8448::client_hello, rfc8448::server_hello, rfc8448::encrypted_extensions,
                         rfc8448::certificate, rfc8448::certificate_verify});
    const Bytes server_finished_hash =
        transcript_hash({rfc8448::client_hello, rfc8448::server_hello, rfc8448::encrypted_extensions,
                         rfc8448::certificate, rfc8448::certificate_verify, rfc8448::server_finished});
    const Bytes client_finished_hash =
        transcript_hash({rfc8448::client_hello, rfc8448::server_hello, rfc8448::encrypted_extensions,
                         rfc8448::certificate, rfc8448::certificate_verify, rfc8448::server_finished,
                         rfc8448::client_finished});

    const EarlySecret13 early = early_secret13(HashAlg::sha256, {});
    const HandshakeSecret13 handshake = handshake_secret13(early, hex(rfc8448::shared_secret));
    const HandshakeTrafficSecrets13 handshake_traffic = handshake_traffic_secrets13(handshake, hello_hash);
    const MasterSecret13 master = master_secret13(handshake);
    const ApplicationSecrets13 application = application_secrets13(master, server_finished_hash);
};

TEST_F(Rfc8448Simple, TranscriptHashesOfTheTraceMessagesAreTheTrace) {
    // "hash (32 octets)" of derive secret "tls13 c hs traffic".
    EXPECT_EQ(to_hex(hello_hash), "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
    // "hash (32 octets)" of derive secret "tls13 c ap traffic".
    EXPECT_EQ(to_hex(server_finished_hash), "9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13");
    // "hash (32 octets)" of derive secret "tls13 res master".
    EXPECT_EQ(to_hex(client_finished_hash), "209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d");
}

TEST_F(Rfc8448Simple, EarlySecretAndDerived) {
    // {server} extract secret "early": salt 0, IKM 32 zero octets.
    EXPECT_EQ(hex_of(early.secret), "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");
    // {server} derive secret for handshake "tls13 derived".
    EXPECT_EQ(hex_of(derived_secret13(HashAlg::sha256, early.secret)),
              "6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba");
}

TEST_F(Rfc8448Simple, HandshakeSecretAndTrafficSecrets) {
    // {server} extract secret "handshake".
    EXPECT_EQ(hex_of(handshake.secret), "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");
    // {server} derive secret "tls13 c hs traffic" / "tls13 s hs traffic".
    EXPECT_EQ(hex_of(handshake_traffic.client), "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
    EXPECT_EQ(hex_of(handshake_traffic.server), "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
}

TEST_F(Rfc8448Simple, MasterSecretAndApplicationSecrets) {
    // {server} derive secret for master "tls13 derived".
    EXPECT_EQ(hex_of(derived_secret13(HashAlg::sha256, handshake.secret)),
              "43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4");
    // {server} extract secret "master".
    EXPECT_EQ(hex_of(master.secret), "18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919");
    // {server} derive secret "tls13 c ap traffic" / "tls13 s ap traffic" / "tls13 exp master".
    EXPECT_EQ(hex_of(application.client_traffic), "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5");
    EXPECT_EQ(hex_of(application.server_traffic), "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643");
    EXPECT_EQ(hex_of(application.exporter_master), "fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");
    // {client} derive secret "tls13 res master".
    EXPECT_EQ(hex_of(resumption_master_secret13(master, client_finished_hash)),
              "7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c");
}

TEST_F(Rfc8448Simple, HandshakeTrafficKeysAndIvs) {
    // {server} derive write traffic keys for handshake data.
    TrafficKeys13 server = traffic_keys13(HashAlg::sha256, handshake_traffic.server, 16);
    EXPECT_EQ(hex_of(server.key), rfc8448::server_handshake_key);
    EXPECT_EQ(hex_of(server.iv), rfc8448::server_handshake_iv);
    // {server} derive read traffic keys for handshake data (the client's write keys).
    TrafficKeys13 client = traffic_keys13(HashAlg::sha256, handshake_traffic.client, 16);
    EXPECT_EQ(hex_of(client.key), rfc8448::client_handshake_key);
    EXPECT_EQ(hex_of(client.iv), rfc8448::client_handshake_iv);
}

TEST_F(Rfc8448Simple, ApplicationTrafficKeysAndIvs) {
    // {server} derive write traffic keys for application data.
    TrafficKeys13 server = traffic_keys13(HashAlg::sha256, application.server_traffic, 16);
    EXPECT_EQ(hex_of(server.key), rfc8448::server_application_key);
    EXPECT_EQ(hex_of(server.iv), rfc8448::server_application_iv);
    // {client} derive write traffic keys for application data.
    TrafficKeys13 client = traffic_keys13(HashAlg::sha256, application.client_traffic, 16);
    EXPECT_EQ(hex_of(client.key), rfc8448::client_application_key);
    EXPECT_EQ(hex_of(client.iv), rfc8448::client_application_iv);
}

TEST_F(Rfc8448Simple, FinishedKeysAndVerifyData) {
    // {server} calculate finished "tls13 finished": expanded, then finished.
    EXPECT_EQ(hex_of(finished_key13(HashAlg::sha256, handshake_traffic.server)),
              "008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8");
    SecretBytes server = verify_data13(HashAlg::sha256, handshake_traffic.server, certificate_verify_hash);
    EXPECT_EQ(hex_of(server), "9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718");
    // ... and it is the body of the server's Finished message (after its 4-byte header).
    EXPECT_EQ("14000020" + hex_of(server), rfc8448::server_finished);

    // {client} calculate finished "tls13 finished".
    EXPECT_EQ(hex_of(finished_key13(HashAlg::sha256, handshake_traffic.client)),
              "b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4");
    SecretBytes client = verify_data13(HashAlg::sha256, handshake_traffic.client, server_finished_hash);
    EXPECT_EQ(hex_of(client), "a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61");
    EXPECT_EQ("14000020" + hex_of(client), rfc8448::client_finished);
}

TEST_F(Rfc8448Simple, FinishedMatchesOnlyTheExactVerifyData) {
    const Bytes good = hex("a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61");
    EXPECT_TRUE(finished_matches13(HashAlg::sha256, handshake_traffic.client, server_finished_hash, good));
    for (std::size_t i : {0, 15, 31}) {
        Bytes bad = good;
        bad[i] ^= 0x01;
        EXPECT_FALSE(finished_matches13(HashAlg::sha256, handshake_traffic.client, server_finished_hash, bad));
    }
    EXPECT_FALSE(finished_matches13(HashAlg::sha256, handshake_traffic.client, server_finished_hash,
                                    ByteView(good).first(31)));
    // The server's key over the same transcript is a different MAC.
    EXPECT_FALSE(finished_matches13(HashAlg::sha256, handshake_traffic.server, server_finished_hash, good));
}

// RFC 8448 §4 (Resumed 0-RTT Handshake) starts from the §3 ticket: the
// NewSessionTicket's ticket_nonce is 00 00.
TEST_F(Rfc8448Simple, ResumptionPskAndTheResumedEarlySecrets) {
    SecretBytes resumption_master = resumption_master_secret13(master, client_finished_hash);
    // {server} generate resumption secret "tls13 resumption": hash 00 00, expanded.
    SecretBytes psk = resumption_psk13(HashAlg::sha256, resumption_master, hex("0000"));
    EXPECT_EQ(hex_of(psk), "4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3");

    // §4 {client} extract secret "early" with that PSK as IKM.
    EarlySecret13 resumed = early_secret13(HashAlg::sha256, psk);
    EXPECT_EQ(hex_of(resumed.secret), "9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c");
    // §4 {client} derive secret for binder "tls13 res binder" (the PRK of the binder's finished key).
    SecretBytes binder_key = binder_key13(resumed, true);
    EXPECT_EQ(hex_of(binder_key), "69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256");
    // The binder is a Finished MAC over the ClientHello truncated before the
    // binders list (RFC 8446 §4.2.11.2); the trace's ClientHello ends with
    // 00 21 (binders length) 20 (binder length) and the 32-byte binder.
    const Bytes client_hello = hex(rfc8448::resumed_client_hello);
    const std::size_t binders_length = 2 + 1 + 32;
    const Bytes truncated_hash =
        crypto::digest(HashAlg::sha256, ByteView(client_hello).first(client_hello.size() - binders_length));
    EXPECT_EQ(hex_of(verify_data13(HashAlg::sha256, binder_key, truncated_hash)),
              to_hex(ByteView(client_hello).last(32)));
    // §4 {client} derive secret "tls13 c e traffic", over the whole ClientHello.
    const Bytes hello_hash = crypto::digest(HashAlg::sha256, client_hello);
    EXPECT_EQ(to_hex(hello_hash), "08ad0fa05d7c7233b1775ba2ff9f4c5b8b59276b7f227f13a976245f5d960913");
    EXPECT_EQ(hex_of(client_early_traffic_secret13(resumed, hello_hash)),
              "3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62");
}

// A different nonce gives a different PSK: each ticket has its own.
TEST_F(Rfc8448Simple, ResumptionPskDependsOnTheTicketNonce) {
    SecretBytes resumption_master = resumption_master_secret13(master, client_finished_hash);
    EXPECT_NE(hex_of(resumption_psk13(HashAlg::sha256, resumption_master, hex("0000"))),
              hex_of(resumption_psk13(HashAlg::sha256, resumption_master, hex("0001"))));
    EXPECT_NE(hex_of(resumption_psk13(HashAlg::sha256, resumption_master, hex("0000"))),
              hex_of(resumption_psk13(HashAlg::sha256, resumption_master, {})));
}

// openssl_tls13_expand_label is libcrypto's "TLS13-KDF" in EXPAND_ONLY mode,
// an implementation of HKDF-Expand-Label independent of ours.
Bytes openssl_tls13_expand_label(HashAlg hash, ByteView secret, std::string_view label, ByteView context,
                                 std::size_t length) {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "TLS13-KDF", nullptr);
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
    const char* digest = hash == HashAlg::sha384 ? "SHA384" : "SHA256";
    static const char prefix[] = "tls13 ";
    // An empty context is left out: libcrypto rejects a data parameter without data.
    std::vector<OSSL_PARAM> params{
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<std::uint8_t*>(secret.data()),
                                          secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PREFIX, const_cast<char*>(prefix), 6),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_LABEL, const_cast<char*>(label.data()), label.size()),
    };
    if (!context.empty())
        params.push_back(OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_DATA,
                                                           const_cast<std::uint8_t*>(context.data()), context.size()));
    params.push_back(OSSL_PARAM_construct_end());
    Bytes out(length);
    EXPECT_EQ(EVP_KDF_derive(ctx, out.data(), out.size(), params.data()), 1);
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    return out;
}

// RFC 8448 has no KeyUpdate and no SHA-384 suite; libcrypto's TLS13-KDF is
// the reference there.
TEST(KeySchedule13, KeyUpdateIsExpandLabelTrafficUpd) {
    const Bytes secret0 = hex("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5");
    SecretBytes secret1 = next_application_traffic_secret13(HashAlg::sha256, secret0);
    EXPECT_EQ(hex_of(secret1), to_hex(openssl_tls13_expand_label(HashAlg::sha256, secret0, "traffic upd", {}, 32)));
    SecretBytes secret2 = next_application_traffic_secret13(HashAlg::sha256, secret1);
    EXPECT_EQ(hex_of(secret2),
              to_hex(openssl_tls13_expand_label(HashAlg::sha256, secret1.view(), "traffic upd", {}, 32)));
    EXPECT_NE(hex_of(secret1), to_hex(secret0));
    EXPECT_NE(hex_of(secret2), hex_of(secret1));
}

TEST(KeySchedule13, Sha384LadderAgreesWithLibcrypto) {
    const HashAlg h = HashAlg::sha384;
    EarlySecret13 early = early_secret13(h, {});
    EXPECT_EQ(early.secret.size(), 48u);
    HandshakeSecret13 handshake = handshake_secret13(early, hex(rfc8448::shared_secret));
    const Bytes hello_hash = crypto::digest(h, hex(rfc8448::client_hello));
    HandshakeTrafficSecrets13 traffic = handshake_traffic_secrets13(handshake, hello_hash);
    EXPECT_EQ(hex_of(traffic.client),
              to_hex(openssl_tls13_expand_label(h, handshake.secret.view(), "c hs traffic", hello_hash, 48)));
    EXPECT_EQ(hex_of(traffic.server),
              to_hex(openssl_tls13_expand_label(h, handshake.secret.view(), "s hs traffic", hello_hash, 48)));
    TrafficKeys13 keys = traffic_keys13(h, traffic.server, 32);
    EXPECT_EQ(keys.key.size(), 32u);
    EXPECT_EQ(hex_of(keys.key), to_hex(openssl_tls13_expand_label(h, traffic.server.view(), "key", {}, 32)));
    EXPECT_EQ(hex_of(keys.iv), to_hex(openssl_tls13_expand_label(h, traffic.server.view(), "iv", {}, 12)));
    EXPECT_EQ(finished_key13(h, traffic.client).size(), 48u);
    EXPECT_EQ(master_secret13(handshake).secret.size(), 48u);
}

TEST(KeySchedule13, ExpandLabelEncodesHkdfLabel) {
    // RFC 8448 §3 prints the HkdfLabel of "key" for a 16-byte key:
    // "key info (13 octets): 00 10 09 74 6c 73 31 33 20 6b 65 79 00".
    const Bytes secret = hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
    EXPECT_EQ(hex_of(hkdf_expand_label13(HashAlg::sha256, secret, "key", {}, 16)),
              hex_of(crypto::hkdf_expand(HashAlg::sha256, secret, hex("001009746c73313320 6b657900"), 16)));
}

}  // namespace
}  // namespace tlspp::handshake
