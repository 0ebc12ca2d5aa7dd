// fuzz/mode.hpp: the "checks off" switch of a fuzz build (BoringSSL's
// FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, rustls' fuzzing provider).
//
// Only a build configured with -DTLSPP_FUZZING=ON (cmake/fuzz.cmake) defines
// TLSPP_FUZZING; there `checks_off` is true and
//   - TLS 1.2 AEAD records are sealed and opened as plaintext with a zero tag,
//     and the tag is never checked (record/aead12.cpp),
//   - TLS 1.2 CBC records are sealed without encryption and with a zero MAC,
//     and opened without decryption or MAC check but with the length and
//     padding checks (record/cbc12.cpp),
//   - handshake signatures always verify (crypto/signature.cpp),
//   - Finished always matches if it is 12 bytes (handshake/keys12.cpp),
// so a fuzzer can reach every state. Every use is an `if constexpr`, so a
// normal build compiles to exactly the code it had without this header.
// NEVER link a library built with TLSPP_FUZZING into anything but a fuzzer.
#pragma once

namespace tlspp::fuzz {

#if defined(TLSPP_FUZZING)
inline constexpr bool checks_off = true;
#else
inline constexpr bool checks_off = false;
#endif

}  // namespace tlspp::fuzz
