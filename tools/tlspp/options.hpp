// tools/tlspp/options.hpp: command-line parsing for the tlspp tool, without
// external libraries. Options are "--name value", "--name=value" or flags;
// anything else is a positional argument. Errors are UsageError (exit 2).
#pragma once

#include "tlspp/keylog.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tlspp/types.hpp"

namespace tlspp::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // the TLS/network operation failed
inline constexpr int kExitUsage = 2;     // the command line is wrong

// UsageError is a command-line mistake; main prints it with a hint to --help.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string_view name;         // without the dashes: "ca"
    std::string_view value_name;   // "FILE|DIR"; empty for a flag; "[=json]" for an optional --name=value
    std::string_view help;
};

class Args {
public:
    // parse reads argv (without the program and subcommand names) against
    // `spec`. "--help"/"-h" is always accepted as a flag. Throws UsageError
    // for an unknown option, a missing value, or a value given to a flag.
    static Args parse(std::span<char* const> argv, std::span<const OptionSpec> spec);

    bool has(std::string_view name) const;
    std::optional<std::string> value(std::string_view name) const;   // the last one given
    const std::vector<std::string>& positionals() const { return positionals_; }
    bool wants_help() const { return has("help"); }

private:
    std::vector<std::pair<std::string, std::string>> options_;
    std::vector<std::string> positionals_;
};

// help_text formats "usage: <synopsis>" followed by one line per option.
std::string help_text(std::string_view synopsis, std::string_view description,
                      std::span<const OptionSpec> spec);

// split_list splits "a:b,c" at commas and colons and drops empty items.
std::vector<std::string> split_list(std::string_view text, std::string_view separators = ",:");

// parse_suites / parse_groups map IANA or OpenSSL names to code points,
// keeping the order given; the first unknown name throws UsageError, and so
// does a suite of another version than `version` (naming the option that
// takes it). `option` names the option in errors.
std::vector<CipherSuite> parse_suites(std::string_view list, ProtocolVersion version, std::string_view option);
std::vector<NamedGroup> parse_groups(std::string_view list);

// The protocol options of client and server, as OpenSSL's s_client/s_server
// have them: --tls1_2 / --tls1_3 (that version only), --min-version and
// --max-version (1.2, 1.3, TLSv1.2, TLSv1.3), --ciphers (TLS 1.2 suites, like
// -cipher) and --ciphersuites (TLS 1.3 suites, like -ciphersuites). As in
// OpenSSL the two suite lists are separate: --ciphers leaves the TLS 1.3
// suites at their defaults, and the reverse.
std::span<const OptionSpec> protocol_options();
// with_protocol_options appends protocol_options() to `own`.
std::vector<OptionSpec> with_protocol_options(std::span<const OptionSpec> own);

struct ProtocolSettings {
    std::vector<ProtocolVersion> versions;     // most preferred first (ClientConfig::versions)
    std::vector<CipherSuite> cipher_suites;    // the TLS 1.3 suites, then the TLS 1.2 ones, of enabled versions only
};
// protocol_settings reads the protocol options; without any it gives the
// library's defaults. Throws UsageError for a conflict (--tls1_2 with
// --tls1_3, either with --min/--max-version, a minimum above the maximum) or a
// bad value.
ProtocolSettings protocol_settings(const Args& args);
// groups_help is --groups' help line, naming every group (handshake::group_names).
std::string_view groups_help();

// parse_alpn splits at commas only (protocol ids are opaque and 1..255 bytes).
std::vector<std::string> parse_alpn(std::string_view list);

struct HostPort {
    std::string host;     // without brackets
    std::uint16_t port = 0;
};

// parse_host_port accepts "name:443", "192.0.2.1:443" and "[2001:db8::1]:443".
HostPort parse_host_port(std::string_view text);
std::uint16_t parse_port(std::string_view text, bool allow_zero);

// parse_seconds accepts a positive decimal number of seconds ("10", "0.5").
std::chrono::milliseconds parse_seconds(std::string_view text, std::string_view option);
unsigned parse_count(std::string_view text, std::string_view option);
// parse_security_level accepts 0..5 (--security-level, ClientConfig::security_level).
int parse_security_level(std::string_view text);

// open_key_log gives the key log --keylog FILE names, else the one
// $SSLKEYLOGFILE names (KeyLog::from_environment), else null.
Result<std::shared_ptr<KeyLog>> open_key_log(const Args& args);

}  // namespace tlspp::cli
