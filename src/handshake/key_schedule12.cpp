// handshake/key_schedule12.cpp: the TLS 1.2 PRF (RFC 5246 §5) and the secrets
// derived with it. P_hash is written out here rather than taken from
// libcrypto's TLS1-PRF, so the protocol stays ours; the tests check it against
// that independent implementation.
#include "handshake/key_schedule12.hpp"

#include <algorithm>
#include <cstring>
#include <initializer_list>

namespace tlspp::handshake {

namespace {

ByteView bytes_of(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// p_hash fills `out` with P_<hash>(secret, label + seed parts). The seed is
// given in parts so that callers need not concatenate randoms first.
//
// RFC 5246 §5:
//   P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
//                          HMAC_hash(secret, A(2) + seed) + ...
//   A(0) = seed
//   A(i) = HMAC_hash(secret, A(i-1))
//
// One Hmac is keyed once and reset for each of the 2n HMACs. A(i) lives in
// one buffer on the stack, wiped on return; the last, partial block is
// computed into that buffer too (A(i) has been fed to the HMAC by then and is
// not needed again), so a PRF output costs no allocation besides its own.
void p_hash(HashAlg hash, ByteView secret, std::string_view label, std::initializer_list<ByteView> seed,
            std::span<std::uint8_t> out) {
    if (out.empty()) return;
    const std::size_t h = crypto::hash_length(hash);
    crypto::Hmac mac(hash, secret);
    crypto::SecretArray<64> a_buffer;   // the longest hash, SHA-512
    const std::span<std::uint8_t> a = a_buffer.first(h);

    // A(1) = HMAC(secret, A(0)), with A(0) = label + seed.
    mac.update(bytes_of(label));
    for (ByteView part : seed) mac.update(part);
    mac.finish(a);

    std::size_t done = 0;
    for (;;) {
        mac.update(a);
        mac.update(bytes_of(label));
        for (ByteView part : seed) mac.update(part);
        const std::size_t n = std::min(h, out.size() - done);
        if (n == h) {
            mac.finish(out.subspan(done, h));
        } else {
            mac.finish(a);   // the last block: A(i) is used up
            std::memcpy(out.data() + done, a.data(), n);
        }
        done += n;
        if (done == out.size()) return;
        // A(i+1) = HMAC(secret, A(i)).
        mac.update(a);
        mac.finish(a);
    }
}

// RFC 5246 §8.1: "master_secret ... [0..47];"
constexpr std::size_t master_secret_length = 48;

ByteView take(ByteView& block, std::size_t n) {
    ByteView part = block.first(n);
    block = block.subspan(n);
    return part;
}

}  // namespace

// RFC 5246 §5: "PRF(secret, label, seed) = P_<hash>(secret, label + seed)".
SecretBytes prf12(HashAlg hash, ByteView secret, std::string_view label, ByteView seed, std::size_t length) {
    SecretBytes out(length);
    p_hash(hash, secret, label, {seed}, out.span());
    return out;
}

// RFC 5246 §8.1: "master_secret = PRF(pre_master_secret, "master secret",
// ClientHello.random + ServerHello.random) [0..47];"
SecretBytes master_secret12(HashAlg hash, ByteView pre_master, ByteView client_random, ByteView server_random) {
    SecretBytes out(master_secret_length);
    p_hash(hash, pre_master, "master secret", {client_random, server_random}, out.span());
    return out;
}

// RFC 7627 §4: "master_secret = PRF(pre_master_secret, "extended master
// secret", session_hash) [0..47];"
SecretBytes extended_master_secret12(HashAlg hash, ByteView pre_master, ByteView session_hash) {
    SecretBytes out(master_secret_length);
    p_hash(hash, pre_master, "extended master secret", {session_hash}, out.span());
    return out;
}

// RFC 5246 §6.3: "key_block = PRF(SecurityParameters.master_secret, "key
// expansion", SecurityParameters.server_random + SecurityParameters.client_random);"
SecretBytes key_block_bytes12(HashAlg hash, ByteView master, ByteView client_random, ByteView server_random,
                              std::size_t length) {
    SecretBytes block(length);
    p_hash(hash, master, "key expansion", {server_random, client_random}, block.span());
    return block;
}

// RFC 5246 §6.3: the key block is "partitioned as follows: client_write_MAC_key,
// server_write_MAC_key, client_write_key, server_write_key, client_write_IV,
// server_write_IV".
KeyBlockView12 split_key_block12(ByteView block, std::size_t mac_key_length, std::size_t key_length,
                                 std::size_t iv_length) {
    KeyBlockView12 keys;
    keys.client_write_mac_key = take(block, mac_key_length);
    keys.server_write_mac_key = take(block, mac_key_length);
    keys.client_write_key = take(block, key_length);
    keys.server_write_key = take(block, key_length);
    keys.client_write_iv = take(block, iv_length);
    keys.server_write_iv = take(block, iv_length);
    return keys;
}

std::size_t key_block_length12(std::size_t mac_key_length, std::size_t key_length, std::size_t iv_length) {
    return 2 * (mac_key_length + key_length + iv_length);
}

KeyBlock12 key_block12(HashAlg hash, ByteView master, ByteView client_random, ByteView server_random,
                       std::size_t mac_key_length, std::size_t key_length, std::size_t iv_length) {
    const SecretBytes block = key_block_bytes12(hash, master, client_random, server_random,
                                                key_block_length12(mac_key_length, key_length, iv_length));
    const KeyBlockView12 parts = split_key_block12(block, mac_key_length, key_length, iv_length);
    KeyBlock12 keys;
    keys.client_write_mac_key = SecretBytes(parts.client_write_mac_key);
    keys.server_write_mac_key = SecretBytes(parts.server_write_mac_key);
    keys.client_write_key = SecretBytes(parts.client_write_key);
    keys.server_write_key = SecretBytes(parts.server_write_key);
    keys.client_write_iv = SecretBytes(parts.client_write_iv);
    keys.server_write_iv = SecretBytes(parts.server_write_iv);
    return keys;
}

// RFC 5246 §7.4.9: "verify_data = PRF(master_secret, finished_label,
// Hash(handshake_messages)) [0..verify_data_length-1];" where finished_label
// is "client finished" or "server finished".
VerifyData12 verify_data12(HashAlg hash, ByteView master, bool from_client, ByteView transcript_hash) {
    VerifyData12 out{};
    p_hash(hash, master, from_client ? "client finished" : "server finished", {transcript_hash}, out);
    return out;
}

}  // namespace tlspp::handshake
