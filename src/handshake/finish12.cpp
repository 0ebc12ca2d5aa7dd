#include "handshake/finish12.hpp"

namespace tlspp::handshake {

void send_change_cipher_spec_and_finished(Step& step, const Negotiated12& params, std::span<const std::uint8_t> master,
                                          std::unique_ptr<record::Protection> write, bool from_client) {
    step.send_change_cipher_spec();
    step.install_write_protection(std::move(write), protection_name(*params.suite, params.encrypt_then_mac));
    auto verify = finished_data(params, master, from_client, step.transcript().hash());
    step.send(msg::Finished{crypto::Bytes(verify.view().begin(), verify.view().end())});
}

}  // namespace tlspp::handshake
