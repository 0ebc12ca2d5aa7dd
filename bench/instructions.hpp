// bench/instructions.hpp: `tlspp_bench --instructions[=N]`, the table of
// instruction counts (callgrind) beside the CPU-time table.
//
// CPU time on these shared 2-core VMs moves a single ratio by ±0.2–0.3 from
// run to run (docs/performance.md). Instructions retired do not depend on
// what else the machine does: the same binary and inputs give the same count
// within a fraction of a percent (random keys and nonces move it a little).
// Hardware counters are not available here (`perf stat -e instructions` says
// "not supported"), so the counts come from valgrind's callgrind, which the
// tool starts itself: it runs again under callgrind with collection off, and
// switches collection on only inside the calls into the side being counted
// (SideTimer / CountScope, pairs.hpp). What instructions do not show: cache
// and branch behaviour, and the cost of a system call; the CPU table does.
// valgrind's virtual CPU lacks some extensions (SHA-NI, AVX-512), so
// libcrypto takes other code paths than natively: hashing (and so the TLS 1.2
// PRF) counts more instructions than it costs natively. Handshakes only: bulk
// transfer is mostly AEAD plus a copy, and valgrind counts a `rep movsb` copy
// as one instruction per byte, which says nothing about its time.
#pragma once

namespace bench {

// instructions prints the instruction table: each workload run `n` times per
// measurement after one uncounted warm-up. `self` is argv[0]. Returns the
// exit status.
int instructions(const char* self, long n);

}  // namespace bench
