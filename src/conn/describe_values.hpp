// conn/describe_values.hpp: the value formats and helpers shared by
// describe.cpp (messages) and describe_extensions.cpp (extensions). Internal
// to describe; see describe.hpp for what the trees look like.
#pragma once

#include <string>
#include <vector>

#include "conn/describe.hpp"

namespace tlspp::conn::detail {

inline Field leaf(std::string name, std::string value) { return Field{std::move(name), std::move(value), {}}; }

std::string bytes_value(std::span<const std::uint8_t> bytes);   // hex, or "(empty)"
std::string undecodable(std::span<const std::uint8_t> data, const Error& error);

// RFC 8701 §2: GREASE code points ("GREASE (0x0a0a)") in place of "unknown".
std::string version_value(std::uint16_t v);
std::string suite_value(std::uint16_t s);
std::string group_value(NamedGroup g);
std::string scheme_value(SignatureScheme s);

template <class T, class F>
std::string join(const std::vector<T>& items, F&& format) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += format(item);
    }
    return out;
}

// A list as a parent ("3": the count) with one child per entry, named `child`.
template <class T, class F>
Field list(std::string name, std::string child, const std::vector<T>& items, F&& format) {
    Field f{std::move(name), std::to_string(items.size()), {}};
    for (const auto& item : items) f.children.push_back(leaf(child, format(item)));
    return f;
}

// Where an extension block sits: an extension's data has a different form in
// different messages (RFC 8446 §4.2: key_share is client_shares in a
// ClientHello, server_share in a ServerHello and selected_group in a
// HelloRetryRequest; supported_versions is a list or one version).
enum class ExtensionsOf {
    client_hello,
    server_hello,
    hello_retry_request,
    encrypted_extensions,
    certificate_request,
    certificate_entry,
    new_session_ticket,
};

// extensions describes an extension block: "extensions" = the count, a child
// per extension named by its IANA name ("unknown (0x....)", "GREASE (0x....)").
Field extensions(const std::vector<msg::RawExtension>& raw, ExtensionsOf where);

}  // namespace tlspp::conn::detail
