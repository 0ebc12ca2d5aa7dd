// explain/phrases.hpp: the explainer's words. Every sentence a user reads is
// in one table per language (text_en.cpp, text_zh.cpp), keyed by:
//   msg.<Name>[.<sender>]      what a message does and why ("msg.Finished.client")
//   field.<Message>.<field>    a short note beside a field ("field.ClientHello.random")
//   key.<name>                 a key-schedule step ("key.master_secret")
//   check.<what>, done.*, keychange, alert   other events
//   ui.*                       labels of the renderers ("ui.plaintext")
// Placeholders are written {name} and filled by fill().
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace tlspp::explain {

enum class Lang { en, zh };

std::optional<Lang> parse_lang(std::string_view text);   // "en", "zh" (also "zh-CN", "zh_CN")
std::string_view lang_code(Lang lang);                  // "en", "zh"

struct Phrase {
    std::string_view key;
    std::string_view text;
};

std::span<const Phrase> english_phrases();
std::span<const Phrase> chinese_phrases();

// phrase returns the text for `key`: the language's own, else the English
// one, else "" (a missing note is left out, not invented).
std::string_view phrase(Lang lang, std::string_view key);
// has_own_phrase says whether the language's table has `key` (for the tests
// that every English key is translated).
bool has_own_phrase(Lang lang, std::string_view key);

// fill replaces each {name} in `text` by its value.
std::string fill(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace tlspp::explain
