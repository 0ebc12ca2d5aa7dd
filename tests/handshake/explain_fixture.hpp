// A reproducible explained handshake for the explainer's golden tests: fixed
// randomness on both sides and a fixed Ed25519 certificate (Ed25519 signs
// deterministically), so every byte of the transcript is the same each run.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "explain/recorder.hpp"
#include "support/configs.hpp"
#include "support/loopback_pair.hpp"

namespace tlspp::test {

// Made once with `openssl req -x509` / `openssl x509 -req` (Ed25519, 100 years).
inline constexpr std::string_view kGoldenCa = R"(-----BEGIN CERTIFICATE-----
MIIBkTCCAUOgAwIBAgICEAEwBQYDK2VwMD4xHTAbBgNVBAoMFHRsc3BwIGV4cGxh
aW4gZ29sZGVuMR0wGwYDVQQDDBR0bHNwcCBnb2xkZW4gcm9vdCBDQTAgFw0yNjEx
MjMwNDEzMDNaGA8yMTI2MTAzMDA0MTMwM1owPjEdMBsGA1UECgwUdGxzcHAgZXhw
bGFpbiBnb2xkZW4xHTAbBgNVBAMMFHRsc3BwIGdvbGRlbiByb290IENBMCowBQYD
K2VwAyEAg8i4WKh2fiDhgqoZ/KDEy2P0gyKihI8PG5m7THhbPyujYzBhMB0GA1Ud
DgQWBBSklqQcacoe6XVPKEX9ESGr16tNHDAfBgNVHSMEGDAWgBSklqQcacoe6XVP
KEX9ESGr16tNHDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAFBgMr
ZXADQQBcXKi3oy4BqFazscHKf7FKNvJSUWVKrS07QmNJR12Cn7UPCYa8DcxmYnzf
dkR2RV//QVZfXz07WgbVv9H87QYK
-----END CERTIFICATE-----
)";

inline constexpr std::string_view kGoldenLeaf = R"(-----BEGIN CERTIFICATE-----
MIIBtjCCAWigAwIBAgICIAIwBQYDK2VwMD4xHTAbBgNVBAoMFHRsc3BwIGV4cGxh
aW4gZ29sZGVuMR0wGwYDVQQDDBR0bHNwcCBnb2xkZW4gcm9vdCBDQTAgFw0yNjEx
MjMwNDEzMDNaGA8yMTI2MTAzMDA0MTMwM1owMzEdMBsGA1UECgwUdGxzcHAgZXhw
bGFpbiBnb2xkZW4xEjAQBgNVBAMMCWxvY2FsaG9zdDAqMAUGAytlcAMhAEeK6i9M
Xf16zxA93wePzNAWFcLfzkNxAp74VfaLNPpVo4GSMIGPMAwGA1UdEwEB/wQCMAAw
DgYDVR0PAQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMBoGA1UdEQQTMBGC
CWxvY2FsaG9zdIcEfwAAATAdBgNVHQ4EFgQUy6YmnpaXbnQpf9k+n5W4FWhHLqQw
HwYDVR0jBBgwFoAUpJakHGnKHul1TyhF/REhq9erTRwwBQYDK2VwA0EAdnvjnX1b
w2NndNe7FGkOBYK7umW+fqStrFfumlAmIjB3QaQmE9J7o8ppOUrzcoOWBzSI0/EI
11ALLyfuu4yTCg==
-----END CERTIFICATE-----
)";

inline constexpr std::string_view kGoldenKey = R"(-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIKPpdgYyXRhj4nMVbRm8yWyuzYN29+vS68KjEXzBVZ80
-----END PRIVATE KEY-----
)";

// explained_handshake runs the fixed handshake with both ends reporting to a
// Recorder whose clock advances 0.25 ms per event. Returns null if it fails.
inline std::shared_ptr<explain::Recorder> explained_handshake(bool secrets) {
    auto client = client_config(1);
    tls12_only(*client);   // the goldens are a TLS 1.2 handshake
    auto trust = TrustStore::from_pem(kGoldenCa);
    if (!trust) return nullptr;
    client->trust = std::move(*trust);
    auto key = CertifiedKey::from_pem(kGoldenLeaf, kGoldenKey);
    if (!key) return nullptr;
    auto server = std::make_shared<ServerConfig>();
    server->certificates.push_back(std::move(*key));
    server->random = std::make_shared<FixedRandom>(2);
    tls12_only(*server);

    auto recorder = std::make_shared<explain::Recorder>(secrets);
    recorder->clock = [n = 0]() mutable { return 0.25 * n++; };
    LoopbackPair pair(client, server, "localhost", recorder->observer_for(explain::Side::client),
                      recorder->observer_for(explain::Side::server));
    if (!pair.handshake()) return nullptr;
    return recorder;
}

// source_path is a path under the source tree (TLSPP_SOURCE_DIR).
inline std::string source_path(std::string_view relative) {
    return std::string(TLSPP_SOURCE_DIR) + "/" + std::string(relative);
}

}  // namespace tlspp::test
