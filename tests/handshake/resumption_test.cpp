// TLS 1.2 session resumption: the abbreviated handshake (RFC 5246 §7.3) by
// session ID and by RFC 5077 ticket, and every reason to refuse a session
// (suite, EMS per RFC 7627 §5.3, server name, expiry, unknown or tampered
// ticket), which means a full handshake; and the two offers that are errors:
// an EMS session offered without EMS (RFC 7627 §5.3: handshake_failure) and a
// session offered without its cipher suite (RFC 5246 §7.4.1.2:
// illegal_parameter), by ID and by ticket alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "msg/client_hello.hpp"
#include "msg/handshake.hpp"
#include "session/public.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp {
namespace {

using test::Direction;
using test::LoopbackPair;

class Recorder : public Observer {
public:
    void on_event(const Event& e) override {
        if (auto* d = std::get_if<HandshakeDoneEvent>(&e)) done.push_back(d->resumed);
        if (auto* m = std::get_if<MessageEvent>(&e); m && m->direction == tlspp::Direction::sent)
            sent.push_back(m->name);
    }
    bool wants_secrets() const override { return false; }
    std::vector<bool> done;
    std::vector<std::string> sent;
};

// connect runs one handshake, offering `resume` if given.
std::unique_ptr<LoopbackPair> connect(const std::shared_ptr<ClientConfig>& client,
                                      const std::shared_ptr<ServerConfig>& server, std::optional<Session> resume,
                                      std::string name = "localhost",
                                      std::shared_ptr<Observer> server_observer = nullptr) {
    auto pair = std::make_unique<LoopbackPair>(client, server, name, nullptr, server_observer);
    if (resume) pair->client = ClientConnection(client, name, std::move(resume));
    EXPECT_TRUE(pair->handshake()) << (pair->client.error()   ? pair->client.error()->message()
                                       : pair->server.error() ? pair->server.error()->message()
                                                              : "not finished");
    return pair;
}

std::shared_ptr<ServerConfig> server_with(bool cache, bool tickets) {
    auto s = test::server_config(test::pki().server_p256, 2);
    if (cache) s->session_cache = std::make_shared<ServerSessionCache>();
    if (tickets) s->ticket_keys = std::make_shared<TicketKeys>();
    return s;
}

// A server config sharing `base`'s cache and ticket keys.
std::shared_ptr<ServerConfig> sharing(const std::shared_ptr<ServerConfig>& base) {
    auto s = test::server_config(test::pki().server_p256, 3);
    s->session_cache = base->session_cache;
    s->ticket_keys = base->ticket_keys;
    return s;
}

// first_session runs a full handshake and returns the client's session.
Session first_session(const std::shared_ptr<ClientConfig>& client, const std::shared_ptr<ServerConfig>& server) {
    auto pair = connect(client, server, std::nullopt);
    EXPECT_FALSE(pair->client.info().resumed);
    EXPECT_FALSE(pair->server.info().resumed);
    auto s = pair->client.session();
    EXPECT_TRUE(s.has_value());
    EXPECT_TRUE(pair->server.session().has_value());
    return *s;
}

// edited returns a copy of `s` changed by `f` (internal access, for tests).
template <class F>
Session edited(const Session& s, F&& f) {
    session::Session12 copy = s.impl().s;
    f(copy);
    return session::wrap(std::move(copy));
}

bool same_data(const LoopbackPair& p) {
    return p.client.info().cipher_suite == p.server.info().cipher_suite;
}

TEST(Resumption, BySessionId) {
    auto client = test::client_config(1);
    auto server = server_with(true, false);
    Session s = first_session(client, server);
    EXPECT_EQ(s.session_id().size(), 32u);
    EXPECT_FALSE(s.has_ticket());
    EXPECT_EQ(server->session_cache->size(), 1u);

    auto observer = std::make_shared<Recorder>();
    auto pair = connect(client, server, s, "localhost", observer);
    EXPECT_TRUE(pair->client.info().resumed);
    EXPECT_TRUE(pair->server.info().resumed);
    EXPECT_TRUE(same_data(*pair));
    EXPECT_EQ(*pair->client.info().cipher_suite, s.cipher_suite());
    EXPECT_EQ(observer->done, std::vector<bool>{true});
    // RFC 5246 §7.3: no certificate, no key exchange: ServerHello, CCS, Finished.
    EXPECT_EQ(observer->sent, (std::vector<std::string>{"ServerHello", "ChangeCipherSpec", "Finished"}));
    // Application data flows both ways.
    static constexpr std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
    EXPECT_EQ(pair->client_to_server(ping).size(), 4u);
    EXPECT_EQ(pair->server_to_client(ping).size(), 4u);
    // The resumed session can be resumed again.
    auto again = pair->client.session();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->session_id(), s.session_id());
    EXPECT_TRUE(connect(client, server, *again)->client.info().resumed);
}

