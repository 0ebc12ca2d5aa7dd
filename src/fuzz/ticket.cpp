// fuzz/ticket.cpp: the `ticket` entry point (entry.hpp): RFC 5077 session
// tickets (session::TicketKeys) and the serialized sessions inside them.
//
// The input is used four ways:
//   1. as a ticket a client sent: TicketKeys::open with fixed keys at the
//      fixed time. Only a ticket these keys sealed opens (the corpus has
//      some), and what opens is a serialized session;
//   2. as serialized session bytes (session::deserialize, the ticket
//      contents): whatever decodes must serialize back to the same bytes;
//   3. as a --sess-in file (session::from_pem): whatever decodes must survive
//      to_pem and from_pem again;
//   4. as the fields of a session (the one decoded in 2, or one built from
//      the bytes), which goes the server's way: ticket fields cleared,
//      serialize, seal at a time in the key's first interval; then
//        - opening at once gives the same bytes and the same session;
//        - the ticket with one bit flipped does not open;
//        - opened again later, it keeps the window ticket_keys.hpp promises:
//          it opens for at least previous_keys intervals after it was sealed
//          (with renew once its key is no longer current), and not at all
//          from previous_keys + 1 intervals on.
// Any broken promise aborts, so the target checks correctness, not only memory.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz/entry.hpp"
#include "fuzz/fixed.hpp"
#include "session/session.hpp"
#include "session/ticket_keys.hpp"

