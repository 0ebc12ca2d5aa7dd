// explain/localize.cpp: pattern-matched translation of the core's text (localize.hpp).
#include "explain/localize.hpp"

#include "explain/text.hpp"

namespace tlspp::explain {

namespace {

constexpr std::size_t max_localized_length = 4096;

bool match_from(std::string_view pattern, std::string_view text,
                std::vector<std::pair<std::string, std::string>>& holes) {
    if (pattern.empty()) return text.empty();
    if (pattern.front() != '{') {
        auto open = pattern.find('{');
        std::string_view literal = pattern.substr(0, open);
        if (!text.starts_with(literal)) return false;
        return match_from(pattern.substr(literal.size()), text.substr(literal.size()), holes);
    }
    auto close = pattern.find('}');
    if (close == std::string_view::npos) return pattern == text;
    std::string name(pattern.substr(1, close - 1));
    std::string_view rest = pattern.substr(close + 1);
    // The shortest hole that lets the rest match (the holes never hold the literal that follows them).
    for (std::size_t n = 1; n <= text.size(); ++n) {
        holes.emplace_back(name, std::string(text.substr(0, n)));
        if (match_from(rest, text.substr(n), holes)) return true;
        holes.pop_back();
    }
    return false;
}

// Some holes hold core text of another family: "full handshake: {why}".
std::string_view hole_family(std::string_view hole) {
    if (hole == "why") return "refusal";
    if (hole == "value") return "value";
    return "";
}

}  // namespace

bool match(std::string_view pattern, std::string_view text, std::vector<std::pair<std::string, std::string>>& holes) {
    holes.clear();
    return match_from(pattern, text, holes);
}

std::string localize(Lang lang, std::string_view family, std::string_view english) {
    if (lang == Lang::en || english.empty()) return std::string(english);
    // Matching tries each split of the text between a pattern's holes, so its
    // cost grows with the text's length to the power of the holes; the core's
    // own sentences are short, and a long text is mostly the peer's (a name, a
    // detail quoting its bytes), which is shown as it is.
    if (english.size() > max_localized_length) return std::string(english);
    std::string prefix = std::string(family) + ".";
    std::vector<std::pair<std::string, std::string>> holes;
    for (const Phrase& p : english_phrases()) {
        if (!p.key.starts_with(prefix) || !match(p.text, english, holes)) continue;
        if (!has_own_phrase(lang, p.key)) return std::string(english);
        std::string out(phrase(lang, p.key));
        for (auto& [name, text] : holes) {
            std::string_view inner = hole_family(name);
            std::string value = inner.empty() ? text : localize(lang, inner, text);
            std::string hole = "{" + name + "}";
            for (auto at = out.find(hole); at != std::string::npos; at = out.find(hole, at + value.size()))
                out.replace(at, hole.size(), value);
        }
        return out;
    }
    return std::string(english);
}

std::string value_text(Lang lang, const std::string& value, std::size_t limit) {
    return abbreviate(localize(lang, "value", value), limit, lang);
}

std::vector<Field> localized_fields(Lang lang, const std::vector<Field>& fields) {
    std::vector<Field> out;
    out.reserve(fields.size());
    for (const auto& f : fields)
        out.push_back(Field{f.name, localize(lang, "value", f.value), localized_fields(lang, f.children)});
    return out;
}

}  // namespace tlspp::explain
