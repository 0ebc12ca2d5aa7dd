// bench/workloads.hpp: one iteration of each benchmark workload, by name, for
// the runs without Google Benchmark: `--loop=WHAT:N` (for perf, callgrind,
// heaptrack) and the instruction counts (bench/instructions.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bench {

// workload returns a function that runs one iteration of `what` and says
// whether it succeeded, or an empty function if there is no such workload.
// Names:
//   hs-{tlspp,libssl}-{rsa2048,p256,rsakx,mtls,dhe}   one full handshake (a fresh pair)
//   hs-tlspp-cached-{rsa2048,p256,rsakx,mtls,dhe}      the same, verified-chain cache hits
//   hs-{tlspp,libssl}-{resume-id,resume-ticket}        one resumed handshake; the client keeps
//                                                      the latest session
//   bulk-{tlspp,libssl,raw}-{aes128gcm,aes256gcm,chacha20}
//                                                      one 16 KiB record client to server over
//                                                      one pair (raw: libcrypto seal + open)
//   floor/...                                          one floor operation (hs_floor.hpp)
// Set-up (configs, the first session, the pair for bulk) happens here, not in
// the iterations. Floor operations and raw AEAD collect their instructions
// when g_counted (pairs.hpp) is not none; the pairs collect per side.
std::function<bool()> workload(const std::string& what);

// Every workload name, in the order above.
std::vector<std::string> workload_names();

}  // namespace bench
