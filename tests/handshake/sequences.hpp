// The accepted TLS 1.2 message orders per handshake shape (s2n's handshakes[]),
// real encoded messages of every kind, and a machine-level loopback that stops
// a state machine in any of its states. Used by unexpected_message_test.cpp
// and bad_input_test.cpp.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "handshake/client.hpp"
#include "handshake/reassembler.hpp"
#include "handshake/server.hpp"
#include "msg/handshake.hpp"
#include "session/public.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp::test {

// ---- the table ---------------------------------------------------------

// Sequence is one handshake shape: what each side receives, in order
// ("ChangeCipherSpec" included), and the state it waits in before each.
struct Step12 {
    const char* state;     // state_name() before the input
    const char* input;     // message_name() of the accepted input
};
// Setup is what a MachinePair needs to take a shape: the server's session
// cache or ticket keys, and a session the client offers (from a first handshake).
enum class Setup {
    plain,                   // default configs: no resumption on the server
    tickets,                 // the server issues session tickets
    resume_id,               // the client offers a session the server has cached
    resume_ticket_renewed,   // the client offers a ticket under a retired key: resumed, new ticket
};

struct Sequence {
    const char* shape;
    std::vector<Step12> client;   // what the client receives
    std::vector<Step12> server;   // what the server receives
    Setup setup = Setup::plain;
};

