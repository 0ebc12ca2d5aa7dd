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
    {"ui.byte_count", " ({n} bytes)"},
    {"ui.length", "{n} bytes"},
    {"ui.colon", ": "},
    {"ui.checked_by", " (checked by the {side})"},
    {"ui.flight_short", "flight {n}"},
    {"ui.alert_short", "alert {description}"},
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
    {"msg.ClientKeyExchange.RSA",
     "RSA key exchange: the client makes up the pre-master secret itself (48 bytes, its version then random) and "
     "sends it encrypted to the server certificate's RSA key; only the holder of the private key can read it. "
     "There is no ServerKeyExchange, and no forward secrecy: whoever obtains the server's private key later can "
     "decrypt every recorded session. With the two randoms, the pre-master secret gives the master secret."},
    {"msg.ClientKeyExchange.ECDHE",
     "The client's half of the key exchange: its own ephemeral public key. Each side combines its private key "
     "with the other's public key and gets the same pre-master secret; someone who saw both public keys still "
     "cannot compute it. The pre-master secret is the third value: with the two randoms it gives the master secret."},
    {"msg.ServerHello.resumed",
     "The server accepts the resumption: it echoes the client's session ID, keeps the saved session's cipher "
     "suite and sends a fresh server random. No Certificate and no key exchange follow: the master secret is the saved one."},
    {"msg.ChangeCipherSpec.server.resumed",
     "In a resumed handshake the server switches first: from its next record on, everything it sends is encrypted."},
    {"msg.ChangeCipherSpec.client.resumed",
     "The client switches its sending direction to the new keys; its encrypted Finished follows."},
    {"msg.Finished.server.resumed",
     "The server's Finished comes first in a resumed handshake, encrypted with keys from the saved master secret "
     "and the two new randoms. It proves the server still holds that master secret."},
    {"msg.Finished.client.resumed",
     "The client's Finished ends the resumed handshake; it covers every message, the server's Finished included. "
     "Application data can now flow, encrypted both ways."},
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

    // Notes beside fields, chosen by value and context (annotate.hpp).
    {"field.ClientHello.random.full", "client random: the 1st of the three values the keys come from"},
    {"field.ClientHello.random.resumption",
     "client random: fresh for this connection; if the server resumes the session, the two randoms make new keys from the saved master secret"},
    {"field.ClientHello.session_id.empty", "empty: the client has no session to resume by ID"},
    {"field.ClientHello.session_id.ticket",
     "a random ID sent with the ticket (RFC 5077 §3.4): the server echoes it if it accepts the ticket"},
    {"field.ClientHello.session_id.resume", "the ID of an earlier session: the client asks to resume it"},
    {"field.ClientHello.cipher_suites.one", "the only cipher suite the client accepts"},
    {"field.ClientHello.cipher_suites.many", "in the client's order of preference"},
    {"field.ClientHello.extensions.server_name", "the host name the client wants (SNI), in plaintext"},
    {"field.ClientHello.extensions.supported_groups", "the groups (curves) the client can use for ECDHE, preferred first"},
    {"field.ClientHello.extensions.ec_point_formats.uncompressed", "uncompressed points only, the one format RFC 8422 keeps"},
    {"field.ClientHello.extensions.ec_point_formats.other", "the point formats the client can read"},
    {"field.ClientHello.extensions.signature_algorithms", "the signature schemes the client accepts, preferred first"},
    {"field.ClientHello.extensions.session_ticket.empty", "empty: the client has no ticket and asks the server for one (RFC 5077)"},
    {"field.ClientHello.extensions.session_ticket.ticket", "a ticket from an earlier session: the client asks to resume it"},
    {"field.ClientHello.extensions.extended_master_secret", "the client supports extended master secret (RFC 7627)"},
    {"field.ClientHello.extensions.renegotiation_info.empty",
     "empty: a first handshake, from a client that supports secure renegotiation (RFC 5746)"},
    {"field.ClientHello.extensions.renegotiation_info.data", "the client's previous verify_data: a renegotiation (RFC 5746)"},
    {"field.ClientHello.extensions.encrypt_then_mac", "the client offers encrypt-then-MAC for CBC suites (RFC 7366)"},
    {"field.ClientHello.extensions.application_layer_protocol_negotiation", "the application protocols the client offers (ALPN)"},
    {"field.ServerHello.random.full", "server random: the 2nd of the three values"},
    {"field.ServerHello.random.resumed",
     "server random: fresh, so this connection's keys are new although the master secret is reused"},
    {"field.ServerHello.random.downgrade",
     "ends in \"DOWNGRD\": a TLS 1.3 server agreeing to TLS 1.2 (RFC 8446 §4.1.3)"},
    {"field.ServerHello.session_id.empty", "empty: the server will not resume this session by ID"},
    {"field.ServerHello.session_id.empty_ticket", "empty: no resumption by ID; the server will issue a ticket instead"},
    {"field.ServerHello.session_id.echo", "the client's ID echoed: the server resumes that session"},
    {"field.ServerHello.session_id.echo_ticket", "the client's ID echoed: the server accepted the ticket and resumes the session"},
    {"field.ServerHello.session_id.new", "a new ID under which the server may resume this session later"},
    {"field.ServerHello.session_id.new_refused",
     "not the client's ID: no resumption, a full handshake follows; the server may resume this new session later"},
    {"field.ServerHello.cipher_suite.ecdhe",
     "chosen: ECDHE key exchange, signed with the certificate's key; after WITH come the record cipher and hash"},
    {"field.ServerHello.cipher_suite.dhe",
     "chosen: DHE key exchange, signed with the certificate's key; after WITH come the record cipher and hash"},
    {"field.ServerHello.cipher_suite.rsa",
     "chosen: RSA key exchange, the client encrypts the pre-master secret to the certificate's key (no ServerKeyExchange, no forward secrecy)"},
    {"field.ServerHello.cipher_suite.resumed", "the cipher suite of the resumed session"},
    {"field.ServerHello.cipher_suite.other", "the choice: key exchange _ authentication _WITH_ cipher _ hash"},
    {"field.ServerHello.extensions.server_name", "empty: the server used the host name the client sent (RFC 6066)"},
    {"field.ServerHello.extensions.renegotiation_info.empty", "empty: the server supports secure renegotiation (RFC 5746)"},
    {"field.ServerHello.extensions.ec_point_formats.uncompressed", "the server uses uncompressed points too"},
    {"field.ServerHello.extensions.extended_master_secret.full",
     "accepted: the master secret is computed over the session hash (RFC 7627)"},
    {"field.ServerHello.extensions.extended_master_secret.resumed", "the resumed session was made with extended master secret"},
    {"field.ServerHello.extensions.session_ticket.empty", "empty: the server will send a new ticket (NewSessionTicket) in this handshake"},
    {"field.ServerHello.extensions.encrypt_then_mac", "accepted: CBC records carry a MAC over the ciphertext (RFC 7366)"},
    {"field.ServerHello.extensions.application_layer_protocol_negotiation", "the application protocol the server chose"},
    {"field.Certificate.issuer.self", "the same as subject: self-signed, a root CA"},
    {"field.Certificate.issuer.other", "the CA that signed this certificate"},
    {"field.Certificate.validity.current", "valid now: the verifier checks these dates against its clock"},
    {"field.Certificate.validity.expired", "expired: a verifier rejects it (certificate_expired)"},
    {"field.Certificate.validity.not_yet", "not valid yet: a verifier rejects it (certificate_expired)"},
    {"field.Certificate.subject_alt_names.server", "the names the certificate is for: the client checks the host name it connects to against them"},
    {"field.Certificate.subject_alt_names.client", "the client's names: the server checks the chain, not a host name"},
    {"field.Certificate.subject_alt_names.issuer", "names in a CA certificate: only the first certificate's names are checked"},
    {"field.signature_scheme.eddsa", "EdDSA: one of the schemes the peer offered"},
    {"field.signature_scheme.ecdsa", "ECDSA with the named hash: one of the schemes the peer offered"},
    {"field.signature_scheme.rsa_pss", "RSA-PSS with the named hash: one of the schemes the peer offered"},
    {"field.signature_scheme.rsa_pkcs1", "RSA PKCS #1 v1.5 with the named hash: one of the schemes the peer offered"},
    {"field.signature_scheme.sha1", "uses SHA-1, which tlspp refuses by default (security level 2)"},
    {"field.ServerKeyExchange.public", "the server's ephemeral public key (Server Params)"},
    {"field.ServerKeyExchange.signature.ecdhe", "signed: client random + server random + curve + public key"},
    {"field.ServerKeyExchange.signature.dhe", "signed: client random + server random + p, g and the public value"},
    {"field.CertificateRequest.supported_signature_algorithms", "the schemes the server accepts in CertificateVerify"},
    {"field.ClientKeyExchange.ecdh_Yc", "the client's ephemeral public key (Client Params)"},
    {"field.ClientKeyExchange.exchange_keys.rsa", "the pre-master secret, encrypted to the server certificate's RSA key"},
    {"field.ClientKeyExchange.exchange_keys.dhe", "the client's DH public value"},
    {"field.Finished.verify_data.client.full", "PRF(master_secret, \"client finished\", hash of the handshake messages so far)"},
    {"field.Finished.verify_data.server.full",
     "PRF(master_secret, \"server finished\", hash of the handshake messages so far, the client's Finished included)"},
    {"field.Finished.verify_data.server.resumed",
     "PRF(master_secret, \"server finished\", hash of the messages so far): in a resumed handshake the server's Finished comes first"},
    {"field.Finished.verify_data.client.resumed",
     "PRF(master_secret, \"client finished\", hash of the handshake messages so far, the server's Finished included)"},
    {"field.CertificateVerify.signature", "signed: hash of all handshake messages so far"},
    {"field.NewSessionTicket.ticket", "opaque to the client: the session, encrypted under the server's ticket key"},
    {"field.NewSessionTicket.ticket_lifetime_hint.zero", "0: the server gives no lifetime"},
    {"field.NewSessionTicket.ticket_lifetime_hint.some", "how long the client may keep the ticket"},

    // Key schedule.
    {"key.master_secret.resumed",
     "The master secret comes from the saved session: no key exchange this time. The key block is made from it "
     "and the two new randoms, so this connection still gets keys of its own."},
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

    // The core's own text (localize.hpp): the English is what the connection
    // reports; a text of this shape is shown in the reader's language.
    {"value.empty", "(empty)"},
    {"value.empty_ack", "(empty: acknowledged)"},
    {"value.empty_initial", "(empty: initial handshake)"},
    {"value.bytes_hex", "{n} bytes: {hex}"},
    {"value.bytes", "{n} bytes"},
    {"value.seconds", "{n} s"},
    {"value.bits", "{hex} ({n} bits)"},
    {"value.undecodable", "{value} (does not decode: {detail})"},
    {"value.unknown", "unknown ({code})"},
    {"check.certificate_chain", "certificate chain"},
    {"check.client_certificate_chain", "client certificate chain"},
    {"check.ske_signature", "ServerKeyExchange signature"},
    {"check.client_certificate_verify", "client CertificateVerify"},
    {"check.server_finished", "server Finished"},
    {"check.client_finished", "client Finished"},
    {"check.resumption", "session resumption"},
    {"detail.chain_cached", "trusted, valid now, issued for {name} (cached)"},
    {"detail.chain", "trusted, valid now, issued for {name}"},
    {"detail.chain_unverified", "not verified (verification turned off)"},
    {"detail.client_chain_cached", "trusted, valid now, for client authentication (cached)"},
    {"detail.client_chain", "trusted, valid now, for client authentication"},
    {"detail.ske_signature", "{scheme} over client_random + server_random + key exchange parameters"},
    {"detail.certificate_verify", "{scheme} over every handshake message before it"},
    {"detail.server_finished", "the server saw the same handshake and holds the same master secret"},
    {"detail.client_finished", "the client saw the same handshake and holds the same master secret"},
    {"detail.resumed_ticket", "resumed by session ticket"},
    {"detail.resumed_id", "resumed by session ID"},
    {"detail.accepted_ticket", "the server accepted the offered session (session ticket)"},
    {"detail.accepted_id", "the server accepted the offered session (session ID)"},
    {"detail.refused", "full handshake: {why}"},
    {"refusal.ticket_unreadable", "the session ticket does not open (unknown key or tampered)"},
    {"refusal.ticket_empty", "the session ticket holds no valid session"},
    {"refusal.id_unknown", "the session ID is not in the cache"},
    {"refusal.suite_not_offered", "the client no longer offers its cipher suite"},
    {"refusal.suite_disabled", "its cipher suite is no longer enabled"},
    {"refusal.ems_missing", "it used extended_master_secret and the ClientHello does not"},
    {"refusal.ems_added", "it was made without extended_master_secret and the ClientHello has it"},
    {"refusal.etm_missing", "it used encrypt_then_mac and the ClientHello does not offer it"},
    {"refusal.server_name", "it was made for another server name"},
    {"refusal.expired", "it expired"},
    {"refusal.no_client_certificate", "it has no client certificate and this server requires one"},
    {"refusal.malformed", "its master secret is malformed"},
    {"derivation.client_public", "the client's ephemeral (EC)DHE public value"},
    {"derivation.server_public", "the server's ephemeral (EC)DHE public value"},
    {"derivation.client_pre_master", "(EC)DHE(client private key, server public value)"},
    {"derivation.server_pre_master", "(EC)DHE(server private key, client public value)"},
    {"derivation.rsa_decrypted", "RSA-decrypted from ClientKeyExchange"},
    {"derivation.rsa_made", "48 random bytes, sent encrypted to the server's RSA key"},
    {"derivation.resumed", "from the resumed session"},

    // Other events.
    {"keychange",
     "AEAD protects each record from here: its content is encrypted and authenticated; only the 5-byte "
     "record header (type, version, length) stays readable."},
    {"alert.close_notify", "close_notify: the sender will send nothing more. It lets the peer tell an orderly end from a connection cut by an attacker (a truncation attack)."},
    {"alert.level.fatal", "A fatal alert: the sender ends the connection, and the session cannot be resumed."},
    {"alert.level.warning", "A warning alert: the sender reports a condition; the connection may go on."},
    {"alert.handshake_failure", "handshake_failure: the sender found no acceptable set of parameters (suite, group, signature scheme)."},
    {"alert.bad_certificate", "bad_certificate: a certificate was corrupt or its signature did not verify."},
    {"alert.unknown_ca", "unknown_ca: the certificate chain does not lead to a CA the sender trusts."},
    {"alert.certificate_expired", "certificate_expired: a certificate is outside its validity period."},
    {"alert.decrypt_error", "decrypt_error: a signature or the Finished verify_data did not verify."},
    {"alert.bad_record_mac", "bad_record_mac: a record failed its integrity check (altered, or wrong keys)."},
    {"alert.unexpected_message", "unexpected_message: a message came at a point of the handshake where it is not allowed."},
    {"alert.illegal_parameter", "illegal_parameter: a field held a value the sender does not accept."},
    {"alert.decode_error", "decode_error: a message did not parse."},
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
