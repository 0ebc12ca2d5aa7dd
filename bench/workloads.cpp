// bench/workloads.cpp: see workloads.hpp.
#include "workloads.hpp"

#include <memory>
#include <optional>

#include "floor.hpp"
#include "hs_floor.hpp"
#include "pairs.hpp"

namespace bench {

namespace {

constexpr std::size_t kRecord = 16384;

std::function<bool()> tlspp_handshakes(const TlsppConfigs& cfg) {
    return [cfg] {
        TlsppPair p;
        p.create(cfg);
        const bool ok = p.handshake();
        p.destroy();
        return ok;
    };
}

std::function<bool()> libssl_handshakes(const SslCtxs& ctx) {
    return [ctx] {
        SslPair p;
        p.make_bios();
        p.create(ctx);
        const bool ok = p.handshake();
        p.destroy();
        return ok;
    };
}

std::function<bool()> tlspp_resumptions(Resume r) {
    const auto cfg = tlspp_configs(r);
    auto session = std::make_shared<std::optional<tlspp::Session>>(tlspp_session(cfg));
    return [cfg, session] {
        TlsppPair p;
        p.create(cfg, *session);
        if (!p.handshake() || !p.resumed()) return false;
        {
            SideTimer t(p.t.client_ns, alloc::client);
            *session = p.client->session();
        }
        p.destroy();
        return true;
    };
}

std::function<bool()> libssl_resumptions(Resume r) {
    const SslCtxs ctx = ssl_ctxs(r);
    // The latest session; freed with the function.
    auto session = std::shared_ptr<SSL_SESSION*>(new SSL_SESSION*(ssl_session(ctx)), [](SSL_SESSION** s) {
        SSL_SESSION_free(*s);
        delete s;
    });
    return [ctx, session] {
        SslPair p;
        p.make_bios();
        p.create(ctx, *session);
        if (!p.handshake() || !p.resumed()) return false;
        {
            SideTimer t(p.t.client_ns, alloc::client);
            SSL_SESSION* next = SSL_get1_session(p.client);
            SSL_SESSION_free(*session);
            *session = next;
        }
        p.destroy_closed();
        return true;
    };
}

// A pair made once, then one record per call.
template <class Pair, class Make>
std::function<bool()> one_record_per_call(Make make) {
    auto pair = std::shared_ptr<Pair>(new Pair, [](Pair* p) {
        p->destroy();
        delete p;
    });
    auto data = std::make_shared<std::vector<std::uint8_t>>(kRecord, 0x5a);
    auto out = std::make_shared<std::vector<std::uint8_t>>(kRecord);
    if (!make(*pair)) return {};
    return [pair, data, out] { return pair->client_to_server(*data, *out); };
}

}  // namespace

std::function<bool()> workload(const std::string& what) {
    for (Hs h : kHs) {
        if (what == std::string("hs-tlspp-") + key(h)) return tlspp_handshakes(tlspp_configs(h));
        if (what == std::string("hs-tlspp-cached-") + key(h)) return tlspp_handshakes(tlspp_configs_cached(h));
        if (what == std::string("hs-libssl-") + key(h)) return libssl_handshakes(ssl_ctxs(h));
    }
    for (Resume r : kResumes) {
        if (what == std::string("hs-tlspp-") + key(r)) return tlspp_resumptions(r);
        if (what == std::string("hs-libssl-") + key(r)) return libssl_resumptions(r);
    }
    for (Aead a : kAeads) {
        if (what == std::string("bulk-tlspp-") + key(a)) {
            const auto cfg = tlspp_configs(Cert::rsa2048, a);
            return one_record_per_call<TlsppPair>([cfg](TlsppPair& p) {
                p.create(cfg);
                return p.handshake();
            });
        }
        if (what == std::string("bulk-libssl-") + key(a)) {
            const SslCtxs ctx = ssl_ctxs(Cert::rsa2048, a);
            return one_record_per_call<SslPair>([ctx](SslPair& p) {
                p.make_bios();
                p.create(ctx);
                return p.handshake();
            });
        }
        if (what == std::string("bulk-raw-") + key(a)) {
            auto raw = std::make_shared<floor::RawAead>(a);
            auto buf = std::make_shared<std::vector<std::uint8_t>>(kRecord, 0x5a);
            return [raw, buf] {
                CountScope count(g_counted != Counted::none);
                raw->seal_open(*buf);
                return true;
            };
        }
    }
    for (const FloorOp& op : floor_ops())
        if (what == op.name)
            return [run = op.run] {
                CountScope count(g_counted != Counted::none);
                run();
                return true;
            };
    return {};
}

std::vector<std::string> workload_names() {
    std::vector<std::string> names;
    for (const char* lib : {"tlspp", "libssl"})
        for (Hs h : kHs) names.push_back(std::string("hs-") + lib + "-" + key(h));
    for (Hs h : kHs) names.push_back(std::string("hs-tlspp-cached-") + key(h));
    for (const char* lib : {"tlspp", "libssl"})
        for (Resume r : kResumes) names.push_back(std::string("hs-") + lib + "-" + key(r));
    for (const char* lib : {"tlspp", "libssl", "raw"})
        for (Aead a : kAeads) names.push_back(std::string("bulk-") + lib + "-" + key(a));
    for (const FloorOp& op : floor_ops()) names.push_back(op.name);
    return names;
}

}  // namespace bench
