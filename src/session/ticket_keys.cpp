// session/ticket_keys.cpp: AES-256-GCM ticket sealing under rotating, named keys.
#include "session/ticket_keys.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace tlspp::session {

TicketKeys::TicketKeys(std::shared_ptr<RandomSource> random, Time now, Options options)
    : random_(std::move(random)), options_(options) {
    if (options_.rotation_interval.count() <= 0) {
        std::fputs("tlspp: TicketKeys rotation_interval must be positive\n", stderr);
        std::abort();
    }
    keys_.push_front(make_key(now));
}

// Each AeadKey's destructor frees its EVP_CIPHER_CTX, which clears the
// expanded key; the raw key bytes never outlive make_key().
TicketKeys::~TicketKeys() = default;

TicketKeys::Key TicketKeys::make_key(Time now) {
    crypto::SecretBytes secret(crypto::aead_key_length(crypto::AeadAlg::aes_256_gcm));
    KeyName name{};
    random_->fill(secret.span());
    random_->fill(name);
    auto aead = crypto::AeadKey::create(crypto::AeadAlg::aes_256_gcm, secret);
    if (!aead) {   // only with a wrong key length: a bug here
        std::fputs("tlspp: cannot set up a ticket key\n", stderr);
        std::abort();
    }
    return Key{name, std::move(*aead), now, std::nullopt};
}

void TicketKeys::rotate_locked(Time now) {
    // A key is retired as of the end of its interval even when the rotation
    // comes later: rotation is lazy (the first seal or open after it is due),
    // and after an idle spell a key current for longer than rotation_interval
    // must not open for a further previous_keys intervals, or its tickets
    // would outlive the window promised in ticket_keys.hpp (found by the
    // `ticket` fuzz target).
    Key& current = keys_.front();
    current.retired = std::min(now, current.created + options_.rotation_interval);
    keys_.push_front(make_key(now));
    while (keys_.size() > 1 + options_.previous_keys) keys_.pop_back();
}

void TicketKeys::maybe_rotate(Time now) {
    if (now - keys_.front().created >= options_.rotation_interval) rotate_locked(now);
    const auto keep_for = options_.rotation_interval * static_cast<long long>(options_.previous_keys);
    while (keys_.size() > 1 && now - *keys_.back().retired >= keep_for) keys_.pop_back();
}

void TicketKeys::rotate(Time now) {
    std::lock_guard lock(mutex_);
    rotate_locked(now);
}

Result<std::vector<std::uint8_t>> TicketKeys::seal(std::span<const std::uint8_t> plaintext, Time now) {
    if (plaintext.size() > kMaxTicketLength - kOverhead)
        return make_error(Reason::internal_error, "ticket: " + std::to_string(plaintext.size()) +
                                                      " bytes of session do not fit in a 65535-byte ticket");
    std::vector<std::uint8_t> ticket(kOverhead + plaintext.size());
    const auto name = std::span(ticket).first(kKeyNameLength);
    const auto nonce = std::span(ticket).subspan(kKeyNameLength).first<kNonceLength>();
    const auto body = std::span(ticket).subspan(kKeyNameLength + kNonceLength, plaintext.size());
    const auto tag = std::span(ticket).last<kTagLength>();
    std::copy(plaintext.begin(), plaintext.end(), body.begin());

    std::lock_guard lock(mutex_);
    maybe_rotate(now);
    Key& key = keys_.front();
    std::copy(key.name.begin(), key.name.end(), name.begin());
    random_->fill(nonce);
    key.aead.seal(nonce, name, body, tag);
    return ticket;
}

std::optional<TicketKeys::Opened> TicketKeys::open(std::span<const std::uint8_t> ticket, Time now) {
    if (ticket.size() < kOverhead) return std::nullopt;
    const auto name = ticket.first(kKeyNameLength);
    const auto nonce = ticket.subspan(kKeyNameLength).first<kNonceLength>();
    const auto body = ticket.subspan(kKeyNameLength + kNonceLength, ticket.size() - kOverhead);
    const auto tag = ticket.last<kTagLength>();

    std::lock_guard lock(mutex_);
    maybe_rotate(now);
    // Key names are public (they travel in the clear), so the search need not be constant time.
    auto key = std::find_if(keys_.begin(), keys_.end(),
                            [&](const Key& k) { return std::equal(name.begin(), name.end(), k.name.begin()); });
    if (key == keys_.end()) return std::nullopt;
    Opened out{crypto::SecretBytes(body), key != keys_.begin()};
    if (!key->aead.open(nonce, name, out.plaintext.span(), tag)) return std::nullopt;   // plaintext wiped
    return out;
}

TicketKeys::KeyName TicketKeys::current_key_name() const {
    std::lock_guard lock(mutex_);
    return keys_.front().name;
}

std::size_t TicketKeys::key_count() const {
    std::lock_guard lock(mutex_);
    return keys_.size();
}

}  // namespace tlspp::session