TEST(Resumption, ByTicket) {
    auto client = test::client_config(1);
    auto server = server_with(false, true);
    Session s = first_session(client, server);
    EXPECT_TRUE(s.has_ticket());
    EXPECT_TRUE(s.session_id().empty());
    EXPECT_EQ(s.ticket_lifetime_hint(), 7200u);

    auto observer = std::make_shared<Recorder>();
    auto pair = connect(client, server, s, "localhost", observer);
    EXPECT_TRUE(pair->client.info().resumed);
    EXPECT_TRUE(pair->server.info().resumed);
    EXPECT_EQ(observer->done, std::vector<bool>{true});
    // The key is still current: no new ticket.
    EXPECT_EQ(observer->sent, (std::vector<std::string>{"ServerHello", "ChangeCipherSpec", "Finished"}));
    ASSERT_TRUE(pair->client.session());
    EXPECT_TRUE(pair->client.session()->has_ticket());
}

TEST(Resumption, ThroughPem) {
    auto client = test::client_config(1);
    auto server = server_with(false, true);
    Session s = first_session(client, server);
    auto pem = s.to_pem();
    ASSERT_TRUE(pem);
    auto back = Session::from_pem(*pem);
    ASSERT_TRUE(back);
    EXPECT_TRUE(connect(client, server, *back)->client.info().resumed);
}

TEST(Resumption, FullHandshakeSendsTicketAfterClientFinished) {
    auto observer = std::make_shared<Recorder>();
    auto pair = connect(test::client_config(1), server_with(false, true), std::nullopt, "localhost", observer);
    EXPECT_EQ(observer->sent, (std::vector<std::string>{"ServerHello", "Certificate", "ServerKeyExchange",
                                                        "ServerHelloDone", "NewSessionTicket", "ChangeCipherSpec",
                                                        "Finished"}));
}

TEST(Resumption, NoTicketsWhenClientDoesNotOfferThem) {
    auto client = test::client_config(1);
    client->session_tickets = false;
    auto observer = std::make_shared<Recorder>();
    auto pair = connect(client, server_with(false, true), std::nullopt, "localhost", observer);
    EXPECT_EQ(std::count(observer->sent.begin(), observer->sent.end(), "NewSessionTicket"), 0);
    EXPECT_FALSE(pair->client.session());   // nothing to resume with
}

