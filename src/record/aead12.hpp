// record/aead12.hpp: TLS 1.2 AEAD record protection beyond make_aead12 (declared
// in record/protection.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "record/protection.hpp"

namespace tlspp::record {

// make_aead12_at is make_aead12 with the sequence number starting at
// `first_sequence` instead of 0. It exists so tests can reach the end of the
// sequence space (RFC 5246 §6.1: "Sequence numbers ... may not exceed 2^64-1")
// without sealing 2^64 records.
Result<std::unique_ptr<Protection>> make_aead12_at(crypto::AeadAlg alg, std::span<const std::uint8_t> key,
                                                   std::span<const std::uint8_t> fixed_iv,
                                                   std::uint64_t first_sequence);

}  // namespace tlspp::record
