// bench/alloc_count.cpp: the counting allocator (see alloc_count.hpp).
#include "alloc_count.hpp"

#include <cxxabi.h>
#include <execinfo.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

namespace bench::alloc {

namespace {

Counters g_counters[tag_count];
Tag g_tag = other;

// Header in front of every block. Blocks with a larger alignment put the
// header just before the aligned user pointer and keep the base to free.
struct alignas(16) Header {
    void* base;
    std::uint32_t size_lo;
    std::uint16_t size_hi;
    std::uint16_t tag;
};
static_assert(sizeof(Header) == 16);

inline std::size_t header_size(const Header* h) {
    return static_cast<std::size_t>(h->size_lo) | (static_cast<std::size_t>(h->size_hi) << 32);
}

// ---- site tracing: containers that allocate with malloc, never through us ----
template <class T> struct RawAlloc {
    using value_type = T;
    RawAlloc() = default;
    template <class U> RawAlloc(const RawAlloc<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(std::malloc(n * sizeof(T))); }
    void deallocate(T* p, std::size_t) { std::free(p); }
    template <class U> bool operator==(const RawAlloc<U>&) const { return true; }
};
constexpr int kFrames = 40;
using Stack = std::array<void*, kFrames>;
struct StackHash {
    std::size_t operator()(const Stack& s) const {
        std::size_t h = 0;
        for (void* p : s) h = h * 31 + reinterpret_cast<std::size_t>(p);
        return h;
    }
};
struct SiteStats { std::uint64_t calls = 0; };
struct Live { Stack stack; std::size_t size; std::uint16_t tag; };
bool g_trace = false;
bool g_in_trace = false;
using LiveMap = std::unordered_map<void*, Live, std::hash<void*>, std::equal_to<void*>, RawAlloc<std::pair<void* const, Live>>>;
using CallMap = std::unordered_map<Stack, SiteStats, StackHash, std::equal_to<Stack>, RawAlloc<std::pair<const Stack, SiteStats>>>;
LiveMap* g_live = nullptr;
CallMap* g_calls[tag_count] = {};

void note_alloc(void* user, std::size_t n) {
    if (!g_trace || g_in_trace) return;
    g_in_trace = true;
    Stack st{};
    void* frames[kFrames + 3];
    const int got = backtrace(frames, kFrames + 3);
    for (int i = 1; i < got && i <= kFrames; ++i) st[i - 1] = frames[i];
    (*g_live)[user] = Live{st, n, static_cast<std::uint16_t>(g_tag)};
    ++(*g_calls[g_tag])[st].calls;
    g_in_trace = false;
}
void note_free(void* user) {
    if (!g_live || g_in_trace) return;
    g_in_trace = true;
    g_live->erase(user);
    g_in_trace = false;
}

inline void charge(std::size_t n) {
    Counters& c = g_counters[g_tag];
    c.live_bytes += static_cast<std::int64_t>(n);
    ++c.calls;
    if (c.live_bytes > c.peak_bytes) c.peak_bytes = c.live_bytes;
}

inline void* finish(void* base, char* user, std::size_t n) {
    Header* h = reinterpret_cast<Header*>(user) - 1;
    h->base = base;
    h->size_lo = static_cast<std::uint32_t>(n);
    h->size_hi = static_cast<std::uint16_t>(static_cast<std::uint64_t>(n) >> 32);
    h->tag = static_cast<std::uint16_t>(g_tag);
    charge(n);
    if (g_trace) note_alloc(user, n);
    return user;
}

void* counted_malloc(std::size_t n) {
    void* base = std::malloc(n + sizeof(Header));
    if (!base) return nullptr;
    return finish(base, static_cast<char*>(base) + sizeof(Header), n);
}

void* counted_aligned(std::size_t n, std::size_t align) {
    if (align <= alignof(Header)) return counted_malloc(n);
    // The user pointer is base + align, so the header fits before it.
    const std::size_t total = ((n + align + align - 1) / align) * align;
    void* base = std::aligned_alloc(align, total);
    if (!base) return nullptr;
    return finish(base, static_cast<char*>(base) + align, n);
}

void counted_free(void* p) {
    if (!p) return;
    if (g_live) note_free(p);
    Header* h = static_cast<Header*>(p) - 1;
    Counters& c = g_counters[h->tag];
    c.live_bytes -= static_cast<std::int64_t>(header_size(h));
    std::free(h->base);
}

void* counted_realloc(void* p, std::size_t n) {
    if (!p) return counted_malloc(n);
    if (n == 0) {
        counted_free(p);
        return nullptr;
    }
    Header* h = static_cast<Header*>(p) - 1;
    const std::size_t old = header_size(h);
    if (h->base != static_cast<void*>(h)) {  // over-aligned block: move by hand
        void* q = counted_malloc(n);
        if (!q) return nullptr;
        std::memcpy(q, p, old < n ? old : n);
        counted_free(p);
        return q;
    }
    const Tag owner = static_cast<Tag>(h->tag);
    if (g_live) note_free(p);
    void* base = std::realloc(h, n + sizeof(Header));
    if (!base) return nullptr;
    g_counters[owner].live_bytes -= static_cast<std::int64_t>(old);
    return finish(base, static_cast<char*>(base) + sizeof(Header), n);
}

void* crypto_malloc(std::size_t n, const char*, int) { return counted_malloc(n); }
void* crypto_realloc(void* p, std::size_t n, const char*, int) { return counted_realloc(p, n); }
void crypto_free(void* p, const char*, int) { counted_free(p); }

}  // namespace

bool install() { return CRYPTO_set_mem_functions(crypto_malloc, crypto_realloc, crypto_free) == 1; }

Counters& counters(Tag tag) { return g_counters[tag]; }
Tag current() { return g_tag; }

Scope::Scope(Tag tag) : saved_(g_tag) { g_tag = tag; }
Scope::~Scope() { g_tag = saved_; }

void reset_peak(Tag tag) { g_counters[tag].peak_bytes = g_counters[tag].live_bytes; }

void trace(bool on) {
    g_in_trace = true;
    if (on && !g_live) {
        g_live = new (std::malloc(sizeof(LiveMap))) LiveMap();
        for (auto& c : g_calls) c = new (std::malloc(sizeof(CallMap))) CallMap();
    }
    g_trace = on;
    g_in_trace = false;
}

namespace {
std::string frame_name(void* addr) {
    char** sym = backtrace_symbols(&addr, 1);
    std::string text = sym ? sym[0] : "?";
    std::free(sym);
    // "binary(mangled+0x12) [0x...]": demangle the middle.
    const auto open = text.find('('), plus = text.find('+', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && plus != std::string::npos && plus > open + 1) {
        const std::string mangled = text.substr(open + 1, plus - open - 1);
        int status = 0;
        char* d = abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status);
        std::string name = status == 0 && d ? d : mangled;
        std::free(d);
        if (name.size() > 110) name = name.substr(0, 110) + "…";
        return name;
    }
    const auto slash = text.rfind('/');
    return slash == std::string::npos ? text : text.substr(slash + 1);
}

bool ours(const std::string& f) {
    return f.find("bench::alloc") != std::string::npos || f.find("operator new") != std::string::npos;
}

void print_stack(const Stack& st, int depth) {
    for (int i = 0, shown = 0; i < kFrames && st[i] && shown < depth; ++i) {
        const std::string f = frame_name(st[i]);
        if (ours(f)) continue;
        std::printf("      %s\n", f.c_str());
        ++shown;
    }
}
}  // namespace

