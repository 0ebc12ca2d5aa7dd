#include "crypto/dhe_client.hpp"

#include <openssl/bn.h>
#include <openssl/err.h>

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

// libcrypto_failure leaves libcrypto's error queue empty, so a later
// operation on this thread does not read our failure as its own.
Error libcrypto_failure(std::string what) {
    ERR_clear_error();
    return make_error(Reason::internal_error, "DHE: " + std::move(what));
}

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

Status check_dhe_prime_size(std::span<const std::uint8_t> p, int min_bits) {
    std::size_t first = 0;
    while (first < p.size() && p[first] == 0) ++first;
    long long bits = 0;
    if (first < p.size()) {
        bits = static_cast<long long>(p.size() - first - 1) * 8;
        for (unsigned top = p[first]; top; top >>= 1) ++bits;
    }
    if (bits < min_bits)
        return make_error(Reason::insufficient_security, "DHE: the server's prime has " + std::to_string(bits) +
                                                             " bits, at least " + std::to_string(min_bits) + " required");
    // RFC 5246 §7.2.2: illegal_parameter "A field in the handshake was out of
    // range"; OpenSSL's client answers a prime above its limit so too
    // (DH_check_params: DH_MODULUS_TOO_LARGE -> SSL_R_BAD_DH_VALUE, illegal_parameter).
    if (bits > max_dhe_prime_bits)
        return make_error(Reason::bad_key_share, "DHE: the server's prime has " + std::to_string(bits) +
                                                     " bits, at most " + std::to_string(max_dhe_prime_bits) + " accepted");
    return {};
}

Result<DheClientShare> dhe_client_agree(std::span<const std::uint8_t> p_bytes, std::span<const std::uint8_t> g_bytes,
                                        std::span<const std::uint8_t> server_public, RandomSource& random,
                                        int min_bits) {
    // Before BN_bin2bn: even building a huge number costs.
    if (auto size = check_dhe_prime_size(p_bytes, min_bits); !size) return std::move(size).error();
    Bn p = from_bytes(p_bytes), g = from_bytes(g_bytes), ys = from_bytes(server_public);
    Bn p_minus_1(BN_new()), x(BN_new()), yc(BN_new()), z(BN_new());
    std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_secure_new());
    if (!p || !g || !ys || !p_minus_1 || !x || !yc || !z || !ctx)
        return libcrypto_failure("out of memory");
    const int bits = BN_num_bits(p.get());
    if (!BN_is_odd(p.get())) return bad("the prime is even");
    if (!BN_sub(p_minus_1.get(), p.get(), BN_value_one())) return libcrypto_failure("BN_sub");
    if (!in_range(g.get(), p_minus_1.get())) return bad("the generator is not in 1 < g < p-1");
    if (!in_range(ys.get(), p_minus_1.get())) return bad("the server's public value is not in 1 < Ys < p-1");

    const int x_bits = exponent_bits(bits);
    SecretBytes x_bytes(static_cast<std::size_t>((x_bits + 7) / 8));
    do {
        random.fill(x_bytes.span());
        x_bytes[0] &= static_cast<std::uint8_t>(0xff >> (8 * x_bytes.size() - x_bits));
        if (!BN_bin2bn(x_bytes.data(), static_cast<int>(x_bytes.size()), x.get()))
            return libcrypto_failure("BN_bin2bn");
    } while (BN_is_zero(x.get()) || BN_is_one(x.get()));
    BN_set_flags(x.get(), BN_FLG_CONSTTIME);

    if (!BN_mod_exp_mont_consttime(yc.get(), g.get(), x.get(), p.get(), ctx.get(), nullptr) ||
        !BN_mod_exp_mont_consttime(z.get(), ys.get(), x.get(), p.get(), ctx.get(), nullptr))
        return libcrypto_failure("modular exponentiation failed");
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
