// bench/alloc_count.hpp: counts every heap allocation of the process (global
// operator new/delete and libcrypto's CRYPTO_malloc family) by "owner tag".
//
// A tag is set around the calls into one side of a connection pair, so each
// block is charged to the side that allocated it, and freeing it later (from
// any tag) gives the bytes back to that same side. Sizes are the requested
// sizes (a 16-byte header in front of each block holds size and tag).
#pragma once

#include <cstddef>
#include <cstdint>

namespace bench::alloc {

enum Tag : std::uint32_t { other = 0, client = 1, server = 2, crypto_floor = 3, tag_count = 4 };

struct Counters {
    std::int64_t live_bytes = 0;   // requested bytes currently allocated under this tag
    std::int64_t peak_bytes = 0;   // highest live_bytes since reset_peak()
    std::uint64_t calls = 0;       // allocation calls (new, malloc, realloc)
};

// install routes libcrypto's allocations through the counter. Must run before
// libcrypto allocates anything (first thing in main).
bool install();

Counters& counters(Tag tag);
Tag current();

// Scope charges every allocation made while it lives to `tag`.
class Scope {
public:
    explicit Scope(Tag tag);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
private:
    Tag saved_;
};

void reset_peak(Tag tag);

// Site tracing (slow; for --alloc-sites only): while on, each allocation's
// call stack is kept, so live blocks and allocation calls can be listed by site.
void trace(bool on);
// print_sites prints, for `tag`, the call stacks with the most live bytes and
// with the most allocation calls since trace(true); `depth` frames each.
void print_sites(Tag tag, int top, int depth);

}  // namespace bench::alloc
