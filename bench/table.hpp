// bench/table.hpp: the summary tables' rows, in markdown.
#pragma once

#include <string>
#include <vector>

namespace bench {

struct Row {
    std::string name, tlspp, libssl, ratio, target, status;
};

std::string fmt(const char* f, double v);   // snprintf of one number
std::string machine();                      // "Machine: <cpu>, nproc N; <OpenSSL version>; <date>"
void print_table(const std::vector<Row>& rows);

}  // namespace bench
