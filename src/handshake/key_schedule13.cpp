// handshake/key_schedule13.cpp: the TLS 1.3 key schedule (RFC 8446 §7.1)
// on HKDF (crypto/hkdf.hpp). Each function is one line of the RFC's diagram;
// the tests replay RFC 8448 §3 and §4 value by value.
#include "handshake/key_schedule13.hpp"

#include <array>
#include <cstdlib>

#include "crypto/hkdf.hpp"

namespace tlspp::handshake {

namespace {

ByteView bytes_of(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

constexpr std::string_view label_prefix = "tls13 ";

}  // namespace

// RFC 8446 §7.1:
//   struct {
//       uint16 length = Length;
//       opaque label<7..255> = "tls13 " + Label;
//       opaque context<0..255> = Context;
//   } HkdfLabel;
// The HkdfLabel is fed to HKDF-Expand in parts; nothing is concatenated.
SecretBytes hkdf_expand_label13(HashAlg hash, ByteView secret, std::string_view label, ByteView context,
                                std::size_t length) {
    if (label.size() > 255 - label_prefix.size() || context.size() > 255 || length > 0xffff) std::abort();
    const std::uint8_t length_bytes[2] = {static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
    const std::uint8_t label_length[1] = {static_cast<std::uint8_t>(label_prefix.size() + label.size())};
    const std::uint8_t context_length[1] = {static_cast<std::uint8_t>(context.size())};
    const std::array<ByteView, 6> info{ByteView(length_bytes), ByteView(label_length), bytes_of(label_prefix),
                                       bytes_of(label),         ByteView(context_length), context};
    return crypto::hkdf_expand_parts(hash, secret, info, length);
}

// RFC 8446 §7.1: "Derive-Secret(Secret, Label, Messages) =
// HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)".
SecretBytes derive_secret13(HashAlg hash, ByteView secret, std::string_view label, ByteView transcript_hash) {
    return hkdf_expand_label13(hash, secret, label, transcript_hash, crypto::hash_length(hash));
}

// Derive-Secret(., "derived", ""): the Messages are empty, so the context is
// Hash("") (RFC 8448 shows it as the hash of zero octets).
SecretBytes derived_secret13(HashAlg hash, ByteView secret) {
    const crypto::Bytes empty_hash = crypto::digest(hash, {});
    return derive_secret13(hash, secret, "derived", empty_hash);
}

// RFC 8446 §7.1: "0 -> HKDF-Extract = Early Secret" with the PSK as IKM, and
// "If a given secret is not available, then the 0-value consisting of a
// string of Hash.length bytes set to zeros is used." The salt is also 0.
EarlySecret13 early_secret13(HashAlg hash, ByteView psk) {
    const crypto::Bytes zeros(crypto::hash_length(hash), 0);
    return {hash, crypto::hkdf_extract(hash, {}, psk.empty() ? ByteView(zeros) : psk)};
}

// RFC 8446 §7.1: Derive-Secret(., "ext binder" | "res binder", "").
SecretBytes binder_key13(const EarlySecret13& early, bool resumption) {
    const crypto::Bytes empty_hash = crypto::digest(early.hash, {});
    return derive_secret13(early.hash, early.secret, resumption ? "res binder" : "ext binder", empty_hash);
}

SecretBytes client_early_traffic_secret13(const EarlySecret13& early, ByteView client_hello_hash) {
    return derive_secret13(early.hash, early.secret, "c e traffic", client_hello_hash);
}

SecretBytes early_exporter_master_secret13(const EarlySecret13& early, ByteView client_hello_hash) {
    return derive_secret13(early.hash, early.secret, "e exp master", client_hello_hash);
}

// RFC 8446 §7.1: "Derive-Secret(., "derived", "") -> (EC)DHE -> HKDF-Extract
// = Handshake Secret", the derived value as salt and the shared secret as IKM.
HandshakeSecret13 handshake_secret13(const EarlySecret13& early, ByteView shared_secret) {
    const SecretBytes salt = derived_secret13(early.hash, early.secret);
    return {early.hash, crypto::hkdf_extract(early.hash, salt, shared_secret)};
}

HandshakeTrafficSecrets13 handshake_traffic_secrets13(const HandshakeSecret13& handshake, ByteView hello_hash) {
    return {derive_secret13(handshake.hash, handshake.secret, "c hs traffic", hello_hash),
            derive_secret13(handshake.hash, handshake.secret, "s hs traffic", hello_hash)};
}

// RFC 8446 §7.1: "Derive-Secret(., "derived", "") -> 0 -> HKDF-Extract =
// Master Secret", with the 0-value (Hash.length zeros) as IKM.
MasterSecret13 master_secret13(const HandshakeSecret13& handshake) {
    const SecretBytes salt = derived_secret13(handshake.hash, handshake.secret);
    const crypto::Bytes zeros(crypto::hash_length(handshake.hash), 0);
    return {handshake.hash, crypto::hkdf_extract(handshake.hash, salt, zeros)};
}

ApplicationSecrets13 application_secrets13(const MasterSecret13& master, ByteView server_finished_hash) {
    return {derive_secret13(master.hash, master.secret, "c ap traffic", server_finished_hash),
            derive_secret13(master.hash, master.secret, "s ap traffic", server_finished_hash),
            derive_secret13(master.hash, master.secret, "exp master", server_finished_hash)};
}

SecretBytes resumption_master_secret13(const MasterSecret13& master, ByteView client_finished_hash) {
    return derive_secret13(master.hash, master.secret, "res master", client_finished_hash);
}

// RFC 8446 §4.6.1: "HKDF-Expand-Label(resumption_master_secret,
// "resumption", ticket_nonce, Hash.length)".
SecretBytes resumption_psk13(HashAlg hash, ByteView resumption_master_secret, ByteView ticket_nonce) {
    return hkdf_expand_label13(hash, resumption_master_secret, "resumption", ticket_nonce, crypto::hash_length(hash));
}

// RFC 8446 §7.2: "application_traffic_secret_N+1 =
// HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)".
SecretBytes next_application_traffic_secret13(HashAlg hash, ByteView traffic_secret) {
    return hkdf_expand_label13(hash, traffic_secret, "traffic upd", {}, crypto::hash_length(hash));
}

// RFC 8446 §7.3: "[sender]_write_key = HKDF-Expand-Label(Secret, "key", "",
// key_length); [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length)".
TrafficKeys13 traffic_keys13(HashAlg hash, ByteView traffic_secret, std::size_t key_length, std::size_t iv_length) {
    return {hkdf_expand_label13(hash, traffic_secret, "key", {}, key_length),
            hkdf_expand_label13(hash, traffic_secret, "iv", {}, iv_length)};
}

// RFC 8446 §4.4.4: "finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length)".
SecretBytes finished_key13(HashAlg hash, ByteView base_key) {
    return hkdf_expand_label13(hash, base_key, "finished", {}, crypto::hash_length(hash));
}

// RFC 8446 §4.4.4: "verify_data = HMAC(finished_key, Transcript-Hash(Handshake
// Context, Certificate*, CertificateVerify*))".
SecretBytes verify_data13(HashAlg hash, ByteView base_key, ByteView transcript_hash) {
    const SecretBytes key = finished_key13(hash, base_key);
    crypto::Hmac mac(hash, key);
    mac.update(transcript_hash);
    SecretBytes out(crypto::hash_length(hash));
    mac.finish(out.span());
    return out;
}

bool finished_matches13(HashAlg hash, ByteView base_key, ByteView transcript_hash, ByteView received) {
    const SecretBytes expected = verify_data13(hash, base_key, transcript_hash);
    return received.size() == expected.size() && crypto::equal_constant_time(expected, received);
}

}  // namespace tlspp::handshake
