// A server flight built by hand, for a client test that needs a server doing
// what tlspp's own server will not (a weak or misused certificate, odd DHE
// parameters): the client's ClientHello is read, and messages are framed
// into plaintext handshake records.
#pragma once

#include <gtest/gtest.h>

#include <variant>
#include <vector>

#include "msg/handshake.hpp"
#include "tlspp/connection.hpp"

namespace tlspp::test {

// client_hello_of takes the client's first flight out of `client` and decodes it.
inline msg::ClientHello client_hello_of(ClientConnection& client) {
    std::vector<std::uint8_t> out(client.pending_output().begin(), client.pending_output().end());
    client.consume_output(out.size());
    EXPECT_GE(out.size(), 9u);
    EXPECT_EQ(out[5], 1);   // client_hello
    auto decoded = msg::decode_message(ProtocolVersion::tls12, HandshakeType::client_hello, std::span(out).subspan(9));
    EXPECT_TRUE(decoded.ok());
    return std::get<msg::ClientHello>(*decoded);
}

// records frames encoded handshake messages as plaintext TLS 1.2 handshake
// records of at most 2^14 bytes (a message may span records).
inline std::vector<std::uint8_t> records(const std::vector<std::vector<std::uint8_t>>& messages) {
    std::vector<std::uint8_t> stream, out;
    for (const auto& m : messages) stream.insert(stream.end(), m.begin(), m.end());
    for (std::size_t at = 0; at < stream.size(); at += 16384) {
        const std::size_t n = std::min<std::size_t>(16384, stream.size() - at);
        out.insert(out.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
        out.insert(out.end(), stream.begin() + static_cast<long>(at), stream.begin() + static_cast<long>(at + n));
    }
    return out;
}

// server_hello answers `hello` with `suite`, secure renegotiation and EMS.
inline msg::ServerHello server_hello(CipherSuite suite) {
    msg::ServerHello sh;
    for (std::size_t i = 0; i < sh.random.size(); ++i) sh.random[i] = static_cast<std::uint8_t>(0xa0 + i);
    sh.cipher_suite = static_cast<std::uint16_t>(suite);
    sh.renegotiation_info = std::vector<std::uint8_t>{};
    sh.extended_master_secret = true;
    return sh;
}

}  // namespace tlspp::test
