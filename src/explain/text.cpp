// explain/text.cpp: the annotated timeline (text.hpp). Words come from the
// phrase tables; this file only lays them out.
#include "explain/text.hpp"

#include <algorithm>
#include <cstdio>

#include "conn/describe.hpp"
#include "explain/localize.hpp"
#include "wire/escape.hpp"
#include "tlspp/types.hpp"

namespace tlspp::explain {

namespace {

constexpr std::string_view kBold = "1", kDim = "2", kRed = "31", kGreen = "32", kYellow = "33", kBlue = "34",
                           kMagenta = "35", kCyan = "36";
constexpr std::size_t kNameColumn = 24;

std::string side_label(Lang lang, Side side) {
    return std::string(phrase(lang, side == Side::client ? "ui.client" : "ui.server"));
}

bool is_hex(std::string_view s) {
    return !s.empty() && s.size() % 2 == 0 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Decodes one UTF-8 sequence at s[i]; returns its length and sets `wide` for CJK and fullwidth forms.
std::size_t utf8_char(std::string_view s, std::size_t i, bool& wide) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    len = std::min(len, s.size() - i);
    std::uint32_t cp = len == 1 ? c : c & (0x3f >> (len - 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
           (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
           (cp >= 0xffe0 && cp <= 0xffe6);
    return len;
}

bool is_closing_punctuation(std::string_view ch) {
    static constexpr std::string_view kClosing[] = {"，", "。", "：", "；", "、", "）", "」", "”", "！", "？", "》"};
    return std::find(std::begin(kClosing), std::end(kClosing), ch) != std::end(kClosing);
}

// The note under an alert: its own if the table has one, else the level's.
std::string_view alert_note(Lang lang, const AlertEvent& e) {
    std::string_view own = phrase(lang, "alert." + std::string(name(e.description)));
    if (!own.empty()) return own;
    return phrase(lang, e.level == AlertLevel::fatal ? "alert.level.fatal" : "alert.level.warning");
}

std::string ms_text(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", ms);
    return buf;
}

}  // namespace

std::string abbreviate(const std::string& value, std::size_t limit, Lang lang) {
    if (is_hex(value) && value.size() > 48)
        return value.substr(0, 16) + "…" + value.substr(value.size() - 8) +
               fill(phrase(lang, "ui.byte_count"), {{"n", std::to_string(value.size() / 2)}});
    if (value.size() <= limit) return value;
    // Cut at a character boundary.
    std::size_t cut = limit - 1;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xc0) == 0x80) --cut;
    return value.substr(0, cut) + "…";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line, word;
    std::size_t line_width = 0, word_width = 0;
    auto flush_word = [&] {
        if (word.empty()) return;
        bool space = !line.empty() && line.back() != ' ';
        if (line_width + word_width + (space ? 1 : 0) > width && !line.empty()) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            lines.push_back(line);
            line.clear();
            line_width = 0;
        }
        line += word;
        line_width += word_width;
        word.clear();
        word_width = 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        bool wide = false;
        std::size_t len = utf8_char(text, i, wide);
        std::string_view ch = text.substr(i, len);
        i += len;
        if (ch == " ") {
            flush_word();
            if (!line.empty()) {
                line += ' ';
                ++line_width;
            }
            continue;
        }
        if (wide && is_closing_punctuation(ch)) {   // never starts a line (kinsoku)
            flush_word();
            line += ch;
            line_width += 2;
            continue;
        }
        if (wide) {   // a wide character is a word of its own (no spaces in CJK text)
            flush_word();
            word = ch;
            word_width = 2;
            flush_word();
            continue;
        }
        word += ch;
        ++word_width;
    }
    flush_word();
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string_view explanation_of(Lang lang, const HandshakeContext& context, const MessageEvent& m, Side from) {
    for (const auto& key : message_keys(context, m, from))
        if (auto text = phrase(lang, key); !text.empty()) return text;
    return {};
}

std::string key_change_line(Lang lang, const KeyChangeEvent& e, Side from, std::string_view secret) {
    return fill(phrase(lang, secret.empty() ? "ui.encrypted_from_here" : "ui.encrypted_with"),
                {{"from", side_label(lang, from)},
                 {"to", side_label(lang, other(from))},
                 {"protection", e.protection},
                 {"secret", std::string(secret)}});
}

std::vector<std::string_view> key_schedule_ladder(Lang lang) {
    std::vector<std::string_view> out;
    for (std::string_view key : {"ladder13.title", "ladder13.early", "ladder13.handshake", "ladder13.master",
                                 "ladder13.keys"})
        out.push_back(phrase(lang, key));
    return out;
}

std::string check_line(Lang lang, const CheckEvent& e, std::optional<Side> checker) {
    std::string verdict = std::string(phrase(lang, e.ok ? "ui.check_ok" : "ui.check_failed"));
    std::string who;
    if (checker) who = fill(phrase(lang, "ui.checked_by"), {{"side", side_label(lang, *checker)}});
    std::string out = localize(lang, "check", e.what) + who + std::string(phrase(lang, "ui.colon")) + verdict;
    if (!e.detail.empty()) out += " — " + localize(lang, "detail", wire::escape_peer_text(e.detail));
    return out;
}

bool shown(const Stamped& event, Side perspective) {
    if (event.observer == perspective) return true;
    return std::holds_alternative<CheckEvent>(event.event);
}

std::string TextRenderer::paint(std::string_view text, std::string_view code) const {
    if (!options_.color || text.empty()) return std::string(text);
    return "\033[" + std::string(code) + "m" + std::string(text) + "\033[0m";
}

std::string TextRenderer::time_prefix(const Stamped& s) const {
    if (!options_.timing) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "[%7.1f ms] ", s.t_ms);
    return paint(buf, kDim);
}

std::string TextRenderer::explanation(std::string_view text, std::size_t indent, std::size_t hang) const {
    if (text.empty()) return "";
    std::string out;
    std::size_t width = options_.width > indent + hang + 20 ? options_.width - indent - hang : 20;
    auto lines = wrap(text, width);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += std::string(indent + (i ? hang : 0), ' ') + paint(lines[i], kCyan) + "\n";
    return out;
}

bool TextRenderer::once(const std::string& key) {
    if (std::find(explained_keys_.begin(), explained_keys_.end(), key) != explained_keys_.end()) return false;
    explained_keys_.push_back(key);
    return true;
}

std::string TextRenderer::header(bool tls13) {
    header_tls13_ = tls13;
    std::string title = fill(phrase(options_.lang, tls13 ? "ui.title.tls13" : "ui.title"),
                             {{"side", side_label(options_.lang, perspective_)}});
    return paint(title, kBold) + "\n";
}

std::string TextRenderer::fields(const std::vector<Field>& list, FieldSpot spot) {
    static constexpr std::string_view kHidden[] = {"serial_number", "length"};   // kept in JSON and HTML
    constexpr std::size_t kMaxChildren = 4;
    const int depth = static_cast<int>(spot.path.size());
    const bool top = depth == 0;
    std::string out;
    std::size_t count = 0;
    spot.siblings = list;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Field& f = list[i];
        if (std::find(std::begin(kHidden), std::end(kHidden), f.name) != std::end(kHidden)) continue;
        bool leaf_list = !list.empty() && std::all_of(list.begin(), list.end(), [&](const Field& x) {
            return x.children.empty() && x.name == list.front().name;
        });
        if (!top && leaf_list && list.size() > kMaxChildren + 1 && count == kMaxChildren) {
            std::string indent(static_cast<std::size_t>(6 + depth * 2), ' ');
            out += indent + paint(fill(phrase(options_.lang, "ui.more"),
                                       {{"n", std::to_string(list.size() - kMaxChildren)}}),
                                  kDim) +
                   "\n";
            break;
        }
        ++count;
        std::string indent(static_cast<std::size_t>(6 + depth * 2), ' ');
        std::string name = f.name;
        std::size_t pad = kNameColumn > name.size() + static_cast<std::size_t>(depth * 2)
                              ? kNameColumn - name.size() - static_cast<std::size_t>(depth * 2)
                              : 1;
        std::string line = indent + paint(name, kDim) + std::string(pad, ' ') + value_text(options_.lang, wire::escape_peer_text(f.value));
        FieldSpot here = spot;
        here.path.push_back(f.name);
        here.index.push_back(i);
        std::string note(phrase(options_.lang, note_key(context_, here, f)));
        if (!note.empty()) line += "  " + paint("← " + note, kYellow);
        if (f.value.empty() && note.empty())   // a parent without a value of its own (HelloRetryRequest's key_share)
            line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
        if (!f.children.empty()) out += fields(f.children, here);
    }
    return out;
}

