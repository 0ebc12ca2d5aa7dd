// explain/diagram.hpp: the handshake as a sequence diagram. Client and server
// lanes, one arrow per message, messages grouped into flights, a dashed line
// where each direction starts encrypting, derived secrets in a column at the
// side. The HTML page embeds the SVG and shows a message's fields on click;
// both are self-contained (no external resources).
#pragma once

#include <span>
#include <string>

#include "explain/phrases.hpp"
#include "explain/recorder.hpp"

namespace tlspp::explain {

struct DiagramOptions {
    Lang lang = Lang::en;
    std::string title;           // default: the phrase ui.title
};

std::string render_svg(std::span<const Stamped> events, Side perspective, const DiagramOptions& options);
std::string render_html(std::span<const Stamped> events, Side perspective, const DiagramOptions& options);

// xml_escape escapes & < > " ' for SVG and HTML text and attributes, and replaces
// control bytes (other than newline and tab) with '?'.
std::string xml_escape(std::string_view text);

}  // namespace tlspp::explain