inline const std::vector<Sequence>& sequences12() {
    static const std::vector<Sequence> table = {
        {"full",
         {{"client12: expect ServerHello", "ServerHello"},
          {"client12: expect Certificate", "Certificate"},
          {"client12: expect ServerKeyExchange", "ServerKeyExchange"},
          {"client12: expect CertificateRequest or ServerHelloDone", "ServerHelloDone"},
          {"client12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"client12: expect Finished", "Finished"}},
         {{"server12: expect ClientHello", "ClientHello"},
          {"server12: expect ClientKeyExchange", "ClientKeyExchange"},
          {"server12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"server12: expect Finished", "Finished"}}},
        // The server asks for a certificate; the client has none and sends an
        // empty Certificate (RFC 5246 §7.4.6), then goes on as in "full".
        // tlspp's server does not ask yet, so this shape is reached by feeding
        // the client a CertificateRequest, and listed up to where it differs.
        {"full, certificate requested",
         {{"client12: expect ServerHello", "ServerHello"},
          {"client12: expect Certificate", "Certificate"},
          {"client12: expect ServerKeyExchange", "ServerKeyExchange"},
          {"client12: expect CertificateRequest or ServerHelloDone", "CertificateRequest"},
          {"client12: expect ServerHelloDone", "ServerHelloDone"}},
         {}},
        // RFC 5077 §3.3: the server acknowledged the session_ticket
        // extension; its NewSessionTicket comes before its ChangeCipherSpec.
        {"full, session ticket",
         {{"client12: expect ServerHello", "ServerHello"},
          {"client12: expect Certificate", "Certificate"},
          {"client12: expect ServerKeyExchange", "ServerKeyExchange"},
          {"client12: expect CertificateRequest or ServerHelloDone", "ServerHelloDone"},
          {"client12: expect NewSessionTicket", "NewSessionTicket"},
          {"client12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"client12: expect Finished", "Finished"}},
         {{"server12: expect ClientHello", "ClientHello"},
          {"server12: expect ClientKeyExchange", "ClientKeyExchange"},
          {"server12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"server12: expect Finished", "Finished"}},
         Setup::tickets},
        // RFC 5246 §7.3 abbreviated handshake: the server's ChangeCipherSpec
        // and Finished come first, then the client's.
        {"resumed",
         {{"client12: expect ServerHello", "ServerHello"},
          {"client12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"client12: expect Finished", "Finished"}},
         {{"server12: expect ClientHello", "ClientHello"},
          {"server12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"server12: expect Finished", "Finished"}},
         Setup::resume_id},
        // Resumed by a ticket under a retired key: the server renews it.
        {"resumed, session ticket renewed",
         {{"client12: expect ServerHello", "ServerHello"},
          {"client12: expect NewSessionTicket", "NewSessionTicket"},
          {"client12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"client12: expect Finished", "Finished"}},
         {{"server12: expect ClientHello", "ClientHello"},
          {"server12: expect ChangeCipherSpec", "ChangeCipherSpec"},
          {"server12: expect Finished", "Finished"}},
         Setup::resume_ticket_renewed},
    };
    return table;
}

// setup_for is the setup of the first shape in which `state` receives
// something: what a MachinePair needs to reach that state.
inline Setup setup_for(bool client, std::string_view state) {
    for (const auto& seq : sequences12())
        for (const auto& step : client ? seq.client : seq.server)
            if (state == step.state) return seq.setup;
    return Setup::plain;
}

// After the handshake: what a connected machine still accepts.
// RFC 5246 §7.4.1.1: HelloRequest (a client answers no_renegotiation);
// RFC 5746 §4.4: a server may refuse a renegotiating ClientHello.
inline const std::map<std::string, std::set<std::string>>& accepted_when_connected() {
    static const std::map<std::string, std::set<std::string>> m = {
        {"client12: connected", {"HelloRequest"}},
        {"server12: connected", {"ClientHello"}},
    };
    return m;
}

// accepted gives, per state name, every input some sequence accepts there.
inline std::map<std::string, std::set<std::string>> accepted_inputs(bool client) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& seq : sequences12())
        for (const auto& step : client ? seq.client : seq.server) out[step.state].insert(step.input);
    for (const auto& [state, inputs] : accepted_when_connected())
        if ((state.rfind("client12", 0) == 0) == client) out[state].insert(inputs.begin(), inputs.end());
    return out;
}

// ---- real messages -------------------------------------------------------

using Bytes = std::vector<std::uint8_t>;

struct Record {
    ContentType type;
    Bytes data;   // the fragment as sent (protected after ChangeCipherSpec)
};

// Capture is every record of one real loopback handshake (P-256 server,
// fixed randomness), then one application data record each way.
struct Capture {
    std::vector<Record> to_server, to_client;
};

inline std::vector<Record> split_records(const Bytes& stream) {
    std::vector<Record> out;
    for (std::size_t i = 0; i + 5 <= stream.size();) {
        const std::size_t len = std::size_t(stream[i + 3]) << 8 | stream[i + 4];
        out.push_back({static_cast<ContentType>(stream[i]),
                       Bytes(stream.begin() + long(i + 5), stream.begin() + long(i + 5 + len))});
        i += 5 + len;
    }
    return out;
}

inline Capture capture_handshake() {
    Bytes to_server, to_client;
    LoopbackPair pair(client_config(1), server_config(pki().server_p256, 2));
    pair.tamper = [&](Direction d, std::vector<std::uint8_t>& bytes) {
        auto& log = d == Direction::to_server ? to_server : to_client;
        log.insert(log.end(), bytes.begin(), bytes.end());
    };
    EXPECT_TRUE(pair.handshake());
    static constexpr std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
    EXPECT_EQ(pair.client_to_server(ping).size(), 4u);
    EXPECT_EQ(pair.server_to_client(ping).size(), 4u);
    return {split_records(to_server), split_records(to_client)};
}

// The plaintext handshake messages (4-byte header + body) of one direction:
// those before its ChangeCipherSpec.
inline std::vector<Bytes> plaintext_messages(const std::vector<Record>& records) {
    Bytes data;
    for (const auto& r : records) {
        if (r.type == ContentType::change_cipher_spec) break;
        if (r.type == ContentType::handshake) data.insert(data.end(), r.data.begin(), r.data.end());
    }
    std::vector<Bytes> out;
    for (std::size_t i = 0; i + 4 <= data.size();) {
        const std::size_t len = std::size_t(data[i + 1]) << 16 | std::size_t(data[i + 2]) << 8 | data[i + 3];
        out.emplace_back(data.begin() + long(i), data.begin() + long(i + 4 + len));
        i += 4 + len;
    }
    return out;
}

// One encoded message of every TLS 1.2 handshake type: those a real
// handshake sends are captured from it, the rest (which tlspp's peers do not
// send yet) come from the message encoders. Keyed by message_name().
inline std::map<std::string, Bytes> encoded_messages(const Capture& cap) {
    std::map<std::string, Bytes> out;
    for (const auto* dir : {&cap.to_server, &cap.to_client})
        for (const Bytes& m : plaintext_messages(*dir)) {
            auto decoded =
                msg::decode_message(ProtocolVersion::tls12, static_cast<HandshakeType>(m[0]), std::span(m).subspan(4));
            EXPECT_TRUE(decoded) << "captured message does not decode";
            if (decoded) out[std::string(msg::message_name(*decoded))] = m;
        }
    out["HelloRequest"] = msg::encode_message(msg::HelloRequest{});
    msg::CertificateRequest request;
    request.certificate_types = {64, 1};
    request.signature_schemes = {SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::rsa_pss_rsae_sha256};
    out["CertificateRequest"] = msg::encode_message(request);
    out["CertificateVerify"] =
        msg::encode_message(msg::CertificateVerify{SignatureScheme::ecdsa_secp256r1_sha256, Bytes(70, 0x30)});
    out["Finished"] = msg::encode_message(msg::Finished{Bytes(12, 0xf1)});
    out["NewSessionTicket"] = msg::encode_message(msg::NewSessionTicket12{7200, Bytes(48, 0x7e)});
    return out;
}

// Every input a TLS 1.2 machine can be given, decoded from real encodings.
inline std::map<std::string, msg::Message> all_inputs(const Capture& cap) {
    std::map<std::string, msg::Message> out;
    for (const auto& [name, m] : encoded_messages(cap)) {
        auto decoded =
            msg::decode_message(ProtocolVersion::tls12, static_cast<HandshakeType>(m[0]), std::span(m).subspan(4));
        if (decoded) out.emplace(name, std::move(*decoded));
    }
    out.emplace("ChangeCipherSpec", msg::ChangeCipherSpec{});
    return out;
}

// ---- a machine-level loopback -------------------------------------------

// Side is one end without the connection core: record layer, reassembler,
// transcript and machine, wired as conn/core.cpp wires them. The machine
// can be stopped in any state and handed any input.
template <class Machine>
struct Side {
    template <class Config, class... Args>
    explicit Side(std::shared_ptr<Config> config, Args&&... args)
        : random(config->random), clock(config->clock), machine(config, std::forward<Args>(args)...) {}

    handshake::Step step() { return handshake::Step(records, transcript, *random, *clock, info, nullptr); }

    // give dispatches one input as the core would (transcript first).
    Status give(const msg::Message& input, std::span<const std::uint8_t> encoded) {
        handshake::Step s = step();
        if (!encoded.empty()) {
            const auto type = static_cast<HandshakeType>(encoded[0]);
            if ((type == HandshakeType::finished || type == HandshakeType::certificate_verify) &&
                transcript.hash_started())
                s.set_hash_before(transcript.hash());
            if (type != HandshakeType::hello_request) transcript.add(encoded);
        }
        return machine.handle(input, s);
    }

    // receive hands over one whole encoded message as the core does: the
    // state judges its type, then its body is decoded and given.
    Status receive(std::span<const std::uint8_t> encoded) {
        auto input = handshake::read_message(machine, static_cast<HandshakeType>(encoded[0]), encoded.subspan(4));
        if (!input) return std::move(input).error();
        return give(*input, encoded);
    }

    std::shared_ptr<RandomSource> random;
    std::shared_ptr<Clock> clock;
    record::RecordLayer records;
    handshake::Reassembler reassembler;
    handshake::Transcript transcript;
    SessionInfo info;
    Machine machine;
};

// The configs (and offered session) of a MachinePair for a Setup.
struct PairConfigs {
    std::shared_ptr<ClientConfig> client;
    std::shared_ptr<ServerConfig> server;
    std::optional<session::Session12> resume;
};
inline PairConfigs configs_for(Setup setup);

// MachinePair runs a real handshake at the machine level, message by message.
struct MachinePair {
    explicit MachinePair(Setup setup = Setup::plain) : MachinePair(configs_for(setup)) {}
    explicit MachinePair(PairConfigs c)
        : client(c.client, std::string("localhost"), std::move(c.resume)), server(c.server) {
        handshake::Step s = client.step();
        EXPECT_TRUE(client.machine.start(s));
    }

    // deliver moves every pending record of `from` into `to` and dispatches
    // `to`'s inputs one by one until `stop()` is true before an input; what
    // is left stays buffered in `to` for the next call. Returns whether
    // anything moved or was dispatched.
    template <class From, class To, class Stop>
    bool deliver(Side<From>& from, Side<To>& to, Stop&& stop) {
        bool progress = false;
        auto out = from.records.output();
        if (!out.empty()) {
            Bytes bytes(out.begin(), out.end());
            from.records.consume_output(bytes.size());
            to.records.feed(bytes);
            progress = true;
        }
        while (true) {
            while (true) {
                if (stop()) return progress;
                auto m = to.reassembler.next();
                if (!m || !*m) break;
                const Bytes encoded((*m)->encoded.begin(), (*m)->encoded.end());
                EXPECT_TRUE(to.receive(encoded)) << to.machine.state_name();
                progress = true;
            }
            if (stop()) return progress;
            auto rec = to.records.next_incoming();
            if (!rec || !*rec) return progress;
            progress = true;
            if ((*rec)->type == ContentType::change_cipher_spec) {
                EXPECT_TRUE(to.give(msg::ChangeCipherSpec{}, {})) << to.machine.state_name();
            } else if ((*rec)->type == ContentType::handshake) {
                EXPECT_TRUE(to.reassembler.feed((*rec)->data));
            }
        }
    }

    // run_until pumps until the client (or server) machine is in `state`.
    // Returns false if the handshake ended first.
    bool run_until(bool in_client, std::string_view state) {
        auto at = [&] { return (in_client ? client.machine.state_name() : server.machine.state_name()) == state; };
        for (int round = 0; round < 16; ++round) {
            if (at()) return true;
            bool moved = deliver(client, server, at);
            if (at()) return true;
            moved |= deliver(server, client, at);
            if (!moved) break;
        }
        return at();
    }

    Side<handshake::Client> client;
    Side<handshake::Server> server;
};

inline PairConfigs configs_for(Setup setup) {
    PairConfigs c{client_config(1), server_config(pki().server_p256, 2), std::nullopt};
    // The sequences below are TLS 1.2's, state by state.
    c.client->versions = {ProtocolVersion::tls12};
    c.server->versions = {ProtocolVersion::tls12};
    if (setup == Setup::plain) return c;
    if (setup == Setup::resume_id) c.server->session_cache = std::make_shared<ServerSessionCache>();
    else c.server->ticket_keys = std::make_shared<TicketKeys>();
    if (setup == Setup::tickets) return c;
    // A first, full handshake makes the session the client offers.
    MachinePair first(PairConfigs{c.client, c.server, std::nullopt});
    EXPECT_TRUE(first.run_until(true, "client12: connected"));
    EXPECT_TRUE(first.run_until(false, "server12: connected"));
    c.resume = first.client.machine.session();
    EXPECT_TRUE(c.resume.has_value());
    if (setup == Setup::resume_ticket_renewed) c.server->ticket_keys->rotate();
    return c;
}

}  // namespace tlspp::test