std::string TextRenderer::message(const MessageEvent& m, const Stamped& s) {
    Side from = sender(s.observer, m.direction);
    Lang lang = options_.lang;
    const std::string title = message_title(m);
    context_.observe(m, from);
    std::string arrow = from == Side::client ? "──▶" : "◀──";
    // TLS 1.3: the traffic secret whose keys protected it (RFC 8446 §7.1).
    std::string state = context_.protection.empty()
                            ? std::string(phrase(lang, m.is_protected ? "ui.protected" : "ui.plaintext"))
                            : fill(phrase(lang, "ui.protected_with"), {{"secret", context_.protection}});
    std::string out;
    if (context_.tls13 && !header_tls13_) {   // a live timeline learns the version from this hello
        header_tls13_ = true;
        out += "  " + paint(std::string(phrase(lang, "ui.tls13_negotiated")), kBold) + "\n";
    }
    out += "  " + time_prefix(s) + paint(arrow + " " + title, std::string(kBold) + ";" +
                                           std::string(from == Side::client ? kGreen : kMagenta)) +
           "  (" + std::to_string(m.length) + " " + std::string(phrase(lang, "ui.bytes")) + ", " +
           (m.is_protected ? paint(state, kRed) : state) + ")\n";
    out += fields(m.fields, FieldSpot{title, from, {}, {}, {}});
    out += explanation(explanation_of(lang, context_, m, from), 6);
    return out;
}

