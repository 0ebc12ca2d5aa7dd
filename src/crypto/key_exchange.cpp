// crypto/key_exchange.cpp: ephemeral key shares for X25519/X448, the NIST
// curves and the RFC 7919 finite-field groups. Private keys come from the
// caller's RandomSource so that a fixed source reproduces a handshake byte for
// byte (RFC 8448 replay); libcrypto only does the arithmetic.
#include "crypto/key_exchange.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include <array>
#include <memory>
#include <string>
#include <utility>

namespace tlspp::crypto {

namespace {

enum class Kind { xdh, nist, ffdhe };

struct GroupInfo {
    NamedGroup group;
    Kind kind;
    const char* ossl_name;  // key type (xdh) or group name (nist, ffdhe)
    int id;                 // EVP_PKEY_X25519/X448, or the curve's NID
    std::size_t length;     // public value (xdh), field element (nist) or prime (ffdhe) in bytes
    int exponent_bits;      // ffdhe private exponent length
};

// RFC 7919 Appendix A: "Peers using ffdhe2048 that want to optimize their key
// exchange with a short exponent (Section 5.2) should choose a secret key of at
// least 225 bits" (275 for ffdhe3072, 325 for ffdhe4096): twice the strength.
constexpr GroupInfo kGroups[] = {
    {NamedGroup::x25519, Kind::xdh, "X25519", EVP_PKEY_X25519, 32, 0},
    {NamedGroup::x448, Kind::xdh, "X448", EVP_PKEY_X448, 56, 0},
    {NamedGroup::secp256r1, Kind::nist, "P-256", NID_X9_62_prime256v1, 32, 0},
    {NamedGroup::secp384r1, Kind::nist, "P-384", NID_secp384r1, 48, 0},
    {NamedGroup::secp521r1, Kind::nist, "P-521", NID_secp521r1, 66, 0},
    {NamedGroup::ffdhe2048, Kind::ffdhe, "ffdhe2048", 0, 256, 225},
    {NamedGroup::ffdhe3072, Kind::ffdhe, "ffdhe3072", 0, 384, 275},
    {NamedGroup::ffdhe4096, Kind::ffdhe, "ffdhe4096", 0, 512, 325},
};

constexpr auto kGroupCodes = [] {
    std::array<NamedGroup, std::size(kGroups)> codes{};
    for (std::size_t i = 0; i < codes.size(); ++i) codes[i] = kGroups[i].group;
    return codes;
}();

const GroupInfo* find_group(NamedGroup group) {
    for (const auto& g : kGroups)
        if (g.group == group) return &g;
    return nullptr;
}

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(BIGNUM* p) const { BN_clear_free(p); }
    void operator()(BN_CTX* p) const { BN_CTX_free(p); }
    void operator()(EC_GROUP* p) const { EC_GROUP_free(p); }
    void operator()(EC_POINT* p) const { EC_POINT_free(p); }
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
template <class T> using Ptr = std::unique_ptr<T, Free>;

Error internal(const GroupInfo& g, const char* what) {
    ERR_clear_error();
    return make_error(Reason::internal_error, std::string(g.ossl_name) + ": " + what);
}

Error bad_share(const GroupInfo& g, const std::string& why) {
    ERR_clear_error();
    return make_error(Reason::bad_key_share, std::string(name(g.group)) + " key share: " + why);
}

// from_params builds an EVP_PKEY of `type` ("EC", "DH") from an OSSL_PARAM
// builder; `selection` says whether it is a key pair, a public key or parameters.
EVP_PKEY* from_params(const char* type, OSSL_PARAM_BLD* bld, int selection) {
    Ptr<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld));
    Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &key, selection, params.get()) <= 0)
        return nullptr;
    return key;
}

// draw_scalar fills a scalar of `bits` bits from `random`, redrawing while it is
// 0, 1 or not below `limit` (when given): rejection keeps it uniform.
Ptr<BIGNUM> draw_scalar(RandomSource& random, int bits, const BIGNUM* limit) {
    SecretBytes buf((static_cast<std::size_t>(bits) + 7) / 8);
    const int spare = static_cast<int>(buf.size() * 8) - bits;
    for (;;) {
        random.fill(buf.span());
        buf[0] &= static_cast<std::uint8_t>(0xff >> spare);
        Ptr<BIGNUM> x(BN_secure_new());
        if (!x || !BN_bin2bn(buf.data(), static_cast<int>(buf.size()), x.get())) return nullptr;
        BN_set_flags(x.get(), BN_FLG_CONSTTIME);
        if (BN_is_zero(x.get()) || BN_is_one(x.get())) continue;
        if (limit && BN_cmp(x.get(), limit) >= 0) continue;
        return x;
    }
}

