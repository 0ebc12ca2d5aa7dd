// bench/instructions.cpp: see instructions.hpp.
#include "instructions.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "hs_floor.hpp"
#include "pairs.hpp"
#include "support/test_pki.hpp"
#include "table.hpp"
#include "workloads.hpp"

extern char** environ;

namespace bench {

namespace {

// Where the child run (under callgrind) finds its dump files.
constexpr const char* kDirEnv = "TLSPP_BENCH_CALLGRIND_DIR";

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench --instructions: %s\n", what.c_str());
    std::exit(1);
}

// run_under_callgrind starts this program again under callgrind, with
// collection off until a CountScope turns it on, and waits for it.
int run_under_callgrind(const char* self, long n) {
    namespace fs = std::filesystem;
    std::string dir = (fs::temp_directory_path() / "tlspp-bench-cg.XXXXXX").string();
    if (!mkdtemp(dir.data())) die(std::string("cannot make a directory for the dumps: ") + std::strerror(errno));
    setenv(kDirEnv, dir.c_str(), 1);
    const std::string out = "--callgrind-out-file=" + dir + "/cg.%p";
    const std::string count = "--instructions=" + std::to_string(n);
    std::vector<const char*> argv = {"valgrind", "-q", "--tool=callgrind", "--collect-atstart=no",
                                     out.c_str(), self, count.c_str(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "valgrind", nullptr, nullptr, const_cast<char* const*>(argv.data()), environ);
    int status = 1;
    if (rc != 0)
        std::fprintf(stderr, "bench --instructions: cannot start valgrind (%s); it is in the Debian package valgrind\n",
                     std::strerror(rc));
    else if (waitpid(pid, &status, 0) != pid)
        status = 1;
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    return rc == 0 && WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// Counter runs workloads and reads back what callgrind collected.
class Counter {
public:
    Counter(std::string dump_prefix, long n) : prefix_(std::move(dump_prefix)), n_(n) {}

    // per_iteration runs `what` once uncounted (lazily built state), then n
    // times counting `who`, and returns the instructions per iteration.
    double per_iteration(const std::string& what, Counted who) {
        const auto once = workload(what);
        if (!once) die("no workload '" + what + "'");
        if (!once()) die("workload '" + what + "' failed");
        CALLGRIND_ZERO_STATS;
        g_counted = who;
        for (long i = 0; i < n_; ++i)
            if (!once()) die("workload '" + what + "' failed");
        g_counted = Counted::none;
        const std::string label = what + (who == Counted::server ? " server" : who == Counted::client ? " client" : "");
        CALLGRIND_DUMP_STATS_AT(label.c_str());
        const double per = read_dump(prefix_ + "." + std::to_string(++dumps_)) / static_cast<double>(n_);
        std::fprintf(stderr, "  %-44s %14.0f instructions per iteration\n", label.c_str(), per);
        return per;
    }

private:
    // read_dump returns the "totals:" line of a callgrind dump and removes the file.
    static double read_dump(const std::string& file) {
        std::ifstream in(file);
        double total = -1;
        for (std::string line; std::getline(in, line);)
            if (line.rfind("totals:", 0) == 0) total = std::strtod(line.c_str() + 7, nullptr);
        in.close();
        std::remove(file.c_str());
        if (total < 0) die("no totals in " + file);
        return total;
    }

    std::string prefix_;
    long n_;
    int dumps_ = 0;
};

std::string k(double instructions) { return fmt("%.0f", instructions / 1e3); }
std::string x(double ratio) { return fmt("%.2f×", ratio); }
std::string verdict(bool met) { return met ? "met" : "**missed**"; }

void full_handshakes(Counter& c, const std::map<std::string, double>& floors, std::vector<Row>& rows) {
    const auto floor_of = [&](const std::string& name) { return floors.at(name); };
    for (Hs h : kHs) {
        const HsFloor f = hs_floor(h, pss_use(describe_negotiation(h)), floor_of);
        const std::string t = std::string("hs-tlspp-") + key(h), l = std::string("hs-libssl-") + key(h);
        const double ts = c.per_iteration(t, Counted::server), ls = c.per_iteration(l, Counted::server);
        const double tc = c.per_iteration(t, Counted::client), lc = c.per_iteration(l, Counted::client);
        rows.push_back({"Full HS " + f.label + ": server, k instructions", k(ts), k(ls), fmt("%.2f", ts / ls),
                        "≤ 1.00", verdict(ts <= ls)});
        rows.push_back({"  server ÷ its crypto floor (" + k(f.server_tlspp) + " k: " + f.server_desc + ")",
                        x(ts / f.server_tlspp), x(ls / f.server_libssl), "—", "tlspp ≤ 1.10×",
                        verdict(ts / f.server_tlspp <= 1.10)});
        rows.push_back({"Full HS " + f.label + ": client, k instructions", k(tc), k(lc), fmt("%.2f", tc / lc),
                        "≤ 1.00", verdict(tc <= lc)});
        rows.push_back({"  client ÷ its crypto floor (" + k(f.client_tlspp) + " k: " + f.client_desc + ")",
                        x(tc / f.client_tlspp), x(lc / f.client_libssl), "—", "tlspp ≤ 1.30×",
                        verdict(tc / f.client_tlspp <= 1.30)});
        const std::string cached = std::string("hs-tlspp-cached-") + key(h);
        const double kc = c.per_iteration(cached, Counted::client);
        const double kfloor = f.client_tlspp - f.client_chain;
        rows.push_back({"  client, repeat connection, verified-chain cache hit, k instructions", k(kc), k(lc),
                        fmt("%.2f", kc / lc), "(info)", "—"});
        rows.push_back({"    ÷ its floor without chain verification (" + k(kfloor) + " k)", x(kc / kfloor), "—", "—",
                        "tlspp ≤ 1.30×", verdict(kc / kfloor <= 1.30)});
        if (h == Hs::mtls) {
            const double ks = c.per_iteration(cached, Counted::server);
            const double sfloor = f.server_tlspp - f.server_chain;
            rows.push_back({"  server, repeat client, verified-chain cache hit, k instructions", k(ks), k(ls),
                            fmt("%.2f", ks / ls), "(info)", "—"});
            rows.push_back({"    ÷ its floor without client chain verification (" + k(sfloor) + " k)",
                            x(ks / sfloor), "—", "—", "tlspp ≤ 1.10×", verdict(ks / sfloor <= 1.10)});
        }
    }
}

void resumed_handshakes(Counter& c, std::vector<Row>& rows) {
    for (Resume r : kResumes) {
        const std::string t = std::string("hs-tlspp-") + key(r), l = std::string("hs-libssl-") + key(r);
        const double ts = c.per_iteration(t, Counted::server), ls = c.per_iteration(l, Counted::server);
        const double tc = c.per_iteration(t, Counted::client), lc = c.per_iteration(l, Counted::client);
        const std::string label = std::string("Resumed HS TLS 1.2 (") + name(r) + ")";
        rows.push_back({label + ": server, k instructions", k(ts), k(ls), fmt("%.2f", ts / ls), "(info)", "—"});
        rows.push_back({label + ": client, k instructions", k(tc), k(lc), fmt("%.2f", tc / lc), "(info)", "—"});
        rows.push_back({label + ": both sides, k instructions", k(ts + tc), k(ls + lc),
                        fmt("%.2f", (ts + tc) / (ls + lc)), "≤ 0.50 (≥ 2× libssl)", verdict((ts + tc) <= 0.5 * (ls + lc))});
    }
}

int count_all(long n) {
    const char* dir = std::getenv(kDirEnv);
    if (!dir) die(std::string(kDirEnv) + " is not set (run tlspp_bench --instructions, which sets it)");
    Counter c(std::string(dir) + "/cg." + std::to_string(getpid()), n);
    g_time_sides = false;   // no clock reads inside the counted calls
    (void)tlspp::test::pki();
    std::fprintf(stderr, "counting instructions (callgrind), %ld iterations per row after one warm-up:\n", n);

    std::map<std::string, double> floors;
    std::vector<Row> floor_rows;
    for (const FloorOp& op : floor_ops()) {
        floors[op.name] = c.per_iteration(op.name, Counted::both);
        floor_rows.push_back({"Floor: " + op.label + ", k instructions", k(floors[op.name]), "(same libcrypto)", "—",
                              "—", "—"});
    }
    std::vector<Row> rows;
    full_handshakes(c, floors, rows);
    resumed_handshakes(c, rows);
    rows.insert(rows.end(), floor_rows.begin(), floor_rows.end());

    std::printf("\n## Instructions (callgrind)\n\n%s; %ld iterations per row\n\n", machine().c_str(), n);
    print_table(rows);
    std::printf("\nInstructions executed inside the calls into each side (the same calls the CPU-time table times),\n"
                "per handshake or per record, counted by callgrind; floors are the same libcrypto operations as in\n"
                "the CPU table. Counts do not depend on the machine's load; they do not show cache misses or\n"
                "system-call time, and valgrind's virtual CPU lacks some extensions (SHA-NI, AVX-512), so libcrypto\n"
                "runs other code paths than natively (hashing, the TLS 1.2 PRF, costs more instructions here).\n"
                "Bulk transfer is not counted: a 16 KiB memcpy (rep movsb) counts one instruction per byte here.\n");
    return 0;
}

}  // namespace

int instructions(const char* self, long n) {
    if (n < 1) die("the iteration count must be at least 1");
    if (!RUNNING_ON_VALGRIND) return run_under_callgrind(self, n);
    return count_all(n);
}

}  // namespace bench
