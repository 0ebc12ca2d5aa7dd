// Issue 16 item 3: the explainer's records are the records on the wire, in
// both directions. The server's flight 2 travels packed into one record and
// the ClientHello in 1-byte records (re-framed in flight, as a peer may
// send them); afterwards the client sends application data over two records
// and closes. Each side's explained records must be, in order, the records
// in the bytes it wrote and the bytes it read.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "explain/recorder.hpp"
#include "explain/text.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

constexpr std::size_t kHeader = 5;
constexpr std::size_t kAeadOverhead = 8 + 16;   // AES-GCM in TLS 1.2: explicit nonce + tag (RFC 5288 §3)

struct WireRecord {
    ContentType type;
    std::size_t length;   // of the fragment on the wire
    std::vector<std::uint8_t> body;
};

std::vector<WireRecord> parse(const std::vector<std::uint8_t>& bytes) {
    std::vector<WireRecord> out;
    for (std::size_t i = 0; i + kHeader <= bytes.size();) {
        std::size_t n = static_cast<std::size_t>(bytes[i + 3] << 8 | bytes[i + 4]);
        out.push_back({static_cast<ContentType>(bytes[i]), n,
                       std::vector<std::uint8_t>(bytes.begin() + static_cast<long>(i + kHeader),
                                                 bytes.begin() + static_cast<long>(i + kHeader + n))});
        i += kHeader + n;
    }
    return out;
}

std::vector<std::uint8_t> frame(const std::vector<WireRecord>& records) {
    std::vector<std::uint8_t> out;
    for (const auto& r : records) {
        out.insert(out.end(), {static_cast<std::uint8_t>(r.type), 3, 3, static_cast<std::uint8_t>(r.body.size() >> 8),
                               static_cast<std::uint8_t>(r.body.size())});
        out.insert(out.end(), r.body.begin(), r.body.end());
    }
    return out;
}

// What the explainer should show for a wire record: its type, the length of
// its content, and whether it was protected (after the sender's ChangeCipherSpec).
struct Shown {
    ContentType type;
    std::size_t length;
    bool is_protected;
    bool operator==(const Shown&) const = default;
};

std::ostream& operator<<(std::ostream& o, const Shown& s) {
    return o << name(s.type) << " " << s.length << (s.is_protected ? " encrypted" : " plaintext");
}

std::vector<Shown> expected(const std::vector<WireRecord>& wire) {
    std::vector<Shown> out;
    bool after_ccs = false;
    for (const auto& r : wire) {
        out.push_back({r.type, after_ccs ? r.length - kAeadOverhead : r.length, after_ccs});
        if (r.type == ContentType::change_cipher_spec) after_ccs = true;
    }
    return out;
}

std::vector<Shown> explained(const explain::Recorder& recorder, explain::Side side, Direction direction) {
    std::vector<Shown> out;
    for (const auto& s : recorder.events())
        if (auto* r = std::get_if<RecordEvent>(&s.event); r && s.observer == side && r->direction == direction)
            out.push_back({r->type, r->length, r->is_protected});
    return out;
}

// The record lines of the client's timeline, by sender (from the flight headers).
void timeline_records(const std::string& text, std::vector<Shown>& from_client, std::vector<Shown>& from_server) {
    std::regex header("── flight [0-9]+: (client|server) → ");
    std::regex record("· record ([a-z_]+), ([0-9]+) bytes, (plaintext|encrypted)");
    std::vector<Shown>* current = nullptr;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::smatch m;
        if (std::regex_search(line, m, header)) current = m[1] == "client" ? &from_client : &from_server;
        if (!std::regex_search(line, m, record) || !current) continue;
        ContentType type = m[1] == "handshake"            ? ContentType::handshake
                           : m[1] == "change_cipher_spec" ? ContentType::change_cipher_spec
                           : m[1] == "alert"              ? ContentType::alert
                                                          : ContentType::application_data;
        current->push_back({type, std::stoul(m[2]), m[3] == "encrypted"});
    }
}

TEST(ExplainRecords, RecordsAreTheOnesOnTheWireInBothDirections) {
    auto client_config = test::client_config(1);
    client_config->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    client_config->versions = {ProtocolVersion::tls12};
    auto server_config = test::server_config(test::pki().server_p256);
    auto recorder = std::make_shared<explain::Recorder>();
    test::LoopbackPair pair(client_config, server_config, "localhost", recorder->observer_for(explain::Side::client),
                            recorder->observer_for(explain::Side::server));
    std::vector<std::uint8_t> written[2], read[2];   // [0]: client → server, [1]: server → client
    bool first_to_server = true, server_ccs_seen = false;
    pair.tamper = [&](test::Direction dir, std::vector<std::uint8_t>& bytes) {
        int i = dir == test::Direction::to_server ? 0 : 1;
        written[i].insert(written[i].end(), bytes.begin(), bytes.end());
        auto records = parse(bytes);
        if (dir == test::Direction::to_server && first_to_server) {
            // The ClientHello in records of one byte each.
            first_to_server = false;
            std::vector<WireRecord> split;
            for (std::uint8_t b : records.at(0).body) split.push_back({ContentType::handshake, 1, {b}});
            bytes = frame(split);
        } else if (dir == test::Direction::to_client && !server_ccs_seen) {
            // The server's plaintext handshake records packed into one.
            WireRecord packed{ContentType::handshake, 0, {}};
            std::vector<WireRecord> rest;
            for (const auto& r : records) {
                if (r.type == ContentType::change_cipher_spec) server_ccs_seen = true;
                if (r.type == ContentType::handshake && !server_ccs_seen)
                    packed.body.insert(packed.body.end(), r.body.begin(), r.body.end());
                else
                    rest.push_back(r);
            }
            if (!packed.body.empty()) rest.insert(rest.begin(), packed);
            bytes = frame(rest);
        }
        read[i].insert(read[i].end(), bytes.begin(), bytes.end());
    };
    ASSERT_TRUE(pair.handshake()) << (pair.client.error() ? "client: " + pair.client.error()->detail : "")
                                  << (pair.server.error() ? " server: " + pair.server.error()->detail : "");
    std::vector<std::uint8_t> data(20000, 0x61);   // two records: 2^14 bytes and the rest
    ASSERT_EQ(pair.client_to_server(data).size(), data.size());
    pair.client.close();
    pair.pump();

    ASSERT_EQ(parse(read[0]).size(), parse(written[0]).size() + parse(written[0]).at(0).length - 1)
        << "the ClientHello was not split";
    ASSERT_LT(parse(read[1]).size(), parse(written[1]).size()) << "the server's flight was not packed";

    using explain::Side;
    EXPECT_EQ(explained(*recorder, Side::client, Direction::sent), expected(parse(written[0])));
    EXPECT_EQ(explained(*recorder, Side::server, Direction::received), expected(parse(read[0])));
    EXPECT_EQ(explained(*recorder, Side::server, Direction::sent), expected(parse(written[1])));
    EXPECT_EQ(explained(*recorder, Side::client, Direction::received), expected(parse(read[1])));

    // The client's timeline lists the same records, each under its sender.
    explain::TextOptions options;
    std::vector<Shown> from_client, from_server;
    timeline_records(explain::render_text(recorder->events(), Side::client, options), from_client, from_server);
    EXPECT_EQ(from_client, expected(parse(written[0])));
    EXPECT_EQ(from_server, expected(parse(read[1])));
}

}  // namespace
}  // namespace tlspp
