// crypto/cbc_hmac.cpp: a constant-time HMAC over a secret-length message,
// built on the SHA compression functions.
//
// EVP cannot do this: EVP_DigestUpdate and EVP_DigestFinal compress as many
// blocks as the message needs, so their work follows the secret length. We
// call the compression functions directly (SHA1_Transform, SHA256_Transform,
// SHA512_Transform for SHA-384), which OpenSSL 3.0 deprecates but still
// exports; the deprecation warnings are silenced for this file only.
//
// The secret part of the message is processed as in BoringSSL's
// EVP_sha1_final_with_secret_suffix (our own code, same idea): with p public
// bytes already buffered, the message padding (FIPS 180-4 §5.1: 0x80, zeros,
// the bit length) ends in block `last` = (p + l + length_field) / block for a
// secret length l. We compress every block up to the last one any allowed l
// could need; each byte of each block is chosen by masks (data below l, 0x80
// at l, zero after, the bit length in the final bytes of block `last` only),
// and the chaining value after block `last` is kept by mask.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "crypto/cbc_hmac.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "crypto/constant_time.hpp"

namespace tlspp::crypto {

namespace {

thread_local std::uint64_t compressions = 0;

// One struct per hash: its block and length-field sizes (FIPS 180-4 §5.1),
// its initial chaining value, and one compression call. The OpenSSL context
// is only a carrier for the chaining value: the *_Transform functions read
// and write its h fields and nothing else.
struct Sha1 {
    using Word = std::uint32_t;
    using Ctx = SHA_CTX;
    static constexpr std::size_t words = 5, block = 64, length_field = 8, digest = 20;
    static void initial(Word* h) {
        SHA_CTX c;
        SHA1_Init(&c);
        Word v[5] = {c.h0, c.h1, c.h2, c.h3, c.h4};
        std::memcpy(h, v, sizeof v);
    }
    static void compress(Ctx& c, Word* h, const std::uint8_t* in) {
        c.h0 = h[0], c.h1 = h[1], c.h2 = h[2], c.h3 = h[3], c.h4 = h[4];
        SHA1_Transform(&c, in);
        h[0] = c.h0, h[1] = c.h1, h[2] = c.h2, h[3] = c.h3, h[4] = c.h4;
        ++compressions;
    }
};

struct Sha256 {
    using Word = std::uint32_t;
    using Ctx = SHA256_CTX;
    static constexpr std::size_t words = 8, block = 64, length_field = 8, digest = 32;
    static void initial(Word* h) {
        SHA256_CTX c;
        SHA256_Init(&c);
        for (std::size_t i = 0; i < words; ++i) h[i] = c.h[i];
    }
    static void compress(Ctx& c, Word* h, const std::uint8_t* in) {
        for (std::size_t i = 0; i < words; ++i) c.h[i] = h[i];
        SHA256_Transform(&c, in);
        for (std::size_t i = 0; i < words; ++i) h[i] = c.h[i];
        ++compressions;
    }
};

// SHA-384 is SHA-512's compression function from a different initial value,
// truncated to 48 bytes (FIPS 180-4 §6.5).
struct Sha384 {
    using Word = std::uint64_t;
    using Ctx = SHA512_CTX;
    static constexpr std::size_t words = 8, block = 128, length_field = 16, digest = 48;
    static void initial(Word* h) {
        SHA512_CTX c;
        SHA384_Init(&c);
        for (std::size_t i = 0; i < words; ++i) h[i] = c.h[i];
    }
    static void compress(Ctx& c, Word* h, const std::uint8_t* in) {
        for (std::size_t i = 0; i < words; ++i) c.h[i] = h[i];
        SHA512_Transform(&c, in);
        for (std::size_t i = 0; i < words; ++i) h[i] = c.h[i];
        ++compressions;
    }
};

// The big-endian digest of a chaining value (FIPS 180-4 §6.1.2 step 4, §6.5).
template <class H>
void write_digest(const typename H::Word* h, std::uint8_t* out) {
    constexpr std::size_t w = sizeof(typename H::Word);
    for (std::size_t i = 0; i < H::digest; ++i) out[i] = static_cast<std::uint8_t>(h[i / w] >> (8 * (w - 1 - i % w)));
}

// RFC 2104 §2: K0 is the key (hashed first if longer than a block) padded
// with zeros; the inner and outer states start from K0^ipad and K0^opad.
template <class H>
void key_states(HashAlg alg, ByteView key, std::uint64_t* inner, std::uint64_t* outer) {
    std::uint8_t k0[H::block] = {};
    if (key.size() > H::block) {
        Bytes d = digest(alg, key);
        std::memcpy(k0, d.data(), d.size());
        OPENSSL_cleanse(d.data(), d.size());
    } else if (!key.empty()) {
        std::memcpy(k0, key.data(), key.size());
    }
    typename H::Ctx ctx;
    std::uint8_t pad[H::block];
    typename H::Word h[8];
    for (int which = 0; which < 2; ++which) {
        const std::uint8_t x = which == 0 ? 0x36 : 0x5c;
        for (std::size_t i = 0; i < H::block; ++i) pad[i] = k0[i] ^ x;
        H::initial(h);
        H::compress(ctx, h, pad);
        std::uint64_t* dst = which == 0 ? inner : outer;
        for (std::size_t i = 0; i < H::words; ++i) dst[i] = h[i];
    }
    OPENSSL_cleanse(k0, sizeof k0);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(h, sizeof h);
    OPENSSL_cleanse(&ctx, sizeof ctx);
}

template <class H>
void mac(const std::uint64_t* inner, const std::uint64_t* outer, ByteView header, ByteView data,
         std::size_t data_length, std::size_t min_length, std::uint8_t* out) {
    using Word = typename H::Word;
    constexpr std::size_t B = H::block;
    typename H::Ctx ctx;
    Word h[8];
    for (std::size_t i = 0; i < H::words; ++i) h[i] = static_cast<Word>(inner[i]);

    // Public bounds: a bad min_length is a caller bug, clamped (public); the
    // secret length is clamped into [min_length, data.size()] by mask.
    if (min_length > data.size()) min_length = data.size();
    std::size_t l = data_length;
    l = ct::select(ct::lt(l, min_length), min_length, l);
    l = ct::select(ct::lt(data.size(), l), data.size(), l);
    // The message length in bits counts the K0^ipad block too (FIPS 180-4 §5.1).
    const std::uint64_t bits = static_cast<std::uint64_t>(B + header.size() + l) * 8;

    // 1. The public part, header || data[0, min_length): whole blocks are
    // compressed straight from the input, the rest waits in `buf`.
    std::uint8_t buf[B];
    std::size_t fill = 0;
    auto absorb = [&](ByteView in) {
        while (!in.empty()) {
            if (fill == 0 && in.size() >= B) {
                H::compress(ctx, h, in.data());
                in = in.subspan(B);
                continue;
            }
            const std::size_t n = std::min(B - fill, in.size());
            std::memcpy(buf + fill, in.data(), n);
            fill += n;
            in = in.subspan(n);
            if (fill == B) {
                H::compress(ctx, h, buf);
                fill = 0;
            }
        }
    };
    absorb(header);
    absorb(data.first(min_length));

    // 2. The secret part: rest[0, l - min_length) of at most rest.size() bytes.
    const ByteView rest = data.subspan(min_length);
    const std::size_t p = fill;
    const std::size_t secret = l - min_length;
    const std::size_t last = (p + secret + H::length_field) / B;
    const std::size_t blocks = (p + rest.size() + H::length_field) / B + 1;
    Word result[8] = {};
    std::uint8_t block[B];
    for (std::size_t i = 0; i < blocks; ++i) {
        const ct::Mask is_last = ct::eq(i, last);
        for (std::size_t j = 0; j < B; ++j) {
            const std::size_t pos = i * B + j;
            std::uint8_t b;
            if (pos < p) {
                b = buf[pos];   // public: the buffered prefix, only in block 0
            } else {
                const std::size_t k = pos - p;
                const std::uint8_t d = k < rest.size() ? rest[k] : 0;   // public bound
                b = static_cast<std::uint8_t>((d & ct::byte(ct::lt(k, secret))) | (0x80 & ct::byte(ct::eq(k, secret))));
            }
            // The 64-bit big-endian bit count fills the last 8 bytes of block
            // `last` (SHA-384's 128-bit field has its high half zero).
            if (j >= B - 8) b |= static_cast<std::uint8_t>(bits >> (8 * (B - 1 - j))) & ct::byte(is_last);
            block[j] = b;
        }
        H::compress(ctx, h, block);
        for (std::size_t w = 0; w < H::words; ++w) result[w] |= h[w] & static_cast<Word>(is_last);
    }

    // 3. The outer hash: K0^opad was compressed at key setup, so one block
    // holds the inner digest, 0x80 and the bit length (it always fits).
    std::uint8_t outer_block[B] = {};
    write_digest<H>(result, outer_block);
    outer_block[H::digest] = 0x80;
    const std::uint64_t outer_bits = static_cast<std::uint64_t>(B + H::digest) * 8;
    for (std::size_t j = 0; j < 8; ++j) outer_block[B - 1 - j] = static_cast<std::uint8_t>(outer_bits >> (8 * j));
    for (std::size_t i = 0; i < H::words; ++i) h[i] = static_cast<Word>(outer[i]);
    H::compress(ctx, h, outer_block);
    write_digest<H>(h, out);

    OPENSSL_cleanse(h, sizeof h);
    OPENSSL_cleanse(result, sizeof result);
    OPENSSL_cleanse(buf, sizeof buf);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(outer_block, sizeof outer_block);
    OPENSSL_cleanse(&ctx, sizeof ctx);
}

}  // namespace

Result<RecordMac> RecordMac::create(HashAlg alg, ByteView key) {
    RecordMac m(alg);
    switch (alg) {
    case HashAlg::sha1: key_states<Sha1>(alg, key, m.inner_.data(), m.outer_.data()); break;
    case HashAlg::sha256: key_states<Sha256>(alg, key, m.inner_.data(), m.outer_.data()); break;
    case HashAlg::sha384: key_states<Sha384>(alg, key, m.inner_.data(), m.outer_.data()); break;
    case HashAlg::sha224:
    case HashAlg::sha512:
        return make_error(Reason::internal_error, "record MAC: HMAC-SHA224/512 is not a TLS 1.2 CBC MAC");
    }
    return m;
}

RecordMac::~RecordMac() {
    OPENSSL_cleanse(inner_.data(), sizeof inner_);
    OPENSSL_cleanse(outer_.data(), sizeof outer_);
}

void RecordMac::compute(ByteView header, ByteView data, std::size_t data_length, std::size_t min_length,
                        std::span<std::uint8_t> out) const {
    if (out.size() < length()) std::abort();   // a bug in the caller
    switch (alg_) {
    case HashAlg::sha1:
        mac<Sha1>(inner_.data(), outer_.data(), header, data, data_length, min_length, out.data());
        break;
    case HashAlg::sha256:
        mac<Sha256>(inner_.data(), outer_.data(), header, data, data_length, min_length, out.data());
        break;
    case HashAlg::sha384:
    case HashAlg::sha224:   // create() refuses SHA-224
    case HashAlg::sha512:   // and SHA-512
        mac<Sha384>(inner_.data(), outer_.data(), header, data, data_length, min_length, out.data());
        break;
    }
}

std::uint64_t record_mac_compressions() { return compressions; }

}  // namespace tlspp::crypto
