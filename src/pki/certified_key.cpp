// pki/certified_key.cpp: a certificate chain with the leaf's private key,
// loaded once at configuration time. Every problem is a bad_config that names
// the file or block at fault, because the person reading it is configuring us.
#include "pki/certified_key.hpp"
#include "pki/security_level.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <string>

#include "pki/verify.hpp"

namespace tlspp {

// CertifiedKeyAccess is the only way to build a CertifiedKey (its constructor is private).
struct CertifiedKeyAccess {
    static CertifiedKey make(std::shared_ptr<const CertifiedKey::Impl> impl) {
        return CertifiedKey(std::move(impl));
    }
};

namespace {

// read_file reads a whole file into a string sized once, so a private key
// read through it leaves no partial copies in memory freed while growing.
bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    const std::streamoff size = in.tellg();
    if (size < 0 || size > (std::streamoff{1} << 24)) return false;   // a PEM file is not 16 MiB
    out.assign(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    return static_cast<bool>(in.read(out.data(), size));
}

// note_key_usage reads the leaf's keyUsage into `impl` (no extension: any use).
void note_key_usage(CertifiedKey::Impl& impl) {
    const CertificateDer& der = impl.chain.front();
    const unsigned char* p = der.data();
    std::unique_ptr<X509, decltype(&X509_free)> leaf(d2i_X509(nullptr, &p, static_cast<long>(der.size())), X509_free);
    if (!leaf) {   // parsed once already by read_pem_certificates
        ERR_clear_error();
        return;
    }
    const std::uint32_t usage = X509_get_key_usage(leaf.get());
    impl.may_sign = (usage & KU_DIGITAL_SIGNATURE) != 0;
    impl.may_encipher = (usage & KU_KEY_ENCIPHERMENT) != 0;
}

}  // namespace

Result<CertifiedKey> CertifiedKey::from_pem(std::string_view chain_pem, std::string_view key_pem) {
    auto chain = pki::read_pem_certificates(chain_pem);
    if (!chain) return make_error(Reason::bad_config, "certificate chain: " + chain.error().detail);
    auto key = crypto::PrivateKey::from_pem(key_pem);
    if (!key) return std::move(key).error();
    auto leaf_key = crypto::PublicKey::from_certificate(chain->front());
    if (!leaf_key) return make_error(Reason::bad_config, "leaf certificate: " + leaf_key.error().detail);
    // A key that is not the leaf's would only show up as the peer's
    // bad_signature / decrypt_error alert in the first handshake.
    if (!key->matches(*leaf_key))
        return make_error(Reason::bad_config, "private key (" + std::string(crypto::name(key->type())) +
                                                  ") does not match the leaf certificate's public key (" +
                                                  std::string(crypto::name(leaf_key->type())) + ")");
    auto impl = std::make_shared<Impl>(Impl{std::move(*chain), std::move(*key), std::move(*leaf_key)});
    note_key_usage(*impl);
    impl->strength_bits = pki::own_chain_strength(impl->chain);
    return CertifiedKeyAccess::make(std::move(impl));
}

Result<CertifiedKey> CertifiedKey::from_pem_files(const std::string& chain_path, const std::string& key_path) {
    std::string chain_pem, key_pem;
    if (!read_file(chain_path, chain_pem)) return make_error(Reason::bad_config, "cannot read " + chain_path);
    if (!read_file(key_path, key_pem)) return make_error(Reason::bad_config, "cannot read " + key_path);
    auto loaded = from_pem(chain_pem, key_pem);
    OPENSSL_cleanse(key_pem.data(), key_pem.size());   // the private key, in PEM
    if (!loaded) {
        Error e = std::move(loaded).error();
        e.detail = chain_path + ", " + key_path + ": " + e.detail;
        return e;
    }
    return loaded;
}

const std::vector<CertificateDer>& CertifiedKey::chain() const { return impl_->chain; }

}  // namespace tlspp
