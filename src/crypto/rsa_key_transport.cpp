// crypto/rsa_key_transport.cpp: RSAES-PKCS1-v1_5 for the pre-master secret,
// with libcrypto's TLS-specific constant-time decryption on the server.
#include "crypto/rsa_key_transport.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rsa.h>

#include <memory>

namespace tlspp::crypto {

namespace {

struct CtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
using Ctx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;

}  // namespace

SecretBytes make_premaster(std::uint16_t client_version, RandomSource& random) {
    SecretBytes pms(premaster_secret_length);
    pms[0] = static_cast<std::uint8_t>(client_version >> 8);
    pms[1] = static_cast<std::uint8_t>(client_version);
    random.fill(pms.span().subspan(2));
    return pms;
}

Result<std::vector<std::uint8_t>> encrypt_premaster(const PublicKey& server_key,
                                                    std::span<const std::uint8_t> premaster) {
    if (premaster.size() != premaster_secret_length)
        return make_error(Reason::internal_error, "RSA key exchange: the pre-master secret must be 48 bytes");
    if (server_key.type() != KeyType::rsa)
        return make_error(Reason::certificate_unsupported_key,
                          "RSA key exchange needs an RSA server key, the certificate has " +
                              std::string(name(server_key.type())));
    Ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, server_key.raw(), nullptr));
    std::size_t len = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_encrypt(ctx.get(), nullptr, &len, premaster.data(), premaster.size()) != 1) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "RSA key exchange: cannot set up the encryption");
    }
    std::vector<std::uint8_t> out(len);
    if (EVP_PKEY_encrypt(ctx.get(), out.data(), &len, premaster.data(), premaster.size()) != 1) {
        ERR_clear_error();
        return make_error(Reason::internal_error, "RSA key exchange: encryption failed");
    }
    out.resize(len);
    return out;
}

SecretBytes decrypt_premaster(const PrivateKey& key, std::span<const std::uint8_t> encrypted,
                              std::uint16_t client_version, RandomSource& random) {
    SecretBytes fallback(premaster_secret_length);
    random.fill(fallback.span());

    EVP_PKEY* pkey = key.raw();
    if (!pkey || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA ||
        encrypted.size() != static_cast<std::size_t>(EVP_PKEY_get_size(pkey)))
        return fallback;

    Ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    unsigned int version = client_version;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_uint(OSSL_ASYM_CIPHER_PARAM_TLS_CLIENT_VERSION, &version),
        OSSL_PARAM_construct_end(),
    };
    SecretBytes out(premaster_secret_length);
    std::size_t out_len = out.size();
    // With RSA_PKCS1_WITH_TLS_PADDING, libcrypto returns 48 bytes whatever the
    // padding and version: the decrypted ones or its own random ones, chosen
    // in constant time. It fails only for a value not below the modulus
    // (public) or an internal error.
    const bool decrypted = ctx && EVP_PKEY_decrypt_init(ctx.get()) == 1 &&
                           EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_WITH_TLS_PADDING) == 1 &&
                           EVP_PKEY_CTX_set_params(ctx.get(), params) == 1 &&
                           EVP_PKEY_decrypt(ctx.get(), out.data(), &out_len, encrypted.data(), encrypted.size()) == 1 &&
                           out_len == premaster_secret_length;
    ERR_clear_error();
    if (!decrypted) return fallback;
    return out;
}

}  // namespace tlspp::crypto