void print_sites(Tag tag, int top, int depth) {
    g_in_trace = true;
    // Live bytes by stack.
    std::unordered_map<Stack, std::pair<std::size_t, std::size_t>, StackHash> live;   // bytes, blocks
    std::size_t total = 0;
    for (const auto& [p, l] : *g_live)
        if (l.tag == tag) {
            auto& e = live[l.stack];
            e.first += l.size, ++e.second, total += l.size;
        }
    std::vector<std::pair<Stack, std::pair<std::size_t, std::size_t>>> v(live.begin(), live.end());
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second.first > b.second.first; });
    std::printf("  live bytes traced: %zu in %zu blocks; top sites:\n", total, g_live->size());
    for (int i = 0; i < top && i < static_cast<int>(v.size()); ++i) {
        std::printf("    %zu bytes in %zu blocks\n", v[i].second.first, v[i].second.second);
        print_stack(v[i].first, depth);
    }
    // Allocation calls, grouped by the first frame outside libcrypto/libc (the caller in tlspp).
    std::uint64_t calls = 0;
    std::map<std::string, std::uint64_t> by_caller;
    for (const auto& [st, s] : *g_calls[tag]) {
        calls += s.calls;
        // Key: the first tlspp frame, and the outermost named libcrypto/libc call below it.
        std::string key, api;
        for (int i = 0; i < kFrames && st[i]; ++i) {
            const std::string f = frame_name(st[i]);
            if (ours(f)) continue;
            if (f.find("tlspp::") != std::string::npos || f.find("bench::") != std::string::npos) {
                key = f;
                break;
            }
            if (f.find(".so") == std::string::npos && f != "tlspp_bench") api = f;
        }
        by_caller[(key.empty() ? "?" : key) + (api.empty() ? "" : "  via " + api)] += s.calls;
    }
    std::vector<std::pair<std::string, std::uint64_t>> c(by_caller.begin(), by_caller.end());
    std::sort(c.begin(), c.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::printf("  allocation calls traced: %llu; top call chains (up to the first tlspp frame):\n",
                static_cast<unsigned long long>(calls));
    for (int i = 0; i < top && i < static_cast<int>(c.size()); ++i)
        std::printf("    %6llu  %s\n", static_cast<unsigned long long>(c[i].second), c[i].first.c_str());
    g_in_trace = false;
}

}  // namespace bench::alloc

// Global replacements: every C++ allocation of the process goes through the counter.
void* operator new(std::size_t n) {
    if (void* p = bench::alloc::counted_malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = bench::alloc::counted_malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return bench::alloc::counted_malloc(n ? n : 1); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return bench::alloc::counted_malloc(n ? n : 1); }
void* operator new(std::size_t n, std::align_val_t a) {
    if (void* p = bench::alloc::counted_aligned(n ? n : 1, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
    if (void* p = bench::alloc::counted_aligned(n ? n : 1, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { bench::alloc::counted_free(p); }
void operator delete[](void* p) noexcept { bench::alloc::counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { bench::alloc::counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { bench::alloc::counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { bench::alloc::counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { bench::alloc::counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { bench::alloc::counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { bench::alloc::counted_free(p); }
