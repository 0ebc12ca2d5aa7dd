// ClientHellos up to the protocol maximum. RFC 5246 §7.4.1.2 allows
// cipher_suites<2..2^16-2> (32,767 suites) and extensions<0..2^16-1>, so a
// well-formed body can reach 131,396 bytes (OpenSSL's CLIENT_HELLO_MAX_LENGTH),
// and §7.4.1.4 has unknown extensions ignored. A server with the default
// limits completes a handshake with each such ClientHello, whole or spread
// over records; a ClientHello with trailing bytes stays decode_error at any size.
//
// The client is a tlspp client machine (tests/handshake/sequences.hpp) whose
// ClientHello is replaced, in its transcript too, by the reshaped one, so the
// Finished messages agree only if the server took exactly those bytes. The
// server is a whole ServerConnection: record layer, reassembler, limits.
#include <gtest/gtest.h>

#include <functional>

#include "handshake/sequences.hpp"

namespace tlspp {
namespace {

using test::Bytes;

// RFC 5246 §7.4.1.2: version 2 + random 32 + session_id 1+32 + cipher_suites
// 2+65534 + compression_methods 1+255 + extensions 2+65535.
constexpr std::size_t kLargestClientHello = 131'396;

Bytes handshake_records(const Bytes& message, std::size_t fragment) {
    Bytes out;
    for (std::size_t at = 0; at < message.size(); at += fragment) {
        const std::size_t n = std::min(fragment, message.size() - at);
        out.insert(out.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
        out.insert(out.end(), message.begin() + long(at), message.begin() + long(at + n));
    }
    return out;
}

// HandBuiltClient runs a client machine whose ClientHello is `reshape`d.
class HandBuiltClient {
public:
    HandBuiltClient(std::shared_ptr<ClientConfig> config, const std::function<void(msg::ClientHello&)>& reshape)
        : side_(std::move(config), std::string("localhost"), std::nullopt) {
        {
            handshake::Step step = side_.step();
            EXPECT_TRUE(side_.machine.start(step));
        }
        const auto out = side_.records.output();
        const Bytes sent(out.begin(), out.end());
        side_.records.consume_output(sent.size());
        const Bytes original = test::plaintext_messages(test::split_records(sent)).at(0);
        auto hello = msg::decode_client_hello(std::span(original).subspan(4));
        EXPECT_TRUE(hello);
        reshape(*hello);
        hello_ = msg::encode_message(*hello);
        side_.transcript = handshake::Transcript();
        side_.transcript.add(hello_);
    }

    const Bytes& hello() const { return hello_; }
    bool connected() const { return side_.machine.connected(); }

    // take feeds what the server sent and returns what the client answers.
    Bytes take(std::span<const std::uint8_t> from_server) {
        side_.records.feed(from_server);
        while (ok_) {
            auto rec = side_.records.next_incoming();
            if (!rec || !*rec) break;
            if ((*rec)->type == ContentType::change_cipher_spec) {
                ok_ = expect_ok(side_.give(msg::ChangeCipherSpec{}, {}));
                continue;
            }
            if ((*rec)->type != ContentType::handshake) {
                ADD_FAILURE() << "the client got a record of type " << int((*rec)->type);
                ok_ = false;
                break;
            }
            ok_ = expect_ok(side_.reassembler.feed((*rec)->data));
            while (ok_) {
                auto m = side_.reassembler.next();
                if (!m || !*m) break;
                const Bytes encoded((*m)->encoded.begin(), (*m)->encoded.end());
                ok_ = expect_ok(side_.receive(encoded));
            }
        }
        const auto out = side_.records.output();
        Bytes answer(out.begin(), out.end());
        side_.records.consume_output(answer.size());
        return answer;
    }

private:
    bool expect_ok(const Status& s) {
        EXPECT_TRUE(s) << "client machine in " << side_.machine.state_name() << ": " << s.error().message();
        return s.ok();
    }

    test::Side<handshake::Client> side_;
    Bytes hello_;
    bool ok_ = true;
};

// handshake sends the client's ClientHello in records of `fragment` bytes and
// runs the handshake to the end; it says whether both sides finished.
::testing::AssertionResult run_handshake(HandBuiltClient& client, ServerConnection& server, std::size_t fragment) {
    Bytes to_server = handshake_records(client.hello(), fragment);
    for (int round = 0; round < 8 && !(client.connected() && server.handshake_done()); ++round) {
        if (auto fed = server.read_in(to_server); !fed)
            return ::testing::AssertionFailure() << "server: " << fed.error().message();
        const Bytes to_client(server.pending_output().begin(), server.pending_output().end());
        server.consume_output(to_client.size());
        to_server = client.take(to_client);
    }
    if (client.connected() && server.handshake_done()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "the handshake did not finish";
}

std::shared_ptr<ServerConfig> default_server() { return test::server_config(test::pki().server_p256); }

void add_unknown_suites(msg::ClientHello& h, std::size_t n) {
    // 0xe000.. and on: unassigned, so never chosen.
    for (std::size_t i = 0; i < n; ++i) h.cipher_suites.push_back(static_cast<std::uint16_t>(0xe000 + i));
}

void add_unknown_extensions(msg::ClientHello& h, std::size_t n, std::size_t size = 0) {
    for (std::size_t i = 0; i < n; ++i) h.extensions.push_back({static_cast<std::uint16_t>(0x7000 + i), Bytes(size, 0xab)});
}

// One shape per bound the issue names; each body is checked to be what it says.
TEST(ClientHelloSize, MoreThan512CipherSuitesCompleteTheHandshake) {
    HandBuiltClient client(test::client_config(), [](msg::ClientHello& h) { add_unknown_suites(h, 600); });
    ServerConnection server(default_server());
    EXPECT_TRUE(run_handshake(client, server, 16384));
}

TEST(ClientHelloSize, TheLargestCipherSuiteListCompletesTheHandshake) {
    // cipher_suites<2..2^16-2>: 32,767 suites.
    HandBuiltClient client(test::client_config(),
                           [](msg::ClientHello& h) { add_unknown_suites(h, 32'767 - h.cipher_suites.size()); });
    ServerConnection server(default_server());
    EXPECT_TRUE(run_handshake(client, server, 16384));
}

TEST(ClientHelloSize, MoreThan64MostlyUnknownExtensionsCompleteTheHandshake) {
    HandBuiltClient client(test::client_config(), [](msg::ClientHello& h) { add_unknown_extensions(h, 200); });
    ServerConnection server(default_server());
    EXPECT_TRUE(run_handshake(client, server, 16384));
}

// A configuration that needs no extension at all: RSA key transport (no
// group, no ServerKeyExchange signature) and the renegotiation SCSV.
std::shared_ptr<ClientConfig> rsa_client() {
    auto c = test::client_config();
    c->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    return c;
}
std::shared_ptr<ServerConfig> rsa_server() {
    auto s = test::server_config(test::pki().server_rsa);
    s->cipher_suites = {CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256};
    return s;
}

// The only extension, of the largest size the block allows: 65,531 bytes.
void one_largest_extension(msg::ClientHello& h) {
    msg::ClientHello bare;
    bare.legacy_version = h.legacy_version;
    bare.random = h.random;
    bare.session_id = h.session_id;
    bare.cipher_suites = h.cipher_suites;
    // Without the renegotiation_info extension, the SCSV asks for secure
    // renegotiation (RFC 5746 §3.4), which our client requires of servers.
    bare.cipher_suites.push_back(0x00ff);
    bare.compression_methods = h.compression_methods;
    bare.extensions.push_back({0x7000, Bytes(65'531, 0xab)});
    h = std::move(bare);
}

TEST(ClientHelloSize, OneExtensionOf65531BytesCompletesTheHandshake) {
    HandBuiltClient client(rsa_client(), one_largest_extension);
    auto sent = msg::decode_client_hello(std::span(client.hello()).subspan(4));
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->extensions.size(), 1u);
    ASSERT_EQ(sent->extensions[0].data.size(), 65'531u) << "with its 4-byte header it fills the 2^16-1 block";
    ServerConnection server(rsa_server());
    EXPECT_TRUE(run_handshake(client, server, 16384));
}

TEST(ClientHelloSize, ABodyOver64KiBCompletesTheHandshake) {
    HandBuiltClient client(test::client_config(), [](msg::ClientHello& h) {
        add_unknown_suites(h, 30'000);
        add_unknown_extensions(h, 4, 2'000);
    });
    ASSERT_GT(client.hello().size(), 4 + 64 * 1024u);
    ServerConnection server(default_server());
    EXPECT_TRUE(run_handshake(client, server, 16384));
}

// Every vector at its maximum: 131,396 bytes of body.
void largest(msg::ClientHello& h) {
    one_largest_extension(h);
    h.session_id.assign(32, 0x5e);
    h.cipher_suites.push_back(static_cast<std::uint16_t>(CipherSuite::TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
    add_unknown_suites(h, 32'767 - h.cipher_suites.size());
    h.compression_methods.clear();
    for (int m = 254; m >= 0; --m) h.compression_methods.push_back(static_cast<std::uint8_t>(m));   // null last
}

TEST(ClientHelloSize, TheLargestWellFormedClientHelloCompletesTheHandshake) {
    for (std::size_t fragment : {16384u, 512u}) {
        HandBuiltClient client(rsa_client(), largest);
        ASSERT_EQ(client.hello().size(), 4 + kLargestClientHello);
        ServerConnection server(rsa_server());
        EXPECT_TRUE(run_handshake(client, server, fragment)) << "in records of " << fragment << " bytes";
        EXPECT_TRUE(server.info().secure_renegotiation);
    }
}

// RFC 5246 §7.4.1.2: the body ends with the extensions block; anything after
// it is a decode_error, whatever the size.
TEST(ClientHelloSize, TrailingBytesAreADecodeErrorAtAnySize) {
    struct Case {
        const char* name;
        std::function<void(msg::ClientHello&)> reshape;
        std::shared_ptr<ClientConfig> (*config)();
        std::size_t trailing;
    };
    const Case cases[] = {
        {"small", [](msg::ClientHello&) {}, [] { return test::client_config(); }, 1},
        {"over 64 KiB", [](msg::ClientHello& h) { add_unknown_suites(h, 32'000); }, [] { return test::client_config(); }, 1},
        {"the largest, one byte more", largest, rsa_client, 1},
        {"the largest, 100 bytes more", largest, rsa_client, 100},
    };
    for (const auto& c : cases) {
        HandBuiltClient client(c.config(), c.reshape);
        Bytes message = client.hello();
        message.insert(message.end(), c.trailing, 0);
        const std::size_t body = message.size() - 4;
        message[1] = static_cast<std::uint8_t>(body >> 16);
        message[2] = static_cast<std::uint8_t>(body >> 8);
        message[3] = static_cast<std::uint8_t>(body);
        ServerConnection server(default_server());
        auto r = server.read_in(handshake_records(message, 16384));
        ASSERT_FALSE(r) << c.name;
        EXPECT_EQ(r.error().alert, Alert::decode_error) << c.name << ": " << r.error().message();
        const Bytes out(server.pending_output().begin(), server.pending_output().end());
        ASSERT_EQ(out.size(), 7u) << c.name << ": a fatal decode_error alert, nothing else";
        EXPECT_EQ(out[0], 21) << c.name;
        EXPECT_EQ(Bytes(out.begin() + 5, out.end()), (Bytes{2, 50})) << c.name;
    }
}

// A server may still ask for less: Limits::max_client_hello_size.
TEST(ClientHelloSize, TheClientHelloCapIsConfigurable) {
    HandBuiltClient client(test::client_config(), [](msg::ClientHello& h) { add_unknown_suites(h, 2'000); });
    const std::size_t body = client.hello().size() - 4;
    auto below = default_server();
    below->limits.max_client_hello_size = body - 1;
    ServerConnection refused(below);
    auto r = refused.read_in(handshake_records(client.hello(), 16384));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::excessive_message_size) << r.error().message();
    EXPECT_EQ(r.error().alert, Alert::illegal_parameter);
    EXPECT_NE(r.error().detail.find("max_client_hello_size"), std::string::npos) << r.error().detail;

    auto exact = default_server();
    exact->limits.max_client_hello_size = body;
    ServerConnection accepted(exact);
    EXPECT_TRUE(run_handshake(client, accepted, 16384));
}

// Other messages keep their own cap: a Certificate of over 64 KiB to a client.
TEST(ClientHelloSize, OtherMessagesKeepTheirCap) {
    ServerConnection server(default_server());
    ClientConnection c(test::client_config(), "localhost");
    ASSERT_TRUE(server.read_in(c.pending_output()));
    c.consume_output(c.pending_output().size());
    const Bytes flight(server.pending_output().begin(), server.pending_output().end());
    const auto messages = test::plaintext_messages(test::split_records(flight));
    const Bytes big_certificate = msg::encode_message(msg::Certificate{{Bytes(64 * 1024, 0x30)}});
    auto r = c.read_in(handshake_records(messages.at(0), 16384));
    ASSERT_TRUE(r) << r.error().message();
    r = c.read_in(handshake_records(big_certificate, 16384));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, Reason::excessive_message_size) << r.error().message();
    EXPECT_NE(r.error().detail.find("max_handshake_message_size"), std::string::npos) << r.error().detail;
}

}  // namespace
}  // namespace tlspp