// ffdhe_parameters gives the group's p and g, from libcrypto's RFC 7919 table.
bool ffdhe_parameters(const GroupInfo& g, Ptr<BIGNUM>& p, Ptr<BIGNUM>& gen) {
    Ptr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, g.ossl_name, 0))
        return false;
    Ptr<EVP_PKEY> params(from_params("DH", bld.get(), EVP_PKEY_KEY_PARAMETERS));
    BIGNUM *pp = nullptr, *gg = nullptr;
    if (!params || !EVP_PKEY_get_bn_param(params.get(), OSSL_PKEY_PARAM_FFC_P, &pp)) return false;
    p.reset(pp);
    if (!EVP_PKEY_get_bn_param(params.get(), OSSL_PKEY_PARAM_FFC_G, &gg)) return false;
    gen.reset(gg);
    return true;
}

}  // namespace

bool group_supported(NamedGroup group) { return find_group(group) != nullptr; }

std::span<const NamedGroup> supported_groups() { return kGroupCodes; }

std::string_view group_label(NamedGroup group) {
    const GroupInfo* g = find_group(group);
    if (g && g->kind == Kind::nist) return g->ossl_name;
    return name(group);
}

bool is_ffdhe(NamedGroup group) {
    const GroupInfo* g = find_group(group);
    return g && g->kind == Kind::ffdhe;
}

Result<FfdheParams> ffdhe_params(NamedGroup group) {
    const GroupInfo* g = find_group(group);
    if (!g || g->kind != Kind::ffdhe)
        return make_error(Reason::internal_error, "not a finite-field group: " + std::to_string(static_cast<unsigned>(group)));
    Ptr<BIGNUM> p, gen;
    if (!ffdhe_parameters(*g, p, gen)) return internal(*g, "cannot load the group's parameters");
    FfdheParams out{std::vector<std::uint8_t>(BN_num_bytes(p.get())), std::vector<std::uint8_t>(BN_num_bytes(gen.get()))};
    BN_bn2bin(p.get(), out.p.data());
    BN_bn2bin(gen.get(), out.g.data());
    return out;
}

std::optional<NamedGroup> ffdhe_group_of(std::span<const std::uint8_t> p, std::span<const std::uint8_t> g) {
    auto strip = [](std::span<const std::uint8_t> v) {
        while (!v.empty() && v.front() == 0) v = v.subspan(1);
        return v;
    };
    p = strip(p);
    g = strip(g);
    // The three parameter sets never change: load them once per process.
    static const std::vector<std::pair<NamedGroup, FfdheParams>> known = [] {
        std::vector<std::pair<NamedGroup, FfdheParams>> all;
        for (auto group : {NamedGroup::ffdhe2048, NamedGroup::ffdhe3072, NamedGroup::ffdhe4096})
            if (auto params = ffdhe_params(group)) all.emplace_back(group, std::move(*params));
        return all;
    }();
    for (const auto& [group, params] : known)
        if (std::equal(p.begin(), p.end(), params.p.begin(), params.p.end()) &&
            std::equal(g.begin(), g.end(), params.g.begin(), params.g.end()))
            return group;
    return std::nullopt;
}

KeyShare::KeyShare(KeyShare&& other) noexcept
    : group_(other.group_), key_(std::exchange(other.key_, nullptr)), public_(std::move(other.public_)) {}

KeyShare& KeyShare::operator=(KeyShare&& other) noexcept {
    if (this != &other) {
        EVP_PKEY_free(key_);
        group_ = other.group_;
        key_ = std::exchange(other.key_, nullptr);
        public_ = std::move(other.public_);
    }
    return *this;
}

KeyShare::~KeyShare() { EVP_PKEY_free(key_); }

