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
    {"ui.title.tls13", "TLS 1.3 handshake, as the {side} saw it"},
    {"ui.tls13_negotiated", "TLS 1.3 negotiated: the server selected it in supported_versions"},
    {"ui.protected_with", "encrypted with {secret}"},
    {"ui.encrypted_with", "from here on, {from} → {to} records are encrypted with keys from {secret} ({protection})"},
    {"ui.demo.tls13", "TLS 1.3: one round trip, and everything after ServerHello encrypted"},
    {"ui.demo.hrr",
     "TLS 1.3 with HelloRetryRequest: the client's key share is for a group the server does not take, so the hellos go twice"},

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

    // TLS 1.3 (RFC 8446): the messages only it has, and its forms of the others.
    {"msg.ClientHello.tls13",
     "The client opens a TLS 1.3 handshake. The first fields still look like TLS 1.2 (legacy_version 0x0303, a "
     "session ID, compression null), so that servers and middleboxes that only know TLS 1.2 let it pass (RFC 8446 "
     "§D.4); the real offer is in the extensions. supported_versions lists TLS 1.3, and key_share already carries an "
     "ephemeral public key for the group the client expects the server to pick. Sending the key share up front is "
     "what makes TLS 1.3 a one-round-trip handshake: in TLS 1.2 the keys were exchanged only after ServerHello, in "
     "ServerKeyExchange and ClientKeyExchange."},
    {"msg.ClientHello.retry",
     "The client's second ClientHello, answering the HelloRetryRequest: the same offer, but key_share now holds one "
     "share, for the group the server selected, and the server's cookie is echoed. Nothing else may change (RFC 8446 "
     "§4.1.2), so the server can rely on what it already judged."},
    {"msg.HelloRetryRequest",
     "Not a message type of its own but a ServerHello with a special random, SHA-256 of \"HelloRetryRequest\" "
     "(RFC 8446 §4.1.3). The server accepts one of the client's groups, but the client sent no key share for it, "
     "so it asks the client to try again with a share for selected_group; this costs one more round trip. "
     "ClientHello1 stays in the transcript in a short form: it is replaced by message_hash, a synthetic handshake "
     "message holding Hash(ClientHello1) (§4.4.1), so a server that keeps that hash in the cookie can forget the "
     "connection in between."},
    {"msg.ServerHello.tls13",
     "The server selects TLS 1.3 in supported_versions (legacy_version stays TLS 1.2, for the same middleboxes), "
     "picks a cipher suite, and answers the client's key share with its own in key_share. That is the whole key "
     "exchange: what TLS 1.2 did in ServerKeyExchange and ClientKeyExchange, one round trip later. The share is not "
     "signed here: CertificateVerify will sign the whole transcript, this share included. Both sides now compute "
     "the (EC)DHE shared secret and the handshake traffic secrets. ServerHello is the last plaintext message: "
     "everything after it is encrypted."},
    {"msg.ServerHello.tls13.resumed",
     "The server accepts the offered pre-shared key (pre_shared_key says which) and, with psk_dhe_ke, still answers "
     "the key share, so the resumed session gets fresh keys with forward secrecy. No Certificate or "
     "CertificateVerify follows: knowing the PSK authenticates both sides."},
    {"msg.EncryptedExtensions",
     "The server's first encrypted message, under server_handshake_traffic_secret: the extensions that are not "
     "needed to agree on keys (ALPN, the server_name acknowledgement, the server's supported_groups, early_data). "
     "In TLS 1.2 they went in ServerHello, in plaintext; TLS 1.3 moves everything it can behind the handshake keys, "
     "so an eavesdropper sees only the two hellos."},
    {"msg.CertificateRequest.tls13",
     "The server asks the client for a certificate. In TLS 1.3 the request is encrypted and made of extensions: "
     "signature_algorithms (required) says which schemes the client may sign with, certificate_authorities which CAs "
     "the server trusts. certificate_request_context is empty during the handshake; after it (post-handshake "
     "authentication, RFC 8446 §4.6.2) it is a unique value the client's answer must echo."},
    {"msg.Certificate.server.tls13",
     "The server's certificate chain, as in TLS 1.2 but encrypted: an eavesdropper no longer learns which "
     "certificate, and so which site, the client reached. Each entry may carry extensions of its own (an OCSP "
     "response, SCTs). A certificate is public; what proves the server holds its private key is CertificateVerify."},
    {"msg.Certificate.client.tls13",
     "The client's certificate chain, answering the CertificateRequest (whose certificate_request_context it "
     "echoes), encrypted under client_handshake_traffic_secret. An empty list means the client has none; the "
     "server's policy decides whether the handshake goes on (certificate_required)."},
    {"msg.CertificateVerify.server.tls13",
     "The server proves it holds the certificate's private key by signing the transcript hash so far, prefixed with "
     "64 spaces and the context string \"TLS 1.3, server CertificateVerify\" (RFC 8446 §4.4.3). The 64 bytes clear "
     "the prefix an attacker could choose in TLS 1.2 signatures (the 32-byte client random), and the context string "
     "keeps a server signature from ever passing for a client one. As the transcript holds both key shares, this "
     "signature also authenticates the key exchange, which TLS 1.2 signed in ServerKeyExchange."},
    {"msg.CertificateVerify.client.tls13",
     "The client signs the transcript hash so far, prefixed with 64 spaces and \"TLS 1.3, client "
     "CertificateVerify\" (RFC 8446 §4.4.3), with its certificate's private key, proving it owns the certificate it "
     "sent. The context string differs from the server's, so neither signature can stand in for the other."},
    {"msg.Certificate.client.tls13.post_handshake",
     "Post-handshake authentication (RFC 8446 §4.6.2): the client answers the server's CertificateRequest after "
     "the handshake, echoing its certificate_request_context, under its application traffic keys."},
    {"msg.CertificateVerify.client.tls13.post_handshake",
     "The client signs, with its certificate's private key, 64 spaces, \"TLS 1.3, client CertificateVerify\" and the "
     "hash of the handshake through its Finished, this CertificateRequest and its Certificate (RFC 8446 §4.4)."},
    {"msg.Finished.client.tls13.post_handshake",
     "Ends the post-handshake authentication: an HMAC keyed from the client's current application traffic secret "
     "over the handshake, the CertificateRequest, Certificate and CertificateVerify (RFC 8446 §4.4.4)."},
    {"msg.Finished.server.tls13",
     "The server's Finished ends its flight: verify_data is an HMAC of the transcript hash, keyed from "
     "server_handshake_traffic_secret (RFC 8446 §4.4.4). It proves the server saw the same handshake and holds the "
     "same keys. In TLS 1.3 the server's Finished comes first, and right after it the server may already send "
     "application data."},
    {"msg.Finished.client.tls13",
     "The client's Finished: an HMAC of the transcript through the server's Finished, keyed from "
     "client_handshake_traffic_secret (RFC 8446 §4.4.4). It ends the handshake; the client sends application data "
     "right after it, one round trip after its ClientHello. In TLS 1.2 it had to wait for the server's Finished, "
     "two round trips in."},
    {"msg.NewSessionTicket.tls13",
     "Sent after the handshake, under the server's application traffic keys. A TLS 1.3 ticket carries no master "
     "secret: it names a pre-shared key that both sides derive from resumption_master_secret and ticket_nonce "
     "(RFC 8446 §4.6.1). The client offers it in the pre_shared_key extension of a later ClientHello; a server may "
     "send several, so that each later connection uses a fresh one."},
    {"msg.EndOfEarlyData",
     "The client's last message under client_early_traffic_secret: its 0-RTT data ends here, and its next handshake "
     "messages use the handshake traffic keys (RFC 8446 §4.5)."},
    {"msg.KeyUpdate",
     "The sender moves to the next generation of its application traffic secret: secret_N+1 = "
     "HKDF-Expand-Label(secret_N, \"traffic upd\", \"\", Hash.length) (RFC 8446 §4.6.3, §7.2). Everything it sends "
     "after this message uses the new keys and the old ones are deleted, so keys found later cannot decrypt what "
     "went before. With update_requested the peer answers with a KeyUpdate of its own. On a long connection it also "
     "keeps each key below the AEAD's usage limits (§5.5)."},
    {"msg.message_hash",
     "Not a message on the wire: after a HelloRetryRequest the transcript starts with this synthetic handshake "
     "message (type 254), holding Hash(ClientHello1) in place of ClientHello1 itself (RFC 8446 §4.4.1)."},
    {"msg.ChangeCipherSpec.tls13",
     "A dummy ChangeCipherSpec for middlebox compatibility (RFC 8446 §D.4): in TLS 1.3 it changes no keys; it is "
     "sent so that middleboxes expecting a TLS 1.2 exchange let the connection through. The peer drops it unread "
     "(§5); one after the handshake, or with a body other than 0x01, is unexpected_message."},

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
    // TLS 1.3 fields (RFC 8446).
    {"field.ClientHello.legacy_version",
     "always TLS 1.2 in a TLS 1.3 ClientHello: servers that fail on a version they do not know would break "
     "(§4.1.2); the real versions are in supported_versions"},
    {"field.ClientHello.random.tls13", "client random: 32 fresh bytes; in TLS 1.3 it reaches the keys through the transcript hash"},
    {"field.ClientHello.legacy_session_id.empty", "empty: compatibility mode is off and there is no TLS 1.2 session to resume"},
    {"field.ClientHello.legacy_session_id.compat",
     "random bytes for middlebox compatibility (RFC 8446 §D.4): a TLS 1.3 server echoes them, so the exchange "
     "looks like a TLS 1.2 session resumption"},
    {"field.ClientHello.legacy_session_id.ticket",
     "a random ID sent with the TLS 1.2 ticket (RFC 5077 §3.4); a TLS 1.3 server only echoes it"},
    {"field.ClientHello.legacy_compression_methods", "one entry, null: TLS 1.3 has no compression (§4.1.2)"},
    {"field.ClientHello.extensions.supported_versions",
     "the versions the client supports, preferred first: a TLS 1.3 server chooses from here, not from legacy_version (§4.2.1)"},
    {"field.ClientHello.extensions.supported_versions.grease",
     "the versions the client supports; GREASE values (RFC 8701) are meaningless entries that check that servers ignore what they do not know"},
    {"field.ClientHello.extensions.key_share",
     "ephemeral public keys, one per group the client guesses the server will choose (§4.2.8)"},
    {"field.ClientHello.extensions.key_share.key_share_entry", "the client's public key for this group; the private key never leaves the client"},
    {"field.ClientHello.extensions.cookie",
     "the HelloRetryRequest's cookie, echoed: a server can keep its state there instead of in memory (§4.2.2)"},
    {"field.ClientHello.extensions.psk_key_exchange_modes",
     "how a resumption with a PSK may go: psk_dhe_ke adds a fresh (EC)DHE for forward secrecy, psk_ke uses the PSK alone (§4.2.9)"},
    {"field.ClientHello.extensions.early_data",
     "0-RTT: the client sends application data right behind this ClientHello; an attacker can replay such data (§8)"},
    {"field.ClientHello.extensions.post_handshake_auth", "the client will also answer a CertificateRequest after the handshake (§4.2.6)"},
    {"field.ClientHello.extensions.signature_algorithms_cert",
     "the schemes the client accepts in certificates' own signatures, where they differ from CertificateVerify's (§4.2.3)"},
    {"field.ClientHello.extensions.pre_shared_key",
     "the sessions (PSK identities) the client offers to resume, each with a binder proving it holds the key; always the last extension (§4.2.11)"},
    {"field.ServerHello.legacy_version", "TLS 1.2 even in TLS 1.3: the version is chosen in supported_versions (§4.1.3)"},
    {"field.ServerHello.random.tls13", "server random: 32 fresh bytes; like the client's, it reaches the keys through the transcript hash"},
    {"field.ServerHello.legacy_session_id_echo.echo",
     "the client's legacy_session_id echoed, as TLS 1.3 requires (§4.1.3): for middleboxes only, it resumes nothing"},
    {"field.ServerHello.legacy_session_id_echo.empty", "empty: the client sent no session ID to echo"},
    {"field.ServerHello.cipher_suite.tls13",
     "a TLS 1.3 suite names only the AEAD and the hash for HKDF: the key exchange is in key_share, authentication in CertificateVerify"},
    {"field.ServerHello.cipher_suite.tls13_resumed",
     "the AEAD and the hash of this connection: a PSK goes only with the hash it was made with (§4.2.11)"},
    {"field.ServerHello.legacy_compression_method", "always null: TLS 1.3 has no compression"},
    {"field.ServerHello.extensions.supported_versions", "the version the server chose: this, not legacy_version, makes the handshake TLS 1.3"},
    {"field.ServerHello.extensions.key_share",
     "the server's ephemeral public key, in one of the client's groups: with the client's share it gives the shared secret, as ServerKeyExchange did in TLS 1.2, one round trip earlier"},
    {"field.ServerHello.extensions.pre_shared_key", "which of the client's PSKs the server accepted (§4.2.11)"},
    {"field.HelloRetryRequest.legacy_version", "TLS 1.2, as in every TLS 1.3 ServerHello"},
    {"field.HelloRetryRequest.random",
     "SHA-256(\"HelloRetryRequest\"): this fixed value, not a message type, marks a HelloRetryRequest (§4.1.3)"},
    {"field.HelloRetryRequest.legacy_session_id_echo", "the client's legacy_session_id echoed, as in a ServerHello"},
    {"field.HelloRetryRequest.cipher_suite", "the suite the server will choose: its ServerHello must name the same (§4.1.4)"},
    {"field.HelloRetryRequest.legacy_compression_method", "always null"},
    {"field.HelloRetryRequest.extensions.supported_versions", "TLS 1.3: only TLS 1.3 has HelloRetryRequest"},
    {"field.HelloRetryRequest.extensions.key_share.selected_group",
     "the group the server wants: the client's next ClientHello must carry a key share for it, and only for it (§4.2.8)"},
    {"field.HelloRetryRequest.extensions.cookie",
     "opaque to the client, echoed in its next ClientHello; a server can keep Hash(ClientHello1) here and stay stateless (§4.2.2)"},
    {"field.EncryptedExtensions.extensions.server_name", "empty: the server used the host name the client sent (RFC 6066)"},
    {"field.EncryptedExtensions.extensions.application_layer_protocol_negotiation", "the application protocol the server chose, now encrypted"},
    {"field.EncryptedExtensions.extensions.supported_groups",
     "the server's groups, preferred first: the client may use them in its next connection (§4.2.7)"},
    {"field.EncryptedExtensions.extensions.early_data", "the server accepts the client's 0-RTT data (§4.2.10)"},
    {"field.Certificate.certificate_request_context.server", "empty: a server's Certificate answers no request"},
    {"field.Certificate.certificate_request_context.client", "the context of the CertificateRequest this answers (§4.4.2)"},
    {"field.Certificate.certificate_list.empty", "empty: the client has no certificate to offer (§4.4.2.4)"},
    {"field.Certificate.extensions", "extensions of this certificate alone (§4.4.2): an OCSP response, SCTs"},
    {"field.CertificateRequest.certificate_request_context.empty", "empty: a request during the handshake"},
    {"field.CertificateRequest.certificate_request_context.post_handshake",
     "post-handshake authentication: the client's Certificate must echo this value (§4.3.2)"},
    {"field.CertificateRequest.extensions.signature_algorithms",
     "the schemes the server accepts in the client's CertificateVerify (required, §4.3.2)"},
    {"field.CertificateRequest.extensions.certificate_authorities", "the CAs the server trusts, to help the client choose a certificate (§4.2.4)"},
    {"field.CertificateRequest.extensions.signature_algorithms_cert", "the schemes the server accepts in certificates' signatures"},
    {"field.CertificateVerify.signature.tls13.server",
     "signed: 64 × 0x20, \"TLS 1.3, server CertificateVerify\", 0x00, then the hash of every handshake message before it"},
    {"field.CertificateVerify.signature.tls13.client",
     "signed: 64 × 0x20, \"TLS 1.3, client CertificateVerify\", 0x00, then the hash of every handshake message before it"},
    {"field.Finished.verify_data.tls13.server",
     "HMAC(finished_key, hash of every handshake message before it); finished_key = "
     "HKDF-Expand-Label(server_handshake_traffic_secret, \"finished\", \"\", Hash.length)"},
    {"field.Finished.verify_data.tls13.client",
     "HMAC(finished_key, hash of every handshake message before it, the server's Finished included); finished_key = "
     "HKDF-Expand-Label(client_handshake_traffic_secret, \"finished\", \"\", Hash.length)"},
    {"field.CertificateVerify.signature.tls13.post_handshake",
     "signed: 64 × 0x20, \"TLS 1.3, client CertificateVerify\", 0x00, then the hash of the handshake, this CertificateRequest and Certificate"},
    {"field.Finished.verify_data.tls13.post_handshake",
     "HMAC(finished_key, hash of the handshake, CertificateRequest, Certificate, CertificateVerify); finished_key from the current application traffic secret"},
    {"field.NewSessionTicket.ticket_lifetime", "how long the client may use the ticket: at most 7 days (§4.6.1)"},
    {"field.NewSessionTicket.ticket_age_add",
     "a random number the client adds to the ticket's age when it offers it, so that an observer cannot link the connections by it"},
    {"field.NewSessionTicket.ticket_nonce",
     "makes this ticket's PSK unique: PSK = HKDF-Expand-Label(resumption_master_secret, \"resumption\", ticket_nonce, Hash.length)"},
    {"field.NewSessionTicket.ticket.tls13", "opaque to the client: the PSK identity it will send back; the server may keep the PSK in it, encrypted"},
    {"field.NewSessionTicket.extensions.early_data", "the server will accept 0-RTT data with this ticket"},
    {"field.NewSessionTicket.extensions.early_data.max_early_data_size", "at most this much 0-RTT data (§4.2.10)"},
    {"field.KeyUpdate.request_update.requested", "the peer must answer with a KeyUpdate of its own, so both directions get new keys"},
    {"field.KeyUpdate.request_update.not_requested", "no answer needed: only the sender's keys change"},

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

    // The TLS 1.3 key schedule (RFC 8446 §7.1): the ladder, then each step.
    {"ladder13.title",
     "The TLS 1.3 key schedule (RFC 8446 §7.1) is a ladder of three secrets. Each rung is HKDF-Extract of the rung "
     "above (through Derive-Secret(…, \"derived\", \"\")) with one new input; each traffic secret is Derive-Secret of "
     "a rung with the transcript hash at that point, so it is bound to every message before it:"},
    {"ladder13.early", "① Early Secret ← the PSK (zeros without one) → client_early_traffic_secret: 0-RTT data and EndOfEarlyData"},
    {"ladder13.handshake",
     "② Handshake Secret ← the (EC)DHE shared secret → client_handshake_traffic_secret and "
     "server_handshake_traffic_secret (transcript through ServerHello): every handshake message after ServerHello, up "
     "to each side's Finished"},
    {"ladder13.master",
     "③ Master Secret ← zeros → client_application_traffic_secret_0 and server_application_traffic_secret_0 "
     "(transcript through the server's Finished): application data, NewSessionTicket, KeyUpdate; "
     "exporter_master_secret: exporters; resumption_master_secret: the PSKs of later connections"},
    {"ladder13.keys",
     "Each traffic secret gives its direction's key and IV by HKDF-Expand-Label(secret, \"key\" or \"iv\", \"\", "
     "length) (§7.3); KeyUpdate replaces a secret by the next one (\"traffic upd\", §7.2)."},
    {"key.early_secret",
     "Rung 1: Early Secret = HKDF-Extract(0, PSK). Without a PSK the input is zeros and nothing here is secret yet; "
     "with one it gives the keys of 0-RTT data and of the PSK binders."},
    {"key.binder_key",
     "Derive-Secret(Early Secret, \"res binder\" or \"ext binder\", \"\"): the key of the PSK binders, which prove "
     "that the client holds the PSK it offers (§4.2.11.2)."},
    {"key.client_early_traffic_secret",
     "Derive-Secret(Early Secret, \"c e traffic\", ClientHello): protects the client's 0-RTT data and its "
     "EndOfEarlyData. The server has added nothing yet, so 0-RTT data has no forward secrecy and can be replayed."},
    {"key.early_exporter_master_secret", "Derive-Secret(Early Secret, \"e exp master\", ClientHello): exporters usable with 0-RTT data."},
    {"key.shared_secret",
     "The (EC)DHE shared secret of the two key shares, computed on both sides and never sent: the new input of rung 2."},
    {"key.client_public.tls13",
     "The client's ephemeral public key, made before it knows anything of the server: it goes out in ClientHello's key_share."},
    {"key.server_public.tls13", "The server's ephemeral public key, in the group it chose: it goes out in ServerHello's key_share."},
    {"key.handshake_secret",
     "Rung 2: Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, \"derived\", \"\"), (EC)DHE shared "
     "secret). From it and the transcript through ServerHello come the two handshake traffic secrets."},
    {"key.client_handshake_traffic_secret",
     "Derive-Secret(Handshake Secret, \"c hs traffic\", ClientHello…ServerHello): protects what the client sends in "
     "the handshake (Certificate, CertificateVerify, Finished). Key log label: CLIENT_HANDSHAKE_TRAFFIC_SECRET."},
    {"key.server_handshake_traffic_secret",
     "Derive-Secret(Handshake Secret, \"s hs traffic\", ClientHello…ServerHello): protects everything the server "
     "sends after ServerHello up to its Finished (EncryptedExtensions, CertificateRequest, Certificate, "
     "CertificateVerify, Finished). Key log label: SERVER_HANDSHAKE_TRAFFIC_SECRET."},
    {"key.master_secret.tls13",
     "Rung 3: Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, \"derived\", \"\"), zeros). No new "
     "secret goes in: the step keeps the application keys apart from the handshake keys. Unlike TLS 1.2's master "
     "secret, no key block is cut from it."},
    {"key.client_application_traffic_secret_0",
     "Derive-Secret(Master Secret, \"c ap traffic\", ClientHello…server Finished): protects the client's application "
     "data and its messages after the handshake; KeyUpdate moves it on to _1, _2, … Key log label: "
     "CLIENT_TRAFFIC_SECRET_0."},
    {"key.server_application_traffic_secret_0",
     "Derive-Secret(Master Secret, \"s ap traffic\", ClientHello…server Finished): protects the server's application "
     "data, NewSessionTicket and KeyUpdate; the server may use it right after its Finished. Key log label: "
     "SERVER_TRAFFIC_SECRET_0."},
    {"key.application_traffic_secret_update",
     "The next generation after a KeyUpdate: HKDF-Expand-Label(the previous secret, \"traffic upd\", \"\", Hash.length) (§7.2)."},
    {"key.exporter_master_secret",
     "Derive-Secret(Master Secret, \"exp master\", ClientHello…server Finished): keying material for the application "
     "(exporters, §7.5), independent of the traffic keys. Key log label: EXPORTER_SECRET."},
    {"key.resumption_master_secret",
     "Derive-Secret(Master Secret, \"res master\", ClientHello…client Finished): each NewSessionTicket's PSK is "
     "derived from it with the ticket's nonce."},

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
    {"check.server_certificate_verify", "server CertificateVerify"},
    {"detail.chain_cached", "trusted, valid now, issued for {name} (cached)"},
    {"detail.chain", "trusted, valid now, issued for {name}"},
    {"detail.chain_unverified", "not verified (verification turned off)"},
    {"detail.client_chain_cached", "trusted, valid now, for client authentication (cached)"},
    {"detail.client_chain", "trusted, valid now, for client authentication"},
    {"detail.ske_signature", "{scheme} over client_random + server_random + key exchange parameters"},
    {"detail.certificate_verify", "{scheme} over every handshake message before it"},
    {"detail.certificate_verify13", "{scheme} over 64 spaces, the context string and the transcript hash"},
    {"detail.server_finished", "the server saw the same handshake and holds the same master secret"},
    {"detail.client_finished", "the client saw the same handshake and holds the same master secret"},
    {"detail.server_finished13", "the server saw the same handshake and holds the same handshake traffic secret"},
    {"detail.client_finished13", "the client saw the same handshake and holds the same handshake traffic secret"},
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
    {"keychange.tls13.handshake",
     "In TLS 1.3 encryption starts right after ServerHello, not after ChangeCipherSpec and Finished as in TLS 1.2: "
     "the key shares of the two hellos already give both sides the shared secret, so the very next message can be "
     "encrypted. An eavesdropper sees only ClientHello and ServerHello; the certificate and the server's extensions "
     "stay hidden. Every record now says application_data outside; its real type travels inside the encryption "
     "(RFC 8446 §5.2)."},
    {"keychange.tls13.application",
     "The handshake keys are retired: after its Finished each side sends with keys from its application traffic "
     "secret, made from the master secret and the transcript through the server's Finished."},
    {"keychange.tls13.early",
     "0-RTT: the client encrypts application data before the server has answered, with keys from the PSK alone "
     "(client_early_traffic_secret). Such data has no forward secrecy and can be replayed (RFC 8446 §8)."},
    {"keychange.tls13.update", "A KeyUpdate took effect: this direction now uses the next generation of its application traffic secret."},
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
    {"alert.protocol_version", "protocol_version: the peer offered no protocol version the sender supports."},
    {"alert.missing_extension",
     "missing_extension: a message lacked an extension it must carry (in TLS 1.3: supported_versions, key_share, signature_algorithms, …)."},
    {"alert.unsupported_extension", "unsupported_extension: a message carried an extension that was not offered or is not allowed in it."},
    {"alert.certificate_required", "certificate_required: the server requires a client certificate and the client sent none."},
    {"alert.inappropriate_fallback",
     "inappropriate_fallback: the client retried with a lower version than both sides support, a sign of a downgrade attack (RFC 7507)."},
    {"done.full",
     "Both Finished messages are verified. An eavesdropper saw only the randoms and public keys; the keys "
     "protecting the application data never crossed the wire."},
    {"done.resumed",
     "A resumed session: the master secret came from the earlier session, so the certificate and the "
     "key exchange were skipped; only the hellos, ChangeCipherSpec and Finished were needed."},
    {"done.full.tls13",
     "Both Finished messages are verified. The client could send application data after one round trip (TLS 1.2 "
     "needs two), and an eavesdropper saw only the two hellos: the certificate, the server's extensions and every key "
     "stayed hidden."},
    {"done.resumed.tls13",
     "A resumed TLS 1.3 session: the PSK from an earlier ticket took the place of the certificate and its signature; "
     "with psk_dhe_ke a fresh key exchange still gave this connection forward secrecy."},
    {"compare.versions",
     "TLS 1.2 against TLS 1.3: TLS 1.2 needs two round trips before the client may send application data (the hellos "
     "and the server's key exchange, then ClientKeyExchange and the Finished messages); TLS 1.3 needs one, because the "
     "client sends its key share in ClientHello, and a HelloRetryRequest adds one back. TLS 1.3 also encrypts "
     "everything after ServerHello, the certificate included, which TLS 1.2 sends in plaintext."},
};

}  // namespace

std::span<const Phrase> english_phrases() { return kEnglish; }

}  // namespace tlspp::explain
