#include "handshake/finish12.hpp"

namespace tlspp::handshake {

void send_change_cipher_spec_and_finished(Step& step, const Negotiated12& params, std::span<const std::uint8_t> master,
                                          std::unique_ptr<record::Protection> write, bool from_client) {
    // ChangeCipherSpec (1 byte, unprotected) and Finished (header + 12 bytes,
    // under `write`) reach the record layer in separate writes, after what is
    // still queued: make room for all of it at once.
    constexpr std::size_t finished_length = 4 + verify_data_length;
    step.reserve_output(record::RecordLayer::record_bytes(nullptr, 1) +
                        record::RecordLayer::record_bytes(write.get(), finished_length));
    step.send_change_cipher_spec();
    step.install_write_protection(std::move(write), protection_name(*params.suite, params.encrypt_then_mac));
    step.send_finished(finished_data(params, master, from_client, step.transcript().hash()));
}

session::Session12 session_of(const Negotiated12& params, const crypto::SecretBytes& master, Step& step,
                              std::chrono::seconds lifetime) {
    const SessionInfo& info = step.info();
    session::Session12 s;
    s.suite = params.suite->suite;
    s.master_secret = master;
    s.extended_master_secret = params.extended_master_secret;
    s.encrypt_then_mac = params.encrypt_then_mac;
    s.server_name = info.server_name;
    s.alpn = info.alpn;
    s.created = std::chrono::time_point_cast<std::chrono::seconds>(step.clock().now());
    s.lifetime = lifetime;
    return s;
}

}  // namespace tlspp::handshake
