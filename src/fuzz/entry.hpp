// fuzz/entry.hpp: the library's fuzz entry points (rustls `internal::fuzzing`).
// Built only by cmake/fuzz.cmake (-DTLSPP_FUZZING=ON), where fuzz/mode.hpp
// turns record protection, Finished and signature checks off. Every entry is
// deterministic: fixed randomness, fixed clock, fixed server keys, so the
// same input always takes the same path and a crash reproduces.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "tlspp/config.hpp"

namespace tlspp::fuzz {

using Bytes = std::span<const std::uint8_t>;

// deframer feeds bytes to a record layer and drains every record. The first
// byte picks read protection (none, AES-GCM, ChaCha20) and a chunk size.
void deframer(Bytes data);
// message decodes one handshake body with the decoder of the first byte's
// handshake type (plus the ECDHE ServerKeyExchange/ClientKeyExchange
// bodies), re-encodes what decoded, and aborts if the re-encoding fails to decode.
void message(Bytes data);
// client_hello wraps `data` as a ClientHello body in one record and feeds it to a server.
void client_hello(Bytes data);
// client runs a client handshake against `data` as everything the server sends.
void client(Bytes data);
// server runs a server handshake against `data` as everything the client sends.
void server(Bytes data);

// The configs the entry points use, for the corpus generator. The client
// offers every suite and group and does not verify the chain (verification
// has its own target); the server has an ECDSA P-256 and an RSA key.
std::shared_ptr<ClientConfig> client_config();
std::shared_ptr<ServerConfig> server_config();

// Fixed PEM identities (fuzz/identity.cpp).
extern const char* const p256_chain_pem;
extern const char* const p256_key_pem;
extern const char* const rsa_chain_pem;
extern const char* const rsa_key_pem;

}  // namespace tlspp::fuzz