TEST(Resumption, TicketPreferredWhenBothAvailable) {
    auto client = test::client_config(1);
    auto server = server_with(true, true);
    Session s = first_session(client, server);
    EXPECT_TRUE(s.has_ticket());
    EXPECT_EQ(s.session_id().size(), 32u);
    // A server with the same ticket keys and an empty cache still resumes:
    // the ticket was used, not the ID.
    auto other = sharing(server);
    other->session_cache = std::make_shared<ServerSessionCache>();
    auto pair = connect(client, other, s);
    EXPECT_TRUE(pair->server.info().resumed);
    EXPECT_TRUE(pair->client.info().resumed);
    // The ClientHello carries the ticket and a fresh session ID (RFC 5077 §3.4).
    std::vector<std::uint8_t> hello;
    LoopbackPair raw(client, server);
    raw.client = ClientConnection(client, "localhost", s);
    raw.tamper = [&](Direction d, std::vector<std::uint8_t>& b) {
        if (d == Direction::to_server && hello.empty()) hello = b;
    };
    ASSERT_TRUE(raw.handshake());
    const auto& ticket = s.impl().s.ticket;
    EXPECT_NE(std::search(hello.begin(), hello.end(), ticket.begin(), ticket.end()), hello.end());
    const auto id = s.session_id();
    EXPECT_EQ(std::search(hello.begin(), hello.end(), id.begin(), id.end()), hello.end());
}

void expect_full(LoopbackPair& pair) {
    EXPECT_FALSE(pair.client.info().resumed);
    EXPECT_FALSE(pair.server.info().resumed);
    EXPECT_TRUE(pair.client.handshake_done());
    EXPECT_TRUE(pair.server.handshake_done());
    EXPECT_FALSE(pair.client.failed());
}

TEST(Resumption, RefusedWhenSuiteNoLongerEnabled) {
    auto client = test::client_config(1);
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(client, server);
        auto other = sharing(server);
        other->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};
        other->versions = {ProtocolVersion::tls12};
        ASSERT_NE(s.cipher_suite(), other->cipher_suites[0]);
        auto pair = connect(client, other, s);
        expect_full(*pair);
        EXPECT_EQ(*pair->client.info().cipher_suite, CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
    }
}

TEST(Resumption, RefusedOnEmsMismatch) {
    auto client = test::client_config(1);
    // By ID: the cached session was made without EMS; the ClientHello has it.
    {
        auto server = server_with(true, false);
        Session s = first_session(client, server);
        Session no_ems = edited(s, [](session::Session12& x) { x.extended_master_secret = false; });
        session::Session12 cached = no_ems.impl().s;
        ASSERT_TRUE(server->session_cache->impl().cache.put(s.session_id(), cached));
        auto pair = connect(client, server, no_ems);
        expect_full(*pair);
        EXPECT_TRUE(pair->client.info().extended_master_secret);
    }
    // By ticket: the same inside a ticket.
    {
        auto server = server_with(false, true);
        Session s = first_session(client, server);
        session::Session12 inner = s.impl().s;
        inner.ticket.clear();
        inner.extended_master_secret = false;
        auto sealed = server->ticket_keys->impl().keys.seal(session::serialize(inner)->view(),
                                                            std::chrono::system_clock::now());
        ASSERT_TRUE(sealed);
        Session offer = edited(s, [&](session::Session12& x) {
            x.extended_master_secret = false;
            x.ticket = *sealed;
        });
        expect_full(*connect(client, server, offer));
    }
}

TEST(Resumption, RefusedWhenServerNameDiffers) {
    auto client = test::client_config(1);
    client->verify_host_name = false;
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(client, server);
        EXPECT_EQ(s.server_name(), "localhost");
        auto pair = connect(client, server, s, "other.example");
        expect_full(*pair);
    }
}

TEST(Resumption, RefusedWhenExpired) {
    auto client = test::client_config(1);
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        auto clock = std::make_shared<test::FixedClock>(std::chrono::system_clock::now());
        server->clock = clock;
        server->session_lifetime = std::chrono::seconds(600);
        Session s = first_session(client, server);
        clock->advance(std::chrono::seconds(599));
        EXPECT_TRUE(connect(client, server, s)->server.info().resumed);
        clock->advance(std::chrono::seconds(2));
        expect_full(*connect(client, server, s));
    }
}

