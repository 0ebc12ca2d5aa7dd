// tests/support/alloc_probe.cpp: the global operator new/delete of the test
// binary, with a scan of freed blocks while an AllocProbe is active (see
// alloc_probe.hpp). Nothing here allocates from the heap it watches: the
// watched secrets and the hits found live in static arrays.
#include "support/alloc_probe.hpp"

#include <execinfo.h>
#include <openssl/crypto.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace tlspp::test {

namespace {

// Every block starts with this header; the caller's pointer follows it. An
// over-aligned block puts the header just before the aligned pointer and
// keeps the base that free() needs.
struct alignas(16) Header {
    void* base;
    std::size_t size;
};
static_assert(sizeof(Header) == 16);

struct Secret {
    char label[48];
    std::uint8_t bytes[AllocProbe::kMaxSecretLength];
    std::size_t length;
};

struct StoredHit {
    char label[48];
    std::size_t block_size;
    std::size_t offset;
    bool libcrypto;
};

constexpr std::size_t kMaxHits = 256;
constexpr std::size_t kBloomBits = 1 << 16;

std::atomic<bool> g_probe_exists{false};
thread_local bool t_active = false;    // a probe is active on this thread
thread_local bool t_in_scan = false;   // no scan inside a scan
Secret g_secrets[AllocProbe::kMaxSecrets];
std::size_t g_secret_count = 0;
StoredHit g_hits[kMaxHits];
std::size_t g_hit_count = 0;
std::size_t g_scanned = 0;
// A filter on the first 8 bytes of each watched window: most positions of a
// freed block are rejected with one lookup.
std::uint64_t g_bloom[kBloomBits / 64];
bool g_libcrypto_hooked = false;

std::size_t bloom_index(std::uint64_t prefix) { return (prefix * 0x9E3779B97F4A7C15ull) >> 48; }

void copy_label(char (&out)[48], std::string_view label) {
    const std::size_t n = label.size() < sizeof out - 1 ? label.size() : sizeof out - 1;
    std::memcpy(out, label.data(), n);
    out[n] = '\0';
}

// scan looks for every watched window in a block about to be freed.
void scan(const std::uint8_t* p, std::size_t n, bool libcrypto) {
    if (!t_active || t_in_scan || n < AllocProbe::kWindow || g_secret_count == 0) return;
    t_in_scan = true;
    ++g_scanned;
    std::uint32_t reported = 0;   // one hit per block and secret
    for (std::size_t i = 0; i + AllocProbe::kWindow <= n; ++i) {
        std::uint64_t prefix;
        std::memcpy(&prefix, p + i, sizeof prefix);
        const std::size_t bit = bloom_index(prefix);
        if (!(g_bloom[bit / 64] >> (bit % 64) & 1)) continue;
        for (std::size_t s = 0; s < g_secret_count; ++s) {
            if (reported >> s & 1) continue;
            const Secret& secret = g_secrets[s];
            for (std::size_t off = 0; off + AllocProbe::kWindow <= secret.length; ++off) {
                if (std::memcmp(p + i, secret.bytes + off, AllocProbe::kWindow) != 0) continue;
                reported |= std::uint32_t{1} << s;
                // TLSPP_ALLOC_PROBE_STACKS=1 prints where the block is freed
                // (no allocation: backtrace_symbols_fd writes to the fd).
                if (std::getenv("TLSPP_ALLOC_PROBE_STACKS")) {
                    void* frames[32];
                    std::fprintf(stderr, "AllocProbe: %s in a freed %zu-byte block, freed at:\n", secret.label, n);
                    backtrace_symbols_fd(frames, backtrace(frames, 32), 2);
                }
                if (g_hit_count < kMaxHits) {
                    StoredHit& h = g_hits[g_hit_count++];
                    std::memcpy(h.label, secret.label, sizeof h.label);
                    h.block_size = n;
                    h.offset = i;
                    h.libcrypto = libcrypto;
                }
                break;
            }
        }
    }
    t_in_scan = false;
}

// fresh fills a block allocated while a probe is active, so that bytes its
// owner never writes (a container's spare capacity) cannot carry stale data
// from an earlier, unrelated free into a false hit.
void* fresh(void* user, std::size_t n) {
    if (t_active && user) std::memset(user, 0, n);
    return user;
}

void* allocate(std::size_t n, std::size_t align) {
    if (align <= alignof(Header)) {
        void* base = std::malloc(n + sizeof(Header));
        if (!base) return nullptr;
        auto* h = static_cast<Header*>(base);
        *h = Header{base, n};
        return fresh(h + 1, n);
    }
    // The caller's pointer is base + align, so the header fits before it.
    const std::size_t total = (n + align + align - 1) / align * align;
    void* base = std::aligned_alloc(align, total);
    if (!base) return nullptr;
    auto* user = static_cast<char*>(base) + align;
    *(reinterpret_cast<Header*>(user) - 1) = Header{base, n};
    return fresh(user, n);
}

void release(void* p, bool libcrypto) {
    if (!p) return;
    Header* h = static_cast<Header*>(p) - 1;
    scan(static_cast<const std::uint8_t*>(p), h->size, libcrypto);
    std::free(h->base);
}

void* allocate_or_throw(std::size_t n, std::size_t align) {
    for (;;) {
        if (void* p = allocate(n, align)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

// libcrypto's hooks. realloc is malloc + copy + free so that the old block
// is scanned like any other (a growing buffer leaves its old bytes behind).
void* crypto_malloc(std::size_t n, const char*, int) { return allocate(n, alignof(Header)); }
void crypto_free(void* p, const char*, int) { release(p, true); }
void* crypto_realloc(void* p, std::size_t n, const char*, int) {
    if (!p) return allocate(n, alignof(Header));
    if (n == 0) {
        release(p, true);
        return nullptr;
    }
    void* q = allocate(n, alignof(Header));
    if (!q) return nullptr;
    const std::size_t old = (static_cast<Header*>(p) - 1)->size;
    std::memcpy(q, p, old < n ? old : n);
    release(p, true);
    return q;
}

// CRYPTO_set_mem_functions works only before libcrypto's first allocation,
// so it runs from a constructor that comes before the static initialisers of
// this binary (which may load keys). libcrypto's own ELF constructors run
// earlier still; if one of them had allocated, the call fails, libcrypto
// keeps plain malloc/free and covers_libcrypto() says so.
__attribute__((constructor(101))) void hook_libcrypto() {
    g_libcrypto_hooked = CRYPTO_set_mem_functions(crypto_malloc, crypto_realloc, crypto_free) == 1;
}

}  // namespace

AllocProbe::AllocProbe() {
    if (g_probe_exists.exchange(true)) {
        std::fputs("AllocProbe: only one probe at a time\n", stderr);
        std::abort();
    }
    g_secret_count = 0;
    g_hit_count = 0;
    g_scanned = 0;
    std::memset(g_bloom, 0, sizeof g_bloom);
    t_active = true;
}

AllocProbe::~AllocProbe() {
    t_active = false;
    // Forget the secrets: the probe's own copies are wiped too.
    OPENSSL_cleanse(g_secrets, sizeof g_secrets);
    g_secret_count = 0;
    g_probe_exists = false;
}

bool AllocProbe::watch(std::string_view label, std::span<const std::uint8_t> secret) {
    if (secret.size() < kWindow || secret.size() > kMaxSecretLength || g_secret_count == kMaxSecrets) return false;
    Secret& s = g_secrets[g_secret_count];
    copy_label(s.label, label);
    std::memcpy(s.bytes, secret.data(), secret.size());
    s.length = secret.size();
    for (std::size_t off = 0; off + kWindow <= s.length; ++off) {
        std::uint64_t prefix;
        std::memcpy(&prefix, s.bytes + off, sizeof prefix);
        const std::size_t bit = bloom_index(prefix);
        g_bloom[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    ++g_secret_count;   // last, so a scan never sees a half-written entry
    return true;
}

std::size_t AllocProbe::watched() const { return g_secret_count; }

std::vector<AllocProbe::Hit> AllocProbe::hits() const {
    const std::size_t count = g_hit_count;   // the vector's own blocks are scanned too
    std::vector<Hit> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(Hit{g_hits[i].label, g_hits[i].block_size, g_hits[i].offset, g_hits[i].libcrypto});
    return out;
}

std::size_t AllocProbe::blocks_scanned() const { return g_scanned; }

bool AllocProbe::covers_libcrypto() { return g_libcrypto_hooked; }

std::string describe(const std::vector<AllocProbe::Hit>& hits) {
    std::string out;
    for (const auto& h : hits)
        out += "  " + h.label + " in a freed " + std::to_string(h.block_size) + "-byte block at offset " +
               std::to_string(h.offset) + (h.libcrypto ? " (OPENSSL_free)\n" : " (operator delete)\n");
    return out;
}

}  // namespace tlspp::test

// The replaceable global allocation functions ([new.delete]); every form, so
// that no block reaches a delete without the header.
void* operator new(std::size_t n) { return tlspp::test::allocate_or_throw(n, 0); }
void* operator new[](std::size_t n) { return tlspp::test::allocate_or_throw(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) {
    return tlspp::test::allocate_or_throw(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return tlspp::test::allocate_or_throw(n, static_cast<std::size_t>(a));
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return tlspp::test::allocate(n, 0); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return tlspp::test::allocate(n, 0); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return tlspp::test::allocate(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return tlspp::test::allocate(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p) noexcept { tlspp::test::release(p, false); }
void operator delete(void* p, std::size_t) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p, std::size_t) noexcept { tlspp::test::release(p, false); }
void operator delete(void* p, std::align_val_t) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p, std::align_val_t) noexcept { tlspp::test::release(p, false); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { tlspp::test::release(p, false); }
void operator delete(void* p, const std::nothrow_t&) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { tlspp::test::release(p, false); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { tlspp::test::release(p, false); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    tlspp::test::release(p, false);
}
