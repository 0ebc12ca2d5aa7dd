// pki/verified_chain_cache.cpp: VerifiedChainCache, a bounded LRU map from a
// SHA-256 of (chain, host, purpose, trust store) to the verified leaf key.
#include "pki/verified_chain_cache.hpp"

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "crypto/hash.hpp"
#include "pki/certified_key.hpp"

namespace tlspp {

using TimePoint = std::chrono::system_clock::time_point;

struct VerifiedChainCache::Impl {
    using Key = std::array<std::uint8_t, 32>;
    struct KeyHash {
        // The key is already a SHA-256: any 8 of its bytes are a good hash.
        std::size_t operator()(const Key& key) const {
            std::size_t h;
            std::memcpy(&h, key.data(), sizeof h);
            return h;
        }
    };
    struct Entry {
        Key key;
        pki::VerifiedChain verified;   // its leaf key and key usage; its dates are the span below
        TimePoint usable_from;    // latest notBefore of the chain
        TimePoint usable_until;   // see the rules in tlspp/trust.hpp
    };

    explicit Impl(Options o) : options(o) {}

    std::optional<pki::VerifiedChain> find(const Key& key, TimePoint now) {
        std::lock_guard lock(mutex);
        auto at = index.find(key);
        if (at == index.end()) {
            ++stats.misses;
            return std::nullopt;
        }
        auto entry = at->second;
        if (now < entry->usable_from || now >= entry->usable_until) {
            // Out of its span: verify again (and replace it if that succeeds).
            index.erase(at);
            lru.erase(entry);
            ++stats.misses;
            return std::nullopt;
        }
        lru.splice(lru.begin(), lru, entry);   // most recently used first
        ++stats.hits;
        return entry->verified;
    }

    void insert(const Key& key, const pki::VerifiedChain& verified, TimePoint from, TimePoint until) {
        if (options.capacity == 0) return;
        std::lock_guard lock(mutex);
        if (auto at = index.find(key); at != index.end()) {   // another thread verified it meanwhile
            *at->second = Entry{key, verified, from, until};
            lru.splice(lru.begin(), lru, at->second);
            return;
        }
        lru.push_front(Entry{key, verified, from, until});
        index.emplace(key, lru.begin());
        while (lru.size() > options.capacity) {
            index.erase(lru.back().key);
            lru.pop_back();
            ++stats.evictions;
        }
    }

    const Options options;
    mutable std::mutex mutex;
    std::list<Entry> lru;                                  // front: most recently used
    std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> index;
    Stats stats;
};

VerifiedChainCache::VerifiedChainCache() : VerifiedChainCache(Options{}) {}
VerifiedChainCache::VerifiedChainCache(Options options) : impl_(std::make_unique<Impl>(options)) {}
VerifiedChainCache::~VerifiedChainCache() = default;

VerifiedChainCache::Stats VerifiedChainCache::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

std::size_t VerifiedChainCache::size() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->lru.size();
}

void VerifiedChainCache::clear() {
    std::lock_guard lock(impl_->mutex);
    impl_->index.clear();
    impl_->lru.clear();
}

namespace pki {

namespace {

void put_u64(crypto::Hash& h, std::uint64_t v) {
    std::uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    h.update(b);
}

// key_of hashes everything a verification's answer depends on besides time.
// Every variable-length part is length-prefixed, so no two different inputs
// share an encoding.
VerifiedChainCache::Impl::Key key_of(const TrustStore& trust, const std::vector<CertificateDer>& chain,
                                     std::string_view host, Purpose purpose, int security_level,
                                     SubjectCn subject_cn) {
    static constexpr std::string_view label = "tlspp verified chain v3";
    crypto::Hash h(crypto::HashAlg::sha256);
    h.update({reinterpret_cast<const std::uint8_t*>(label.data()), label.size()});
    put_u64(h, trust.impl().id);
    put_u64(h, purpose == Purpose::server_auth ? 1 : 2);
    // A chain that passed at level 1 may fail at level 2.
    put_u64(h, static_cast<std::uint64_t>(security_level));
    put_u64(h, subject_cn == SubjectCn::never ? 1 : 2);
    put_u64(h, host.size());
    h.update({reinterpret_cast<const std::uint8_t*>(host.data()), host.size()});
    put_u64(h, chain.size());
    for (const CertificateDer& der : chain) {
        put_u64(h, der.size());
        h.update(der);
    }
    const crypto::Bytes digest = h.digest();
    VerifiedChainCache::Impl::Key key;
    std::copy(digest.begin(), digest.end(), key.begin());
    return key;
}

// crl_horizon is the earliest nextUpdate of the store's CRLs: after it a
// verification could fail (CRL expired), so no entry may outlive it.
TimePoint crl_horizon(const TrustStore& trust) {
    TimePoint horizon = TimePoint::max();
    if (!trust.checks_revocation()) return horizon;
    X509_STORE* store = trust.impl().store;
    X509_STORE_lock(store);
    STACK_OF(X509_OBJECT)* objects = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objects); ++i) {
        X509_OBJECT* object = sk_X509_OBJECT_value(objects, i);
        if (X509_OBJECT_get_type(object) != X509_LU_CRL) continue;
        const ASN1_TIME* next = X509_CRL_get0_nextUpdate(X509_OBJECT_get0_X509_CRL(object));
        std::tm tm{};
        if (!next) continue;   // no nextUpdate: this CRL does not expire
        if (ASN1_TIME_to_tm(next, &tm) != 1) {
            horizon = TimePoint::min();   // unreadable: cache nothing
            break;
        }
        horizon = std::min(horizon, std::chrono::system_clock::from_time_t(timegm(&tm)));
    }
    X509_STORE_unlock(store);
    return horizon;
}

}  // namespace

Result<VerifiedChain> verify_chain_cached(VerifiedChainCache* cache, const TrustStore& trust,
                                          const std::vector<CertificateDer>& chain, std::string_view host,
                                          TimePoint now, Purpose purpose, int security_level, bool* from_cache,
                                          SubjectCn subject_cn) {
    if (from_cache) *from_cache = false;
    if (!cache || chain.empty()) return verify_chain(trust, chain, host, now, purpose, security_level, subject_cn);
    VerifiedChainCache::Impl& impl = cache->impl();
    const auto key = key_of(trust, chain, host, purpose, security_level, subject_cn);
    if (auto hit = impl.find(key, now)) {
        if (from_cache) *from_cache = true;
        return std::move(*hit);
    }
    auto verified = verify_chain(trust, chain, host, now, purpose, security_level, subject_cn);
    if (!verified) return verified;   // failures are never cached
    const TimePoint until = std::min({now + impl.options.window, verified->valid_until, crl_horizon(trust)});
    if (verified->valid_from <= now && now < until) impl.insert(key, *verified, verified->valid_from, until);
    return verified;
}

}  // namespace pki
}  // namespace tlspp
