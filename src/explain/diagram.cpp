// explain/diagram.cpp: SVG and HTML sequence diagrams (diagram.hpp).
#include "explain/diagram.hpp"

#include <algorithm>
#include <cstdio>

#include "conn/describe.hpp"
#include "explain/json.hpp"
#include "explain/localize.hpp"
#include "explain/text.hpp"

namespace tlspp::explain {

namespace {

constexpr int kWidth = 980, kClientX = 150, kServerX = 540, kSideX = 625, kTop = 78;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string text_el(double x, double y, std::string_view content, std::string_view cls,
                    std::string_view anchor = "start") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + std::string(cls) + "\" text-anchor=\"" +
           std::string(anchor) + "\">" + xml_escape(content) + "</text>\n";
}

int lane_x(Side side) { return side == Side::client ? kClientX : kServerX; }

std::string side_label(Lang lang, Side side) {
    return std::string(phrase(lang, side == Side::client ? "ui.client" : "ui.server"));
}

struct Layout {
    bool tls13 = false;       // a TLS 1.3 handshake: the title says so
    std::string background;   // flight boxes, drawn first
    std::string body;
    std::string data;         // the HTML's JSON: one entry per message
    int height = 0;
    int messages = 0;
};

Layout lay_out(std::span<const Stamped> events, Side perspective, const DiagramOptions& o) {
    Layout l;
    int y = kTop + 20;
    int flight = 0;
    std::optional<Side> last;
    int flight_top = 0;
    // The key-schedule column runs beside the messages with a cursor of its
    // own: each entry starts level with the arrow of the message after which
    // it was derived (or below the entry before it), and takes no room from
    // the messages, so a flight has no blank stretch where keys are derived.
    int key_y = 0, anchor_y = y;
    // A band ends below the last thing drawn in it; the next begins after a gap.
    constexpr int kBandPadding = 6, kBandGap = 8;
    auto close_flight = [&](int bottom) {
        if (!last) return;
        std::string colour = flight % 2 ? "#eef3f8" : "#f6f1ea";
        l.background += "<rect class=\"flight\" x=\"" + num(kClientX - 60) + "\" y=\"" + num(flight_top) +
                        "\" width=\"" + num(kServerX - kClientX + 120) + "\" height=\"" + num(bottom - flight_top) +
                        "\" rx=\"6\" fill=\"" + colour + "\"/>\n";
        l.background += text_el(kClientX - 54, flight_top + 12,
                                fill(phrase(o.lang, "ui.flight_short"), {{"n", std::to_string(flight)}}), "flightlabel");
    };
    HandshakeContext context;
    l.data = "[";
    for (const auto& s : events) {
        if (!shown(s, perspective)) continue;
        std::visit(
            [&](const auto& e) {
                using E = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<E, MessageEvent>) {
                    Side from = sender(s.observer, e.direction);
                    const std::string title = message_title(e);
                    context.observe(e, from);
                    std::string explanation(explanation_of(o.lang, context, e, from));
                    if (last != from) {
                        if (last) {
                            close_flight(y + kBandPadding);
                            y += kBandPadding + kBandGap;
                        }
                        ++flight;
                        last = from;
                        flight_top = y;
                        y += kBandPadding;
                    }
                    y += 24;
                    int x1 = lane_x(from), x2 = lane_x(other(from));
                    int tip = x2 + (x2 > x1 ? -2 : 2);
                    std::string cls = e.is_protected ? "arrow protected" : "arrow";
                    std::string label = title + " (" + std::to_string(e.length) +
                                        (e.is_protected ? ", " + std::string(phrase(o.lang, "ui.protected")) : "") + ")";
                    int i = l.messages++;
                    l.body += "<g class=\"msg\" data-i=\"" + std::to_string(i) + "\" id=\"msg-" + std::to_string(i) +
                              "\"><title>" + xml_escape(explanation) + "</title>\n";
                    l.body += "<rect class=\"hit\" x=\"" + num(kClientX) + "\" y=\"" + num(y - 20) + "\" width=\"" +
                              num(kServerX - kClientX) + "\" height=\"26\"/>\n";
                    l.body += "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y) + "\" x2=\"" +
                              num(tip) + "\" y2=\"" + num(y) + "\" marker-end=\"url(#" +
                              (e.is_protected ? "head-protected" : "head") + ")\"/>\n";
                    l.body += text_el((kClientX + kServerX) / 2.0, y - 6, label, "label", "middle");
                    l.body += "</g>\n";
                    if (l.messages > 1) l.data += ",";
                    l.data += "{\"name\":" + json_string(title) + ",\"from\":" + json_string(side_label(o.lang, from)) +
                              ",\"to\":" + json_string(side_label(o.lang, other(from))) +
                              ",\"length\":" + std::to_string(e.length) + ",\"length_text\":" +
                              json_string(fill(phrase(o.lang, "ui.length"), {{"n", std::to_string(e.length)}})) +
                              ",\"protected\":" + (e.is_protected ? "true" : "false") +
                              ",\"explanation\":" + json_string(explanation) +
                              ",\"fields\":" + json_fields(localized_fields(o.lang, e.fields)) + "}";
                    anchor_y = y;
                    y += 10;
                } else if constexpr (std::is_same_v<E, KeyChangeEvent>) {
                    Side from = sender(s.observer, e.direction);
                    y += 16;
                    std::string text = key_change_line(o.lang, e, from, context.traffic_secret(from));
                    l.body += "<line class=\"keychange\" x1=\"" + num(kClientX - 60) + "\" y1=\"" + num(y) +
                              "\" x2=\"" + num(kServerX + 60) + "\" y2=\"" + num(y) + "\"/>\n";
                    l.body += text_el((kClientX + kServerX) / 2.0, y + 14, text, "keychangelabel", "middle");
                    y += 24;
                } else if constexpr (std::is_same_v<E, KeyEvent>) {
                    int ky = std::max(key_y, anchor_y - 6);
                    l.body += "<g class=\"key\"><title>" + xml_escape(localize(o.lang, "derivation", e.derivation)) + "</title>\n";
                    l.body += text_el(kSideX, ky, "◆ " + e.name, "keyname");
                    l.body += text_el(kSideX + 12, ky + 13, abbreviate(localize(o.lang, "derivation", e.derivation), 64),
                                      "keyderivation");
                    l.body += "</g>\n";
                    key_y = ky + 28;
                } else if constexpr (std::is_same_v<E, CheckEvent>) {
                    y += 4;
                    std::string mark = e.ok ? "✓ " : "✗ ";
                    int x = lane_x(s.observer);
                    std::string anchor = s.observer == Side::client ? "start" : "end";
                    l.body += text_el(x + (s.observer == Side::client ? 8 : -8), y + 6, mark + localize(o.lang, "check", e.what),
                                      e.ok ? "check ok" : "check failed", anchor);
                    y += 14;
                } else if constexpr (std::is_same_v<E, AlertEvent>) {
                    Side from = sender(s.observer, e.direction);
                    y += 26;
                    int x1 = lane_x(from), x2 = lane_x(other(from));
                    l.body += "<line class=\"arrow alert\" x1=\"" + num(x1) + "\" y1=\"" + num(y) + "\" x2=\"" +
                              num(x2) + "\" y2=\"" + num(y) + "\" marker-end=\"url(#head-protected)\"/>\n";
                    l.body += text_el((kClientX + kServerX) / 2.0, y - 6,
                                      "⚠ " + fill(phrase(o.lang, "ui.alert_short"),
                                                  {{"description", std::string(name(e.description))}}),
                                      "label alert", "middle");
                    y += 10;
                } else if constexpr (std::is_same_v<E, HandshakeDoneEvent>) {
                    close_flight(y + kBandPadding);
                    last.reset();
                    y += 36;
                    std::string text = fill(phrase(o.lang, e.resumed ? "ui.done.resumed" : "ui.done.full"),
                                            {{"ms", num(static_cast<int>(s.t_ms * 10) / 10.0)}});
                    l.body += text_el((kClientX + kServerX) / 2.0, y, "✔ " + text, "done", "middle");
                    y += 10;
                }
                (void)s;
            },
            s.event);
    }
    close_flight(y + kBandPadding);
    l.tls13 = negotiated_tls13(events);
    l.data += "]";
    l.height = std::max(y, key_y) + 40;
    return l;
}

