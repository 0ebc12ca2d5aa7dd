// session/session.cpp: Session12 expiry, its binary form and its PEM armour.
#include "session/session.hpp"

#include "wire/reader.hpp"
#include "wire/writer.hpp"

namespace tlspp::session {

namespace {

constexpr std::size_t kMasterSecretLength = 48;
constexpr std::uint8_t kFlagEms = 0x01;
constexpr std::uint8_t kFlagEtm = 0x02;
constexpr std::uint64_t kCreatedLimit = std::uint64_t{1} << 33;   // ~ year 2242; keeps chrono in range
constexpr std::string_view kBegin = "-----BEGIN TLSPP SESSION-----";
constexpr std::string_view kEnd = "-----END TLSPP SESSION-----";

// The fixed-length fields of format version 1 (see session.hpp): version 1,
// suite 2, master secret 1 + 48, flags 1, the u16 lengths of server_name and
// alpn 2 + 2, created 8, lifetime 4, the u24 length of peer_chain 3, the u8
// length of session_id 1, the u16 length of ticket 2, ticket_lifetime_hint 4.
constexpr std::size_t kFixedLength = 1 + 2 + 1 + kMasterSecretLength + 1 + 2 + 2 + 8 + 4 + 3 + 1 + 2 + 4;

// wipe clears memory that held the master secret (or its base64) before it
// is freed; volatile so the stores stay.
void wipe(void* data, std::size_t size) {
    volatile std::uint8_t* p = static_cast<std::uint8_t*>(data);
    for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}
void wipe(std::vector<std::uint8_t>& v) { wipe(v.data(), v.capacity()); }
void wipe(std::string& s) { wipe(s.data(), s.capacity()); }

std::span<const std::uint8_t> as_bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::span<const std::uint8_t> in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const std::uint32_t v = std::uint32_t{in[i]} << 16 | std::uint32_t{in[i + 1]} << 8 | in[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
    }
    if (const std::size_t left = in.size() - i; left > 0) {
        std::uint32_t v = std::uint32_t{in[i]} << 16;
        if (left == 2) v |= std::uint32_t{in[i + 1]} << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += left == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// unbase64 decodes strict base64 (RFC 4648 §4, padded), skipping whitespace.
// `chars` is reserved up front and wiped on return: it is the session in
// base64, master secret included.
bool unbase64(std::string_view text, std::vector<std::uint8_t>& out) {
    std::string chars;
    chars.reserve(text.size());
    struct Wiper {
        std::string& s;
        ~Wiper() { wipe(s); }
    } wiper{chars};
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') chars += c;
    if (chars.size() % 4 != 0) return false;
    out.reserve(chars.size() / 4 * 3);
    for (std::size_t i = 0; i < chars.size(); i += 4) {
        const bool last = i + 4 == chars.size();
        int v[4];
        int pad = 0;
        for (int j = 0; j < 4; ++j) {
            const char c = chars[i + j];
            if (c == '=' && last && j >= 2) {
                v[j] = 0, ++pad;
                continue;
            }
            if (pad) return false;   // data after '='
            v[j] = base64_value(c);
            if (v[j] < 0) return false;
        }
        const std::uint32_t n = std::uint32_t(v[0]) << 18 | std::uint32_t(v[1]) << 12 | std::uint32_t(v[2]) << 6 |
                                std::uint32_t(v[3]);
        // Bits below the last full byte must be zero (one encoding per input).
        if ((pad == 1 && (n & 0xff)) || (pad == 2 && (n & 0xffff))) return false;
        out.push_back(static_cast<std::uint8_t>(n >> 16));
        if (pad < 2) out.push_back(static_cast<std::uint8_t>(n >> 8));
        if (pad < 1) out.push_back(static_cast<std::uint8_t>(n));
    }
    return true;
}

Error too_long(std::string_view field, std::size_t size) {
    return make_error(Reason::internal_error,
                      "session: " + std::string(field) + " is " + std::to_string(size) + " bytes, too long to store");
}

}  // namespace

bool Session12::expired(Time now) const {
    if (now < created) return true;
    return now - created >= lifetime;
}

Result<crypto::SecretBytes> serialize(const Session12& s) {
    if (s.master_secret.size() != kMasterSecretLength)
        return make_error(Reason::internal_error,
                          "session: master secret is " + std::to_string(s.master_secret.size()) + " bytes, not 48");
    if (s.server_name.size() > 0xffff) return too_long("server_name", s.server_name.size());
    if (s.alpn.size() > 0xffff) return too_long("alpn", s.alpn.size());
    if (s.session_id.size() > 32) return too_long("session_id", s.session_id.size());
    if (s.ticket.size() > 0xffff) return too_long("ticket", s.ticket.size());
    std::size_t chain_size = 0;
    for (const auto& cert : s.peer_chain) {
        if (cert.empty() || cert.size() > 0xffffff) return too_long("a certificate", cert.size());
        chain_size += 3 + cert.size();
    }
    if (chain_size > 0xffffff) return too_long("peer_chain", chain_size);
    const auto created = std::chrono::duration_cast<std::chrono::seconds>(s.created.time_since_epoch()).count();
    if (created < 0 || static_cast<std::uint64_t>(created) >= kCreatedLimit)
        return make_error(Reason::internal_error, "session: created time out of range");
    if (s.lifetime.count() < 0 || s.lifetime.count() > 0xffffffff)
        return make_error(Reason::internal_error, "session: lifetime out of range");

    // Reserved to the exact length up front so the vector never reallocates
    // and leaves a copy of the master secret behind in freed memory. (It used
    // to reserve 64 bytes for the fixed fields, which take 79: the last
    // fields reallocated it; tests/handshake/secrets_hygiene_test.cpp.)
    const std::size_t length = kFixedLength + s.server_name.size() + s.alpn.size() + chain_size +
                               s.session_id.size() + s.ticket.size();
    std::vector<std::uint8_t> out;
    out.reserve(length);
    const std::uint8_t* const storage = out.data();
    wire::Writer w(out);
    w.u8(kSessionFormatVersion);
    w.value(s.suite);
    w.u8_bytes(s.master_secret.view());
    w.u8((s.extended_master_secret ? kFlagEms : 0) | (s.encrypt_then_mac ? kFlagEtm : 0));
    w.u16_bytes(as_bytes(s.server_name));
    w.u16_bytes(as_bytes(s.alpn));
    w.u64(static_cast<std::uint64_t>(created));
    w.u32(static_cast<std::uint32_t>(s.lifetime.count()));
    {
        auto chain = w.u24_block();
        for (const auto& cert : s.peer_chain) w.u24_bytes(cert);
    }
    w.u8_bytes(s.session_id);
    w.u16_bytes(s.ticket);
    w.u32(s.ticket_lifetime_hint);
    const bool exact = out.size() == length && out.data() == storage;
    crypto::SecretBytes result{std::span<const std::uint8_t>(out)};
    wipe(out);
    if (!exact) return make_error(Reason::internal_error, "session: serialized length differs from the computed one");
    return result;
}

Result<Session12> deserialize(std::span<const std::uint8_t> bytes) {
    constexpr std::string_view what = "session";
    wire::Reader r(bytes), secret, name, alpn, chain;
    std::uint8_t version = 0;
    if (!r.u8(version)) return wire::decode_error(what, r);
    if (version != kSessionFormatVersion)
        return wire::decode_error(what, Reason::invalid_encoding,
                                  "format version " + std::to_string(version) + " is not supported");
    Session12 s;
    std::uint8_t flags = 0;
    std::uint64_t created = 0;
    std::uint32_t lifetime = 0;
    if (!r.value(s.suite) || !r.u8_block(secret, kMasterSecretLength, kMasterSecretLength) || !r.u8(flags) ||
        !r.u16_block(name, 0, 0xffff) || !r.u16_block(alpn, 0, 0xffff) || !r.u64(created) || !r.u32(lifetime) ||
        !r.u24_block(chain, 0, 0xffffff))
        return wire::decode_error(what, r);
    s.master_secret = crypto::SecretBytes(secret.rest());
    if (flags & ~(kFlagEms | kFlagEtm))
        return wire::decode_error(what, Reason::invalid_encoding, "unknown flags " + std::to_string(flags));
    s.extended_master_secret = flags & kFlagEms;
    s.encrypt_then_mac = flags & kFlagEtm;
    s.server_name.assign(name.rest().begin(), name.rest().end());
    s.alpn.assign(alpn.rest().begin(), alpn.rest().end());
    if (created >= kCreatedLimit)
        return wire::decode_error(what, Reason::invalid_encoding, "created time out of range");
    s.created = Time(std::chrono::duration_cast<Time::duration>(std::chrono::seconds(created)));
    s.lifetime = std::chrono::seconds(lifetime);
    while (!chain.empty()) {
        CertificateDer cert;
        if (!chain.u24_bytes(cert, 1, 0xffffff)) return wire::decode_error("session peer_chain", chain);
        s.peer_chain.push_back(std::move(cert));
    }
    if (!r.u8_bytes(s.session_id, 0, 32) || !r.u16_bytes(s.ticket, 0, 0xffff) || !r.u32(s.ticket_lifetime_hint))
        return wire::decode_error(what, r);
    if (!r.empty())
        return wire::decode_error(what, Reason::trailing_bytes,
                                  std::to_string(r.remaining()) + " bytes after the end");
    return s;
}

Result<std::string> to_pem(const Session12& s) {
    auto bytes = serialize(s);
    if (!bytes) return std::move(bytes).error();
    // The base64 holds the master secret: the intermediate is wiped, and the
    // result is reserved whole so that it does not reallocate and leave
    // partial copies behind. The caller owns (and should wipe) the result.
    std::string b64 = base64(bytes->view());
    std::string out;
    out.reserve(kBegin.size() + 1 + b64.size() + (b64.size() + 63) / 64 + kEnd.size() + 1);
    out += kBegin;
    out += '\n';
    for (std::size_t i = 0; i < b64.size(); i += 64) {
        out.append(b64, i, 64);
        out += '\n';
    }
    out += kEnd;
    out += '\n';
    wipe(b64);
    return out;
}

Result<Session12> from_pem(std::string_view text) {
    const auto begin = text.find(kBegin);
    if (begin == std::string_view::npos)
        return wire::decode_error("session PEM", Reason::invalid_encoding, "no " + std::string(kBegin));
    const auto body_start = begin + kBegin.size();
    const auto end = text.find(kEnd, body_start);
    if (end == std::string_view::npos)
        return wire::decode_error("session PEM", Reason::invalid_encoding, "no " + std::string(kEnd));
    std::vector<std::uint8_t> bytes;
    if (!unbase64(text.substr(body_start, end - body_start), bytes)) {
        wipe(bytes);
        return wire::decode_error("session PEM", Reason::invalid_encoding, "the body is not base64");
    }
    auto session = deserialize(bytes);
    wipe(bytes);
    return session;
}

}  // namespace tlspp::session
