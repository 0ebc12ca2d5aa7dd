// bench/table.cpp: see table.hpp.
#include "table.hpp"

#include <openssl/crypto.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <thread>

namespace bench {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string machine() {
    std::string model = "?";
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    char date[64];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    return "Machine: " + model + ", nproc " + std::to_string(std::thread::hardware_concurrency()) + "; " +
           OpenSSL_version(OPENSSL_VERSION) + "; " + date;
}

void print_table(const std::vector<Row>& rows) {
    std::printf("| row | tlspp | libssl | ratio tlspp/libssl | target | status |\n");
    std::printf("|---|---:|---:|---:|---|---|\n");
    for (const Row& r : rows)
        std::printf("| %s | %s | %s | %s | %s | %s |\n", r.name.c_str(), r.tlspp.c_str(), r.libssl.c_str(),
                    r.ratio.c_str(), r.target.c_str(), r.status.c_str());
}

}  // namespace bench
