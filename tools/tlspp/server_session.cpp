// tools/tlspp/server_session.cpp: the --www page and the --echo loop.
#include "server_session.hpp"

#include <string>
#include <string_view>

#include "describe.hpp"
#include "explain/diagram.hpp"

namespace tlspp::cli {

namespace {

// A request head larger than this is not something a test client sends.
constexpr std::size_t kMaxRequestHead = 16 * 1024;

std::span<const std::uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// read_request_head reads until the blank line that ends an HTTP request head.
// An empty result means the client closed before sending one.
Result<std::string> read_request_head(Stream& stream) {
    std::string head;
    std::uint8_t buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.find("\n\n") == std::string::npos) {
        if (head.size() > kMaxRequestHead) return make_error(Reason::illegal_parameter, "HTTP request head over 16 KiB");
        auto got = stream.read(buffer);
        if (!got) return std::move(got).error();
        if (*got == 0) break;
        head.append(reinterpret_cast<const char*>(buffer), *got);
    }
    return head;
}

std::string session_page(const Stream& stream, std::string_view request_line) {
    const SessionInfo& info = stream.info();
    std::string page =
        "<!DOCTYPE html>\n<html><head><title>tlspp server</title></head><body>\n"
        "<h1>tlspp server</h1>\n<pre>\n";
    page += "request:                 " + explain::xml_escape(request_line) + "\n";
    page += "client:                  " + explain::xml_escape(stream.peer_address()) + "\n";
    for (const auto& [label, value] : describe_session(info)) {
        std::string padded = label + ":";
        if (padded.size() < 25) padded.resize(25, ' ');
        page += explain::xml_escape(padded) + explain::xml_escape(value) + "\n";
    }
    if (!info.peer_chain.empty()) {
        page += "client certificate chain:\n";
        for (const auto& line : describe_chain(info)) page += explain::xml_escape(line) + "\n";
    } else {
        page += "client certificate:      (none)\n";
    }
    page += "</pre>\n</body></html>\n";
    return page;
}

std::string response(std::string_view status, std::string_view content_type, std::string_view body) {
    std::string r = "HTTP/1.0 " + std::string(status) + "\r\n";
    r += "Content-Type: " + std::string(content_type) + "\r\n";
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    r += "Connection: close\r\nServer: tlspp\r\n\r\n";
    r += body;
    return r;
}

Status serve_www(Stream& stream) {
    auto head = read_request_head(stream);
    if (!head) return std::move(head).error();
    if (head->empty()) return {};
    std::string_view request_line(*head);
    request_line = request_line.substr(0, request_line.find_first_of("\r\n"));
    std::string reply;
    if (request_line.starts_with("GET ")) {
        reply = response("200 OK", "text/html; charset=utf-8", session_page(stream, request_line));
    } else {
        // RFC 9110 §15.5.6: 405 for a method the resource does not support.
        reply = response("405 Method Not Allowed", "text/plain", "tlspp server --www answers GET only\n");
    }
    return stream.write(as_bytes(reply));
}

Status serve_echo(Stream& stream) {
    std::uint8_t buffer[16 * 1024];
    for (;;) {
        auto got = stream.read(buffer);
        if (!got) return std::move(got).error();
        if (*got == 0) return {};
        if (auto sent = stream.write({buffer, *got}); !sent) return sent;
    }
}

}  // namespace

Status serve_session(Stream& stream, SessionMode mode) {
    switch (mode) {
    case SessionMode::www: return serve_www(stream);
    case SessionMode::echo: return serve_echo(stream);
    }
    return make_error(Reason::internal_error, "unknown session mode");
}

}  // namespace tlspp::cli
