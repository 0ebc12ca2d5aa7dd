// bench/main.cpp: the tlspp benchmark. Runs tlspp and OpenSSL's libssl side
// by side in one process (handshakes, the crypto floor, bulk transfer), then
// measures memory and allocations, then prints one summary table (markdown)
// with every row's tlspp figure, libssl figure, ratio, target and verdict.
//
//   tlspp_bench                    full run (what `make bench` does)
//   tlspp_bench --quick            short timings, one repetition (smoke test)
//   tlspp_bench --memory-only      only the memory/allocation rows
//   tlspp_bench --instructions[=N] the same rows in instructions executed (callgrind; N iterations per row,
//                                  default 10): immune to the machine's load (instructions.hpp)
//   tlspp_bench --loop=WHAT:N      no timing: run WHAT N times, for perf/callgrind/heaptrack, where WHAT is
//                                  a workload named in workloads.hpp (hs-tlspp-p256, bulk-raw-chacha20, all,
//                                  floor/p256_sign, ...); add --count=client|server|both to collect only
//                                  that side under `valgrind --tool=callgrind --collect-atstart=no`
//   tlspp_bench --alloc-sites      where a tlspp pair's live bytes and allocation calls come from (slow)
//   any --benchmark_* flag is passed to Google Benchmark (e.g. --benchmark_filter=handshake)
#include <benchmark/benchmark.h>
#include <openssl/crypto.h>
#include <openssl/obj_mac.h>
#include <openssl/opensslv.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "alloc_count.hpp"
#include "floor.hpp"
#include "hs_floor.hpp"
#include "instructions.hpp"
#include "table.hpp"
#include "workloads.hpp"
#include "pairs.hpp"
#include "support/test_pki.hpp"

