// tools/tlspp/explain_cli.hpp: the --explain, --lang, --diagram and
// --show-secrets options shared by `tlspp explain`, `client` and `server`.
#pragma once

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "explain/phrases.hpp"
#include "explain/recorder.hpp"
#include "options.hpp"

namespace tlspp::cli {

struct ExplainSettings {
    bool enabled = false;
    bool json = false;                     // --explain=json
    explain::Lang lang = explain::Lang::en;
    std::optional<std::string> diagram;    // a .svg or .html path
    bool show_secrets = false;
};

// with_explain_options appends the four options to a command's own.
std::vector<OptionSpec> with_explain_options(std::span<const OptionSpec> own);

// explain_settings reads them; `always` turns explaining on without --explain
// (tlspp explain). Throws UsageError for an unknown format, language or
// diagram extension, or for --lang/--diagram/--show-secrets without --explain.
ExplainSettings explain_settings(const Args& args, bool always);

// attach_live_output prints each event to `to` as it arrives: the annotated
// timeline (coloured if `to` is a terminal) or JSON lines. With
// `handshake_only`, nothing after the HandshakeDoneEvent is printed (client
// and server go on to relay or serve data, whose records would otherwise
// interleave with it).
void attach_live_output(explain::Recorder& recorder, const ExplainSettings& settings, explain::Side perspective,
                        std::FILE* to, bool handshake_only = false);

// numbered_path gives "x.svg" for index 0 and "x-2.svg", "x-3.svg"... after it.
std::string numbered_path(const std::string& path, std::size_t index);

// write_diagram writes the recorder's events as SVG or HTML (by the path's
// extension). On failure it returns false and sets `problem`.
bool write_diagram(const explain::Recorder& recorder, explain::Side perspective, const ExplainSettings& settings,
                   const std::string& path, const std::string& title, std::string* problem);

}  // namespace tlspp::cli
