// The extension checks the state machines make with the table: which
// message may carry which extension (RFC 8446 §4.2), and whether a reply
// answers only what was asked (RFC 8446 §4.2, RFC 5246 §7.4.1.4).
#include <algorithm>
#include <string>

#include "msg/client_hello.hpp"
#include "msg/extensions/table.hpp"
#include "msg/server_hello.hpp"

namespace tlspp::msg {

namespace {

// described gives "key_share (51)", or "extension 64250" for a type tlspp does not know.
std::string described(std::uint16_t type) {
    const ExtensionRow* row = find_extension(type);
    if (!row) return "extension " + std::to_string(type);
    return std::string(row->name) + " (" + std::to_string(type) + ")";
}

}  // namespace

std::string_view name(MessageKind kind) noexcept {
    switch (kind) {
    case MessageKind::client_hello: return "ClientHello";
    case MessageKind::server_hello12: return "ServerHello (TLS 1.2)";
    case MessageKind::server_hello13: return "ServerHello";
    case MessageKind::hello_retry_request: return "HelloRetryRequest";
    case MessageKind::encrypted_extensions: return "EncryptedExtensions";
    case MessageKind::certificate13: return "Certificate";
    case MessageKind::certificate_request13: return "CertificateRequest";
    case MessageKind::new_session_ticket13: return "NewSessionTicket";
    }
    return "";
}

MessageKind kind_of(const ServerHello& hello) noexcept {
    if (hello.is_hello_retry_request()) return MessageKind::hello_retry_request;
    if (hello.selected_version == static_cast<std::uint16_t>(ProtocolVersion::tls13))
        return MessageKind::server_hello13;
    return MessageKind::server_hello12;
}

Status check_allowed(MessageKind kind, const std::vector<RawExtension>& extensions) {
    for (const auto& ext : extensions) {
        const ExtensionRow* row = find_extension(ext.type);
        if (!row || row->allowed.contains(kind)) continue;
        // RFC 8446 §4.2: "If an implementation receives an extension which it
        // recognizes and which is not specified for the message in which it
        // appears, it MUST abort the handshake with an "illegal_parameter" alert."
        return make_error(Reason::extension_not_allowed, std::string(name(kind)) + " carries " + described(ext.type) +
                                                             ", which may not appear in it (RFC 8446 §4.2)");
    }
    return {};
}

Status check_solicited(MessageKind kind, const std::vector<RawExtension>& reply,
                       std::span<const std::uint16_t> offered) {
    for (const auto& ext : reply) {
        if (std::find(offered.begin(), offered.end(), ext.type) != offered.end()) continue;
        // RFC 8446 §4.2: "... with the exception of the "cookie" extension in the HelloRetryRequest."
        if (const ExtensionRow* row = find_extension(ext.type); row && row->unsolicited.contains(kind)) continue;
        return make_error(Reason::unsolicited_extension,
                          std::string(name(kind)) + " carries " + described(ext.type) + " that was not offered");
    }
    return {};
}

Status check_solicited(MessageKind kind, const std::vector<RawExtension>& reply, const ClientHello& offered) {
    return check_solicited(kind, reply, offered_extension_types(offered));
}

std::vector<std::uint16_t> offered_extension_types(const ClientHello& hello) {
    // write_extensions writes the set fields and the raw list: these types.
    std::vector<std::uint16_t> types;
    for (const auto& row : extension_table())
        if (const auto* codec = row.field<ClientHello>(); codec && codec->present(hello)) types.push_back(row.type);
    for (const auto& ext : hello.extensions)
        if (std::find(types.begin(), types.end(), ext.type) == types.end()) types.push_back(ext.type);

    // RFC 5746 §3.4: the client "MUST include either an empty
    // "renegotiation_info" extension, or the TLS_EMPTY_RENEGOTIATION_INFO_SCSV
    // signaling cipher suite value"; either asks the server for the extension.
    constexpr std::uint16_t renegotiation_info = static_cast<std::uint16_t>(ExtensionType::renegotiation_info);
    constexpr std::uint16_t empty_renegotiation_info_scsv = 0x00ff;
    const bool scsv = std::find(hello.cipher_suites.begin(), hello.cipher_suites.end(),
                                empty_renegotiation_info_scsv) != hello.cipher_suites.end();
    if (scsv && std::find(types.begin(), types.end(), renegotiation_info) == types.end())
        types.push_back(renegotiation_info);
    return types;
}

}  // namespace tlspp::msg