TEST(Resumption, RefusedWhenTicketKeyRotatedAway) {
    auto client = test::client_config(1);
    auto server = test::server_config(test::pki().server_p256, 2);
    server->ticket_keys = std::make_shared<TicketKeys>(TicketKeyOptions{std::chrono::hours(1), 0});
    Session s = first_session(client, server);
    server->ticket_keys->rotate();
    auto pair = connect(client, server, s);
    expect_full(*pair);
    // The full handshake brings a new ticket, which resumes.
    auto fresh = pair->client.session();
    ASSERT_TRUE(fresh && fresh->has_ticket());
    EXPECT_TRUE(connect(client, server, *fresh)->client.info().resumed);
}

TEST(Resumption, RefusedWhenTicketTampered) {
    auto client = test::client_config(1);
    auto server = server_with(false, true);
    Session s = first_session(client, server);
    for (std::size_t at : {std::size_t{0}, std::size_t{20}, s.impl().s.ticket.size() - 1}) {
        Session bad = edited(s, [&](session::Session12& x) { x.ticket[at] ^= 0x01; });
        expect_full(*connect(client, server, bad));
    }
    // And an unknown session ID.
    auto cached = server_with(true, false);
    Session id = first_session(client, cached);
    Session unknown = edited(id, [](session::Session12& x) { x.session_id[0] ^= 0x01; });
    expect_full(*connect(client, cached, unknown));
}

TEST(Resumption, TicketRenewedWhenOpenedWithOldKey) {
    auto client = test::client_config(1);
    auto server = server_with(false, true);
    Session s = first_session(client, server);
    server->ticket_keys->rotate();
    auto observer = std::make_shared<Recorder>();
    auto pair = connect(client, server, s, "localhost", observer);
    EXPECT_TRUE(pair->client.info().resumed);
    EXPECT_TRUE(pair->server.info().resumed);
    EXPECT_EQ(observer->sent,
              (std::vector<std::string>{"ServerHello", "NewSessionTicket", "ChangeCipherSpec", "Finished"}));
    auto renewed = pair->client.session();
    ASSERT_TRUE(renewed && renewed->has_ticket());
    EXPECT_NE(renewed->impl().s.ticket, s.impl().s.ticket);
    EXPECT_TRUE(connect(client, server, *renewed)->client.info().resumed);
}

// ---- offers built by hand: what our own client never sends ----

// resumption_offer is the ClientHello a client sends to resume `s` (by its
// ticket if it has one, else by its ID), listing `suites`, with or without EMS.
msg::ClientHello resumption_offer(const Session& s, const std::vector<CipherSuite>& suites, bool ems) {
    msg::ClientHello hello;
    hello.random.fill(0x42);
    for (CipherSuite c : suites) hello.cipher_suites.push_back(static_cast<std::uint16_t>(c));
    hello.server_name = "localhost";
    hello.supported_groups = default_groups();
    hello.ec_point_formats = std::vector<std::uint8_t>{0};
    hello.signature_algorithms = default_signature_schemes();
    hello.renegotiation_info = std::vector<std::uint8_t>{};
    hello.extended_master_secret = ems;
    const session::Session12& inner = s.impl().s;
    if (!inner.ticket.empty()) {
        hello.session_ticket = inner.ticket;
        hello.session_id.assign(32, 0x5a);   // RFC 5077 §3.4: a fresh ID the server echoes
    } else {
        hello.session_id = inner.session_id;
    }
    return hello;
}

// answer feeds `hello` to a fresh server and returns the server and the
// names of the messages it sent in reply.
struct Answer {
    std::unique_ptr<ServerConnection> server;
    std::vector<std::string> sent;
};

Answer answer(const std::shared_ptr<ServerConfig>& config, const msg::ClientHello& hello) {
    auto observer = std::make_shared<Recorder>();
    Answer a{std::make_unique<ServerConnection>(config, observer), {}};
    const auto message = msg::encode_message(hello);
    std::vector<std::uint8_t> record{22, 3, 1, static_cast<std::uint8_t>(message.size() >> 8),
                                     static_cast<std::uint8_t>(message.size())};
    record.insert(record.end(), message.begin(), message.end());
    (void)a.server->read_in(record);
    a.sent = observer->sent;
    return a;
}

