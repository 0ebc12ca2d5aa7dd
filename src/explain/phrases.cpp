// explain/phrases.cpp: lookup in the per-language tables.
#include "explain/phrases.hpp"

#include <string>
#include <unordered_map>

namespace tlspp::explain {

namespace {

using Index = std::unordered_map<std::string_view, std::string_view>;

Index build(std::span<const Phrase> phrases) {
    Index index;
    for (const auto& p : phrases) index.emplace(p.key, p.text);
    return index;
}

const Index& index_of(Lang lang) {
    static const Index en = build(english_phrases());
    static const Index zh = build(chinese_phrases());
    return lang == Lang::zh ? zh : en;
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view text) {
    if (text == "en" || text.starts_with("en_") || text.starts_with("en-")) return Lang::en;
    if (text == "zh" || text.starts_with("zh_") || text.starts_with("zh-")) return Lang::zh;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

bool has_own_phrase(Lang lang, std::string_view key) { return index_of(lang).contains(key); }

std::string_view phrase(Lang lang, std::string_view key) {
    const Index& own = index_of(lang);
    if (auto it = own.find(key); it != own.end()) return it->second;
    const Index& en = index_of(Lang::en);
    if (auto it = en.find(key); it != en.end()) return it->second;
    return {};
}

std::string fill(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            auto close = text.find('}', i);
            if (close != std::string_view::npos) {
                auto name = text.substr(i + 1, close - i - 1);
                bool done = false;
                for (const auto& [k, v] : values) {
                    if (k != name) continue;
                    out += v;
                    done = true;
                    break;
                }
                if (done) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace tlspp::explain
