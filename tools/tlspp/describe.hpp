// tools/tlspp/describe.hpp: what the client summary and the server's --www
// page both show about a session, computed once so the two agree.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tlspp/connection.hpp"

namespace tlspp::cli {

// suite_label gives "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f, ECDHE-RSA-AES128-GCM-SHA256)".
std::string suite_label(CipherSuite suite);

// describe_session lists (label, value) rows: protocol, cipher suite, group,
// peer signature scheme, ALPN, SNI, extended master secret, secure
// renegotiation, resumed. Unset values read "(none)".
std::vector<std::pair<std::string, std::string>> describe_session(const SessionInfo& info);

// describe_chain lists, per certificate of the peer's chain, its subject,
// issuer, validity, names and key, via pki::summarize. A certificate that
// does not parse gets a line saying so instead.
std::vector<std::string> describe_chain(const SessionInfo& info);


}  // namespace tlspp::cli
