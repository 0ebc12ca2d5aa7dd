// handshake/key_schedule12.hpp: the TLS 1.2 PRF and what is derived with it
// (RFC 5246 §5, §6.3, §7.4.9, §8.1; RFC 7627 §4). Pure functions, no state.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "crypto/hash.hpp"
#include "crypto/secret.hpp"

namespace tlspp::handshake {

using crypto::HashAlg;
using crypto::SecretBytes;
using ByteView = std::span<const std::uint8_t>;

// prf12 is PRF(secret, label, seed) = P_<hash>(secret, label + seed), `length` bytes.
SecretBytes prf12(HashAlg hash, ByteView secret, std::string_view label, ByteView seed, std::size_t length);

// master_secret12: PRF(pre_master, "master secret", client_random + server_random)[0..47].
SecretBytes master_secret12(HashAlg hash, ByteView pre_master, ByteView client_random, ByteView server_random);

// extended_master_secret12: PRF(pre_master, "extended master secret", session_hash)[0..47] (RFC 7627 §4).
SecretBytes extended_master_secret12(HashAlg hash, ByteView pre_master, ByteView session_hash);

// KeyBlock12 is the key block split as RFC 5246 §6.3 lists it. MAC keys are
// empty for AEAD suites.
struct KeyBlock12 {
    SecretBytes client_write_mac_key, server_write_mac_key;
    SecretBytes client_write_key, server_write_key;
    SecretBytes client_write_iv, server_write_iv;
};

// KeyBlockView12 is the same split, as views into one key block.
struct KeyBlockView12 {
    ByteView client_write_mac_key, server_write_mac_key;
    ByteView client_write_key, server_write_key;
    ByteView client_write_iv, server_write_iv;
};

// key_block12: PRF(master, "key expansion", server_random + client_random), split
// into six secrets (each its own allocation: for tests and tools).
KeyBlock12 key_block12(HashAlg hash, ByteView master, ByteView client_random, ByteView server_random,
                       std::size_t mac_key_length, std::size_t key_length, std::size_t iv_length);

// The same in one allocation, for the handshake: key_block_bytes12 derives
// `length` (key_block_length12) bytes, split_key_block12 views them in RFC order.
SecretBytes key_block_bytes12(HashAlg hash, ByteView master, ByteView client_random, ByteView server_random,
                              std::size_t length);
std::size_t key_block_length12(std::size_t mac_key_length, std::size_t key_length, std::size_t iv_length);
KeyBlockView12 split_key_block12(ByteView block, std::size_t mac_key_length, std::size_t key_length,
                                 std::size_t iv_length);

// RFC 5246 §7.4.9: "verify_data_length ... defaults to 12", the length for
// every suite tlspp implements. By value: the Finished it goes into is sent anyway.
inline constexpr std::size_t verify_data_length = 12;
using VerifyData12 = std::array<std::uint8_t, verify_data_length>;

// verify_data12: PRF(master, "client finished" | "server finished", transcript_hash)[0..11].
VerifyData12 verify_data12(HashAlg hash, ByteView master, bool from_client, ByteView transcript_hash);

}  // namespace tlspp::handshake
