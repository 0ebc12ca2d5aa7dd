// crypto/cbc_hmac.hpp: HMAC for TLS 1.2 CBC records (RFC 5246 §6.2.3.2,
// RFC 2104) whose work does not depend on a secret message length.
//
// In MAC-then-encrypt the length of the MACed content is only known after
// the padding is removed, and the padding length is secret: an HMAC whose
// number of hash compression-function calls follows the content length
// leaks it through timing (Lucky13, AlFardan and Paterson 2013). compute()
// hashes a public minimum prefix normally, then runs the compression function
// on every block that could hold the end of the message, building each with
// masks and keeping the state after the real last block by mask, as
// BoringSSL's EVP_tls_cbc_digest_record does.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "crypto/hash.hpp"
#include "tlspp/result.hpp"

namespace tlspp::crypto {

// RecordMac is an HMAC key for SHA-1, SHA-256 or SHA-384 with its inner and
// outer pad blocks hashed once (RFC 2104 §2), so a MAC costs only the
// compression calls over the message and one for the outer hash.
class RecordMac {
public:
    static constexpr std::size_t max_length = 48;

    // create fails with internal_error for SHA-512 (no TLS 1.2 CBC suite MACs with it).
    static Result<RecordMac> create(HashAlg alg, ByteView key);
    RecordMac(const RecordMac&) = default;
    RecordMac& operator=(const RecordMac&) = default;
    ~RecordMac();

    HashAlg alg() const { return alg_; }
    std::size_t length() const { return hash_length(alg_); }

    // compute writes HMAC(key, header || data.first(data_length)) to `out`
    // (at least length() bytes). header.size(), data.size() and min_length
    // are public; data_length is secret, with min_length <= data_length <=
    // data.size() (it is clamped into that range without a branch). The
    // compression calls and the memory reads depend only on the public sizes:
    // all of `data` is read whatever data_length is.
    void compute(ByteView header, ByteView data, std::size_t data_length, std::size_t min_length,
                 std::span<std::uint8_t> out) const;
    // compute over public data: the whole of `data`.
    void compute(ByteView header, ByteView data, std::span<std::uint8_t> out) const {
        compute(header, data, data.size(), data.size(), out);
    }

private:
    explicit RecordMac(HashAlg alg) : alg_(alg) {}
    HashAlg alg_;
    // Chaining values after the K0^ipad and K0^opad blocks; 32-bit words for
    // SHA-1 and SHA-256 are stored widened.
    std::array<std::uint64_t, 8> inner_{};
    std::array<std::uint64_t, 8> outer_{};
};

// record_mac_compressions counts the hash compression-function calls that
// RecordMac has made on this thread since it started: a test hook to check
// that opening a record does the same work whatever its padding.
std::uint64_t record_mac_compressions();

}  // namespace tlspp::crypto
