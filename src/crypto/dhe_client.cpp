#include "crypto/dhe_client.hpp"

#include <openssl/bn.h>

#include <memory>
#include <string>

namespace tlspp::crypto {

namespace {

struct BnFree {
    void operator()(BIGNUM* b) const { BN_clear_free(b); }
};
struct BnCtxFree {
    void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

Bn from_bytes(std::span<const std::uint8_t> v) { return Bn(BN_bin2bn(v.data(), static_cast<int>(v.size()), nullptr)); }

Error bad(std::string what) { return make_error(Reason::bad_key_share, "DHE: " + std::move(what)); }

// 1 < v < p-1 (RFC 7919 §5.1 states it for Y; it rules out g and Y of order 1 or 2).
bool in_range(const BIGNUM* v, const BIGNUM* p_minus_1) {
    return BN_cmp(v, BN_value_one()) > 0 && BN_cmp(v, p_minus_1) < 0;
}

// Twice the group's security strength, as RFC 7919 Appendix A suggests for
// safe primes: 225 bits for 2048-bit p, 275 for 3072, 325 above.
int exponent_bits(int p_bits) {
    if (p_bits <= 2048) return 225;
    if (p_bits <= 3072) return 275;
    return 325;
}

}  // namespace

Result<DheClientShare> dhe_client_agree(std::span<const std::uint8_t> p_bytes, std::span<const std::uint8_t> g_bytes,
                                        std::span<const std::uint8_t> server_public, RandomSource& random,
                                        int min_bits) {
    Bn p = from_bytes(p_bytes), g = from_bytes(g_bytes), ys = from_bytes(server_public);
    Bn p_minus_1(BN_new()), x(BN_new()), yc(BN_new()), z(BN_new());
    std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_secure_new());
    if (!p || !g || !ys || !p_minus_1 || !x || !yc || !z || !ctx)
        return make_error(Reason::internal_error, "DHE: out of memory");
    const int bits = BN_num_bits(p.get());
    if (bits < min_bits)
        return make_error(Reason::insufficient_security, "DHE: the server's prime has " + std::to_string(bits) +
                                                             " bits, at least " + std::to_string(min_bits) + " required");
    if (!BN_is_odd(p.get())) return bad("the prime is even");
    if (!BN_sub(p_minus_1.get(), p.get(), BN_value_one())) return make_error(Reason::internal_error, "DHE: BN_sub");
    if (!in_range(g.get(), p_minus_1.get())) return bad("the generator is not in 1 < g < p-1");
    if (!in_range(ys.get(), p_minus_1.get())) return bad("the server's public value is not in 1 < Ys < p-1");

    const int x_bits = exponent_bits(bits);
    SecretBytes x_bytes(static_cast<std::size_t>((x_bits + 7) / 8));
    do {
        random.fill(x_bytes.span());
        x_bytes[0] &= static_cast<std::uint8_t>(0xff >> (8 * x_bytes.size() - x_bits));
        if (!BN_bin2bn(x_bytes.data(), static_cast<int>(x_bytes.size()), x.get()))
            return make_error(Reason::internal_error, "DHE: BN_bin2bn");
    } while (BN_is_zero(x.get()) || BN_is_one(x.get()));
    BN_set_flags(x.get(), BN_FLG_CONSTTIME);

    if (!BN_mod_exp_mont_consttime(yc.get(), g.get(), x.get(), p.get(), ctx.get(), nullptr) ||
        !BN_mod_exp_mont_consttime(z.get(), ys.get(), x.get(), p.get(), ctx.get(), nullptr))
        return make_error(Reason::internal_error, "DHE: modular exponentiation failed");
    if (BN_is_one(z.get()) || BN_is_zero(z.get())) return bad("the shared secret is degenerate");

    DheClientShare out;
    out.public_value.resize(static_cast<std::size_t>(BN_num_bytes(yc.get())));
    BN_bn2bin(yc.get(), out.public_value.data());
    // RFC 5246 §8.1.2: "Leading bytes of Z that contain all zero bits are stripped".
    out.shared_secret.resize(static_cast<std::size_t>(BN_num_bytes(z.get())));
    BN_bn2bin(z.get(), out.shared_secret.data());
    return out;
}

}  // namespace tlspp::crypto
