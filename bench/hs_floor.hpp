// bench/hs_floor.hpp: what each full handshake's crypto floor is made of.
// One place for the composition, used by both tables: the CPU-time table
// (floor rows in µs) and the instruction-count table (floor rows in
// instructions, bench/instructions.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pairs.hpp"

namespace bench {

// Every floor row of the benchmark: its name ("floor/..."), what it is, and
// its operation.
struct FloorOp {
    std::string name;
    std::string label;   // "X25519 keygen + derive"
    std::function<void()> run;
};
const std::vector<FloorOp>& floor_ops();

// Which RSA scheme each library used in a handshake (RSA-PSS, else PKCS#1
// v1.5): the server's ServerKeyExchange and, for mutual TLS, the client's
// CertificateVerify.
struct PssUse {
    bool tlspp = true, libssl = true, tlspp_cv = true, libssl_cv = true;
};
// pss_use reads it off describe_negotiation(hs)'s line.
PssUse pss_use(const std::string& negotiation);

// The floor of one full handshake, per side and library, summed from floor
// rows looked up by name through `row`.
struct HsFloor {
    std::string label;                     // "ECDHE-RSA-AES128-GCM (X25519, RSA-2048)"
    std::string server_desc, client_desc;  // "X25519 + sign"
    double server_tlspp = 0, server_libssl = 0, client_tlspp = 0, client_libssl = 0;
    double client_chain = 0;   // the part of the client floors a verified-chain cache skips
    double server_chain = 0;   // mutual TLS: the part of the server floor the server's cache skips
};
HsFloor hs_floor(Hs h, const PssUse& pss, const std::function<double(const std::string&)>& row);

}  // namespace bench
