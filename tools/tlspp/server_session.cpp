// tools/tlspp/server_session.cpp: the --www page and the --echo session.
#include "server_session.hpp"

#include <string>
#include <string_view>

#include "describe.hpp"
#include "explain/diagram.hpp"
#include "wire/escape.hpp"

namespace tlspp::cli {

namespace {

using net::Next;

// A request head larger than this is not something a test client sends.
constexpr std::size_t kMaxRequestHead = 16 * 1024;

std::span<const std::uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string session_page(const SessionInfo& info, const std::string& peer, std::string_view request_line) {
    std::string page =
        "<!DOCTYPE html>\n<html><head><title>tlspp server</title></head><body>\n"
        "<h1>tlspp server</h1>\n<pre>\n";
    page += "request:                 " + explain::xml_escape(wire::escape_peer_text(request_line)) + "\n";
    page += "client:                  " + explain::xml_escape(peer) + "\n";
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

// Www collects the request head up to its blank line, answers it once and
// finishes.
class Www : public net::SessionHandler {
public:
    Www(const SessionInfo& info, std::string peer) : info_(info), peer_(std::move(peer)) {}

    Result<Next> on_data(std::span<const std::uint8_t> data, std::string& reply) override {
        head_.append(reinterpret_cast<const char*>(data.data()), data.size());
        if (head_.find("\r\n\r\n") == std::string::npos && head_.find("\n\n") == std::string::npos) {
            if (head_.size() > kMaxRequestHead)
                return make_error(Reason::illegal_parameter, "HTTP request head over 16 KiB");
            return Next::more;
        }
        answer(reply);
        return Next::finish;
    }

private:
    void answer(std::string& reply) const {
        std::string_view request_line(head_);
        request_line = request_line.substr(0, request_line.find_first_of("\r\n"));
        if (request_line.starts_with("GET ")) {
            reply = response("200 OK", "text/html; charset=utf-8", session_page(info_, peer_, request_line));
        } else {
            // RFC 9110 §15.5.6: 405 for a method the resource does not support.
            reply = response("405 Method Not Allowed", "text/plain", "tlspp server --www answers GET only\n");
        }
    }

    const SessionInfo& info_;
    std::string peer_;
    std::string head_;
};

// Echo sends every byte back until the client closes.
class Echo : public net::SessionHandler {
public:
    Result<Next> on_data(std::span<const std::uint8_t> data, std::string& reply) override {
        reply.append(reinterpret_cast<const char*>(data.data()), data.size());
        return Next::more;
    }
};

}  // namespace

std::unique_ptr<net::SessionHandler> make_session_handler(SessionMode mode, const SessionInfo& info,
                                                          std::string peer_address) {
    switch (mode) {
    case SessionMode::www: return std::make_unique<Www>(info, std::move(peer_address));
    case SessionMode::echo: return std::make_unique<Echo>();
    }
    return nullptr;
}

Status serve_session(Stream& stream, net::SessionHandler& handler) {
    std::uint8_t buffer[16 * 1024];
    std::string reply;
    for (;;) {
        auto got = stream.read(buffer);
        if (!got) return std::move(got).error();
        // 0: close_notify, already answered with ours (RFC 5246 §7.2.1).
        if (*got == 0) return {};
        reply.clear();
        auto next = handler.on_data({buffer, *got}, reply);
        if (!next) return std::move(next).error();
        if (!reply.empty()) {
            if (auto sent = stream.write(as_bytes(reply)); !sent) return sent;
        }
        if (*next == Next::finish) return {};
    }
}

}  // namespace tlspp::cli
