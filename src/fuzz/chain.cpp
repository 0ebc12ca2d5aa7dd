// fuzz/chain.cpp: the `chain` entry point (entry.hpp): certificate chains, as
// a peer's Certificate message carries them, through pki::verify_chain.
//
// A fuzzer cannot forge the fixed CAs' signatures, so beyond "no crash" a
// success must keep what those signatures guarantee:
//   - the leaf is one of the fixed PKI's leaves (its subject is signed),
//     for the purpose its extendedKeyUsage allows, never the revoked one
//     when the CRLs are checked;
//   - the time is the one at which the whole fixed chain is valid;
//   - the same chain also verifies without the CRLs and without a host name
//     (each only removes checks), and its leaf key is the one
//     leaf_key_unverified reads;
// and a failure is one of the certificate Reasons verify.hpp promises, with
// a detail for people.
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/entry.hpp"
#include "msg/certificate.hpp"
#include "pki/verify.hpp"

namespace tlspp::fuzz {

namespace {

struct Stores {
    TrustStore plain;
    TrustStore with_crls;
};

TrustStore must(Result<TrustStore> store) {
    if (!store) std::abort();   // a broken fixed PKI is a bug in chain_pki.cpp
    return std::move(*store);
}

const Stores& stores() {
    static const Stores s{must(TrustStore::from_pem(chain_root_pem)),
                          must(TrustStore::from_pem(chain_root_pem, chain_crls_pem))};
    return s;
}

bool is_certificate_reason(Reason r) {
    switch (r) {
    case Reason::certificate_untrusted:
    case Reason::certificate_expired:
    case Reason::certificate_not_yet_valid:
    case Reason::certificate_name_mismatch:
    case Reason::certificate_revoked:
    case Reason::certificate_bad_usage:
    case Reason::certificate_too_weak:
    case Reason::certificate_invalid: return true;
    default: return false;
    }
}

// The subjects (RFC 2253 one-line form) of the leaves a success may end at.
constexpr const char* kServerLeaf = "CN=localhost,O=tlspp fuzz";
constexpr const char* kClientLeaf = "CN=client,O=tlspp fuzz";
constexpr const char* kRevokedLeaf = "CN=revoked,O=tlspp fuzz";
constexpr const char* kEd25519Leaf = "CN=ed25519,O=tlspp fuzz";

bool leaf_allowed(const std::string& subject, pki::Purpose purpose, bool crls) {
    if (subject == kEd25519Leaf) return true;   // serverAuth and clientAuth
    if (purpose == pki::Purpose::client_auth) return subject == kClientLeaf;
    return subject == kServerLeaf || (subject == kRevokedLeaf && !crls);
}

}  // namespace

void chain(Bytes data) {
    if (data.empty()) return;
    const std::uint8_t settings = data[0];
    const std::string host = chain_hosts[settings & 7];
    const std::int64_t when = chain_times[(settings >> 3) & 3];
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(when));
    const auto purpose = (settings & chain_client_auth) ? pki::Purpose::client_auth : pki::Purpose::server_auth;
    const bool crls = settings & chain_with_crls;

    auto message = msg::decode_certificate(data.subspan(1));
    if (!message) return;   // the message target fuzzes the decoder
    const std::vector<CertificateDer> peer_chain(message->chain.begin(), message->chain.end());
    const TrustStore& trust = crls ? stores().with_crls : stores().plain;

    // What a client or server shows of a peer's chain (tlspp's summary, the
    // explain timeline) is read from every certificate, verified or not.
    for (const auto& der : peer_chain) (void)pki::summarize(der);

    auto verified = pki::verify_chain(trust, peer_chain, host, now, purpose);
    if (!verified) {
        if (!is_certificate_reason(verified.error().reason) || verified.error().detail.empty()) std::abort();
        if (peer_chain.empty() && verified.error().reason != Reason::certificate_invalid) std::abort();
        return;
    }

    if (when != chain_times[0]) std::abort();   // no other time has the whole chain valid
    auto leaf = pki::summarize(peer_chain.front());
    if (!leaf || !leaf_allowed(leaf->subject, purpose, crls)) std::abort();
    auto unverified = pki::leaf_key_unverified(peer_chain);
    if (!unverified || unverified->leaf_key.type() != verified->leaf_key.type() ||
        unverified->leaf_key.bits() != verified->leaf_key.bits())
        std::abort();
    if (crls && !pki::verify_chain(stores().plain, peer_chain, host, now, purpose)) std::abort();
    if (!host.empty() && !pki::verify_chain(trust, peer_chain, "", now, purpose)) std::abort();
}

}  // namespace tlspp::fuzz
