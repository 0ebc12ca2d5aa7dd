// explain/text.cpp: the annotated timeline (text.hpp). Words come from the
// phrase tables; this file only lays them out.
#include "explain/text.hpp"

#include <algorithm>
#include <cstdio>

#include "conn/describe.hpp"
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

std::string_view alert_note(Lang lang, Alert alert) {
    std::string_view own = phrase(lang, "alert." + std::string(name(alert)));
    return own.empty() ? phrase(lang, "alert") : own;
}

std::string ms_text(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", ms);
    return buf;
}

}  // namespace

std::string abbreviate(const std::string& value, std::size_t limit) {
    if (is_hex(value) && value.size() > 48)
        return value.substr(0, 16) + "…" + value.substr(value.size() - 8) + " (" + std::to_string(value.size() / 2) +
               " bytes)";
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

std::string TextRenderer::explanation(std::string_view text, std::size_t indent) const {
    if (text.empty()) return "";
    std::string out;
    std::size_t width = options_.width > indent + 20 ? options_.width - indent : 20;
    for (const auto& line : wrap(text, width)) out += std::string(indent, ' ') + paint(line, kCyan) + "\n";
    return out;
}

std::string TextRenderer::header() const {
    std::string title = fill(phrase(options_.lang, "ui.title"), {{"side", side_label(options_.lang, perspective_)}});
    return paint(title, kBold) + "\n";
}

std::string TextRenderer::fields(const std::vector<Field>& list, std::string_view message, int depth, bool top) {
    static constexpr std::string_view kHidden[] = {"serial_number", "length"};   // kept in JSON and HTML
    constexpr std::size_t kMaxChildren = 4;
    std::string out;
    std::size_t count = 0;
    for (const auto& f : list) {
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
        std::string line = indent + paint(name, kDim) + std::string(pad, ' ') + abbreviate(wire::escape_peer_text(f.value));
        std::string note;
        if (top) note = std::string(phrase(options_.lang, "field." + std::string(message) + "." + f.name));
        if (!note.empty()) line += "  " + paint("← " + note, kYellow);
        out += line + "\n";
        if (!f.children.empty()) out += fields(f.children, message, depth + 1, false);
    }
    return out;
}

std::string TextRenderer::message(const MessageEvent& m, const Stamped& s) {
    Side from = sender(s.observer, m.direction);
    Lang lang = options_.lang;
    std::string arrow = from == Side::client ? "──▶" : "◀──";
    std::string state = std::string(phrase(lang, m.is_protected ? "ui.protected" : "ui.plaintext"));
    std::string line = "  " + time_prefix(s) + paint(arrow + " " + m.name, std::string(kBold) + ";" +
                                                    std::string(from == Side::client ? kGreen : kMagenta)) +
                       "  (" + std::to_string(m.length) + " " + std::string(phrase(lang, "ui.bytes")) + ", " +
                       (m.is_protected ? paint(state, kRed) : state) + ")\n";
    std::string out = line + fields(m.fields, m.name, 0, true);
    std::string_view text = phrase(lang, "msg." + m.name + "." + std::string(side_name(from)));
    if (text.empty()) text = phrase(lang, "msg." + m.name);
    out += explanation(text, 6);
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
                if (!e.derivation.empty()) out += " = " + e.derivation;
                out += "\n";
                if (!e.secret && !e.value.empty()) {
                    out += "        " + abbreviate(conn::hex(e.value)) + "\n";
                } else if (e.secret && options_.show_secrets && !e.value.empty()) {
                    out += "        " + paint(conn::hex(e.value), kRed) + "\n";
                } else if (e.secret) {
                    out += "        " + paint(std::string(phrase(lang, "ui.secret_hidden")), kDim) + "\n";
                }
                if (std::find(explained_keys_.begin(), explained_keys_.end(), e.name) == explained_keys_.end()) {
                    explained_keys_.push_back(e.name);
                    out += explanation(phrase(lang, "key." + e.name), 8);
                }
                return out;
            } else if constexpr (std::is_same_v<E, CheckEvent>) {
                std::string mark = e.ok ? paint("✓", kGreen) : paint("✗", kRed);
                std::string verdict = std::string(phrase(lang, e.ok ? "ui.check_ok" : "ui.check_failed"));
                std::string who = s.observer == perspective_ ? "" : " (" + side_label(lang, s.observer) + ")";
                std::string out = "      " + mark + " " + e.what + who + ": " + (e.ok ? verdict : paint(verdict, kRed));
                if (!e.detail.empty()) out += " — " + wire::escape_peer_text(e.detail);
                return out + "\n";
            } else if constexpr (std::is_same_v<E, KeyChangeEvent>) {
                Side from = sender(s.observer, e.direction);
                std::string text = fill(phrase(lang, "ui.encrypted_from_here"),
                                        {{"from", side_label(lang, from)},
                                         {"to", side_label(lang, other(from))},
                                         {"protection", e.protection}});
                std::string out = "  " + paint("━━ 🔒 " + text + " ━━", std::string(kBold) + ";" + std::string(kBlue)) + "\n";
                if (std::find(explained_keys_.begin(), explained_keys_.end(), "keychange") == explained_keys_.end()) {
                    explained_keys_.push_back("keychange");
                    out += explanation(phrase(lang, "keychange"), 6);
                }
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
                       "\n" + explanation(alert_note(lang, e.description), 6);
            } else {
                static_assert(std::is_same_v<E, HandshakeDoneEvent>);
                std::string text = fill(phrase(lang, e.resumed ? "ui.done.resumed" : "ui.done.full"),
                                        {{"ms", ms_text(s.t_ms)}});
                return "\n  " + paint("✔ " + text, std::string(kBold) + ";" + std::string(kGreen)) + "\n" +
                       explanation(phrase(lang, e.resumed ? "done.resumed" : "done.full"), 4);
            }
        },
        s.event);
}

std::string render_text(std::span<const Stamped> events, Side perspective, const TextOptions& options) {
    TextRenderer renderer(perspective, options);
    std::string out = renderer.header();
    for (const auto& e : events) out += renderer.render(e);
    return out;
}

}  // namespace tlspp::explain