std::string TextRenderer::render(const Stamped& s) {
    if (!shown(s, perspective_)) return "";
    Lang lang = options_.lang;
    auto flight_header = [&](Side from) -> std::string {
        if (last_sender_ == from) return "";
        last_sender_ = from;
        ++flight_;
        std::string text = fill(phrase(lang, "ui.flight"), {{"n", std::to_string(flight_)},
                                                            {"from", side_label(lang, from)},
                                                            {"to", side_label(lang, other(from))}});
        return "\n" + paint("── " + text + " ──", kBold) + "\n";
    };
    return std::visit(
        [&](const auto& e) -> std::string {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, MessageEvent>) {
                return flight_header(sender(s.observer, e.direction)) + message(e, s);
            } else if constexpr (std::is_same_v<E, RecordEvent>) {
                std::string head = flight_header(sender(s.observer, e.direction));
                if (!options_.records) return head;
                std::string text = "· " + std::string(phrase(lang, "ui.record")) + " " + std::string(name(e.type)) +
                                   ", " + std::to_string(e.length) + " " + std::string(phrase(lang, "ui.bytes")) +
                                   ", " + std::string(phrase(lang, e.is_protected ? "ui.protected" : "ui.plaintext"));
                return head + "    " + paint(text, kDim) + "\n";
            } else if constexpr (std::is_same_v<E, KeyEvent>) {
                std::string out = "      " + paint("◆ " + e.name, std::string(kBold) + ";" + std::string(kYellow));
                if (!e.derivation.empty()) out += " = " + localize(lang, "derivation", e.derivation);
                out += "\n";
                if (!e.secret && !e.value.empty()) {
                    out += "        " + abbreviate(conn::hex(e.value), 96, lang) + "\n";
                } else if (e.secret && options_.show_secrets && !e.value.empty()) {
                    out += "        " + paint(conn::hex(e.value), kRed) + "\n";
                } else if (e.secret) {
                    out += "        " + paint(std::string(phrase(lang, "ui.secret_hidden")), kDim) + "\n";
                }
                if (is_key_schedule13(context_, e) && once("ladder13")) {
                    auto ladder = key_schedule_ladder(lang);
                    out += explanation(ladder.front(), 8);
                    for (std::size_t i = 1; i + 1 < ladder.size(); ++i) out += explanation(ladder[i], 10, 2);   // the rungs
                    out += explanation(ladder.back(), 8);
                }
                if (std::string note_key = key_note_key(context_, e); once(note_key))
                    out += explanation(phrase(lang, note_key), 8);
                return out;
            } else if constexpr (std::is_same_v<E, CheckEvent>) {
                std::string mark = e.ok ? paint("✓", kGreen) : paint("✗", kRed);
                std::optional<Side> checker;
                if (s.observer != perspective_) checker = s.observer;
                std::string text = check_line(lang, e, checker);
                return "      " + mark + " " + (e.ok ? text : paint(text, kRed)) + "\n";
            } else if constexpr (std::is_same_v<E, KeyChangeEvent>) {
                Side from = sender(s.observer, e.direction);
                std::string secret = context_.traffic_secret(from);
                std::string text = key_change_line(lang, e, from, secret);
                std::string out = "  " + paint("━━ 🔒 " + text + " ━━", std::string(kBold) + ";" + std::string(kBlue)) + "\n";
                if (std::string note_key = keychange_note_key(secret); once(note_key))
                    out += explanation(phrase(lang, note_key), 6);
                return out;
            } else if constexpr (std::is_same_v<E, AlertEvent>) {
                Side from = sender(s.observer, e.direction);
                std::string text = fill(phrase(lang, "ui.alert"),
                                        {{"from", side_label(lang, from)},
                                         {"to", side_label(lang, other(from))},
                                         {"level", e.level == AlertLevel::fatal ? "fatal" : "warning"},
                                         {"description", conn::code_point(name(e.description),
                                                                   static_cast<std::uint16_t>(e.description), 2)}});
                return flight_header(from) + "  " + time_prefix(s) + paint("⚠ " + text, std::string(kBold) + ";" + std::string(kRed)) +
                       "\n" + explanation(alert_note(lang, e), 6);
            } else {
                static_assert(std::is_same_v<E, HandshakeDoneEvent>);
                std::string text = fill(phrase(lang, e.resumed ? "ui.done.resumed" : "ui.done.full"),
                                        {{"ms", ms_text(s.t_ms)}});
                std::string note = std::string(e.resumed ? "done.resumed" : "done.full") + (context_.tls13 ? ".tls13" : "");
                return "\n  " + paint("✔ " + text, std::string(kBold) + ";" + std::string(kGreen)) + "\n" +
                       explanation(phrase(lang, note), 4);
            }
        },
        s.event);
}

std::string render_text(std::span<const Stamped> events, Side perspective, const TextOptions& options) {
    TextRenderer renderer(perspective, options);
    std::string out = renderer.header(negotiated_tls13(events));
    for (const auto& e : events) out += renderer.render(e);
    return out;
}

}  // namespace tlspp::explain
