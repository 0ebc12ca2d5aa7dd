// explain/json.hpp: one JSON object per event (JSON lines), for
// `--explain=json`. The schema is docs/explain-json-schema.json (described in
// docs/explain-sample.md); explain_json_test checks every line against it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "explain/recorder.hpp"

namespace tlspp::explain {

inline constexpr int kJsonSchemaVersion = 1;

// render_json gives one line, ending in '\n'. `seq` numbers the events from 0.
// A secret's value is given only with show_secrets; otherwise "value" is null
// and "redacted" true.
std::string render_json(const Stamped& event, std::size_t seq, bool show_secrets);

// json_string quotes and escapes `text` (UTF-8 passes through, control
// characters and '<' become \u00XX, so the output can sit inside HTML <script>).
std::string json_string(std::string_view text);

// json_fields gives a Field tree as a JSON array of {"name","value","children"}.
std::string json_fields(const std::vector<Field>& fields);

}  // namespace tlspp::explain
