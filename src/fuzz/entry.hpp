// fuzz/entry.hpp: the library's fuzz entry points (rustls `internal::fuzzing`).
// Built only by cmake/fuzz.cmake (-DTLSPP_FUZZING=ON), where fuzz/mode.hpp
// turns record protection, Finished and signature checks off. Every entry is
// deterministic: fixed randomness, fixed clock, fixed server keys, so the
// same input always takes the same path and a crash reproduces.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

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

// chain verifies a certificate chain as a client or server does
// (pki::verify_chain) against the fixed PKI of fuzz/chain_pki.cpp. Input:
//   byte 0   settings: bits 0-2 the host name to verify (chain_hosts),
//            bits 3-4 the time (chain_times), bit 5 client_auth instead of
//            server_auth, bit 6 a trust store with the CRLs; bit 7 unused
//   rest     a Certificate message body (RFC 5246 §7.4.2): u24 list of u24 DER
// Aborts if the verdict is neither success nor a certificate Reason, or if a
// success breaks what signatures guarantee (chain.cpp lists the checks).
void chain(Bytes data);
// ticket opens `data` as a session ticket with fixed ticket keys, decodes it
// as a serialized session (session::deserialize) and as a --sess-in PEM file,
// then seals a session made from `data` and opens it again: the round trip
// must give the session back, a flipped bit must not open, and key rotation
// must keep the documented window (ticket.cpp lists the checks).
void ticket(Bytes data);

// For the corpus generator: chain settings, the hosts and times they pick,
// and the ticket keys' first ticket for a serialized session.
inline constexpr std::uint8_t chain_client_auth = 0x20;
inline constexpr std::uint8_t chain_with_crls = 0x40;
inline constexpr const char* chain_hosts[8] = {"localhost", "127.0.0.1", "www.fuzz.example", "",
                                               "::1", "fuzz.example", "a.b.fuzz.example", "LocalHost"};
// 2030-01-01 (all valid), 2020-01-01 (none yet), 2110-01-01 (the
// intermediate expired), 2200-01-01 (all expired): seconds since 1970.
inline constexpr std::int64_t chain_times[4] = {1893456000, 1577836800, 4417977600, 7258118400};
std::vector<std::uint8_t> sealed_ticket(Bytes serialized_session);

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
// The chain target's PKI (fuzz/chain_pki.cpp).
extern const char* const chain_root_pem;
extern const char* const chain_intermediate_pem;
extern const char* const chain_server_pem;
extern const char* const chain_client_pem;
extern const char* const chain_revoked_pem;
extern const char* const chain_ed25519_pem;
extern const char* const chain_crls_pem;

}  // namespace tlspp::fuzz
