// pki/verified_chain_cache.hpp: chain verification through a VerifiedChainCache
// (tlspp/trust.hpp states the cache's rules).
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "pki/verify.hpp"
#include "tlspp/trust.hpp"

namespace tlspp::pki {

// verify_chain_cached is verify_chain (pki/verify.hpp) through `cache`, which
// may be null (then it is verify_chain). A usable entry answers without
// parsing anything, and sets *from_cache; otherwise the chain is verified in
// full and, when it verifies, remembered. Failures are never remembered.
// `subject_cn` is part of the key, like the host.
Result<VerifiedChain> verify_chain_cached(VerifiedChainCache* cache, const TrustStore& trust,
                                          const std::vector<CertificateDer>& chain, std::string_view host,
                                          std::chrono::system_clock::time_point now, Purpose purpose,
                                          int security_level, bool* from_cache = nullptr,
                                          SubjectCn subject_cn = SubjectCn::never);

}  // namespace tlspp::pki
