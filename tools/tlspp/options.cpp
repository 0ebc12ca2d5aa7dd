// tools/tlspp/options.cpp: argument parsing and the list/name helpers.
#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "handshake/suites.hpp"

namespace tlspp::cli {

namespace {

const OptionSpec* find_option(std::span<const OptionSpec> spec, std::string_view name) {
    for (const auto& o : spec)
        if (o.name == name) return &o;
    return nullptr;
}

}  // namespace

Args Args::parse(std::span<char* const> argv, std::span<const OptionSpec> spec) {
    Args args;
    bool only_positionals = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        std::string_view arg = argv[i];
        if (only_positionals || arg.size() < 2 || arg[0] != '-') {
            args.positionals_.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positionals = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            args.options_.emplace_back("help", "");
            continue;
        }
        if (!arg.starts_with("--")) throw UsageError("unknown option " + std::string(arg));
        std::string_view name = arg.substr(2);
        std::optional<std::string_view> inline_value;
        if (auto eq = name.find('='); eq != std::string_view::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* o = find_option(spec, name);
        if (o == nullptr) throw UsageError("unknown option --" + std::string(name));
        if (o->value_name.starts_with("[=")) {   // optional value, only in the --name=value form
            args.options_.emplace_back(std::string(name), std::string(inline_value.value_or("")));
            continue;
        }
        if (o->value_name.empty()) {
            if (inline_value) throw UsageError("--" + std::string(name) + " takes no value");
            args.options_.emplace_back(std::string(name), "");
            continue;
        }
        if (inline_value) {
            args.options_.emplace_back(std::string(name), std::string(*inline_value));
            continue;
        }
        if (i + 1 >= argv.size())
            throw UsageError("--" + std::string(name) + " needs a value (" + std::string(o->value_name) + ")");
        args.options_.emplace_back(std::string(name), std::string(argv[++i]));
    }
    return args;
}

bool Args::has(std::string_view name) const {
    return std::any_of(options_.begin(), options_.end(), [&](const auto& o) { return o.first == name; });
}

std::optional<std::string> Args::value(std::string_view name) const {
    for (auto it = options_.rbegin(); it != options_.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::string help_text(std::string_view synopsis, std::string_view description,
                      std::span<const OptionSpec> spec) {
    std::string out = "usage: " + std::string(synopsis) + "\n\n" + std::string(description) + "\n\noptions:\n";
    for (const auto& o : spec) {
        std::string left = "  --" + std::string(o.name);
        if (o.value_name.starts_with("[=")) left += std::string(o.value_name);
        else if (!o.value_name.empty()) left += " " + std::string(o.value_name);
        if (left.size() < 26) left.resize(26, ' ');
        else left += "\n" + std::string(26, ' ');
        out += left + std::string(o.help) + "\n";
    }
    out += "  --help                  show this help\n";
    return out;
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(separators, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) items.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

std::vector<CipherSuite> parse_suites(std::string_view list) {
    std::vector<CipherSuite> suites;
    for (const auto& item : split_list(list)) {
        auto suite = handshake::suite_by_name(item);
        if (!suite) {
            std::string known;
            for (const auto& info : handshake::all_suites())
                known += "\n  " + std::string(name(info.suite)) + " (" + std::string(info.openssl_name) + ")";
            throw UsageError("unknown cipher suite '" + item + "'; known suites:" + known);
        }
        suites.push_back(*suite);
    }
    if (suites.empty()) throw UsageError("--ciphers: empty list");
    return suites;
}

std::string_view groups_help() {
    static const std::string help = "key exchange groups in preference order: " + handshake::group_names();
    return help;
}

std::vector<NamedGroup> parse_groups(std::string_view list) {
    std::vector<NamedGroup> groups;
    for (const auto& item : split_list(list)) {
        auto group = handshake::group_by_name(item);
        if (!group) throw UsageError("unknown group '" + item + "'; known groups: " + handshake::group_names());
        groups.push_back(*group);
    }
    if (groups.empty()) throw UsageError("--groups: empty list");
    return groups;
}

std::vector<std::string> parse_alpn(std::string_view list) {
    auto ids = split_list(list, ",");
    for (const auto& id : ids)
        if (id.size() > 255) throw UsageError("ALPN protocol id longer than 255 bytes: " + id);
    if (ids.empty()) throw UsageError("--alpn: empty list");
    return ids;
}

std::uint16_t parse_port(std::string_view text, bool allow_zero) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value > 65535 || (value == 0 && !allow_zero))
        throw UsageError("bad port '" + std::string(text) + "' (expected " + (allow_zero ? "0" : "1") + "..65535)");
    return static_cast<std::uint16_t>(value);
}

HostPort parse_host_port(std::string_view text) {
    HostPort hp;
    std::string_view port;
    if (text.starts_with("[")) {
        auto close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            throw UsageError("bad address '" + std::string(text) + "' (expected [IPv6]:PORT)");
        hp.host = std::string(text.substr(1, close - 1));
        port = text.substr(close + 2);
    } else {
        auto colon = text.rfind(':');
        if (colon == std::string_view::npos)
            throw UsageError("bad address '" + std::string(text) + "' (expected HOST:PORT)");
        // A bare IPv6 literal has several colons and is ambiguous with a port.
        if (text.find(':') != colon)
            throw UsageError("bad address '" + std::string(text) + "': write IPv6 addresses as [ADDR]:PORT");
        hp.host = std::string(text.substr(0, colon));
        port = text.substr(colon + 1);
    }
    if (hp.host.empty()) throw UsageError("bad address '" + std::string(text) + "': empty host");
    hp.port = parse_port(port, false);
    return hp;
}

std::chrono::milliseconds parse_seconds(std::string_view text, std::string_view option) {
    std::string s(text);
    char* end = nullptr;
    double seconds = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400)
        throw UsageError("--" + std::string(option) + ": expected a number of seconds, got '" + s + "'");
    return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000)));
}

unsigned parse_count(std::string_view text, std::string_view option) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value == 0)
        throw UsageError("--" + std::string(option) + ": expected a positive number, got '" + std::string(text) + "'");
    return value;
}

int parse_security_level(std::string_view text) {
    int value = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 5)
        throw UsageError("--security-level: expected 0..5 (OpenSSL's levels), got '" + std::string(text) + "'");
    return value;
}

Result<std::shared_ptr<KeyLog>> open_key_log(const Args& args) {
    if (auto path = args.value("keylog")) return KeyLog::to_file(*path);
    return KeyLog::from_environment();
}

}  // namespace tlspp::cli
