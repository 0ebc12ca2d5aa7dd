#include "handshake/keys12.hpp"

#include "fuzz/mode.hpp"
#include "handshake/key_schedule12.hpp"
#include "record/cbc12.hpp"

namespace tlspp::handshake {

crypto::SecretBytes master_secret_for(const Negotiated12& n, std::span<const std::uint8_t> pre_master,
                                      std::span<const std::uint8_t> session_hash, EventSink* events,
                                      KeyLog* key_log) {
    crypto::SecretBytes master =
        n.extended_master_secret ? extended_master_secret12(n.suite->prf_hash, pre_master, session_hash)
                                 : master_secret12(n.suite->prf_hash, pre_master, n.client_random, n.server_random);
    report_key(events, "master_secret",
               n.extended_master_secret
                   ? "PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47] (RFC 7627)"
                   : "PRF(pre_master_secret, \"master secret\", client_random + server_random)[0..47]",
               master);
    // NSS key log format: what Wireshark needs to decrypt a TLS 1.2 capture.
    if (key_log) key_log->log(keylog_label::client_random, n.client_random, master);
    return master;
}

Result<Protections12> protections12(const Negotiated12& n, std::span<const std::uint8_t> master,
                                    EventSink* events, const std::shared_ptr<RandomSource>& random) {
    const SuiteInfo& s = *n.suite;
    // AEAD suites have no MAC keys (RFC 5288 §3, RFC 7905 §2); CBC suites
    // have no implicit IV in TLS 1.2 (RFC 5246 §6.3: the IVs are "only
    // generated for implicit nonce techniques"), fixed_iv_length is 0.
    const std::size_t mac_key_length = s.mac ? crypto::hash_length(*s.mac) : 0;
    // One allocation for the whole key block, wiped when this returns; the
    // protections copy their keys out of it.
    const crypto::SecretBytes bytes =
        key_block_bytes12(s.prf_hash, master, n.client_random, n.server_random,
                          key_block_length12(mac_key_length, s.key_length(), s.fixed_iv_length));
    const KeyBlockView12 block = split_key_block12(bytes, mac_key_length, s.key_length(), s.fixed_iv_length);
    if (events) {
        const std::string_view from =
            "key_block = PRF(master_secret, \"key expansion\", server_random + client_random)";
        if (s.mac) {
            report_key(events, "client_write_MAC_key", from, block.client_write_mac_key);
            report_key(events, "server_write_MAC_key", from, block.server_write_mac_key);
        }
        report_key(events, "client_write_key", from, block.client_write_key);
        report_key(events, "server_write_key", from, block.server_write_key);
        if (s.fixed_iv_length) {
            report_key(events, "client_write_IV", from, block.client_write_iv);
            report_key(events, "server_write_IV", from, block.server_write_iv);
        }
    }
    auto make = [&](crypto::ByteView mac_key, crypto::ByteView key, crypto::ByteView iv) {
        if (s.is_aead()) return record::make_aead12(s.aead(), key, iv);
        return record::make_cbc12(*s.mac, mac_key, key,
                                  n.encrypt_then_mac ? record::CbcMode::encrypt_then_mac
                                                     : record::CbcMode::mac_then_encrypt,
                                  random);
    };
    auto client = make(block.client_write_mac_key, block.client_write_key, block.client_write_iv);
    if (!client) return std::move(client).error();
    auto server = make(block.server_write_mac_key, block.server_write_key, block.server_write_iv);
    if (!server) return std::move(server).error();
    return Protections12{std::move(*client), std::move(*server)};
}

VerifyData12 finished_data(const Negotiated12& n, std::span<const std::uint8_t> master, bool from_client,
                           std::span<const std::uint8_t> transcript_hash) {
    return verify_data12(n.suite->prf_hash, master, from_client, transcript_hash);
}

Status check_finished(const Negotiated12& n, std::span<const std::uint8_t> master, bool from_client,
                      std::span<const std::uint8_t> transcript_hash, std::span<const std::uint8_t> received) {
    // RFC 5246 §7.4.9: verify_data is 12 bytes for every suite tlspp implements.
    if (received.size() != 12)
        return make_error(Reason::invalid_encoding,
                          "Finished: verify_data is " + std::to_string(received.size()) + " bytes, expected 12");
    if constexpr (fuzz::checks_off) return {};   // fuzz/mode.hpp: a fuzzer cannot compute verify_data
    auto expected = finished_data(n, master, from_client, transcript_hash);
    if (!crypto::equal_constant_time(expected, received))
        return make_error(Reason::finished_mismatch,
                          std::string(from_client ? "client" : "server") +
                              " Finished does not match the handshake transcript");
    return {};
}

}  // namespace tlspp::handshake