// expect_refused checks that the server failed with `reason` and sent `alert`.
void expect_refused(const Answer& a, Reason reason, Alert alert) {
    ASSERT_TRUE(a.server->error()) << "the server answered with " << a.sent.size() << " messages";
    EXPECT_EQ(a.server->error()->reason, reason) << a.server->error()->message();
    EXPECT_EQ(a.server->error()->alert, alert);
    EXPECT_TRUE(a.sent.empty());
    // The alert record went out: level fatal, the description.
    const auto out = a.server->pending_output();
    ASSERT_EQ(out.size(), 7u);
    EXPECT_EQ(out[0], 21);
    EXPECT_EQ(out[5], 2);
    EXPECT_EQ(out[6], static_cast<std::uint8_t>(alert));
}

const std::vector<CipherSuite> kBothAes = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                                           CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};

// The hand-built offer resumes when nothing is wrong with it (so that the
// refusals below are about the one thing each changes).
TEST(Resumption, HandBuiltOfferResumes) {
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(test::client_config(1), server);
        ASSERT_EQ(s.has_ticket(), tickets);
        auto a = answer(server, resumption_offer(s, kBothAes, true));
        ASSERT_FALSE(a.server->error()) << a.server->error()->message();
        EXPECT_EQ(a.sent, (std::vector<std::string>{"ServerHello", "ChangeCipherSpec", "Finished"})) << tickets;
        EXPECT_TRUE(a.server->info().resumed);
    }
}

// RFC 7627 §5.3: a session made with EMS, offered without the extension:
// handshake_failure, by ID and by ticket (not a silent full handshake).
TEST(Resumption, ServerAbortsWhenEmsSessionIsOfferedWithoutEms) {
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(test::client_config(1), server);
        ASSERT_TRUE(s.extended_master_secret());
        SCOPED_TRACE(tickets ? "by ticket" : "by session ID");
        expect_refused(answer(server, resumption_offer(s, kBothAes, false)), Reason::extended_master_secret_mismatch,
                       Alert::handshake_failure);
    }
}

// The abort is for a session the server would resume: an expired one, or
// one whose suite this server no longer enables, is a full handshake even
// when offered without EMS (OpenSSL checks expiry first, too).
TEST(Resumption, ServerDoesAFullHandshakeForAnUnusableEmsSessionOfferedWithoutEms) {
    auto server = server_with(true, false);
    auto clock = std::make_shared<test::FixedClock>(std::chrono::system_clock::now());
    server->clock = clock;
    server->session_lifetime = std::chrono::seconds(600);
    Session s = first_session(test::client_config(1), server);
    clock->advance(std::chrono::seconds(601));
    auto a = answer(server, resumption_offer(s, kBothAes, false));
    ASSERT_FALSE(a.server->error()) << a.server->error()->message();
    ASSERT_GE(a.sent.size(), 2u);
    EXPECT_EQ(a.sent[1], "Certificate");
    EXPECT_FALSE(a.server->info().extended_master_secret);
}

// RFC 5246 §7.4.1.2: an offer must list the session's cipher suite:
// illegal_parameter, by ID and by ticket (OpenSSL's SSL_R_REQUIRED_CIPHER_MISSING).
TEST(Resumption, ServerAbortsWhenOfferOmitsTheSessionSuite) {
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(test::client_config(1), server);
        ASSERT_EQ(s.cipher_suite(), CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        SCOPED_TRACE(tickets ? "by ticket" : "by session ID");
        expect_refused(answer(server, resumption_offer(s, {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384}, true)),
                       Reason::session_cipher_suite_not_offered, Alert::illegal_parameter);
    }
}