Result<KeyShare> KeyShare::generate(NamedGroup group, RandomSource& random) {
    const GroupInfo* g = find_group(group);
    if (!g) return make_error(Reason::internal_error, "key share: unsupported group " + std::to_string(int(group)));

    if (g->kind == Kind::xdh) {
        // RFC 7748 §5: any 32 (56) random bytes are a private key; clamping is
        // part of the scalar multiplication.
        SecretArray<56> priv_buffer;   // X448's length, the longer
        const std::span<std::uint8_t> priv = priv_buffer.first(g->length);
        random.fill(priv);
        Ptr<EVP_PKEY> key(EVP_PKEY_new_raw_private_key(g->id, nullptr, priv.data(), priv.size()));
        std::vector<std::uint8_t> pub(g->length);
        std::size_t len = pub.size();
        // The public key as a provider parameter: EVP_PKEY_get_raw_public_key
        // gives the same bytes but exports the whole key through a
        // temporary (five allocation calls per handshake).
        if (!key ||
            !EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size(), &len) ||
            len != g->length)
            return internal(*g, "cannot build the private key");
        return KeyShare(group, key.release(), std::move(pub));
    }

    Ptr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    Ptr<BN_CTX> bn(BN_CTX_secure_new());
    if (!bld || !bn) return internal(*g, "out of memory");

    if (g->kind == Kind::nist) {
        // RFC 8422 §5.4.1 / RFC 8446 §4.2.8.2: the share is the uncompressed point 04||x||y.
        Ptr<EC_GROUP> curve(EC_GROUP_new_by_curve_name(g->id));
        if (!curve) return internal(*g, "unknown curve");
        const BIGNUM* order = EC_GROUP_get0_order(curve.get());
        Ptr<BIGNUM> d = draw_scalar(random, BN_num_bits(order), order);
        Ptr<EC_POINT> q(EC_POINT_new(curve.get()));
        std::vector<std::uint8_t> pub(1 + 2 * g->length);
        if (!d || !q || !EC_POINT_mul(curve.get(), q.get(), d.get(), nullptr, nullptr, bn.get()) ||
            EC_POINT_point2oct(curve.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED, pub.data(), pub.size(),
                               bn.get()) != pub.size())
            return internal(*g, "cannot compute the public point");
        if (!OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, g->ossl_name, 0) ||
            !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) ||
            !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size()))
            return internal(*g, "out of memory");
        EVP_PKEY* key = from_params("EC", bld.get(), EVP_PKEY_KEYPAIR);
        if (!key) return internal(*g, "cannot build the key pair");
        return KeyShare(group, key, std::move(pub));
    }

    // ffdhe: y = g^x mod p with a short exponent x, padded to the prime's length
    // (RFC 8446 §4.2.8.1: "padded to the left with zeros to the size of p in bytes").
    Ptr<BIGNUM> p, gen;
    if (!ffdhe_parameters(*g, p, gen)) return internal(*g, "unknown group");
    Ptr<BIGNUM> x = draw_scalar(random, g->exponent_bits, nullptr);
    Ptr<BIGNUM> y(BN_new());
    std::vector<std::uint8_t> pub(g->length);
    if (!x || !y || !BN_mod_exp_mont_consttime(y.get(), gen.get(), x.get(), p.get(), bn.get(), nullptr) ||
        BN_bn2binpad(y.get(), pub.data(), static_cast<int>(pub.size())) < 0)
        return internal(*g, "cannot compute the public value");
    if (!OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, g->ossl_name, 0) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, x.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, y.get()))
        return internal(*g, "out of memory");
    EVP_PKEY* key = from_params("DH", bld.get(), EVP_PKEY_KEYPAIR);
    if (!key) return internal(*g, "cannot build the key pair");
    return KeyShare(group, key, std::move(pub));
}

Result<SecretBytes> KeyShare::agree(std::span<const std::uint8_t> peer_public) const {
    return agree(peer_public, ProtocolVersion::tls13);
}