std::string default_title(const Layout& l, Side perspective, Lang lang) {
    return fill(phrase(lang, l.tls13 ? "ui.title.tls13" : "ui.title"), {{"side", side_label(lang, perspective)}});
}

std::string svg(const Layout& l, Side perspective, const DiagramOptions& o) {
    std::string title = o.title.empty() ? default_title(l, perspective, o.lang) : o.title;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidth) + "\" height=\"" +
                      num(l.height) + "\" viewBox=\"0 0 " + num(kWidth) + " " + num(l.height) +
                      "\" font-family=\"sans-serif\">\n";
    out += "<style>"
           ".title{font-size:17px;font-weight:bold}.lane{font-size:15px;font-weight:bold}"
           ".label{font-size:13px}.flightlabel{font-size:10px;fill:#7a8793}"
           ".arrow{stroke:#2c3e50;stroke-width:1.6}.arrow.protected{stroke:#b03a2e}.arrow.alert{stroke:#d35400}"
           ".lifeline{stroke:#95a5a6;stroke-dasharray:4 4}"
           ".keychange{stroke:#1f6feb;stroke-width:1.4;stroke-dasharray:7 4}"
           ".keychangelabel{font-size:12px;fill:#1f6feb}"
           ".keyname{font-size:12px;font-weight:bold;fill:#8a6d00}.keyderivation{font-size:10px;fill:#6b6b6b}"
           ".check{font-size:11px}.check.ok{fill:#1e8449}.check.failed{fill:#c0392b}"
           ".done{font-size:14px;font-weight:bold;fill:#1e8449}"
           ".hit{fill:transparent;cursor:pointer}.msg:hover .label{font-weight:bold}"
           ".msg.selected .label{font-weight:bold;fill:#1f6feb}"
           "</style>\n";
    out += "<defs>"
           "<marker id=\"head\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">"
           "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#2c3e50\"/></marker>"
           "<marker id=\"head-protected\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">"
           "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#b03a2e\"/></marker>"
           "</defs>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    out += text_el(20, 26, title, "title");
    for (Side side : {Side::client, Side::server}) {
        int x = lane_x(side);
        out += "<rect x=\"" + num(x - 55) + "\" y=\"40\" width=\"110\" height=\"28\" rx=\"5\" fill=\"#34495e\"/>\n";
        out += "<text x=\"" + num(x) + "\" y=\"59\" class=\"lane\" text-anchor=\"middle\" fill=\"white\">" +
               xml_escape(side_label(o.lang, side)) + "</text>\n";
        out += "<line class=\"lifeline\" x1=\"" + num(x) + "\" y1=\"68\" x2=\"" + num(x) + "\" y2=\"" +
               num(l.height - 20) + "\"/>\n";
    }
    out += text_el(kSideX, 59, fill(phrase(o.lang, "ui.key_schedule"), {{"side", side_label(o.lang, perspective)}}),
                   "lane");
    out += l.background + l.body + "</svg>\n";
    return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Text from the peer (certificate subjects) may hold control bytes,
            // which XML 1.0 does not allow and a page should not show.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += '?';
            else out += c;
        }
    }
    return out;
}