// The check applies to a session the server would resume: an unknown
// session ID cannot be judged, and a session this server no longer resumes
// (another server name) means a full handshake with the client's list.
TEST(Resumption, OfferWithoutTheSuiteOfAnUnresumableSessionIsAFullHandshake) {
    auto server = server_with(true, false);
    Session s = first_session(test::client_config(1), server);
    const std::vector<CipherSuite> other = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};
    msg::ClientHello unknown = resumption_offer(s, other, true);
    unknown.session_id[0] ^= 0x01;
    msg::ClientHello renamed = resumption_offer(s, other, true);
    renamed.server_name = "other.example";
    for (const msg::ClientHello& hello : {unknown, renamed}) {
        auto a = answer(server, hello);
        ASSERT_FALSE(a.server->error()) << a.server->error()->message();
        ASSERT_GE(a.sent.size(), 2u);
        EXPECT_EQ(a.sent[1], "Certificate");
        EXPECT_EQ(*a.server->info().cipher_suite, other[0]);
    }
}

// Our client does not offer a session whose suite it no longer enables (it
// would break the same rule): a full handshake, no session ID or ticket offered.
TEST(Resumption, ClientDoesNotOfferASessionWhoseSuiteItNoLongerEnables) {
    for (bool tickets : {false, true}) {
        auto server = server_with(!tickets, tickets);
        Session s = first_session(test::client_config(1), server);
        auto narrower = test::client_config(1);
        narrower->cipher_suites = {CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};
        narrower->versions = {ProtocolVersion::tls12};
        ASSERT_NE(s.cipher_suite(), narrower->cipher_suites[0]);
        LoopbackPair pair(narrower, server);
        pair.client = ClientConnection(narrower, "localhost", s);
        std::vector<std::uint8_t> hello;
        pair.tamper = [&](Direction d, std::vector<std::uint8_t>& b) {
            if (d == Direction::to_server && hello.empty()) hello = b;
        };
        ASSERT_TRUE(pair.handshake()) << (pair.server.error() ? pair.server.error()->message() : "");
        expect_full(pair);
        const auto& offered = tickets ? s.impl().s.ticket : s.impl().s.session_id;
        ASSERT_FALSE(offered.empty());
        EXPECT_EQ(std::search(hello.begin(), hello.end(), offered.begin(), offered.end()), hello.end()) << tickets;
    }
}

