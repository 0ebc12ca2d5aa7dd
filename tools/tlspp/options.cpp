// tools/tlspp/options.cpp: argument parsing and the list/name helpers.
#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "handshake/suites.hpp"
#include "tlspp/config.hpp"

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

std::vector<CipherSuite> parse_suites(std::string_view list, ProtocolVersion version, std::string_view option) {
    std::vector<CipherSuite> suites;
    const std::string flag = "--" + std::string(option);
    for (const auto& item : split_list(list)) {
        auto suite = handshake::suite_by_name(item);
        if (!suite) {
            std::string known;
            for (const auto& info : handshake::all_suites())
                if (info.version == version)
                    known += "\n  " + std::string(name(info.suite)) + " (" + std::string(info.openssl_name) + ")";
            throw UsageError(flag + ": unknown cipher suite '" + item + "'; known " + std::string(name(version)) +
                             " suites:" + known);
        }
        // OpenSSL keeps the lists apart (-cipher for TLS 1.2, -ciphersuites
        // for TLS 1.3); a name in the wrong one is a mistake worth saying.
        if (const auto* info = handshake::find_suite(*suite); info->version != version)
            throw UsageError(flag + ": " + item + " is a " + std::string(name(info->version)) + " suite; give it to " +
                             (info->version == ProtocolVersion::tls13 ? "--ciphersuites" : "--ciphers"));
        suites.push_back(*suite);
    }
    if (suites.empty()) throw UsageError(flag + ": empty list");
    return suites;
}

namespace {

const OptionSpec kProtocolOptions[] = {
    {"tls1_2", "", "use TLS 1.2 only"},
    {"tls1_3", "", "use TLS 1.3 only"},
    {"min-version", "V", "lowest protocol version: 1.2 or 1.3 (also TLSv1.2, TLSv1.3; default 1.2)"},
    {"max-version", "V", "highest protocol version: 1.2 or 1.3 (default 1.3)"},
    {"ciphers", "LIST", "TLS 1.2 cipher suites in preference order, IANA or OpenSSL names, ':' or ',' separated"},
    {"ciphersuites", "LIST", "TLS 1.3 cipher suites in preference order, ':' or ',' separated (default "
                             "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256)"},
};

ProtocolVersion parse_version(std::string_view text, std::string_view option) {
    std::string_view v = text;
    if (v.size() > 4 && (v.substr(0, 4) == "TLSv" || v.substr(0, 4) == "tlsv")) v.remove_prefix(4);
    if (v == "1.2") return ProtocolVersion::tls12;
    if (v == "1.3") return ProtocolVersion::tls13;
    if (v == "1.0" || v == "1.1")
        throw UsageError("--" + std::string(option) + ": TLS " + std::string(v) +
                         " is not supported (only 1.2 and 1.3)");
    throw UsageError("--" + std::string(option) + ": expected 1.2 or 1.3 (or TLSv1.2, TLSv1.3), got '" +
                     std::string(text) + "'");
}

// suites_of is the default list's suites of one version, in its order.
std::vector<CipherSuite> suites_of(const std::vector<CipherSuite>& suites, ProtocolVersion version) {
    std::vector<CipherSuite> out;
    for (CipherSuite s : suites)
        if (handshake::find_suite(s)->version == version) out.push_back(s);
    return out;
}

}  // namespace

std::span<const OptionSpec> protocol_options() { return kProtocolOptions; }

std::vector<OptionSpec> with_protocol_options(std::span<const OptionSpec> own) {
    std::vector<OptionSpec> all(own.begin(), own.end());
    all.insert(all.end(), std::begin(kProtocolOptions), std::end(kProtocolOptions));
    return all;
}

ProtocolSettings protocol_settings(const Args& args) {
    const bool only12 = args.has("tls1_2"), only13 = args.has("tls1_3");
    const auto min_text = args.value("min-version"), max_text = args.value("max-version");
    // OpenSSL's s_client refuses two version flags ("Cannot supply multiple protocol flags").
    if (only12 && only13) throw UsageError("choose one of --tls1_2 and --tls1_3");
    if ((only12 || only13) && (min_text || max_text))
        throw UsageError("--tls1_2/--tls1_3 already fix the version; leave out --min-version/--max-version");
    ProtocolVersion low = ProtocolVersion::tls12, high = ProtocolVersion::tls13;
    if (only12) low = high = ProtocolVersion::tls12;
    if (only13) low = high = ProtocolVersion::tls13;
    if (min_text) low = parse_version(*min_text, "min-version");
    if (max_text) high = parse_version(*max_text, "max-version");
    if (low > high)
        throw UsageError("--min-version " + min_text.value_or("") + " is above --max-version " + max_text.value_or(""));

    // Both lists are checked even for a version left out, as OpenSSL checks
    // -ciphersuites under -tls1_2; only the enabled versions' suites are used.
    const auto defaults = default_cipher_suites();
    const auto v13 = args.value("ciphersuites");
    const auto v12 = args.value("ciphers");
    const auto suites13 = v13 ? parse_suites(*v13, ProtocolVersion::tls13, "ciphersuites")
                              : suites_of(defaults, ProtocolVersion::tls13);
    const auto suites12 = v12 ? parse_suites(*v12, ProtocolVersion::tls12, "ciphers")
                              : suites_of(defaults, ProtocolVersion::tls12);
    ProtocolSettings out;
    // Most preferred first, as ClientConfig::versions; the TLS 1.3 suites
    // first, like the library's default list.
    for (ProtocolVersion v : {ProtocolVersion::tls13, ProtocolVersion::tls12}) {
        if (v < low || v > high) continue;
        out.versions.push_back(v);
        const auto& suites = v == ProtocolVersion::tls13 ? suites13 : suites12;
        out.cipher_suites.insert(out.cipher_suites.end(), suites.begin(), suites.end());
    }
    return out;
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
