// msg/extensions/extension.hpp: the raw extension list every hello carries.
#pragma once

#include <cstdint>
#include <vector>

#include "tlspp/result.hpp"
#include "tlspp/types.hpp"
#include "wire/reader.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg {

using wire::Bytes;
using wire::ByteView;

struct RawExtension {
    std::uint16_t type;
    Bytes data;
};

// decode_extension_list splits an extensions block (RFC 5246 §7.4.1.4) into
// raw extensions. It fails with decode_error (duplicate_extension) if a type
// appears twice (RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension
// of the same type."), and with truncated/length_out_of_range if malformed.
Result<std::vector<RawExtension>> decode_extension_list(wire::Reader block, std::string_view what);

}  // namespace tlspp::msg
