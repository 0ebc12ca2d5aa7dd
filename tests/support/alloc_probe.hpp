// AllocProbe: looks at what the heap gets back, to prove secrets are wiped
// before their memory is freed (tests/handshake/secrets_hygiene_test.cpp).
//
//   test::AllocProbe probe;                        // active on this thread until destroyed
//   probe.watch("master_secret", master);          // every 16-byte window of it
//   ... run a handshake, destroy the connections ...
//   EXPECT_TRUE(probe.hits().empty());             // no freed block held a window
//
// alloc_probe.cpp replaces the global operator new/delete of the test binary
// (tlspp_tests is one executable, so this affects every test): each block
// carries a 16-byte header with its size, and frees are a plain pass-through
// unless a probe is active on the freeing thread. While one is, each block
// freed by that thread is scanned for the watched windows before it goes back
// to malloc. libcrypto's allocations (OPENSSL_malloc/free) go through the
// same hooks when CRYPTO_set_mem_functions could be installed before
// libcrypto's first allocation (see covers_libcrypto()); a block freed with
// OPENSSL_clear_free has been cleansed by then, so only plain frees of secret
// bytes show up. Blocks allocated while a probe is active are zero-filled,
// so a hit is a secret written during the block's life, not stale bytes
// from an earlier free. TLSPP_ALLOC_PROBE_STACKS=1 prints the freeing call
// stack of each hit. bench/ has its own counting allocator in its own binary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tlspp::test {

class AllocProbe {
public:
    static constexpr std::size_t kWindow = 16;   // bytes of a secret that count as a leak
    static constexpr std::size_t kMaxSecrets = 32;
    static constexpr std::size_t kMaxSecretLength = 512;   // an ffdhe4096 pre-master secret

    // The probe is active on the constructing thread from here until its
    // destructor; only one may exist at a time (aborts otherwise: a test bug).
    AllocProbe();
    ~AllocProbe();
    AllocProbe(const AllocProbe&) = delete;
    AllocProbe& operator=(const AllocProbe&) = delete;

    // watch registers `secret` under `label` (both copied into static
    // storage, not the heap). Returns false, registering nothing, if the
    // secret is shorter than kWindow or longer than kMaxSecretLength, or
    // kMaxSecrets are already watched.
    bool watch(std::string_view label, std::span<const std::uint8_t> secret);
    std::size_t watched() const;

    struct Hit {
        std::string label;        // the secret found
        std::size_t block_size;   // size of the freed block
        std::size_t offset;       // where in the block the window starts
        bool libcrypto;           // freed by OPENSSL_free (else operator delete)
    };
    // hits lists the freed blocks that held a window of a watched secret
    // (one entry per block and secret; at most 256 are kept).
    std::vector<Hit> hits() const;
    std::size_t blocks_scanned() const;

    // covers_libcrypto says whether libcrypto's frees are scanned too.
    static bool covers_libcrypto();
};

std::string describe(const std::vector<AllocProbe::Hit>& hits);

}  // namespace tlspp::test
