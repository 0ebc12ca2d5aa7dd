// bench/hs_floor.cpp: see hs_floor.hpp.
#include "hs_floor.hpp"

#include "floor.hpp"

namespace bench {

const std::vector<FloorOp>& floor_ops() {
    static const std::vector<FloorOp> ops = {
        {"floor/x25519_keygen_derive", "X25519 keygen + derive", [] { floor::x25519_keygen_derive(); }},
        {"floor/rsa2048_sign_pss", "RSA-2048 sign PSS-SHA256", [] { floor::sign(Cert::rsa2048, true); }},
        {"floor/rsa2048_sign_pkcs1", "RSA-2048 sign PKCS#1-SHA256", [] { floor::sign(Cert::rsa2048, false); }},
        {"floor/rsa2048_verify_pss", "RSA-2048 verify PSS-SHA256", [] { floor::verify(Cert::rsa2048, true); }},
        {"floor/rsa2048_verify_pkcs1", "RSA-2048 verify PKCS#1-SHA256", [] { floor::verify(Cert::rsa2048, false); }},
        {"floor/p256_sign", "ECDSA P-256 sign", [] { floor::sign(Cert::p256, false); }},
        {"floor/p256_verify", "ECDSA P-256 verify", [] { floor::verify(Cert::p256, false); }},
        {"floor/rsa2048_decrypt", "RSA-2048 decrypt PKCS#1 v1.5 (48-byte premaster)", [] { floor::rsa_decrypt(); }},
        {"floor/rsa2048_encrypt", "RSA-2048 encrypt PKCS#1 v1.5 (48-byte premaster)", [] { floor::rsa_encrypt(); }},
        {"floor/ffdhe2048_keygen_derive",
         "ffdhe2048 keygen + derive (225-bit exponent; peer value range-checked, RFC 7919 §5.1)",
         [] { floor::ffdhe2048_keygen_derive(); }},
        {"floor/ffdhe2048_peer_check",
         "  (not in the floor) libcrypto's full ffdhe2048 public-value check, Y^q mod p (EVP_PKEY_public_check)",
         [] { floor::ffdhe2048_peer_check(); }},
        {"floor/chain_verify/rsa2048", "chain verification, RSA-2048 leaf (d2i_X509 + X509_verify_cert)",
         [] { floor::chain_verify(Cert::rsa2048); }},
        {"floor/chain_verify_preparsed/rsa2048", "  of which X509_verify_cert alone, RSA-2048 leaf",
         [] { floor::chain_verify_preparsed(Cert::rsa2048); }},
        {"floor/d2i_X509/rsa2048", "  of which d2i_X509 alone, RSA-2048 leaf", [] { floor::parse_leaf(Cert::rsa2048); }},
        {"floor/chain_verify/p256", "chain verification, P-256 leaf (d2i_X509 + X509_verify_cert)",
         [] { floor::chain_verify(Cert::p256); }},
        {"floor/chain_verify_preparsed/p256", "  of which X509_verify_cert alone, P-256 leaf",
         [] { floor::chain_verify_preparsed(Cert::p256); }},
        {"floor/d2i_X509/p256", "  of which d2i_X509 alone, P-256 leaf", [] { floor::parse_leaf(Cert::p256); }},
        {"floor/chain_verify_client/rsa2048",
         "client chain verification, RSA-2048 client leaf (d2i_X509 + X509_verify_cert, purpose sslclient)",
         [] { floor::chain_verify_client(); }},
    };
    return ops;
}

// describe_negotiation's line reads "tlspp: ..., signature scheme 0x0804, ..., server saw client
// scheme 0x0804 ...; libssl: ..., signature RSASSA-PSS/SHA256, ..., server saw client signature
// RSASSA-PSS/SHA256 ...".
PssUse pss_use(const std::string& d) {
    const auto semi = d.find("; libssl");
    const std::string t = d.substr(0, semi), l = semi == std::string::npos ? "" : d.substr(semi);
    const auto tcv = t.find("client scheme"), lcv = l.find("client signature");
    PssUse p;
    p.tlspp = t.substr(0, tcv).find("scheme 0x0804") != std::string::npos;
    p.libssl = l.substr(0, lcv).find("RSASSA-PSS") != std::string::npos;
    p.tlspp_cv = tcv != std::string::npos && t.find("0x0804", tcv) != std::string::npos;
    p.libssl_cv = lcv != std::string::npos && l.find("RSASSA-PSS", lcv) != std::string::npos;
    return p;
}

HsFloor hs_floor(Hs h, const PssUse& pss, const std::function<double(const std::string&)>& row) {
    const double x25519 = row("floor/x25519_keygen_derive");
    const double ffdhe = row("floor/ffdhe2048_keygen_derive");
    const double chain_rsa = row("floor/chain_verify/rsa2048");
    auto rsa_sign = [&](bool p) { return row(p ? "floor/rsa2048_sign_pss" : "floor/rsa2048_sign_pkcs1"); };
    auto rsa_verify = [&](bool p) { return row(p ? "floor/rsa2048_verify_pss" : "floor/rsa2048_verify_pkcs1"); };
    HsFloor f;
    switch (h) {
    case Hs::ecdhe_rsa:
        f.label = "ECDHE-RSA-AES128-GCM (X25519, RSA-2048)";
        f.server_desc = "X25519 + sign", f.client_desc = "X25519 + verify + chain verification";
        f.server_tlspp = x25519 + rsa_sign(pss.tlspp), f.server_libssl = x25519 + rsa_sign(pss.libssl);
        f.client_chain = chain_rsa;
        f.client_tlspp = x25519 + rsa_verify(pss.tlspp) + chain_rsa;
        f.client_libssl = x25519 + rsa_verify(pss.libssl) + chain_rsa;
        break;
    case Hs::ecdhe_ecdsa:
        f.label = "ECDHE-ECDSA-AES128-GCM (X25519, P-256)";
        f.server_desc = "X25519 + sign", f.client_desc = "X25519 + verify + chain verification";
        f.server_tlspp = f.server_libssl = x25519 + row("floor/p256_sign");
        f.client_chain = row("floor/chain_verify/p256");
        f.client_tlspp = f.client_libssl = x25519 + row("floor/p256_verify") + f.client_chain;
        break;
    case Hs::rsa_kx:
        f.label = "TLS_RSA_WITH_AES_128_GCM (RSA key transport, RSA-2048)";
        f.server_desc = "RSA decrypt", f.client_desc = "RSA encrypt + chain verification";
        f.server_tlspp = f.server_libssl = row("floor/rsa2048_decrypt");
        f.client_chain = chain_rsa;
        f.client_tlspp = f.client_libssl = row("floor/rsa2048_encrypt") + chain_rsa;
        break;
    case Hs::mtls:
        f.label = "mutual TLS ECDHE-RSA-AES128-GCM (X25519, RSA-2048 server and client certificates)";
        f.server_desc = "X25519 + sign + client chain verification + CertificateVerify verify";
        f.client_desc = "X25519 + verify + chain verification + CertificateVerify sign";
        f.server_chain = row("floor/chain_verify_client/rsa2048");
        f.server_tlspp = x25519 + rsa_sign(pss.tlspp) + f.server_chain + rsa_verify(pss.tlspp_cv);
        f.server_libssl = x25519 + rsa_sign(pss.libssl) + f.server_chain + rsa_verify(pss.libssl_cv);
        f.client_chain = chain_rsa;
        f.client_tlspp = x25519 + rsa_verify(pss.tlspp) + chain_rsa + rsa_sign(pss.tlspp_cv);
        f.client_libssl = x25519 + rsa_verify(pss.libssl) + chain_rsa + rsa_sign(pss.libssl_cv);
        break;
    case Hs::dhe:
        f.label = "DHE-RSA-AES128-GCM (2048-bit group: tlspp ffdhe2048, libssl RFC 3526; RSA-2048)";
        f.server_desc = "ffdhe2048 + sign", f.client_desc = "ffdhe2048 + verify + chain verification";
        f.server_tlspp = ffdhe + rsa_sign(pss.tlspp), f.server_libssl = ffdhe + rsa_sign(pss.libssl);
        f.client_chain = chain_rsa;
        f.client_tlspp = ffdhe + rsa_verify(pss.tlspp) + chain_rsa;
        f.client_libssl = ffdhe + rsa_verify(pss.libssl) + chain_rsa;
        break;
    }
    return f;
}

}  // namespace bench
