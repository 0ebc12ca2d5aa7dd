// conn/alerts.hpp: the alert each Reason is answered with, by protocol
// version, and whether a failure is answered with an alert at all. Both are
// decided in alerts.cpp and nowhere else.
#pragma once

#include "tlspp/error.hpp"
#include "tlspp/types.hpp"

namespace tlspp {

// alert_for returns the alert sent for `reason` under `version` (RFC 5246
// §7.2, RFC 8446 §6.2). alert_for(reason) in tlspp/error.hpp is the TLS 1.2
// answer, the one make_error gives while TLS 1.2 is the only version a
// machine speaks.
Alert alert_for(Reason reason, ProtocolVersion version) noexcept;

// sends_alert says whether a failure is answered with a fatal alert: not
// one the peer's own alert caused, nor one where the connection is already
// gone or was closed by the peer.
bool sends_alert(const Error& error) noexcept;

}  // namespace tlspp
