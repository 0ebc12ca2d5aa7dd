// explain/text_en.cpp: every English sentence of the explainer (see phrases.hpp
// for the keys). The notes answer what readers of handshake walkthroughs ask:
// why three random values, what the server signs, why ChangeCipherSpec, what
// Finished proves, what is encrypted from which point on.
#include "explain/phrases.hpp"

namespace tlspp::explain {

namespace {

constexpr Phrase kEnglish[] = {
    // Labels.
    {"ui.title", "TLS 1.2 handshake, as the {side} saw it"},
    {"ui.client", "client"},
    {"ui.server", "server"},
    {"ui.flight", "flight {n}: {from} → {to}"},
    {"ui.plaintext", "plaintext"},
    {"ui.protected", "encrypted"},
    {"ui.bytes", "bytes"},
    {"ui.record", "record"},
    {"ui.more", "… and {n} more"},
    {"ui.secret_hidden", "(secret: value hidden; --show-secrets shows it)"},
    {"ui.encrypted_from_here", "from here on, {from} → {to} records are encrypted ({protection})"},
    {"ui.check_ok", "ok"},
    {"ui.check_failed", "FAILED"},
    {"ui.alert", "alert {from} → {to}: {level} {description}"},
    {"ui.done.full", "handshake complete (full handshake) after {ms} ms"},
    {"ui.done.resumed", "handshake complete (resumed session) after {ms} ms"},
    {"ui.key_schedule", "key schedule ({side})"},
    {"ui.details_hint", "Click a message to see its fields."},
    {"ui.fields", "fields"},
    {"ui.demo", "demonstration {n} of {total}: {title}"},
    {"ui.demo.ecdhe", "ECDHE key exchange, server authenticated by an ECDSA P-256 certificate"},
    {"ui.demo.rsa", "RSA key exchange (the traditional handshake): the pre-master secret travels encrypted"},
    {"ui.demo.mtls", "Mutual TLS: the server also asks the client for a certificate"},
    {"ui.demo.resumed", "Resumption: a second connection presents the first one's session ticket and skips the key exchange"},
    {"ui.demo.listening", "client and server run in this process, over TCP on {address}, with a throwaway CA"},

    // Messages: what each does and why.
    {"msg.HelloRequest", "The server asks the client to start a new handshake (renegotiation)."},
    {"msg.ClientHello",
     "The client opens the handshake: the TLS version it wants, the cipher suites it accepts in order of "
     "preference, its extensions, and 32 fresh random bytes, the client random. All of it travels in "
     "plaintext: nothing secret has been agreed yet."},
    {"msg.ServerHello",
     "The server picks one version and one cipher suite from the client's offer and sends its own 32 "
     "random bytes, the server random. Two of the three values the keys are made from are now known to "
     "both sides (and to anyone watching): client random and server random."},
    {"msg.Certificate.server",
     "The server's certificate chain: its public key, signed by a CA the client trusts. A certificate is "
     "public and could be replayed by anyone; what proves the server holds the private key is the "
     "signature in the next message."},
    {"msg.Certificate.client",
     "The client's certificate chain, because the server asked for one (mutual TLS). CertificateVerify "
     "will prove that the client holds the matching private key."},
    {"msg.ServerKeyExchange",
     "The server's ephemeral key-exchange share: a fresh public key on the chosen curve, made for this "
     "connection only. The server signs it with its certificate's private key, over client random + "
     "server random + these parameters, so the share provably comes from the certificate's owner and "
     "cannot be replayed into another handshake."},
    {"msg.CertificateRequest",
     "The server asks the client to authenticate with a certificate (mutual TLS), and names the "
     "signature algorithms and certificate authorities it accepts."},
    {"msg.ServerHelloDone",
     "The server is done for this flight; it is the client's turn. After this first round trip both sides "
     "share, in plaintext, the client random, the server random and the server's key-exchange share."},
    {"msg.ClientKeyExchange",
     "The client's half of the key exchange: its own ephemeral public key. Each side combines its private "
     "key with the other's public key and gets the same pre-master secret; someone who saw both public "
     "keys still cannot compute it. The pre-master secret is the third value: with the two randoms it "
     "gives the master secret. With RSA key exchange (the TLS_RSA_* suites) there is no ServerKeyExchange: "
     "the client makes up the pre-master secret itself (48 bytes, its version then random) and sends it "
     "encrypted to the server certificate's RSA key. That lacks forward secrecy: whoever obtains the "
     "server's private key later can decrypt every recorded session."},
    {"msg.CertificateVerify",
     "The client signs a hash of the handshake so far with its certificate's private key, proving it owns "
     "the certificate it sent."},
    {"msg.ChangeCipherSpec.client",
     "Not a handshake message but a one-byte record of its own type: \"everything I send after this is "
     "encrypted with the keys we just derived\". The client's next message, Finished, is its first "
     "encrypted one."},
    {"msg.ChangeCipherSpec.server",
     "The server switches its sending direction to the new keys too; from its next record on, everything "
     "the server sends is encrypted."},
    {"msg.Finished.client",
     "The client's first encrypted message. verify_data is a PRF of the master secret over a hash of every "
     "handshake message so far. It proves the client has the same keys and saw the same messages: had "
     "anyone altered a plaintext message (say, removed strong suites from ClientHello), the hashes would "
     "differ and the server would reject it."},
    {"msg.Finished.server",
     "The server's Finished, encrypted, over the whole transcript including the client's Finished. Once the "
     "client checks it, both sides know they hold the same keys and that nobody tampered with the "
     "handshake. Application data can now flow, encrypted both ways."},
    {"msg.NewSessionTicket",
     "The server hands the client an encrypted ticket holding this session's master secret, so a later "
     "connection can resume it without a new key exchange or certificate."},

    // Notes beside fields.
    {"field.ClientHello.random", "client random: the 1st of the three values the keys come from"},
    {"field.ClientHello.cipher_suites", "in the client's order of preference"},
    {"field.ClientHello.session_id", "non-empty: the client asks to resume that session"},
    {"field.ServerHello.random", "server random: the 2nd of the three values"},
    {"field.ServerHello.cipher_suite", "the choice: key exchange _ authentication _WITH_ cipher _ hash"},
    {"field.ServerHello.session_id", "an ID under which the server may resume this session later"},
    {"field.ServerKeyExchange.public", "the server's ephemeral public key (Server Params)"},
    {"field.ServerKeyExchange.signature", "signed: client random + server random + curve + public key"},
    {"field.ClientKeyExchange.ecdh_Yc", "the client's ephemeral public key (Client Params)"},
    {"field.ClientKeyExchange.exchange_keys", "RSA: the pre-master secret encrypted to the server's key; DHE: the client's public value"},
    {"field.Finished.verify_data", "PRF(master_secret, label, hash of all handshake messages so far)"},
    {"field.CertificateVerify.signature", "signed: hash of all handshake messages so far"},

    // Key schedule.
    {"key.pre_master_secret",
     "The shared secret of the key exchange, computed independently on both sides and never sent."},
    {"key.master_secret",
     "The master secret (48 bytes) mixes three values: pre-master secret, client random, server random. Why "
     "three? The pre-master secret is what an eavesdropper cannot know; the two randoms make the keys "
     "unique to this connection even if one side's generator is weak or a message is replayed. With "
     "extended master secret the session hash stands in for the randoms and binds the keys to this exact "
     "handshake."},
    {"key.key_block",
     "The master secret is expanded into a key block, cut into one key and IV per direction: the client "
     "encrypts with client_write_key, the server with server_write_key."},
    {"key.client_public", "The client's ephemeral public key, made for this connection; it goes out in ClientKeyExchange."},
    {"key.client_write_key",
     "The master secret is expanded into a key block and cut into one key and IV per direction: this key "
     "encrypts what the client sends, server_write_key what the server sends."},
    {"key.server_write_key", "encrypts what the server sends"},
    {"key.client_write_IV", "the implicit part of the nonce of the client's records"},
    {"key.server_write_IV", "the implicit part of the nonce of the server's records"},
    {"key.client_write_MAC_key",
     "CBC suites only: the HMAC key of the client's records (the seeds' \"write MAC secret\"). The MAC "
     "proves each record unaltered; with encrypt_then_mac it covers the ciphertext, else the plaintext."},
    {"key.server_write_MAC_key", "CBC suites only: the HMAC key of the server's records"},

    // Other events.
    {"keychange",
     "AEAD protects each record from here: its content is encrypted and authenticated; only the 5-byte "
     "record header (type, version, length) stays readable."},
    {"alert.close_notify", "close_notify: the sender will send nothing more. It lets the peer tell an orderly end from a connection cut by an attacker (a truncation attack)."},
    {"alert", "An alert ends the handshake (fatal) or reports a condition (warning)."},
    {"done.full",
     "Both Finished messages are verified. An eavesdropper saw only the randoms and public keys; the keys "
     "protecting the application data never crossed the wire."},
    {"done.resumed",
     "A resumed session: the master secret came from the earlier session, so the certificate and the "
     "key exchange were skipped; only the hellos, ChangeCipherSpec and Finished were needed."},
};

}  // namespace

std::span<const Phrase> english_phrases() { return kEnglish; }

}  // namespace tlspp::explain