namespace bench {
namespace {

constexpr std::size_t kRecord = 16384;

// ---------------------------------------------------------------- handshakes

// report_sides turns the nanoseconds each side spent over all iterations into
// per-handshake microsecond counters.
void report_sides(benchmark::State& state, std::int64_t client_ns, std::int64_t server_ns) {
    const double n = static_cast<double>(state.iterations());
    state.counters["client_us"] = client_ns / 1e3 / n;
    state.counters["server_us"] = server_ns / 1e3 / n;
    state.counters["total_us"] = (client_ns + server_ns) / 1e3 / n;
}

// run_tlspp_handshakes runs one full handshake per iteration with `cfg` and
// reports each side's time.
void run_tlspp_handshakes(benchmark::State& state, const TlsppConfigs& cfg) {
    std::int64_t c = 0, s = 0;
    for (auto _ : state) {
        TlsppPair p;
        p.create(cfg);
        if (!p.handshake()) {
            state.SkipWithError("tlspp handshake failed");
            break;
        }
        p.destroy();
        c += p.t.client_ns, s += p.t.server_ns;
    }
    report_sides(state, c, s);
}

void hs_tlspp(benchmark::State& state, Hs hs) { run_tlspp_handshakes(state, tlspp_configs(hs)); }

// Repeat connections of one config with the verified-chain cache on (primed):
// each handshake must have been answered by the cache, or the row is aborted.
void hs_tlspp_cached(benchmark::State& state, Hs hs) {
    const auto cfg = tlspp_configs_cached(hs);
    const std::uint64_t hits0 = cfg.client->verified_chains->stats().hits;
    run_tlspp_handshakes(state, cfg);
    if (cfg.client->verified_chains->stats().hits - hits0 != static_cast<std::uint64_t>(state.iterations()))
        state.SkipWithError("tlspp: a repeat connection missed the verified-chain cache");
}

void hs_libssl(benchmark::State& state, Hs hs) {
    const SslCtxs ctx = ssl_ctxs(hs);
    std::int64_t c = 0, s = 0;
    for (auto _ : state) {
        SslPair p;
        p.make_bios();
        p.create(ctx);
        if (!p.handshake()) {
            state.SkipWithError("libssl handshake failed");
            break;
        }
        p.destroy();
        c += p.t.client_ns, s += p.t.server_ns;
    }
    report_sides(state, c, s);
    SSL_CTX_free(ctx.client);
    SSL_CTX_free(ctx.server);
}

// Resumed handshakes: one full handshake makes the session; every iteration is
// one abbreviated handshake offering the latest session the client got (as a
// real client would: after a ticket renewal the new ticket is offered). Taking
// that session (tlspp session(), libssl SSL_get1_session) is charged to the client.

void resume_tlspp(benchmark::State& state, Resume r) {
    const auto cfg = tlspp_configs(r);
    std::optional<tlspp::Session> session = tlspp_session(cfg);
    std::int64_t c = 0, s = 0;
    for (auto _ : state) {
        TlsppPair p;
        p.create(cfg, session);
        if (!p.handshake()) {
            state.SkipWithError("tlspp resumed handshake failed");
            break;
        }
        if (!p.resumed()) {
            std::fprintf(stderr, "bench: tlspp did not resume (%s row)\n", name(r));
            state.SkipWithError("tlspp did not resume");
            break;
        }
        {
            SideTimer t(p.t.client_ns, alloc::client);
            session = p.client->session();
        }
        p.destroy();
        c += p.t.client_ns, s += p.t.server_ns;
    }
    report_sides(state, c, s);
}

void resume_libssl(benchmark::State& state, Resume r) {
    const SslCtxs ctx = ssl_ctxs(r);
    SSL_SESSION* session = ssl_session(ctx);
    std::int64_t c = 0, s = 0;
    for (auto _ : state) {
        SslPair p;
        p.make_bios();
        p.create(ctx, session);
        if (!p.handshake()) {
            state.SkipWithError("libssl resumed handshake failed");
            break;
        }
        if (!p.resumed()) {
            std::fprintf(stderr, "bench: libssl did not resume (%s row)\n", name(r));
            state.SkipWithError("libssl did not resume");
            break;
        }
        {
            SideTimer t(p.t.client_ns, alloc::client);
            SSL_SESSION* next = SSL_get1_session(p.client);
            SSL_SESSION_free(session);
            session = next;
        }
        p.destroy_closed();
        c += p.t.client_ns, s += p.t.server_ns;
    }
    report_sides(state, c, s);
    SSL_SESSION_free(session);
    SSL_CTX_free(ctx.client);
    SSL_CTX_free(ctx.server);
}

// ---------------------------------------------------------------- bulk

// bulk runs the four ways of moving 16 KiB records one way in turn, a block
// of records each per iteration, and times each block with the thread CPU
// clock: tlspp (receive() copying out), tlspp reading in place
// (received_data), libssl (SSL_write/SSL_read), and libcrypto's raw AEAD seal
// + open of the same buffer. Interleaved in one benchmark, the four see the
// same machine: measured one after the other (as before), a ratio moved by
// ±0.15 from run to run on this shared VM as the neighbours' load changed.
void bulk(benchmark::State& state, Aead aead) {
    constexpr int block = 8;   // records per timed block: the clock (a system call) stays below 1%
    const auto cfg = tlspp_configs(Cert::rsa2048, aead);
    TlsppPair t;
    t.create(cfg);
    const SslCtxs ctx = ssl_ctxs(Cert::rsa2048, aead);
    SslPair l;
    l.make_bios();
    l.create(ctx);
    floor::RawAead raw(aead);
    if (!t.handshake() || !l.handshake()) state.SkipWithError("handshake failed");
    std::vector<std::uint8_t> data(kRecord, 0x5a), out(kRecord), buf(kRecord, 0x5a);
    std::int64_t ns[4] = {};
    g_time_sides = false;
    auto timed = [&](int which, auto&& one_record) {
        const std::int64_t t0 = cpu_ns();
        bool ok = true;
        for (int i = 0; i < block; ++i) ok = one_record() && ok;
        ns[which] += cpu_ns() - t0 - g_timer_overhead_ns;
        if (!ok) state.SkipWithError("a record was lost");
    };
    for (auto _ : state) {
        timed(0, [&] { return t.client_to_server(data, out); });
        timed(1, [&] { return t.client_to_server_in_place(data); });
        timed(2, [&] { return l.client_to_server(data, out); });
        timed(3, [&] {
            raw.seal_open(buf);
            benchmark::DoNotOptimize(buf.data());
            return true;
        });
    }
    g_time_sides = true;
    const double bytes = static_cast<double>(state.iterations()) * block * kRecord;
    const char* names[4] = {"tlspp_mbps", "tlspp_in_place_mbps", "libssl_mbps", "raw_mbps"};
    for (int i = 0; i < 4; ++i) state.counters[names[i]] = ns[i] > 0 ? bytes / (ns[i] / 1e3) : -1;
    t.destroy();
    l.destroy();
    SSL_CTX_free(ctx.client);
    SSL_CTX_free(ctx.server);
}

// ---------------------------------------------------------------- registration

const Hs kNewHs[] = {Hs::rsa_kx, Hs::mtls, Hs::dhe};   // rows with memory figures of their own

void simple(const std::string& name, std::function<void()> fn) {
    benchmark::RegisterBenchmark(name.c_str(), [fn](benchmark::State& st) {
        for (auto _ : st) fn();
    })->Unit(benchmark::kMicrosecond);
}

void register_all() {
    for (Hs h : kHs) {
        benchmark::RegisterBenchmark((std::string("handshake/tlspp/") + key(h)).c_str(), hs_tlspp, h)
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark((std::string("handshake/libssl/") + key(h)).c_str(), hs_libssl, h)
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark((std::string("handshake/tlspp-cached/") + key(h)).c_str(), hs_tlspp_cached, h)
            ->Unit(benchmark::kMicrosecond);
    }
    for (Resume r : kResumes) {
        benchmark::RegisterBenchmark((std::string("resumed/tlspp/") + key(r)).c_str(), resume_tlspp, r)
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark((std::string("resumed/libssl/") + key(r)).c_str(), resume_libssl, r)
            ->Unit(benchmark::kMicrosecond);
    }
    for (const FloorOp& op : floor_ops()) simple(op.name, op.run);
    for (Aead a : kAeads) {
        benchmark::RegisterBenchmark((std::string("bulk/") + key(a)).c_str(), bulk, a)
            ->Unit(benchmark::kMicrosecond);
    }
}

// Keeps every run's figures for the summary, and prints as the console does.
class Collector : public benchmark::ConsoleReporter {
public:
    struct Figures {
        double cpu_us = 0;
        std::map<std::string, double> counters;
    };
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.error_occurred) continue;
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
            Figures f;
            const double unit = benchmark::GetTimeUnitMultiplier(r.time_unit);
            f.cpu_us = r.GetAdjustedCPUTime() / unit * 1e6;
            for (const auto& [k, v] : r.counters) f.counters[k] = v.value;
            figures[r.run_name.str()] = f;
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, Figures> figures;
    const Figures* find(const std::string& name) const {
        auto it = figures.find(name);
        return it == figures.end() ? nullptr : &it->second;
    }
};

// ---------------------------------------------------------------- memory

struct Mem {
    std::int64_t created[2]{}, peak[2]{}, after_hs[2]{}, after_rec[2]{}, leaked[2]{};
    std::uint64_t hs_calls[2]{};
    double calls_per_record = 0;   // both sides, steady state, per 16 KiB record
    bool ok = false;
};

template <class Pair>
Mem measure(const std::function<void(Pair&)>& create) {
    using alloc::client, alloc::server;
    Mem m;
    const alloc::Tag tags[2] = {client, server};
    std::int64_t base[2];
    std::uint64_t calls0[2];
    for (int i = 0; i < 2; ++i) {
        base[i] = alloc::counters(tags[i]).live_bytes;
        calls0[i] = alloc::counters(tags[i]).calls;
        alloc::reset_peak(tags[i]);
    }
    auto live = [&](int i) { return alloc::counters(tags[i]).live_bytes - base[i]; };
    Pair p;
    create(p);
    for (int i = 0; i < 2; ++i) m.created[i] = live(i);
    if (!p.handshake()) return m;
    for (int i = 0; i < 2; ++i) {
        m.peak[i] = alloc::counters(tags[i]).peak_bytes - base[i];
        m.after_hs[i] = live(i);
        m.hs_calls[i] = alloc::counters(tags[i]).calls - calls0[i];
    }
    std::vector<std::uint8_t> data(kRecord, 0x42), out(kRecord);
    if (!p.client_to_server(data, out) || !p.server_to_client(data, out)) return m;
    for (int i = 0; i < 2; ++i) m.after_rec[i] = live(i);
    for (int k = 0; k < 8; ++k) (void)(p.client_to_server(data, out) && p.server_to_client(data, out));
    std::uint64_t before = alloc::counters(client).calls + alloc::counters(server).calls;
    constexpr int kN = 100;
    for (int k = 0; k < kN; ++k)
        if (!p.client_to_server(data, out) || !p.server_to_client(data, out)) return m;
    m.calls_per_record =
        static_cast<double>(alloc::counters(client).calls + alloc::counters(server).calls - before) / (2.0 * kN);
    p.destroy();
    for (int i = 0; i < 2; ++i) m.leaked[i] = live(i);
    m.ok = true;
    return m;
}

struct MemAll {
    Mem tlspp, libssl, libssl_rb;
    std::map<Hs, Mem> tlspp_hs, libssl_hs;   // the other full handshakes (kNewHs), default buffers
    Mem tlspp_cached;                        // ECDHE-RSA, repeat connection, verified-chain cache hit
    Mem tlspp_mtls_cached;                   // mutual TLS, both chain checks cache hits
    std::uint64_t d2i_calls = 0;   // allocation calls of one d2i_X509 of the RSA leaf (plus X509_free)
};

MemAll measure_memory() {
    const auto cfg = tlspp_configs(Cert::rsa2048, Aead::aes128gcm);
    const SslCtxs ctx = ssl_ctxs(Cert::rsa2048, Aead::aes128gcm, false);
    const SslCtxs ctx_rb = ssl_ctxs(Cert::rsa2048, Aead::aes128gcm, true);
    std::function<void(TlsppPair&)> mk_t = [&](TlsppPair& p) { p.create(cfg); };
    std::function<void(SslPair&)> mk_l = [&](SslPair& p) {
        p.make_bios();
        p.create(ctx);
    };
    std::function<void(SslPair&)> mk_rb = [&](SslPair& p) {
        p.make_bios();
        p.create(ctx_rb);
    };
    MemAll r;
    // The first run of each warms lazily built shared state (provider caches).
    for (int round = 0; round < 2; ++round) {
        r.tlspp = measure<TlsppPair>(mk_t);
        r.libssl = measure<SslPair>(mk_l);
        r.libssl_rb = measure<SslPair>(mk_rb);
    }
    {
        const auto cfg_c = tlspp_configs_cached(Hs::ecdhe_rsa);
        const auto cfg_m = tlspp_configs_cached(Hs::mtls);
        std::function<void(TlsppPair&)> mk_c = [&](TlsppPair& p) { p.create(cfg_c); };
        std::function<void(TlsppPair&)> mk_m = [&](TlsppPair& p) { p.create(cfg_m); };
        for (int round = 0; round < 2; ++round) {
            r.tlspp_cached = measure<TlsppPair>(mk_c);
            r.tlspp_mtls_cached = measure<TlsppPair>(mk_m);
        }
    }
    for (Hs h : kNewHs) {
        const auto cfg_h = tlspp_configs(h);
        const SslCtxs ctx_h = ssl_ctxs(h);
        std::function<void(TlsppPair&)> mk_th = [&](TlsppPair& p) { p.create(cfg_h); };
        std::function<void(SslPair&)> mk_lh = [&](SslPair& p) {
            p.make_bios();
            p.create(ctx_h);
        };
        for (int round = 0; round < 2; ++round) {
            r.tlspp_hs[h] = measure<TlsppPair>(mk_th);
            r.libssl_hs[h] = measure<SslPair>(mk_lh);
        }
        SSL_CTX_free(ctx_h.client);
        SSL_CTX_free(ctx_h.server);
    }
    {
        alloc::Scope scope(alloc::crypto_floor);
        floor::parse_leaf(Cert::rsa2048);
        const std::uint64_t before = alloc::counters(alloc::crypto_floor).calls;
        floor::parse_leaf(Cert::rsa2048);
        r.d2i_calls = alloc::counters(alloc::crypto_floor).calls - before;
    }
    for (const SslCtxs& c : {ctx, ctx_rb}) {
        SSL_CTX_free(c.client);
        SSL_CTX_free(c.server);
    }
    return r;
}

// ---------------------------------------------------------------- summary

// What each library negotiated per handshake, for its floor (hs_floor.hpp).
struct Negotiated {
    std::map<Hs, PssUse> pss;
};

void summary(const Collector& col, const MemAll* mem, const Negotiated& neg) {
    std::vector<Row> rows;
    auto us = [&](const std::string& name) -> double {
        const auto* f = col.find(name);
        return f ? f->cpu_us : -1;
    };
    auto counter = [&](const std::string& name, const std::string& c) -> double {
        const auto* f = col.find(name);
        if (!f) return -1;
        auto it = f->counters.find(c);
        return it == f->counters.end() ? -1 : it->second;
    };
    auto verdict = [](bool met) { return std::string(met ? "met" : "**missed**"); };

    for (Hs h : kHs) {
        const HsFloor f = hs_floor(h, neg.pss.count(h) ? neg.pss.at(h) : PssUse{}, us);
        const std::string& label = f.label;
        const std::string &sdesc = f.server_desc, &cdesc = f.client_desc;
        const double sfloor_t = f.server_tlspp, sfloor_l = f.server_libssl;
        const double cfloor_t = f.client_tlspp, cfloor_l = f.client_libssl;
        const std::string t = std::string("handshake/tlspp/") + key(h), l = std::string("handshake/libssl/") + key(h);
        const double ts = counter(t, "server_us"), ls = counter(l, "server_us");
        const double tc = counter(t, "client_us"), lc = counter(l, "client_us");
        const double tt = counter(t, "total_us"), lt = counter(l, "total_us");
        if (ts < 0 || ls < 0) continue;
        rows.push_back({"Full HS " + label + ": server CPU µs", fmt("%.0f", ts), fmt("%.0f", ls), fmt("%.2f", ts / ls),
                        "≤ 1.00 (≥ libssl speed)", verdict(ts <= ls)});
        rows.push_back({"  server ÷ its crypto floor (" + fmt("%.0f", sfloor_t) + " µs: " + sdesc + ")",
                        fmt("%.2f×", ts / sfloor_t), fmt("%.2f×", ls / sfloor_l), "—", "tlspp ≤ 1.10×",
                        verdict(ts / sfloor_t <= 1.10)});
        rows.push_back({"Full HS " + label + ": client CPU µs", fmt("%.0f", tc), fmt("%.0f", lc), fmt("%.2f", tc / lc),
                        "≤ 1.00 (≥ libssl speed)", verdict(tc <= lc)});
        rows.push_back({"  client ÷ its crypto floor (" + fmt("%.0f", cfloor_t) + " µs: " + cdesc + ")",
                        fmt("%.2f×", tc / cfloor_t), fmt("%.2f×", lc / cfloor_l), "—", "tlspp ≤ 1.30×",
                        verdict(tc / cfloor_t <= 1.30)});
        rows.push_back({"Full HS " + label + ": both sides CPU µs", fmt("%.0f", tt), fmt("%.0f", lt),
                        fmt("%.2f", tt / lt), "≤ 1.00", verdict(tt <= lt)});
        // Repeat connections with the verified-chain cache (tlspp only; libssl's column is its
        // usual full handshake): the chain verification leaves both the work and the floor.
        const std::string k = std::string("handshake/tlspp-cached/") + key(h);
        const double kc = counter(k, "client_us"), ks = counter(k, "server_us");
        if (kc >= 0) {
            const double cfloor_k = cfloor_t - f.client_chain;
            rows.push_back({"  client CPU µs, repeat connection, verified-chain cache hit", fmt("%.0f", kc),
                            fmt("%.0f", lc), fmt("%.2f", kc / lc), "(info)", "—"});
            rows.push_back({"    cached client ÷ its floor without chain verification (" + fmt("%.0f", cfloor_k) + " µs)",
                            fmt("%.2f×", kc / cfloor_k), "—", "—", "tlspp ≤ 1.30×", verdict(kc / cfloor_k <= 1.30)});
            rows.push_back({"    cached client ÷ the full floor above (" + fmt("%.0f", cfloor_t) + " µs)",
                            fmt("%.2f×", kc / cfloor_t), fmt("%.2f×", lc / cfloor_l), "—", "tlspp ≤ 1.30×",
                            verdict(kc / cfloor_t <= 1.30)});
        }
        if (ks >= 0 && h == Hs::mtls) {
            const double sfloor_k = sfloor_t - f.server_chain;
            rows.push_back({"  server CPU µs, repeat client, verified-chain cache hit", fmt("%.0f", ks), fmt("%.0f", ls),
                            fmt("%.2f", ks / ls), "(info)", "—"});
            rows.push_back({"    cached server ÷ its floor without client chain verification (" + fmt("%.0f", sfloor_k) +
                                " µs)",
                            fmt("%.2f×", ks / sfloor_k), "—", "—", "tlspp ≤ 1.10×", verdict(ks / sfloor_k <= 1.10)});
        }
    }
    const char* nyi = "not implemented yet";
    for (const char* r : {"Full HS TLS 1.3 (RSA-2048)", "Full HS TLS 1.3 (P-256)"})
        rows.push_back({r, nyi, "—", "—", "server ≤ 1.10× floor, client ≤ 1.30×", nyi});
    for (Resume r : kResumes) {
        const std::string label = std::string("Resumed HS TLS 1.2 (") + name(r) + ")";
        const std::string t = std::string("resumed/tlspp/") + key(r), l = std::string("resumed/libssl/") + key(r);
        const double ts = counter(t, "server_us"), ls = counter(l, "server_us");
        const double tc = counter(t, "client_us"), lc = counter(l, "client_us");
        const double tt = counter(t, "total_us"), lt = counter(l, "total_us");
        if (ts < 0 || ls < 0 || tt <= 0 || lt <= 0) {
            rows.push_back({label, ts < 0 ? "failed (see stderr)" : "—", ls < 0 ? "failed (see stderr)" : "—", "—",
                            "≥ 2× libssl handshakes/s", "not measured"});
            continue;
        }
        // Handshakes per second of one core running both sides: 1e6 / (client + server CPU µs).
        const double th = 1e6 / tt, lh = 1e6 / lt;
        rows.push_back({label + " ECDHE-RSA-AES128-GCM: handshakes/s (one core, both sides)", fmt("%.0f", th),
                        fmt("%.0f", lh), fmt("%.2f", th / lh), "≥ 2.00 (≥ 2× libssl handshakes/s)",
                        verdict(th >= 2 * lh)});
        rows.push_back({"  " + label + ": server CPU µs", fmt("%.1f", ts), fmt("%.1f", ls), fmt("%.2f", ts / ls),
                        "(info)", "—"});
        rows.push_back({"  " + label + ": client CPU µs", fmt("%.1f", tc), fmt("%.1f", lc), fmt("%.2f", tc / lc),
                        "(info)", "—"});
        rows.push_back({"  " + label + ": both sides CPU µs", fmt("%.1f", tt), fmt("%.1f", lt), fmt("%.2f", tt / lt),
                        "≤ 0.50", verdict(tt * 2 <= lt)});
    }
    rows.push_back({"Resumed HS TLS 1.3 PSK (psk_dhe_ke)", nyi, "—", "—", "≥ 2× libssl handshakes/s", nyi});

    // The crypto floor itself (libcrypto alone, identical for both columns).
    auto floor_row = [&](const std::string& label, const std::string& name) {
        const double v = us(name);
        if (v >= 0) rows.push_back({"Floor: " + label + " µs", fmt("%.1f", v), "(same libcrypto)", "—", "—", "—"});
    };
    for (const FloorOp& op : floor_ops()) floor_row(op.label, op.name);

    for (Aead a : kAeads) {
        const std::string b = std::string("bulk/") + key(a);
        const double t = counter(b, "tlspp_mbps"), ip = counter(b, "tlspp_in_place_mbps");
        const double l = counter(b, "libssl_mbps"), raw = counter(b, "raw_mbps");
        if (t < 0 || l < 0 || raw < 0 || ip < 0) continue;
        rows.push_back({std::string("Bulk ") + name(a) + ": MB/s, 16 KiB records one way (seal + open)",
                        fmt("%.0f", t), fmt("%.0f", l), fmt("%.2f", t / l), "≥ 1.00", verdict(t >= l)});
        rows.push_back({std::string("  ÷ raw libcrypto AEAD seal+open (") + fmt("%.0f", raw) + " MB/s)",
                        fmt("%.2f×", t / raw), fmt("%.2f×", l / raw), "—", "tlspp ≥ 0.92×", verdict(t / raw >= 0.92)});
        rows.push_back({"  tlspp read in place (received_data, no copy out): MB/s, and ÷ raw",
                        fmt("%.0f", ip) + " = " + fmt("%.2f×", ip / raw), "—", fmt("%.2f", ip / l),
                        "tlspp ≥ 0.92×", verdict(ip / raw >= 0.92)});
    }

    if (mem) {
        const Mem& t = mem->tlspp;
        const Mem& l = mem->libssl;
        const Mem& rb = mem->libssl_rb;
        const char* side[2] = {"client", "server"};
        auto bytes = [](std::int64_t v) { return fmt("%.0f", static_cast<double>(v)); };
        auto ratio = [](double a, double b) { return b > 0 ? fmt("%.2f", a / b) : std::string("—"); };
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("Live heap bytes, ") + side[i] + ", created (before handshake)",
                            bytes(t.created[i]), bytes(l.created[i]), ratio(t.created[i], l.created[i]), "—", "—"});
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("Live heap bytes, ") + side[i] + ", peak during handshake", bytes(t.peak[i]),
                            bytes(l.peak[i]), ratio(t.peak[i], l.peak[i]), "—", "—"});
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("Live heap bytes, ") + side[i] + ", established idle (after handshake)",
                            bytes(t.after_hs[i]), bytes(l.after_hs[i]), ratio(t.after_hs[i], l.after_hs[i]),
                            "≤ 0.33", verdict(t.after_hs[i] * 3 <= l.after_hs[i])});
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("Live heap bytes, ") + side[i] + ", after one 16 KiB record each way",
                            bytes(t.after_rec[i]), bytes(l.after_rec[i]), ratio(t.after_rec[i], l.after_rec[i]),
                            "≤ 0.33", verdict(t.after_rec[i] * 3 <= l.after_rec[i])});
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("  same, libssl with SSL_MODE_RELEASE_BUFFERS, ") + side[i],
                            bytes(t.after_rec[i]), bytes(rb.after_rec[i]), ratio(t.after_rec[i], rb.after_rec[i]),
                            "(info)", "—"});
        for (int i = 0; i < 2; ++i)
            rows.push_back({std::string("Allocation calls per full handshake, ") + side[i],
                            bytes(static_cast<std::int64_t>(t.hs_calls[i])),
                            bytes(static_cast<std::int64_t>(l.hs_calls[i])),
                            ratio(static_cast<double>(t.hs_calls[i]), static_cast<double>(l.hs_calls[i])), "≤ 0.25",
                            verdict(t.hs_calls[i] * 4 <= l.hs_calls[i])});
        if (mem->tlspp_cached.ok)
            rows.push_back({"  client, repeat connection with the verified-chain cache (hit)",
                            bytes(static_cast<std::int64_t>(mem->tlspp_cached.hs_calls[0])),
                            bytes(static_cast<std::int64_t>(l.hs_calls[0])),
                            ratio(static_cast<double>(mem->tlspp_cached.hs_calls[0]), static_cast<double>(l.hs_calls[0])),
                            "≤ 0.25", verdict(mem->tlspp_cached.hs_calls[0] * 4 <= l.hs_calls[0])});
        rows.push_back({"  of which one d2i_X509 of the leaf costs (libcrypto, either library)",
                        bytes(static_cast<std::int64_t>(mem->d2i_calls)), "(same libcrypto)", "—", "(info)", "—"});
        rows.push_back({"Allocation calls per 16 KiB record, steady state (both sides)", fmt("%.2f", t.calls_per_record),
                        fmt("%.2f", l.calls_per_record), "—", "tlspp = 0", verdict(t.calls_per_record == 0)});
        rows.push_back({"  same, libssl with SSL_MODE_RELEASE_BUFFERS", fmt("%.2f", t.calls_per_record),
                        fmt("%.2f", rb.calls_per_record), "—", "(info)", "—"});
        // The other full handshakes: client / server in one cell.
        auto pair_cell = [&](std::int64_t c, std::int64_t s) { return bytes(c) + " / " + bytes(s); };
        auto pair_ratio = [&](double a0, double b0, double a1, double b1) { return ratio(a0, b0) + " / " + ratio(a1, b1); };
        for (Hs h : kNewHs) {
            const auto ti = mem->tlspp_hs.find(h), li = mem->libssl_hs.find(h);
            if (ti == mem->tlspp_hs.end() || li == mem->libssl_hs.end() || !ti->second.ok || !li->second.ok) continue;
            const Mem& a = ti->second;
            const Mem& b = li->second;
            const std::string lbl = std::string(" (client / server), ") + name(h);
            rows.push_back({"Live heap bytes, peak during handshake" + lbl, pair_cell(a.peak[0], a.peak[1]),
                            pair_cell(b.peak[0], b.peak[1]),
                            pair_ratio(a.peak[0], b.peak[0], a.peak[1], b.peak[1]), "—", "—"});
            rows.push_back({"Live heap bytes, established idle" + lbl, pair_cell(a.after_hs[0], a.after_hs[1]),
                            pair_cell(b.after_hs[0], b.after_hs[1]),
                            pair_ratio(a.after_hs[0], b.after_hs[0], a.after_hs[1], b.after_hs[1]), "≤ 0.33",
                            verdict(a.after_hs[0] * 3 <= b.after_hs[0] && a.after_hs[1] * 3 <= b.after_hs[1])});
            rows.push_back({"Allocation calls per full handshake" + lbl,
                            pair_cell(static_cast<std::int64_t>(a.hs_calls[0]), static_cast<std::int64_t>(a.hs_calls[1])),
                            pair_cell(static_cast<std::int64_t>(b.hs_calls[0]), static_cast<std::int64_t>(b.hs_calls[1])),
                            pair_ratio(static_cast<double>(a.hs_calls[0]), static_cast<double>(b.hs_calls[0]),
                                       static_cast<double>(a.hs_calls[1]), static_cast<double>(b.hs_calls[1])),
                            "≤ 0.25", verdict(a.hs_calls[0] * 4 <= b.hs_calls[0] && a.hs_calls[1] * 4 <= b.hs_calls[1])});
            if (h == Hs::mtls && mem->tlspp_mtls_cached.ok) {
                const Mem& k = mem->tlspp_mtls_cached;
                rows.push_back({"  same, repeat connection, both chain checks verified-chain cache hits",
                                pair_cell(static_cast<std::int64_t>(k.hs_calls[0]), static_cast<std::int64_t>(k.hs_calls[1])),
                                pair_cell(static_cast<std::int64_t>(b.hs_calls[0]), static_cast<std::int64_t>(b.hs_calls[1])),
                                pair_ratio(static_cast<double>(k.hs_calls[0]), static_cast<double>(b.hs_calls[0]),
                                           static_cast<double>(k.hs_calls[1]), static_cast<double>(b.hs_calls[1])),
                                "≤ 0.25", verdict(k.hs_calls[0] * 4 <= b.hs_calls[0] && k.hs_calls[1] * 4 <= b.hs_calls[1])});
            }
        }
        if (t.leaked[0] || t.leaked[1] || l.leaked[0] || l.leaked[1])
            std::printf("note: bytes not returned after the pair was freed: tlspp %lld/%lld, libssl %lld/%lld\n",
                        static_cast<long long>(t.leaked[0]), static_cast<long long>(t.leaked[1]),
                        static_cast<long long>(l.leaked[0]), static_cast<long long>(l.leaked[1]));
    }
    std::printf("\n## Summary\n\n%s\n\n", machine().c_str());
    print_table(rows);
    std::printf("\nHandshake times are the thread CPU time of the calls into each side (CLOCK_THREAD_CPUTIME_ID around\n"
                "each call, less the calibrated cost of reading that clock, %lld ns; medians of the repetitions);\n"
                "floor figures are Google Benchmark CPU time; bulk figures, thread CPU time of interleaved\n"
                "blocks of records.\n",
                static_cast<long long>(g_timer_overhead_ns));
    std::printf("Ratios compare figures from this same run. Memory figures are requested bytes (operator new and\n"
                "CRYPTO_malloc), charged to the side whose call allocated them; libssl's BIO pair is excluded.\n");
}

