// explain/text.hpp: the annotated timeline: per message its direction, name,
// the fields that matter, and a sentence or two of what it does and why.
#pragma once

#include <span>
#include <string>

#include "explain/annotate.hpp"
#include "explain/phrases.hpp"
#include "explain/recorder.hpp"

namespace tlspp::explain {

struct TextOptions {
    Lang lang = Lang::en;
    bool color = false;          // ANSI colours (the CLI sets it when stdout is a terminal)
    bool show_secrets = false;   // print KeyEvent values of secrets; otherwise they never appear
    bool records = true;         // a line per record on the wire
    bool timing = true;          // "[  1.2 ms]" before messages
    std::size_t width = 80;      // wrap explanations at this display width
};

// shown says whether the timeline of `perspective` includes `event`: all of
// its own events, and the checks the other end made (when both ends feed the
// recorder, as in `tlspp explain`).
bool shown(const Stamped& event, Side perspective);

// TextRenderer renders events one at a time, so the CLI can print them as
// the handshake happens; it remembers the flight and which notes it gave.
class TextRenderer {
public:
    TextRenderer(Side perspective, TextOptions options) : perspective_(perspective), options_(options) {}

    // header is the title line: a TLS 1.3 handshake's when `tls13` (render_text
    // knows it from the events; a live renderer says so when the ServerHello
    // selects TLS 1.3).
    std::string header(bool tls13 = false);
    // render gives the lines for one event (ending in '\n'), or "" if it is not shown.
    std::string render(const Stamped& event);

private:
    std::string message(const MessageEvent& m, const Stamped& s);
    // fields lays out a field tree; `spot` locates `list` (its path is the parent's).
    std::string fields(const std::vector<Field>& list, FieldSpot spot);
    // explanation wraps `text` at `indent`, lines after the first `hang` columns further in.
    std::string explanation(std::string_view text, std::size_t indent, std::size_t hang = 0) const;
    std::string paint(std::string_view text, std::string_view code) const;
    std::string time_prefix(const Stamped& s) const;
    // once says whether the note `key` is still to be given (and marks it given).
    bool once(const std::string& key);


    Side perspective_;
    TextOptions options_;
    int flight_ = 0;
    std::optional<Side> last_sender_;
    std::vector<std::string> explained_keys_;
    HandshakeContext context_;
    bool header_tls13_ = false;   // the header named TLS 1.3, or a line said it was negotiated
};

std::string render_text(std::span<const Stamped> events, Side perspective, const TextOptions& options);

// abbreviate shortens a long hex value to "0123456789abcdef…89abcdef (48 bytes)"
// (the unit in `lang`); other values over `limit` characters end in "…".
std::string abbreviate(const std::string& value, std::size_t limit = 96, Lang lang = Lang::en);

// explanation_of gives the explanation of a message in its context (the
// first of message_keys that has a phrase), or "".
std::string_view explanation_of(Lang lang, const HandshakeContext& context, const MessageEvent& m, Side from);

// key_change_line is the text of a key change: which direction is now
// protected, with which AEAD and (TLS 1.3) from which traffic secret.
std::string key_change_line(Lang lang, const KeyChangeEvent& e, Side from, std::string_view secret);

// key_schedule_ladder is the TLS 1.3 key schedule as a ladder (RFC 8446
// §7.1): a title, one paragraph per rung (early, handshake, master secret,
// with the traffic secrets each gives and what they protect), and last how
// the traffic secrets become keys.
std::vector<std::string_view> key_schedule_ladder(Lang lang);

// check_line is a CheckEvent's text after its mark: "certificate chain: ok — trusted, …",
// in `lang`; `checker` is set when the other endpoint made the check.
std::string check_line(Lang lang, const CheckEvent& e, std::optional<Side> checker);

// wrap breaks `text` into lines of at most `width` display columns (CJK
// characters count two; a line may break between any two of them).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace tlspp::explain