namespace tlspp::fuzz {

namespace {

using session::Session12;
using session::TicketKeys;
using Seconds = std::chrono::seconds;

constexpr Seconds kInterval = std::chrono::hours(1);
constexpr std::size_t kPreviousKeys = 2;

// Every input starts from the same keys: a fresh FixedRandom makes them.
std::unique_ptr<TicketKeys> fixed_keys() {
    TicketKeys::Options options;
    options.rotation_interval = kInterval;
    options.previous_keys = kPreviousKeys;
    return std::make_unique<TicketKeys>(std::make_shared<FixedRandom>(), fixed_now(), options);
}

// Input hands out the bytes from the front, and zeros once they run out.
class Input {
public:
    explicit Input(Bytes data) : data_(data) {}
    std::uint8_t u8() {
        if (data_.empty()) return 0;
        const std::uint8_t b = data_[0];
        data_ = data_.subspan(1);
        return b;
    }
    std::uint16_t u16() { return static_cast<std::uint16_t>(u8() << 8 | u8()); }
    std::uint32_t u32() { return std::uint32_t{u16()} << 16 | u16(); }
    std::uint64_t u64() { return std::uint64_t{u32()} << 32 | u32(); }
    std::vector<std::uint8_t> bytes(std::size_t n) {
        std::vector<std::uint8_t> out(n);
        for (auto& b : out) b = u8();
        return out;
    }

private:
    Bytes data_;
};

// session_from builds a session that serialize() can store (every length
// within its prefix), as the handshake would fill one in.
Session12 session_from(Input& in) {
    Session12 s;
    s.suite = static_cast<CipherSuite>(in.u16());
    s.master_secret = crypto::SecretBytes(std::span<const std::uint8_t>(in.bytes(48)));
    const std::uint8_t flags = in.u8();
    s.extended_master_secret = flags & 1;
    s.encrypt_then_mac = flags & 2;
    const auto name = in.bytes(in.u8());
    s.server_name.assign(name.begin(), name.end());
    const auto alpn = in.bytes(in.u8() % 32);
    s.alpn.assign(alpn.begin(), alpn.end());
    s.created = session::Time(Seconds(static_cast<std::int64_t>(in.u64() % (std::uint64_t{1} << 33))));
    s.lifetime = Seconds(in.u32());
    // Up to 3 certificates of up to 64 KiB: enough to pass the 65535-byte
    // ticket limit, which seal() must refuse cleanly.
    for (int n = in.u8() % 4; n > 0; --n) s.peer_chain.push_back(in.bytes(1 + std::size_t{in.u16()}));
    s.session_id = in.bytes(in.u8() % 33);
    s.ticket = in.bytes(in.u16() % 512);
    s.ticket_lifetime_hint = in.u32();
    return s;
}

bool same(const Session12& a, const Session12& b) {
    return a.suite == b.suite && std::ranges::equal(a.master_secret.view(), b.master_secret.view()) &&
           a.extended_master_secret == b.extended_master_secret && a.encrypt_then_mac == b.encrypt_then_mac &&
           a.server_name == b.server_name && a.alpn == b.alpn && a.created == b.created &&
           a.lifetime == b.lifetime && a.peer_chain == b.peer_chain && a.session_id == b.session_id &&
           a.ticket == b.ticket && a.ticket_lifetime_hint == b.ticket_lifetime_hint;
}

// round_trip takes `s` the way send_new_session_ticket and find_session do
// (handshake/server12/server_hello.cpp), with times and a bit to flip from `in`.
void round_trip(const Session12& s, Input& in) {
    Session12 contents = s;
    contents.ticket.clear();
    contents.ticket_lifetime_hint = 0;
    auto bytes = session::serialize(contents);
    if (!bytes) std::abort();   // every field is within its limits

    auto keys = fixed_keys();
    const auto sealed_at = fixed_now() + Seconds(in.u16() % kInterval.count());   // the first key's interval
    auto sealed = keys->seal(bytes->view(), sealed_at);
    if (bytes->size() > TicketKeys::kMaxTicketLength - TicketKeys::kOverhead) {
        if (sealed || sealed.error().reason != Reason::internal_error) std::abort();
        return;
    }
    if (!sealed || sealed->size() != bytes->size() + TicketKeys::kOverhead) std::abort();
    const auto name = keys->current_key_name();
    if (!std::equal(name.begin(), name.end(), sealed->begin())) std::abort();

    auto opened = keys->open(*sealed, sealed_at);
    if (!opened || opened->renew || !std::ranges::equal(opened->plaintext.view(), bytes->view())) std::abort();
    auto back = session::deserialize(opened->plaintext.view());
    if (!back || !same(*back, contents)) std::abort();

    // AES-GCM authenticates the key name, the nonce, the body and the tag.
    std::vector<std::uint8_t> tampered = *sealed;
    tampered[in.u32() % tampered.size()] ^= static_cast<std::uint8_t>(1u << (in.u8() % 8));
    if (keys->open(tampered, sealed_at)) std::abort();

    // Last, as it rotates the keys: the window of ticket_keys.hpp.
    const Seconds later(in.u32() % (5 * kInterval.count()));
    auto reopened = keys->open(*sealed, sealed_at + later);
    if (later < kInterval * static_cast<long long>(kPreviousKeys)) {
        if (!reopened || !std::ranges::equal(reopened->plaintext.view(), bytes->view())) std::abort();
        const bool rotated = sealed_at + later - fixed_now() >= kInterval;
        if (reopened->renew != rotated) std::abort();
    } else if (later >= kInterval * static_cast<long long>(kPreviousKeys + 1)) {
        if (reopened) std::abort();
    }
}

}  // namespace

std::vector<std::uint8_t> sealed_ticket(Bytes serialized_session) {
    auto sealed = fixed_keys()->seal(serialized_session, fixed_now());
    if (!sealed) std::abort();
    return std::move(*sealed);
}

void ticket(Bytes data) {
    // 1. A client's ticket.
    if (auto opened = fixed_keys()->open(data, fixed_now())) {
        if (opened->renew || !session::deserialize(opened->plaintext.view())) std::abort();
    }

    // 3. A --sess-in file.
    const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    if (auto from_file = session::from_pem(text)) {
        auto pem = session::to_pem(*from_file);
        if (!pem) std::abort();
        auto again = session::from_pem(*pem);
        if (!again || !same(*again, *from_file)) std::abort();
    }

    // 2 and 4. Ticket contents, then the server's round trip.
    Input in(data);
    if (auto decoded = session::deserialize(data)) {
        auto encoded = session::serialize(*decoded);
        if (!encoded || !std::ranges::equal(encoded->view(), data)) std::abort();
        round_trip(*decoded, in);
    } else {
        round_trip(session_from(in), in);
    }
}

}  // namespace tlspp::fuzz
