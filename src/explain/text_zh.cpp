// explain/text_zh.cpp: 解释器的全部中文文字（键见 phrases.hpp）。
// 术语与常见中文教程一致：客户端随机数 (Client Random)、服务器随机数
// (Server Random)、预主密钥 (Pre-Master)、主密钥 (Master Secret)、密码套件。
#include "explain/phrases.hpp"

namespace tlspp::explain {

namespace {

constexpr Phrase kChinese[] = {
    // 标签
    {"ui.title", "TLS 1.2 握手（{side}视角）"},
    {"ui.client", "客户端"},
    {"ui.server", "服务器"},
    {"ui.flight", "第 {n} 组消息（flight）：{from} → {to}"},
    {"ui.plaintext", "明文"},
    {"ui.protected", "已加密"},
    {"ui.bytes", "字节"},
    {"ui.record", "记录"},
    {"ui.more", "……另有 {n} 项"},
    {"ui.secret_hidden", "（秘密值已隐藏；加 --show-secrets 才显示）"},
    {"ui.encrypted_from_here", "从这里开始，{from} → {to} 的记录都是加密的（{protection}）"},
    {"ui.check_ok", "通过"},
    {"ui.check_failed", "失败"},
    {"ui.alert", "警报 {from} → {to}：{level} {description}"},
    {"ui.done.full", "握手完成（完整握手），用时 {ms} 毫秒"},
    {"ui.done.resumed", "握手完成（会话恢复），用时 {ms} 毫秒"},
    {"ui.key_schedule", "密钥计算（{side}）"},
    {"ui.details_hint", "点击一条消息，查看它的各个字段。"},
    {"ui.fields", "字段"},
    {"ui.demo", "演示 {n}/{total}：{title}"},
    {"ui.demo.ecdhe", "ECDHE 密钥交换，服务器用 ECDSA P-256 证书认证"},
    {"ui.demo.rsa", "RSA 密钥交换 (传统握手)：预主密钥加密后传输"},
    {"ui.demo.mtls", "双向 TLS：服务器也要求客户端提供证书"},
    {"ui.demo.resumed", "会话恢复：第二个连接出示第一个连接的会话票据 (Session Ticket)，跳过密钥交换"},
    {"ui.demo.listening", "客户端和服务器都在本进程中运行，经 TCP {address} 通信，使用临时生成的 CA"},

    // 消息：做什么、为什么
    {"msg.HelloRequest", "服务器请求客户端重新开始一次握手（重协商）。"},
    {"msg.ClientHello",
     "客户端发起握手：想用的 TLS 版本、按优先顺序排列的密码套件、各种扩展，以及 32 字节新生成的随机数，"
     "即客户端随机数 (Client Random)。这些全部以明文传输：此时双方还没有任何共同的秘密。"},
    {"msg.ServerHello",
     "服务器从客户端的列表里选定一个版本和一个密码套件，并给出自己的 32 字节随机数，即服务器随机数 "
     "(Server Random)。生成密钥所需的三个值中，已有两个为双方（以及任何旁观者）所知：客户端随机数和服务器随机数。"},
    {"msg.Certificate.server",
     "服务器的证书链：服务器的公钥，由客户端信任的 CA 签名。证书是公开的，任何人都能转发；"
     "真正证明服务器持有私钥的，是下一条消息里的签名。"},
    {"msg.Certificate.client",
     "客户端的证书链，因为服务器要求了（双向认证）。随后的 CertificateVerify 证明客户端持有对应的私钥。"},
    {"msg.ServerKeyExchange",
     "服务器的临时密钥交换参数 (Server Params)：在所选曲线上为本次连接新生成的公钥。服务器用证书的私钥"
     "对“客户端随机数 + 服务器随机数 + 这些参数”签名，所以这个公钥确实来自证书的主人，"
     "也无法被挪到另一次握手中重放。"},
    {"msg.CertificateRequest",
     "服务器要求客户端用证书认证（双向认证），并列出它接受的签名算法和 CA。"},
    {"msg.ServerHelloDone",
     "服务器这一组消息发完了，轮到客户端。第一个往返结束后，双方以明文共享了三样东西："
     "客户端随机数、服务器随机数和服务器的密钥交换参数。"},
    {"msg.ClientKeyExchange",
     "客户端一侧的密钥交换：它自己的临时公钥 (Client Params)。双方各用自己的私钥和对方的公钥计算，"
     "得到相同的预主密钥 (Pre-Master)；即使截获了两个公钥也算不出它。预主密钥就是第三个值："
     "它和两个随机数一起生成主密钥。使用 RSA 密钥交换 (TLS_RSA_* 套件) 时没有 ServerKeyExchange："
     "预主密钥由客户端自己生成 (48 字节：版本号加随机数)，用服务器证书的 RSA 公钥加密后发送。"
     "这种方式没有前向安全性：日后谁拿到服务器私钥，就能解密所有被记录下来的会话。"},
    {"msg.CertificateVerify",
     "客户端用证书私钥对到目前为止的握手消息摘要签名，证明它拥有刚发送的证书。"},
    {"msg.ChangeCipherSpec.client",
     "它不是握手消息，而是单独一种记录类型的一个字节，意思是：“我此后发送的一切都用刚算出的密钥加密。”"
     "客户端的下一条消息 Finished 就是它第一条加密的消息。"},
    {"msg.ChangeCipherSpec.server",
     "服务器也把自己的发送方向切换到新密钥：从下一条记录起，服务器发出的内容全部加密。"},
    {"msg.Finished.client",
     "客户端第一条加密的消息。verify_data 是用主密钥对此前所有握手消息的摘要做 PRF 得到的。"
     "它证明客户端算出了同样的密钥、看到了同样的消息：如果有人篡改过任何一条明文消息"
     "（比如删掉 ClientHello 里的强密码套件），摘要就会不同，服务器会拒绝。"},
    {"msg.Finished.server",
     "服务器的 Finished，已加密，覆盖包括客户端 Finished 在内的全部握手消息。客户端验证通过后，"
     "双方都确认持有相同的密钥，且握手未被篡改。此后应用数据双向加密传输。"},
    {"msg.NewSessionTicket",
     "服务器交给客户端一张加密的会话票据，里面存着本会话的主密钥，以后的连接可以凭它恢复会话，"
     "无需再做密钥交换和证书验证。"},

    // 字段旁的注释
    {"field.ClientHello.random", "客户端随机数：生成密钥的三个值中的第 1 个"},
    {"field.ClientHello.cipher_suites", "按客户端的优先顺序排列"},
    {"field.ClientHello.session_id", "非空：客户端请求恢复该会话"},
    {"field.ServerHello.random", "服务器随机数：三个值中的第 2 个"},
    {"field.ServerHello.cipher_suite", "选定的套件：密钥交换_认证_WITH_加密算法_摘要算法"},
    {"field.ServerHello.session_id", "服务器日后可凭此 ID 恢复本会话"},
    {"field.ServerKeyExchange.public", "服务器的临时公钥 (Server Params)"},
    {"field.ServerKeyExchange.signature", "签名内容：客户端随机数 + 服务器随机数 + 曲线 + 公钥"},
    {"field.ClientKeyExchange.ecdh_Yc", "客户端的临时公钥 (Client Params)"},
    {"field.ClientKeyExchange.exchange_keys", "RSA：用服务器公钥加密的预主密钥；DHE：客户端的公开值"},
    {"field.Finished.verify_data", "PRF(主密钥, 标签, 此前全部握手消息的摘要)"},
    {"field.CertificateVerify.signature", "签名内容：此前全部握手消息的摘要"},

    // 密钥计算
    {"key.pre_master_secret", "密钥交换得到的共享秘密，双方各自算出，从不在网络上传输。"},
    {"key.master_secret",
     "主密钥（48 字节）混合了三个值：预主密钥、客户端随机数、服务器随机数。为什么要三个？"
     "预主密钥是窃听者无法得知的部分；两个随机数让密钥只属于这一次连接，即使某一方的随机数生成器不够好、"
     "或者消息被重放也不例外。启用扩展主密钥 (extended master secret) 时，用握手消息摘要代替两个随机数，"
     "把密钥绑定到这一次握手本身。"},
    {"key.key_block",
     "主密钥再用 PRF 扩展成密钥块，切分为每个方向各一套密钥和 IV：客户端用 client_write_key 加密，"
     "服务器用 server_write_key 加密。"},
    {"key.client_public", "客户端为本次连接新生成的临时公钥，将在 ClientKeyExchange 中发出。"},
    {"key.client_write_key",
     "主密钥再用 PRF 扩展成密钥块，切分为每个方向各一套密钥和 IV：这个密钥加密客户端发送的数据，"
     "server_write_key 加密服务器发送的数据。"},
    {"key.server_write_key", "加密服务器发送的数据"},
    {"key.client_write_IV", "客户端记录的 nonce 中隐式的部分"},
    {"key.server_write_IV", "服务器记录的 nonce 中隐式的部分"},
    {"key.client_write_MAC_key",
     "仅用于 CBC 套件：客户端记录的 HMAC 密钥（即 write MAC secret）。MAC 证明每条记录未被篡改；"
     "协商了 encrypt_then_mac 时它覆盖密文，否则覆盖明文。"},
    {"key.server_write_MAC_key", "仅用于 CBC 套件：服务器记录的 HMAC 密钥"},

    // 其他事件
    {"keychange",
     "从这里起，每条记录都由 AEAD 保护：内容加密并带认证，只有 5 字节的记录头（类型、版本、长度）仍可读。"},
    {"alert.close_notify", "close_notify：发送方不会再发送任何数据。对方据此区分正常结束和被攻击者截断的连接（截断攻击）。"},
    {"alert", "警报要么终止握手（fatal），要么报告一个情况（warning）。"},
    {"done.full",
     "两条 Finished 都已验证。窃听者只看到了随机数和公钥；保护应用数据的密钥从未在网络上传输。"},
    {"done.resumed",
     "这是会话恢复：主密钥来自之前的会话，因此省去了证书和密钥交换，只需要 Hello、ChangeCipherSpec 和 Finished。"},
};

}  // namespace

std::span<const Phrase> chinese_phrases() { return kChinese; }

}  // namespace tlspp::explain
