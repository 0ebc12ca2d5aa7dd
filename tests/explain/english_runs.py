#!/usr/bin/env python3
"""tests/explain/english_runs.py TEXT_FILE... [--html HTML_FILE...]

Issue 16 item 2: with --lang zh the explainer's output is Chinese. Prints
every English word left in the text timelines and the HTML diagrams' text
(what the page shows: SVG text, titles, and the messages' explanations and
field values from its data), and exits 1 if there is one.

What may stay in Latin letters is what a Chinese tutorial keeps too: protocol
identifiers. A token counts as one if it has a digit, '_', '-' or '.', is all
capitals (TLS, ECDHE, RFC), is CamelCase (ClientHello), or is in ALLOWED
(field, extension and content-type names without '_', alert levels, the
seeds' English glosses). Quoted PRF labels ("key expansion"), hex values and
the data of certificates (CN=..., O=...) are not the explainer's words and are
skipped.
"""
import html.parser
import json
import re
import sys

ALLOWED = {
    # field names without '_' (RFC 5246 / RFC 8422 / RFC 5280 names)
    "random", "extensions", "certificate", "subject", "issuer", "validity", "public", "signature", "algorithm",
    "type", "ticket", "params", "length",
    # TLS 1.3 field and extension names without '_' (RFC 8446 §4.2.2), and its notation Hash(...)
    "cookie", "hash", "Hash",
    # message names of one word
    "Certificate", "Finished",
    # content types, alert levels, values that are protocol names
    "handshake", "alert", "fatal", "warning", "null", "uncompressed", "nonce",
    # the host name and program name in the demonstrations
    "localhost", "tlspp",
    # units kept by Chinese technical text
    "ms",
    # option names printed by the explainer
    "show", "secrets",
}
# English terms the seeds put beside their Chinese (客户端随机数 (Client Random)).
GLOSSES = ["Client Random", "Server Random", "Pre-Master", "Master Secret", "Server Params", "Client Params",
           "Session Ticket", "write MAC secret", "extended master secret", "（flight）",
           # RFC 8446 terms glossed in the TLS 1.3 texts
           "Early Secret", "Handshake Secret", "(middlebox)", "(transcript)"]

DN = re.compile(r"\b(?:CN|O|OU|C|L|ST)=[^,\n]*?(?=,(?:CN|O|OU|C|L|ST)=|  |\n|$)")
QUOTED = re.compile(r'\\?"[^"\n]*\\?"')
HEX = re.compile(r"[0-9a-f]{8,}")   # values and abbreviated values ("c15c0289ec2d0a91…9086c171")
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_\-.#/]*")


def identifier(token):
    t = token.rstrip(".")
    if len(t) <= 1 or t in ALLOWED:
        return True
    if re.search(r"[0-9_\-.#/]", t):
        return True
    if t.isupper():
        return True
    if t[0].isupper() and any(c.isupper() for c in t[1:]):   # CamelCase: ClientHello
        return True
    return False


def english_words(text):
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    text = DN.sub("", text)
    text = QUOTED.sub("", text)
    text = HEX.sub("", text)
    for g in GLOSSES:
        text = text.replace(g, "")
    found = []
    for n, line in enumerate(text.split("\n"), 1):
        words = [t for t in TOKEN.findall(line) if not identifier(t)]
        if words:
            found.append((n, " ".join(words), line.strip()))
    return found


class PageText(html.parser.HTMLParser):
    """The text a reader sees: text nodes outside <style>/<script>, and the page's data."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip, self.data_script = [], 0, False
        self.data = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
            self.data_script = dict(attrs).get("id") == "explain-data"

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1
            self.data_script = False

    def handle_data(self, data):
        if self.data_script:
            self.data += data
        elif not self.skip:
            self.parts.append(data)


def page_text(path):
    p = PageText()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    lines = [x for x in p.parts if x.strip()]

    def values(fields):
        for f in fields:
            yield f["value"]
            yield from values(f["children"])

    for m in json.loads(p.data):
        lines += [m["from"], m["to"], m.get("length_text", ""), m["explanation"]]
        lines += list(values(m["fields"]))
    return "\n".join(lines)


def main(argv):
    texts, htmls, target = [], [], None
    for a in argv:
        if a == "--html":
            target = htmls
        else:
            (target if target is not None else texts).append(a)
    bad = 0
    for path in texts + htmls:
        if path in htmls:
            content = page_text(path)
        else:
            with open(path, encoding="utf-8") as f:
                content = f.read()
        for n, words, line in english_words(content):
            print(f"{path}:{n}: English: {words}    | {line[:140]}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
