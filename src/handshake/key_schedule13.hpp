// handshake/key_schedule13.hpp: the TLS 1.3 key schedule (RFC 8446 §7.1),
// traffic keys (§7.3), Finished (§4.4.4), key update (§7.2) and resumption
// PSKs (§4.6.1). Pure functions; one type per stage of the ladder
//
//   0 or PSK -> Early Secret -> Handshake Secret -> Master Secret
//
// so that a secret of one stage cannot be passed where another is meant.
// Transcript hashes are taken already computed (handshake/transcript.hpp
// keeps a running hash), not as the messages Derive-Secret names.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "crypto/hash.hpp"
#include "crypto/secret.hpp"

namespace tlspp::handshake {

using crypto::HashAlg;
using crypto::SecretBytes;
using ByteView = std::span<const std::uint8_t>;

// hkdf_expand_label13 is HKDF-Expand-Label(Secret, Label, Context, Length)
// = HKDF-Expand(Secret, HkdfLabel, Length) with HkdfLabel = uint16 length ||
// opaque label<7..255> = "tls13 " + Label || opaque context<0..255>.
// Labels are constants and contexts are hashes or ticket nonces (at most 255
// bytes by their own syntax), so a label over 249 bytes or a context over 255
// bytes is a bug in the caller and aborts.
SecretBytes hkdf_expand_label13(HashAlg hash, ByteView secret, std::string_view label, ByteView context,
                                std::size_t length);

// derive_secret13 is Derive-Secret(Secret, Label, Messages) =
// HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length),
// given the transcript hash.
SecretBytes derive_secret13(HashAlg hash, ByteView secret, std::string_view label, ByteView transcript_hash);

// derived_secret13 is Derive-Secret(secret, "derived", ""), the salt that
// carries one stage of the ladder into the next.
SecretBytes derived_secret13(HashAlg hash, ByteView secret);

struct EarlySecret13 {
    HashAlg hash;
    SecretBytes secret;
};
struct HandshakeSecret13 {
    HashAlg hash;
    SecretBytes secret;
};
struct MasterSecret13 {
    HashAlg hash;
    SecretBytes secret;
};

// early_secret13: HKDF-Extract(0, PSK); without a PSK (`psk` empty) the IKM
// is Hash.length zero bytes.
EarlySecret13 early_secret13(HashAlg hash, ByteView psk);

// binder_key13: Derive-Secret(Early Secret, "ext binder" | "res binder", "").
SecretBytes binder_key13(const EarlySecret13& early, bool resumption);
// client_early_traffic_secret13: Derive-Secret(., "c e traffic", ClientHello).
SecretBytes client_early_traffic_secret13(const EarlySecret13& early, ByteView client_hello_hash);
// early_exporter_master_secret13: Derive-Secret(., "e exp master", ClientHello).
SecretBytes early_exporter_master_secret13(const EarlySecret13& early, ByteView client_hello_hash);

// handshake_secret13: HKDF-Extract(Derive-Secret(Early, "derived", ""),
// (EC)DHE shared secret).
HandshakeSecret13 handshake_secret13(const EarlySecret13& early, ByteView shared_secret);

struct HandshakeTrafficSecrets13 {
    SecretBytes client;   // "c hs traffic"
    SecretBytes server;   // "s hs traffic"
};
// handshake_traffic_secrets13: both over ClientHello...ServerHello.
HandshakeTrafficSecrets13 handshake_traffic_secrets13(const HandshakeSecret13& handshake, ByteView hello_hash);

// master_secret13: HKDF-Extract(Derive-Secret(Handshake, "derived", ""), 0).
MasterSecret13 master_secret13(const HandshakeSecret13& handshake);

struct ApplicationSecrets13 {
    SecretBytes client_traffic;    // client_application_traffic_secret_0, "c ap traffic"
    SecretBytes server_traffic;    // server_application_traffic_secret_0, "s ap traffic"
    SecretBytes exporter_master;   // "exp master"
};
// application_secrets13: all three over ClientHello...server Finished.
ApplicationSecrets13 application_secrets13(const MasterSecret13& master, ByteView server_finished_hash);

// resumption_master_secret13: "res master" over ClientHello...client Finished.
SecretBytes resumption_master_secret13(const MasterSecret13& master, ByteView client_finished_hash);

// resumption_psk13 (§4.6.1): HKDF-Expand-Label(resumption_master_secret,
// "resumption", ticket_nonce, Hash.length).
SecretBytes resumption_psk13(HashAlg hash, ByteView resumption_master_secret, ByteView ticket_nonce);

// next_application_traffic_secret13 (§7.2): application_traffic_secret_N+1 =
// HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length).
SecretBytes next_application_traffic_secret13(HashAlg hash, ByteView traffic_secret);

struct TrafficKeys13 {
    SecretBytes key;   // HKDF-Expand-Label(Secret, "key", "", key_length)
    SecretBytes iv;    // HKDF-Expand-Label(Secret, "iv", "", iv_length)
};
// traffic_keys13 (§7.3): the write key and IV of one direction from its
// traffic secret. Every TLS 1.3 AEAD has a 12-byte nonce (§5.3).
TrafficKeys13 traffic_keys13(HashAlg hash, ByteView traffic_secret, std::size_t key_length,
                             std::size_t iv_length = 12);

// finished_key13 (§4.4.4): HKDF-Expand-Label(BaseKey, "finished", "", Hash.length),
// where BaseKey is the sender's handshake traffic secret.
SecretBytes finished_key13(HashAlg hash, ByteView base_key);

// verify_data13 (§4.4.4): HMAC(finished_key, Transcript-Hash(Handshake
// Context, Certificate*, CertificateVerify*)), given that hash.
SecretBytes verify_data13(HashAlg hash, ByteView base_key, ByteView transcript_hash);

// finished_matches13 compares received verify_data with the expected value in
// constant time; a mismatch is the caller's decrypt_error (finished_mismatch).
bool finished_matches13(HashAlg hash, ByteView base_key, ByteView transcript_hash, ByteView received);

}  // namespace tlspp::handshake