// A server that resumes with another suite than the session's: the client
// refuses (RFC 5246 §7.4.1.3) with illegal_parameter.
TEST(Resumption, ClientRejectsDifferentSuite) {
    auto client = test::client_config(1);
    auto server = server_with(true, false);
    Session s = first_session(client, server);
    ASSERT_EQ(s.cipher_suite(), CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    session::Session12 other = s.impl().s;
    other.suite = CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
    ASSERT_TRUE(server->session_cache->impl().cache.put(s.session_id(), other));
    LoopbackPair pair(client, server);
    pair.client = ClientConnection(client, "localhost", s);
    EXPECT_FALSE(pair.handshake());
    ASSERT_TRUE(pair.client.error());
    EXPECT_EQ(pair.client.error()->alert, Alert::illegal_parameter);
}

// strip_ems removes the empty extended_master_secret extension (0x0017) from
// the ServerHello at the start of `bytes`, fixing the three lengths around it.
bool strip_ems(std::vector<std::uint8_t>& b) {
    if (b.size() < 5 + 4 + 38 || b[0] != 22 || b[5] != 2) return false;
    std::size_t p = 5 + 4 + 2 + 32;
    p += 1 + b[p];   // session_id
    p += 2 + 1;      // cipher_suite, compression_method
    const std::size_t ext_len_at = p;
    const std::size_t end = p + 2 + (std::size_t(b[p]) << 8 | b[p + 1]);
    for (p += 2; p + 4 <= end;) {
        const unsigned type = unsigned(b[p]) << 8 | b[p + 1];
        const std::size_t len = std::size_t(b[p + 2]) << 8 | b[p + 3];
        if (type == 0x0017 && len == 0) {
            b.erase(b.begin() + long(p), b.begin() + long(p + 4));
            auto dec = [&](std::size_t at, int width) {
                std::size_t v = 0;
                for (int i = 0; i < width; ++i) v = v << 8 | b[at + std::size_t(i)];
                v -= 4;
                for (int i = width - 1; i >= 0; --i, v >>= 8) b[at + std::size_t(i)] = std::uint8_t(v);
            };
            dec(ext_len_at, 2);
            dec(6, 3);
            dec(3, 2);
            return true;
        }
        p += 4 + len;
    }
    return false;
}

// RFC 7627 §5.3: a server that resumes an EMS session without EMS in its
// ServerHello is refused by the client with handshake_failure.
TEST(Resumption, ClientRejectsResumptionWithoutEms) {
    auto client = test::client_config(1);
    auto server = server_with(true, false);
    Session s = first_session(client, server);
    ASSERT_TRUE(s.extended_master_secret());
    LoopbackPair pair(client, server);
    pair.client = ClientConnection(client, "localhost", s);
    bool stripped = false;
    pair.tamper = [&](Direction d, std::vector<std::uint8_t>& b) {
        if (d == Direction::to_client && !stripped) stripped = strip_ems(b);
    };
    EXPECT_FALSE(pair.handshake());
    EXPECT_TRUE(stripped);
    ASSERT_TRUE(pair.client.error());
    EXPECT_EQ(pair.client.error()->alert, Alert::handshake_failure) << pair.client.error()->message();
    EXPECT_EQ(pair.client.error()->reason, Reason::extended_master_secret_mismatch);
}

// RFC 7627 §5.3, the reverse: the client kept a session made without EMS and
// the server resumes it with EMS in its ServerHello: handshake_failure.
TEST(Resumption, ClientRejectsResumptionThatAddsEms) {
    auto client = test::client_config(1);
    auto server = server_with(true, false);
    Session s = first_session(client, server);
    Session without = edited(s, [](session::Session12& x) { x.extended_master_secret = false; });
    LoopbackPair pair(client, server);
    pair.client = ClientConnection(client, "localhost", without);
    EXPECT_FALSE(pair.handshake());
    ASSERT_TRUE(pair.client.error());
    EXPECT_EQ(pair.client.error()->reason, Reason::extended_master_secret_mismatch) << pair.client.error()->message();
    EXPECT_EQ(pair.client.error()->alert, Alert::handshake_failure);
    ASSERT_TRUE(pair.server.error());
    EXPECT_EQ(pair.server.error()->reason, Reason::peer_alert);
    EXPECT_EQ(pair.server.error()->alert, Alert::handshake_failure);
}

// A NewSessionTicket the server did not announce is unexpected_message.
TEST(Resumption, ClientRejectsUnannouncedTicket) {
    auto client = test::client_config(1);
    client->session_tickets = false;   // no extension: the server may not send a ticket
    auto server = server_with(false, true);
    LoopbackPair pair(client, server);
    bool injected = false;
    pair.tamper = [&](Direction d, std::vector<std::uint8_t>& b) {
        // Before the server's ChangeCipherSpec (its first record of type 20).
        if (d != Direction::to_client || injected || b.empty() || b[0] != 20) return;
        const auto nst = msg::encode_message(msg::NewSessionTicket12{7200, std::vector<std::uint8_t>(48, 0x7e)});
        std::vector<std::uint8_t> rec{22, 3, 3, 0, static_cast<std::uint8_t>(nst.size())};
        rec.insert(rec.end(), nst.begin(), nst.end());
        b.insert(b.begin(), rec.begin(), rec.end());
        injected = true;
    };
    EXPECT_FALSE(pair.handshake());
    EXPECT_TRUE(injected);
    ASSERT_TRUE(pair.client.error());
    EXPECT_EQ(pair.client.error()->alert, Alert::unexpected_message) << pair.client.error()->message();
}

TEST(Resumption, SessionNotAvailableBeforeHandshake) {
    ClientConnection c(test::client_config(1), "localhost");
    EXPECT_FALSE(c.session());
}

}  // namespace
}  // namespace tlspp
