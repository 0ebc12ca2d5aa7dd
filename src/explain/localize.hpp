// explain/localize.hpp: the core's own words, in the reader's language. The
// connection reports some text itself: field values ("(empty)", "32 bytes:
// …"), check names and details ("certificate chain", "trusted, valid now,
// issued for localhost") and derivations ("from the resumed session"). Each
// such English form is an entry of the phrase tables under a family prefix
// (value.*, check.*, detail.*, derivation.*, refusal.*) with {name} holes; a
// text that matches one is rewritten with the same key in the chosen language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "explain/phrases.hpp"
#include "tlspp/observer.hpp"

namespace tlspp::explain {

// localize rewrites `english` if it matches an English phrase of `family`;
// otherwise it returns it unchanged. A hole's text is itself localized in the
// family `hole_family` when given ("full handshake: {why}" → refusal.*).
std::string localize(Lang lang, std::string_view family, std::string_view english);

// value_text is a field value as shown: abbreviated (abbreviate, text.hpp)
// and localized (family "value").
std::string value_text(Lang lang, const std::string& value, std::size_t limit = 96);

// localized_fields is a copy of a field tree with every value localized (for
// the HTML page, which shows the values as they are).
std::vector<Field> localized_fields(Lang lang, const std::vector<Field>& fields);

// match says whether `text` has the shape of `pattern` ("{n} bytes: {hex}"):
// literal parts equal, each {hole} at least one character. On a match it
// gives the holes' texts by name.
bool match(std::string_view pattern, std::string_view text, std::vector<std::pair<std::string, std::string>>& holes);

}  // namespace tlspp::explain