Result<SecretBytes> KeyShare::agree(std::span<const std::uint8_t> peer, ProtocolVersion version) const {
    const GroupInfo* g = find_group(group_);
    if (!g || !key_) return make_error(Reason::internal_error, "key share: no private key");
    const std::string got = std::to_string(peer.size()) + " bytes";

    Ptr<EVP_PKEY> peer_key;
    if (g->kind == Kind::xdh) {
        // RFC 7748 §5: public values are exactly 32 (X25519) or 56 (X448) bytes.
        if (peer.size() != g->length)
            return bad_share(*g, got + ", expected " + std::to_string(g->length));
        peer_key.reset(EVP_PKEY_new_raw_public_key(g->id, nullptr, peer.data(), peer.size()));
    } else if (g->kind == Kind::nist) {
        // RFC 8446 §4.2.8.2: "peers MUST validate each other's public value Q by
        // ensuring that the point is a valid point on the elliptic curve"; only
        // the uncompressed form (legacy_form = 4) is allowed.
        if (peer.size() != 1 + 2 * g->length)
            return bad_share(*g, got + ", expected an uncompressed point of " + std::to_string(1 + 2 * g->length));
        if (peer[0] != 0x04) return bad_share(*g, "point is not in uncompressed form (first byte is not 0x04)");
        Ptr<EC_GROUP> curve(EC_GROUP_new_by_curve_name(g->id));
        Ptr<EC_POINT> q(curve ? EC_POINT_new(curve.get()) : nullptr);
        if (!q) return internal(*g, "out of memory");
        if (!EC_POINT_oct2point(curve.get(), q.get(), peer.data(), peer.size(), nullptr) ||
            EC_POINT_is_on_curve(curve.get(), q.get(), nullptr) != 1)
            return bad_share(*g, "point is not on the curve");
        Ptr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
        if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, g->ossl_name, 0) ||
            !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, peer.data(), peer.size()))
            return internal(*g, "out of memory");
        peer_key.reset(from_params("EC", bld.get(), EVP_PKEY_PUBLIC_KEY));
    } else {
        // RFC 8446 §4.2.8.1 requires the padded form; a TLS 1.2 dh_Y is an
        // integer of up to the prime's length (RFC 5246 §7.4.3).
        if (peer.empty() || peer.size() > g->length ||
            (version == ProtocolVersion::tls13 && peer.size() != g->length))
            return bad_share(*g, got + ", expected " + std::to_string(g->length));
        Ptr<BIGNUM> p, gen, y(BN_bin2bn(peer.data(), static_cast<int>(peer.size()), nullptr));
        Ptr<BIGNUM> p_minus_1(BN_new());
        if (!y || !p_minus_1 || !ffdhe_parameters(*g, p, gen) || !BN_sub(p_minus_1.get(), p.get(), BN_value_one()))
            return internal(*g, "out of memory");
        // RFC 7919 §5.1: "Peers MUST validate each other's public key Y ... by
        // ensuring that 1 < Y < p-1."
        if (BN_cmp(y.get(), BN_value_one()) <= 0 || BN_cmp(y.get(), p_minus_1.get()) >= 0)
            return bad_share(*g, "public value is not in the range 1 < Y < p-1");
        Ptr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
        if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, g->ossl_name, 0) ||
            !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, y.get()))
            return internal(*g, "out of memory");
        peer_key.reset(from_params("DH", bld.get(), EVP_PKEY_PUBLIC_KEY));
    }
    if (!peer_key) return bad_share(*g, "libcrypto rejects the public value");

    Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key_, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0) return internal(*g, "cannot start the derivation");
    // RFC 8446 §7.4.1: Z is "left-padded with zeros up to the size of the prime".
    if (g->kind == Kind::ffdhe && EVP_PKEY_CTX_set_dh_pad(ctx.get(), 1) <= 0)
        return internal(*g, "cannot pad the secret");
    // For ffdhe the peer's Y was checked above as RFC 7919 §5.1 asks (1 < Y <
    // p-1; the groups' primes are safe primes, so no small subgroup is left);
    // libcrypto's own full check (Y^q mod p) costs about 1.9 ms per handshake
    // and adds nothing here. For X25519/X448 libcrypto's check (outside FIPS
    // mode) is only "a public key is present": the length was checked above
    // and the all-zero result, the one check RFC 7748 §6 asks for, is below;
    // skipping it spares a context per handshake. The NIST curves' check
    // (the point is on the curve) stays on.
    const int validate_peer = g->kind == Kind::nist ? 1 : 0;
    if (EVP_PKEY_derive_set_peer_ex(ctx.get(), peer_key.get(), validate_peer) <= 0)
        return bad_share(*g, "libcrypto rejects the public value");
    std::size_t len = 0;
    if (EVP_PKEY_derive(ctx.get(), nullptr, &len) <= 0) return internal(*g, "cannot size the secret");
    SecretBytes secret(len);
    if (EVP_PKEY_derive(ctx.get(), secret.data(), &len) <= 0) {
        // libcrypto's X25519/X448 refuse an all-zero result themselves.
        if (g->kind == Kind::xdh) return bad_share(*g, "shared secret is all zeros (a small-order point)");
        return internal(*g, "derivation failed");
    }
    secret.resize(len);

    if (g->kind == Kind::xdh) {
        // RFC 8446 §7.4.2: "implementations MUST check whether the computed
        // Diffie-Hellman shared secret is the all-zero value and abort if so"
        // (RFC 7748 §6.1, RFC 8422 §5.11).
        std::uint8_t any = 0;
        for (std::size_t i = 0; i < secret.size(); ++i) any |= secret[i];
        if (any == 0) return bad_share(*g, "shared secret is all zeros (a small-order point)");
    }
    if (g->kind == Kind::ffdhe && version != ProtocolVersion::tls13) {
        // RFC 5246 §8.1.2: "Leading bytes of Z that contain all zero bits are
        // stripped before it is used as the pre_master_secret."
        std::size_t zeros = 0;
        while (zeros + 1 < secret.size() && secret[zeros] == 0) ++zeros;
        if (zeros > 0) {
            SecretBytes stripped(secret.view().subspan(zeros));
            return stripped;
        }
    }
    return secret;
}

}  // namespace tlspp::crypto