// alloc_sites lists, for a tlspp ECDHE-RSA pair, where the live bytes after
// one 16 KiB record each way and the allocation calls of the handshake come from.
int alloc_sites() {
    const auto cfg = tlspp_configs(Cert::rsa2048, Aead::aes128gcm);
    std::vector<std::uint8_t> data(kRecord, 0x42), out(kRecord);
    for (int round = 0; round < 2; ++round) {
        if (round == 1) alloc::trace(true);
        TlsppPair p;
        p.create(cfg);
        if (!p.handshake() || !p.client_to_server(data, out) || !p.server_to_client(data, out)) return 1;
        if (round == 1) {
            for (alloc::Tag t : {alloc::client, alloc::server}) {
                std::printf("== tlspp %s (ECDHE-RSA, after handshake and one 16 KiB record each way)\n",
                            t == alloc::client ? "client" : "server");
                alloc::print_sites(t, 14, 7);
            }
            alloc::trace(false);
        }
        p.destroy();
    }
    return 0;
}

// loop runs one workload n times without the benchmark library (for profilers).
int loop(const std::string& what, long n) {
    g_time_sides = false;
    if (what == "all") {   // every workload in turn (a smoke test of the benchmark itself)
        for (const std::string& w : workload_names())
            if (int rc = loop(w, n)) return rc;
        return 0;
    }
    const auto once = workload(what);
    if (!once) {
        std::fprintf(stderr, "bench: unknown --loop workload '%s'; one of:\n", what.c_str());
        for (const std::string& w : workload_names()) std::fprintf(stderr, "  %s\n", w.c_str());
        return 2;
    }
    for (long i = 0; i < n; ++i)
        if (!once()) {
            std::fprintf(stderr, "bench: workload '%s' failed at iteration %ld\n", what.c_str(), i);
            return 1;
        }
    return 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
    if (!bench::alloc::install()) {
        std::fprintf(stderr, "bench: CRYPTO_set_mem_functions failed (libcrypto allocated before main)\n");
        return 1;
    }
    bool quick = false, memory_only = false;
    std::vector<char*> args{argv[0]};
    bool has_min_time = false, has_reps = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) quick = true;
        else if (!std::strcmp(argv[i], "--memory-only")) memory_only = true;
        else if (!std::strcmp(argv[i], "--alloc-sites")) {
            (void)tlspp::test::pki();
            return bench::alloc_sites();
        } else if (!std::strcmp(argv[i], "--instructions") || !std::strncmp(argv[i], "--instructions=", 15)) {
            return bench::instructions(argv[0], argv[i][14] == '=' ? std::atol(argv[i] + 15) : 10);
        } else if (!std::strncmp(argv[i], "--loop=", 7)) {
            const std::string spec = argv[i] + 7;
            const auto colon = spec.find(':');
            const long n = colon == std::string::npos ? 100 : std::atol(spec.c_str() + colon + 1);
            // --count=SIDE (after --loop): under `valgrind --tool=callgrind --collect-atstart=no`,
            // collect only that side's calls (client, server, both), for callgrind_annotate.
            if (i + 1 < argc && !std::strncmp(argv[i + 1], "--count=", 8)) {
                const std::string side = argv[i + 1] + 8;
                bench::g_counted = side == "client"   ? bench::Counted::client
                                   : side == "server" ? bench::Counted::server
                                                      : bench::Counted::both;
            }
            (void)tlspp::test::pki();
            return bench::loop(spec.substr(0, colon), n);
        }
        else {
            if (!std::strncmp(argv[i], "--benchmark_min_time", 20)) has_min_time = true;
            if (!std::strncmp(argv[i], "--benchmark_repetitions", 23)) has_reps = true;
            args.push_back(argv[i]);
        }
    }
    static std::string min_time = quick ? "--benchmark_min_time=0.05" : "--benchmark_min_time=0.5";
    static std::string reps = quick ? "--benchmark_repetitions=1" : "--benchmark_repetitions=5";
    static std::string interleave = "--benchmark_enable_random_interleaving=true";
    static std::string aggregates = "--benchmark_report_aggregates_only=true";
    if (!has_min_time) args.push_back(min_time.data());
    if (!has_reps) {
        args.push_back(reps.data());
        if (!quick) args.push_back(interleave.data());
    }
    args.push_back(aggregates.data());
    int n = static_cast<int>(args.size());
    args.push_back(nullptr);

    (void)tlspp::test::pki();  // RSA key generation: before anything is timed
    std::printf("timer: one CLOCK_THREAD_CPUTIME_ID read costs %lld ns (subtracted per timed call)\n",
                static_cast<long long>(bench::calibrate_timer()));
    bench::Negotiated neg;
    for (bench::Hs h : bench::kHs) {
        const std::string d = bench::describe_negotiation(h);
        std::printf("%s: %s\n", bench::name(h), d.c_str());
        neg.pss[h] = bench::pss_use(d);
    }

    for (bench::Resume r : bench::kResumes)
        std::printf("resumed TLS 1.2 (%s), ECDHE-RSA-AES128-GCM: %s\n", bench::name(r),
                    bench::describe_resumption(r).c_str());

    benchmark::Initialize(&n, args.data());
    bench::Collector collector;
    if (!memory_only) {
        bench::register_all();
        benchmark::RunSpecifiedBenchmarks(&collector);
    }
    benchmark::Shutdown();
    const bench::MemAll mem = bench::measure_memory();
    bench::summary(collector, &mem, neg);
    return 0;
}