std::string render_svg(std::span<const Stamped> events, Side perspective, const DiagramOptions& options) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(lay_out(events, perspective, options), perspective, options);
}

std::string render_html(std::span<const Stamped> events, Side perspective, const DiagramOptions& options) {
    Layout l = lay_out(events, perspective, options);
    std::string title = options.title.empty() ? default_title(l, perspective, options.lang) : options.title;
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(options.lang)) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + xml_escape(title) + "</title>\n<style>\n"
                      "body{font-family:sans-serif;margin:16px;color:#222}"
                      "#wrap{display:flex;gap:16px;align-items:flex-start}"
                      "#details{min-width:320px;max-width:520px;border:1px solid #ccd;border-radius:6px;padding:10px;"
                      "font-size:13px;position:sticky;top:10px;overflow-wrap:anywhere}"
                      "#details h2{font-size:16px;margin:0 0 6px}#details ul{padding-left:16px;margin:2px 0}"
                      ".fname{color:#555;font-family:monospace;margin-right:6px}"
                      "</style>\n</head>\n<body>\n<div id=\"wrap\">\n<div id=\"diagram\">\n" +
                      svg(l, perspective, options) + "</div>\n<div id=\"details\"><p>" +
                      xml_escape(phrase(options.lang, "ui.details_hint")) + "</p></div>\n</div>\n";
    // json_string escapes '<', so the data cannot close the script element.
    out += "<script type=\"application/json\" id=\"explain-data\">" + l.data + "</script>\n";
    out += R"JS(<script>
(function () {
  var data = JSON.parse(document.getElementById('explain-data').textContent);
  var panel = document.getElementById('details');
  function tree(fields) {
    var ul = document.createElement('ul');
    fields.forEach(function (f) {
      var li = document.createElement('li');
      var n = document.createElement('span');
      n.className = 'fname';
      n.textContent = f.name;
      li.appendChild(n);
      li.appendChild(document.createTextNode(f.value));
      if (f.children.length) li.appendChild(tree(f.children));
      ul.appendChild(li);
    });
    return ul;
  }
  function show(i) {
    var m = data[i];
    panel.textContent = '';
    var h = document.createElement('h2');
    h.textContent = m.name + '  (' + m.from + ' \u2192 ' + m.to + ', ' + m.length_text + ')';
    panel.appendChild(h);
    var p = document.createElement('p');
    p.textContent = m.explanation;
    panel.appendChild(p);
    panel.appendChild(tree(m.fields));
    document.querySelectorAll('g.msg').forEach(function (g) {
      g.classList.toggle('selected', g.getAttribute('data-i') === String(i));
    });
  }
  document.querySelectorAll('g.msg').forEach(function (g) {
    g.addEventListener('click', function () { show(Number(g.getAttribute('data-i'))); });
  });
  document.body.setAttribute('data-ready', String(data.length));
})();
</script>
</body>
</html>
)JS";
    return out;
}

}  // namespace tlspp::explain
