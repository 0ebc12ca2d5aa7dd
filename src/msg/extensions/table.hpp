// msg/extensions/table.hpp: the one table of the extensions tlspp knows. A
// row gives an extension's type and name, the messages it may appear in
// (RFC 8446 §4.2's table, plus the TLS 1.2 ServerHello), and, for each
// message struct that holds it in a decoded field, the codec between the
// extension's data and that field. The hello, EncryptedExtensions and
// CertificateRequest codecs decode and encode through it; the state machines
// judge a message's extensions with check_allowed and check_solicited.
// A new extension is one new row in table.cpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

#include "msg/extensions/extension.hpp"
#include "wire/writer.hpp"

namespace tlspp::msg {

struct ClientHello;
struct ServerHello;
struct EncryptedExtensions;
struct CertificateRequest13;

// MessageKind: the messages that carry extensions, as RFC 8446 §4.2's table
// names them (CH, SH, HRR, EE, CT, CR, NST), with the TLS 1.2 ServerHello
// apart: it carries the TLS 1.2 extensions that TLS 1.3 moved to
// EncryptedExtensions or dropped.
enum class MessageKind : std::uint8_t {
    client_hello,            // CH, both versions
    server_hello12,          // a ServerHello that negotiates TLS 1.2
    server_hello13,          // SH
    hello_retry_request,     // HRR
    encrypted_extensions,    // EE
    certificate13,           // CT: the extensions of a TLS 1.3 CertificateEntry
    certificate_request13,   // CR
    new_session_ticket13,    // NST
};
// name gives "ClientHello", "ServerHello (TLS 1.2)", "HelloRetryRequest", ...
std::string_view name(MessageKind kind) noexcept;
// kind_of says which kind a ServerHello is: hello_retry_request if its random
// is the HelloRetryRequest value (RFC 8446 §4.1.3), server_hello13 if its
// supported_versions selects TLS 1.3 (0x0304), else server_hello12 (so a
// TLS 1.2 ServerHello with supported_versions fails check_allowed).
MessageKind kind_of(const ServerHello& hello) noexcept;

// MessageSet is a set of MessageKinds.
class MessageSet {
public:
    constexpr MessageSet() = default;
    constexpr MessageSet(std::initializer_list<MessageKind> kinds) {
        for (MessageKind k : kinds) bits_ |= bit(k);
    }
    constexpr bool contains(MessageKind k) const { return (bits_ & bit(k)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }

private:
    static constexpr std::uint16_t bit(MessageKind k) { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(k)); }
    std::uint16_t bits_ = 0;
};

// FieldCodec<M> ties an extension to the decoded field of message struct M.
// decode fills the field from the extension's data (decode_error if it is
// malformed; `extension` is the row's name, for the error detail); encode
// writes the data back from the field; present says whether the field is set,
// i.e. whether an encoded M carries the extension.
template <class M>
struct FieldCodec {
    Status (*decode)(M& m, ByteView data, std::string_view extension);
    void (*encode)(wire::Writer& w, const M& m);
    bool (*present)(const M& m);
};

struct ExtensionRow {
    using Fields = std::tuple<const FieldCodec<ClientHello>*, const FieldCodec<ServerHello>*,
                              const FieldCodec<EncryptedExtensions>*, const FieldCodec<CertificateRequest13>*>;

    std::uint16_t type = 0;
    std::string_view name;
    MessageSet allowed;       // the messages it may appear in
    MessageSet unsolicited;   // where it may come without being offered (RFC 8446 §4.2: cookie in HRR)
    Fields fields{};          // nullptr where the message keeps it raw only

    template <class M>
    const FieldCodec<M>* field() const { return std::get<const FieldCodec<M>*>(fields); }
};

// extension_table gives every row, in the order a built message writes its
// fields (a ServerHello writes server_name and renegotiation_info first).
std::span<const ExtensionRow> extension_table() noexcept;
// find_extension gives the row of `type`, or nullptr if tlspp does not know it.
const ExtensionRow* find_extension(std::uint16_t type) noexcept;

// ---- codecs of the messages with decoded extension fields ----
// M is ClientHello, ServerHello, EncryptedExtensions or CertificateRequest13.

// decode_fields fills m's fields from m.extensions (already split, without
// duplicates, by decode_extension_list). Unknown extensions, and known ones
// M has no field for, stay raw only. Fails with decode_error, the detail
// naming message and extension ("ServerHello.alpn: ..."), if one is malformed.
template <class M>
Status decode_fields(M& m);
// has_extensions says whether write_extensions writes any extension (a hello
// leaves the optional block out when there is none, RFC 5246 §7.4.1.2).
template <class M>
bool has_extensions(const M& m);
// write_extensions writes the extensions block. First the set fields that no
// raw extension stands for, in table order; then m.extensions in their order,
// each whose field is set written from the field (once). So a decoded message
// re-encodes in the order it arrived, a built one gets the table's order, and
// raw extensions a test adds come last (duplicates too, if the field is unset).
template <class M>
void write_extensions(wire::Writer& w, const M& m);

// ---- checks for the state machines ----

// check_allowed fails with extension_not_allowed (illegal_parameter) on the
// first extension tlspp knows that `kind` may not carry. RFC 8446 §4.2: "If
// an implementation receives an extension which it recognizes and which is
// not specified for the message in which it appears, it MUST abort the
// handshake with an "illegal_parameter" alert." Unknown types pass: they are
// check_solicited's business in a reply, and ignored in a request.
Status check_allowed(MessageKind kind, const std::vector<RawExtension>& extensions);

// check_solicited fails with unsolicited_extension (unsupported_extension) on
// the first extension of a reply (ServerHello, HelloRetryRequest,
// EncryptedExtensions, the server's CertificateEntry; or a client's
// CertificateEntry against a CertificateRequest) whose type the request did
// not carry. It is exact: nothing is allowed because "we always offer it";
// the only exceptions are the table's `unsolicited` kinds (cookie in a
// HelloRetryRequest). RFC 8446 §4.2: "Implementations MUST NOT send extension
// responses if the remote endpoint did not send the corresponding extension
// requests, with the exception of the "cookie" extension in the
// HelloRetryRequest. Upon receiving such an extension, an endpoint MUST abort
// the handshake with an "unsupported_extension" alert." RFC 5246 §7.4.1.4
// says the same of a TLS 1.2 ServerHello.
Status check_solicited(MessageKind kind, const std::vector<RawExtension>& reply,
                       std::span<const std::uint16_t> offered);
// The same against the ClientHello the client sent (offered_extension_types).
Status check_solicited(MessageKind kind, const std::vector<RawExtension>& reply, const ClientHello& offered);

// offered_extension_types lists the extension types encode(ClientHello)
// writes (each once); and renegotiation_info when the cipher suites carry
// TLS_EMPTY_RENEGOTIATION_INFO_SCSV, which asks for it as the extension does
// (RFC 5746 §3.4: the client "MUST include either an empty
// "renegotiation_info" extension, or the TLS_EMPTY_RENEGOTIATION_INFO_SCSV").
std::vector<std::uint16_t> offered_extension_types(const ClientHello& hello);

}  // namespace tlspp::msg
