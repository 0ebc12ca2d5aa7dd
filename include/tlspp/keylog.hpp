// tlspp/keylog.hpp: key logging for Wireshark and other decrypting tools, in
// the NSS key log format
// (https://firefox-source-docs.mozilla.org/security/nss/legacy/key_log_format/):
//
//   CLIENT_RANDOM <64 hex digits: ClientHello.random> <96 hex digits: master secret>
//
// one line per secret (TLS 1.2 logs one CLIENT_RANDOM line per handshake;
// TLS 1.3 uses the other labels below). Anyone holding the log can decrypt
// the logged connections: it is for debugging only, never on by default.
//
//   config.keylog = tlspp::KeyLog::from_environment();    // SSLKEYLOGFILE, or nullptr
//   config.keylog = tlspp::KeyLog::to_file("keys.txt").value();
//   config.keylog = tlspp::KeyLog::to_callback([](std::string_view line) { ... });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "tlspp/result.hpp"

namespace tlspp {

// The labels of the NSS key log format.
namespace keylog_label {
inline constexpr std::string_view client_random = "CLIENT_RANDOM";   // TLS 1.2 master secret
inline constexpr std::string_view client_early_traffic_secret = "CLIENT_EARLY_TRAFFIC_SECRET";
inline constexpr std::string_view client_handshake_traffic_secret = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
inline constexpr std::string_view server_handshake_traffic_secret = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
inline constexpr std::string_view client_traffic_secret_0 = "CLIENT_TRAFFIC_SECRET_0";
inline constexpr std::string_view server_traffic_secret_0 = "SERVER_TRAFFIC_SECRET_0";
inline constexpr std::string_view exporter_secret = "EXPORTER_SECRET";
}  // namespace keylog_label

// KeyLog receives the secrets of connections whose config names it. One
// instance may serve many connections on many threads, so log() must be
// thread-safe (the ones made here are).
class KeyLog {
public:
    virtual ~KeyLog() = default;

    // log records one secret: `label` (see keylog_label), the connection's
    // ClientHello.random (32 bytes) and the secret.
    virtual void log(std::string_view label, std::span<const std::uint8_t> client_random,
                     std::span<const std::uint8_t> secret) = 0;

    // line formats one key log line, "<label> <hex random> <hex secret>",
    // lower-case hex, without the newline.
    static std::string line(std::string_view label, std::span<const std::uint8_t> client_random,
                            std::span<const std::uint8_t> secret);

    // to_file appends lines to `path` (created with mode 0600 if it does not
    // exist; an existing file keeps its mode). Each line is written with one
    // write(2) on a file opened with O_APPEND, under a mutex, so lines from
    // several connections (and several processes) do not interleave, and
    // nothing waits in a buffer. Fails with bad_config if the file cannot
    // be opened.
    static Result<std::shared_ptr<KeyLog>> to_file(const std::string& path);

    // from_environment is to_file($SSLKEYLOGFILE) when the variable is set
    // and not empty, and nullptr otherwise. If the file cannot be opened it
    // says so once on stderr and returns nullptr (key logging is a debugging
    // aid; a connection does not fail for it).
    static std::shared_ptr<KeyLog> from_environment();

    // to_callback hands each line (as line() makes it, without the newline)
    // to `callback`, which must be thread-safe if the config is shared.
    static std::shared_ptr<KeyLog> to_callback(std::function<void(std::string_view line)> callback);
};

}  // namespace tlspp
