// RFC 5246 §7.4.1.4.1 / RFC 8446 §4.2.3: signature_algorithms.
#include "msg/codec.hpp"
#include "msg/extensions/hello_extensions.hpp"

namespace tlspp::msg {

Result<std::vector<SignatureScheme>> decode_signature_algorithms(ByteView data) {
    // RFC 5246 §7.4.1.4.1: "SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;"
    // Each entry is two bytes, so an odd length is malformed (read_u16_list).
    wire::Reader r(data);
    std::vector<SignatureScheme> schemes;
    if (auto list = codec::read_u16_list(r, 2, 0xfffe, schemes, "signature_algorithms"); !list)
        return std::move(list).error();
    if (auto end = codec::expect_end(r, "signature_algorithms"); !end) return std::move(end).error();
    return schemes;
}

void encode_signature_algorithms(wire::Writer& w, const std::vector<SignatureScheme>& schemes) {
    codec::write_u16_list(w, schemes);
}

}  // namespace tlspp::msg
