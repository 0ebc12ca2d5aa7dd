// tools/tlspp/explain_cli.cpp
#include "explain_cli.hpp"

#include <unistd.h>

#include <fstream>
#include <memory>

#include "explain/diagram.hpp"
#include "explain/json.hpp"
#include "explain/text.hpp"

namespace tlspp::cli {

namespace {

constexpr OptionSpec kExplainOptions[] = {
    {"explain", "[=text|json]", "explain the handshake as it happens: annotated timeline, or JSON lines"},
    {"lang", "en|zh", "language of the explanations (default en)"},
    {"diagram", "FILE", "also draw the handshake as a sequence diagram, FILE.svg or FILE.html"},
    {"show-secrets", "", "print secret values (pre-master and master secret, keys); for debugging only"},
};

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<OptionSpec> with_explain_options(std::span<const OptionSpec> own) {
    std::vector<OptionSpec> all(own.begin(), own.end());
    all.insert(all.end(), std::begin(kExplainOptions), std::end(kExplainOptions));
    return all;
}

ExplainSettings explain_settings(const Args& args, bool always) {
    ExplainSettings s;
    s.enabled = always || args.has("explain");
    if (auto format = args.value("explain")) {
        if (*format == "json") s.json = true;
        else if (!format->empty() && *format != "text")
            throw UsageError("--explain takes 'text' or 'json', not '" + *format + "'");
    }
    if (auto lang = args.value("lang")) {
        auto parsed = explain::parse_lang(*lang);
        if (!parsed) throw UsageError("--lang: unknown language '" + *lang + "' (en or zh)");
        s.lang = *parsed;
    }
    if (auto path = args.value("diagram")) {
        if (!ends_with(*path, ".svg") && !ends_with(*path, ".html") && !ends_with(*path, ".htm"))
            throw UsageError("--diagram: the file name must end in .svg or .html");
        s.diagram = *path;
    }
    s.show_secrets = args.has("show-secrets");
    if (!s.enabled && (args.has("lang") || s.diagram || s.show_secrets))
        throw UsageError("--lang, --diagram and --show-secrets go with --explain");
    return s;
}

void attach_live_output(explain::Recorder& recorder, const ExplainSettings& settings, explain::Side perspective,
                        std::FILE* to, bool handshake_only) {
    // `over` is set once the handshake is done, when only the handshake is wanted.
    auto over = std::make_shared<bool>(false);
    auto after = [over, handshake_only](const explain::Stamped& e) {
        if (handshake_only && std::holds_alternative<HandshakeDoneEvent>(e.event)) *over = true;
    };
    if (settings.json) {
        recorder.on_event = [to, over, after, seq = std::size_t{0}, secrets = settings.show_secrets](
                                const explain::Stamped& e) mutable {
            if (*over) return;
            std::fputs(explain::render_json(e, seq++, secrets).c_str(), to);
            std::fflush(to);
            after(e);
        };
        return;
    }
    explain::TextOptions options;
    options.lang = settings.lang;
    options.color = ::isatty(::fileno(to)) == 1;
    options.show_secrets = settings.show_secrets;
    auto renderer = std::make_shared<explain::TextRenderer>(perspective, options);
    std::fputs(renderer->header().c_str(), to);
    recorder.on_event = [renderer, to, over, after](const explain::Stamped& e) {
        if (*over) return;
        std::fputs(renderer->render(e).c_str(), to);
        std::fflush(to);
        after(e);
    };
}

std::string numbered_path(const std::string& path, std::size_t index) {
    if (index == 0) return path;
    auto dot = path.rfind('.');
    return path.substr(0, dot) + "-" + std::to_string(index + 1) + path.substr(dot);
}

bool write_diagram(const explain::Recorder& recorder, explain::Side perspective, const ExplainSettings& settings,
                   const std::string& path, const std::string& title, std::string* problem) {
    explain::DiagramOptions options;
    options.lang = settings.lang;
    options.title = title;
    bool svg = ends_with(path, ".svg");
    std::string content = svg ? explain::render_svg(recorder.events(), perspective, options)
                              : explain::render_html(recorder.events(), perspective, options);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
        *problem = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace tlspp::cli
