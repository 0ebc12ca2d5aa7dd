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
    {"ui.byte_count", "（{n} 字节）"},
    {"ui.length", "{n} 字节"},
    {"ui.colon", "："},
    {"ui.checked_by", "（{side}验证）"},
    {"ui.flight_short", "第 {n} 组"},
    {"ui.alert_short", "警报 {description}"},
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
    {"ui.title.tls13", "TLS 1.3 握手（{side}视角）"},
    {"ui.tls13_negotiated", "已协商 TLS 1.3：服务器在 supported_versions 中选定了它"},
    {"ui.protected_with", "已用 {secret} 加密"},
    {"ui.encrypted_with", "从这里开始，{from} → {to} 的记录都用 {secret} 派生的密钥加密（{protection}）"},
    {"ui.demo.tls13", "TLS 1.3：一个往返，ServerHello 之后的一切都加密"},
    {"ui.demo.hrr", "TLS 1.3 与 HelloRetryRequest：客户端的密钥共享所用的组服务器不接受，所以 Hello 要交换两次"},

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
    {"msg.ClientKeyExchange.RSA",
     "RSA 密钥交换：预主密钥由客户端自己生成（48 字节：版本号加随机数），用服务器证书的 RSA 公钥加密后发送，"
     "只有持有私钥的服务器能解开。没有 ServerKeyExchange，也没有前向安全性：日后谁拿到服务器私钥，"
     "就能解密所有被记录下来的会话。预主密钥和两个随机数一起生成主密钥。"},
    {"msg.ClientKeyExchange.ECDHE",
     "客户端一侧的密钥交换：它自己的临时公钥 (Client Params)。双方各用自己的私钥和对方的公钥计算，"
     "得到相同的预主密钥 (Pre-Master)；即使截获了两个公钥也算不出它。预主密钥就是第三个值："
     "它和两个随机数一起生成主密钥。"},
    {"msg.ServerHello.resumed",
     "服务器同意恢复会话：原样返回客户端的会话 ID，沿用保存的会话的密码套件，并给出新的服务器随机数。"
     "之后没有 Certificate，也没有密钥交换：主密钥就是保存的那个。"},
    {"msg.ChangeCipherSpec.server.resumed", "会话恢复时服务器先切换：从下一条记录起，服务器发出的内容全部加密。"},
    {"msg.ChangeCipherSpec.client.resumed", "客户端把自己的发送方向切换到新密钥，随后发送加密的 Finished。"},
    {"msg.Finished.server.resumed",
     "会话恢复时服务器的 Finished 在前，用保存的主密钥和两个新随机数生成的密钥加密。它证明服务器仍持有那个主密钥。"},
    {"msg.Finished.client.resumed",
     "客户端的 Finished 结束这次会话恢复握手，覆盖包括服务器 Finished 在内的全部消息。此后应用数据双向加密传输。"},
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

    // TLS 1.3 (RFC 8446)：只有它才有的消息，以及其他消息在 1.3 中的形式
    {"msg.ClientHello.tls13",
     "客户端发起 TLS 1.3 握手。前面几个字段看上去仍是 TLS 1.2（legacy_version 为 0x0303、一个会话 ID、压缩方式 null），"
     "这样只认识 TLS 1.2 的服务器和中间设备 (middlebox) 也会放行 (RFC 8446 §D.4)；真正的提议在扩展里："
     "supported_versions 列出 TLS 1.3，key_share 已经带上客户端为它猜测服务器会选的组生成的临时公钥。"
     "提前发送密钥共享，正是 TLS 1.3 只需一个往返的原因：在 TLS 1.2 中，密钥交换要等 ServerHello 之后，"
     "在 ServerKeyExchange 和 ClientKeyExchange 里才进行。"},
    {"msg.ClientHello.retry",
     "客户端的第二个 ClientHello，回应 HelloRetryRequest：提议与第一次相同，只是 key_share 现在只有一个、"
     "针对服务器选定的组的密钥共享，并原样带回服务器的 cookie。其他内容一概不许改变 (RFC 8446 §4.1.2)，"
     "服务器因此可以沿用它已经做出的判断。"},
    {"msg.HelloRetryRequest",
     "它不是一种独立的消息类型，而是一个带有特殊随机数的 ServerHello，这个随机数是 \"HelloRetryRequest\" 的 SHA-256 "
     "(RFC 8446 §4.1.3)。服务器接受客户端的某个组，但客户端没有为它发送密钥共享，于是请客户端用 selected_group "
     "指定的组重试；这要多花一个往返。ClientHello1 以压缩的形式留在握手记录 (transcript) 中：它被 message_hash 取代，"
     "这是一条装着 Hash(ClientHello1) 的合成握手消息 (§4.4.1)；服务器若把这个摘要放进 cookie，中间就可以不保存连接状态。"},
    {"msg.ServerHello.tls13",
     "服务器在 supported_versions 中选定 TLS 1.3（legacy_version 仍写 TLS 1.2，也是为了那些中间设备），选出一个密码套件，"
     "并在 key_share 中用自己的密钥共享回应客户端的密钥共享。密钥交换就此完成：TLS 1.2 要晚一个往返、"
     "在 ServerKeyExchange 和 ClientKeyExchange 中才做的事。这里的密钥共享没有签名：CertificateVerify "
     "会对包括它在内的整个握手记录签名。双方现在都能算出 (EC)DHE 共享秘密和握手流量密钥。ServerHello "
     "是最后一条明文消息：此后的一切都加密。"},
    {"msg.ServerHello.tls13.resumed",
     "服务器接受客户端提供的预共享密钥（pre_shared_key 指明是哪一个），并在 psk_dhe_ke 模式下仍回应密钥共享，"
     "所以恢复的会话也有新的、具备前向安全性的密钥。之后没有 Certificate 和 CertificateVerify：知道 PSK 本身就认证了双方。"},
    {"msg.EncryptedExtensions",
     "服务器第一条加密的消息，用 server_handshake_traffic_secret 加密：商定密钥时用不到的那些扩展（ALPN、对 server_name "
     "的确认、服务器的 supported_groups、early_data）。在 TLS 1.2 中它们放在 ServerHello 里明文传输；TLS 1.3 "
     "把能藏的都藏到握手密钥之后，窃听者只能看到 ClientHello 和 ServerHello。"},
    {"msg.CertificateRequest.tls13",
     "服务器要求客户端提供证书。在 TLS 1.3 中这个请求是加密的，由扩展组成：signature_algorithms（必须有）"
     "说明客户端可以用哪些签名算法，certificate_authorities 说明服务器信任哪些 CA。certificate_request_context "
     "在握手期间为空；握手之后（握手后认证，RFC 8446 §4.6.2）它是一个唯一的值，客户端的回应必须原样带回。"},
    {"msg.Certificate.server.tls13",
     "服务器的证书链，和 TLS 1.2 一样，但已加密：窃听者再也看不到是哪张证书，也就看不出客户端访问的是哪个网站。"
     "每个条目可以带自己的扩展（OCSP 响应、SCT）。证书是公开的；证明服务器持有私钥的是 CertificateVerify。"},
    {"msg.Certificate.client.tls13",
     "客户端的证书链，回应 CertificateRequest（原样带回它的 certificate_request_context），用 "
     "client_handshake_traffic_secret 加密。列表为空表示客户端没有证书；握手能否继续由服务器的策略决定 (certificate_required)。"},
    {"msg.CertificateVerify.server.tls13",
     "服务器用证书私钥对到目前为止的握手记录摘要签名，证明它持有私钥；签名内容前面加上 64 个空格和上下文字符串 "
     "\"TLS 1.3, server CertificateVerify\" (RFC 8446 §4.4.3)。这 64 个字节消除了 TLS 1.2 签名中攻击者可以选择的前缀"
     "（32 字节的客户端随机数），上下文字符串则保证服务器的签名永远不能冒充客户端的签名。由于握手记录包含双方的密钥共享，"
     "这个签名同时认证了密钥交换，而这在 TLS 1.2 中是由 ServerKeyExchange 的签名完成的。"},
    {"msg.CertificateVerify.client.tls13",
     "客户端用证书私钥对到目前为止的握手记录摘要签名，前面加上 64 个空格和 \"TLS 1.3, client CertificateVerify\" "
     "(RFC 8446 §4.4.3)，证明它拥有刚发送的证书。上下文字符串与服务器的不同，所以两边的签名不能互相顶替。"},
    {"msg.Certificate.client.tls13.post_handshake",
     "握手后认证 (RFC 8446 §4.6.2)：客户端在握手结束后回应服务器的 CertificateRequest，原样带回它的 "
     "certificate_request_context，用自己的应用流量密钥加密。"},
    {"msg.CertificateVerify.client.tls13.post_handshake",
     "客户端用证书私钥签名，内容是 64 个空格、\"TLS 1.3, client CertificateVerify\"，以及截至它的 Finished 的握手、"
     "这条 CertificateRequest 和它的 Certificate 的摘要 (RFC 8446 §4.4)。"},
    {"msg.Finished.client.tls13.post_handshake",
     "结束这次握手后认证：用客户端当前的应用流量密钥派生的密钥，对握手、CertificateRequest、Certificate 和 "
     "CertificateVerify 做 HMAC (RFC 8446 §4.4.4)。"},
    {"msg.Finished.server.tls13",
     "服务器的 Finished 结束它这一组消息：verify_data 是握手记录摘要的 HMAC，密钥由 server_handshake_traffic_secret "
     "派生 (RFC 8446 §4.4.4)。它证明服务器看到的握手与客户端相同，并持有相同的密钥。在 TLS 1.3 中服务器的 Finished "
     "在前，服务器紧接着就可以发送应用数据。"},
    {"msg.Finished.client.tls13",
     "客户端的 Finished：对截至服务器 Finished 的握手记录摘要做 HMAC，密钥由 client_handshake_traffic_secret 派生 "
     "(RFC 8446 §4.4.4)。它结束握手；客户端紧接着就发送应用数据，距它的 ClientHello 只有一个往返。在 TLS 1.2 中"
     "它要等到服务器的 Finished，也就是两个往返之后。"},
    {"msg.NewSessionTicket.tls13",
     "握手之后发送，用服务器的应用流量密钥加密。TLS 1.3 的票据不携带主密钥：它指向一个预共享密钥 (PSK)，"
     "双方各自由 resumption_master_secret 和 ticket_nonce 派生出它 (RFC 8446 §4.6.1)。客户端以后在 ClientHello 的 "
     "pre_shared_key 扩展中出示它；服务器可以发好几张，让以后每个连接都用一张新的。"},
    {"msg.EndOfEarlyData",
     "客户端用 client_early_traffic_secret 加密的最后一条消息：它的 0-RTT 数据到此结束，此后的握手消息改用握手流量密钥 "
     "(RFC 8446 §4.5)。"},
    {"msg.KeyUpdate",
     "发送方换用下一代应用流量密钥：secret_N+1 = HKDF-Expand-Label(secret_N, \"traffic upd\", \"\", Hash.length) "
     "(RFC 8446 §4.6.3、§7.2)。这条消息之后它发送的一切都用新密钥，旧密钥随即删除，所以日后泄露的密钥解不开之前的内容。"
     "若为 update_requested，对方要回一条自己的 KeyUpdate。在长连接上，它还让每个密钥的用量低于 AEAD 的上限 (§5.5)。"},
    {"msg.message_hash",
     "它不在网络上传输：HelloRetryRequest 之后，握手记录以这条合成的握手消息（类型 254）开头，它装着 Hash(ClientHello1)，"
     "代替 ClientHello1 本身 (RFC 8446 §4.4.1)。"},
    {"msg.ChangeCipherSpec.tls13",
     "为兼容中间设备而发送的假 ChangeCipherSpec (RFC 8446 §D.4)：在 TLS 1.3 中它不切换任何密钥；发送它只是为了让期待 "
     "TLS 1.2 交互的中间设备放行。对方读也不读就丢弃 (§5)；握手结束后再收到它，或内容不是 0x01，都是 unexpected_message。"},

    // 字段旁的注释：按字段的值和上下文选择（annotate.hpp）
    {"field.ClientHello.random.full", "客户端随机数：生成密钥的三个值中的第 1 个"},
    {"field.ClientHello.random.resumption", "客户端随机数：本次连接新生成；若服务器恢复会话，两个随机数会和保存的主密钥一起生成新的密钥"},
    {"field.ClientHello.session_id.empty", "空：客户端没有可凭会话 ID 恢复的会话"},
    {"field.ClientHello.session_id.ticket", "随票据发送的随机 ID（RFC 5077 §3.4）：服务器接受票据时会原样返回它"},
    {"field.ClientHello.session_id.resume", "之前某个会话的 ID：客户端请求恢复该会话"},
    {"field.ClientHello.cipher_suites.one", "客户端只接受这一个密码套件"},
    {"field.ClientHello.cipher_suites.many", "按客户端的优先顺序排列"},
    {"field.ClientHello.extensions.server_name", "客户端要访问的主机名 (SNI)，明文传输"},
    {"field.ClientHello.extensions.supported_groups", "客户端可用于 ECDHE 的曲线，优先的在前"},
    {"field.ClientHello.extensions.ec_point_formats.uncompressed", "只用未压缩的点格式，RFC 8422 只保留了这一种"},
    {"field.ClientHello.extensions.ec_point_formats.other", "客户端能读取的点格式"},
    {"field.ClientHello.extensions.signature_algorithms", "客户端接受的签名算法，优先的在前"},
    {"field.ClientHello.extensions.session_ticket.empty", "空：客户端没有票据，请服务器发一张 (RFC 5077)"},
    {"field.ClientHello.extensions.session_ticket.ticket", "之前会话的票据：客户端请求凭它恢复会话"},
    {"field.ClientHello.extensions.extended_master_secret", "客户端支持扩展主密钥 (RFC 7627)"},
    {"field.ClientHello.extensions.renegotiation_info.empty", "空：这是首次握手，客户端支持安全重协商 (RFC 5746)"},
    {"field.ClientHello.extensions.renegotiation_info.data", "客户端上一次的 verify_data：这是一次重协商 (RFC 5746)"},
    {"field.ClientHello.extensions.encrypt_then_mac", "客户端提议 CBC 套件先加密再计算 MAC (RFC 7366)"},
    {"field.ClientHello.extensions.application_layer_protocol_negotiation", "客户端提供的应用层协议 (ALPN)"},
    {"field.ServerHello.random.full", "服务器随机数：三个值中的第 2 个"},
    {"field.ServerHello.random.resumed", "服务器随机数：本次新生成，所以虽然沿用主密钥，本次连接的密钥仍是新的"},
    {"field.ServerHello.random.downgrade", "以 “DOWNGRD” 结尾：支持 TLS 1.3 的服务器同意使用 TLS 1.2 (RFC 8446 §4.1.3)"},
    {"field.ServerHello.session_id.empty", "空：服务器不会凭会话 ID 恢复本会话"},
    {"field.ServerHello.session_id.empty_ticket", "空：不凭会话 ID 恢复；服务器将改发票据"},
    {"field.ServerHello.session_id.echo", "原样返回客户端的 ID：服务器恢复该会话"},
    {"field.ServerHello.session_id.echo_ticket", "原样返回客户端的 ID：服务器接受了票据，恢复会话"},
    {"field.ServerHello.session_id.new", "新的会话 ID，服务器日后可凭它恢复本会话"},
    {"field.ServerHello.session_id.new_refused", "不是客户端发来的 ID：不恢复，进行完整握手；服务器日后可凭这个新 ID 恢复本会话"},
    {"field.ServerHello.cipher_suite.ecdhe", "选定的套件：ECDHE 密钥交换，用证书私钥签名；WITH 之后是记录的加密算法和摘要算法"},
    {"field.ServerHello.cipher_suite.dhe", "选定的套件：DHE 密钥交换，用证书私钥签名；WITH 之后是记录的加密算法和摘要算法"},
    {"field.ServerHello.cipher_suite.rsa", "选定的套件：RSA 密钥交换，客户端用证书公钥加密预主密钥（没有 ServerKeyExchange，也没有前向安全性）"},
    {"field.ServerHello.cipher_suite.resumed", "被恢复的会话所用的密码套件"},
    {"field.ServerHello.cipher_suite.other", "选定的套件：密钥交换_认证_WITH_加密算法_摘要算法"},
    {"field.ServerHello.extensions.server_name", "空：服务器使用了客户端发来的主机名 (RFC 6066)"},
    {"field.ServerHello.extensions.renegotiation_info.empty", "空：服务器支持安全重协商 (RFC 5746)"},
    {"field.ServerHello.extensions.ec_point_formats.uncompressed", "服务器也使用未压缩的点格式"},
    {"field.ServerHello.extensions.extended_master_secret.full", "已接受：主密钥基于握手消息摘要计算 (RFC 7627)"},
    {"field.ServerHello.extensions.extended_master_secret.resumed", "被恢复的会话当初使用了扩展主密钥"},
    {"field.ServerHello.extensions.session_ticket.empty", "空：服务器将在本次握手中发送新的票据 (NewSessionTicket)"},
    {"field.ServerHello.extensions.encrypt_then_mac", "已接受：CBC 记录的 MAC 覆盖密文 (RFC 7366)"},
    {"field.ServerHello.extensions.application_layer_protocol_negotiation", "服务器选定的应用层协议"},
    {"field.Certificate.issuer.self", "与 subject 相同：自签名的根 CA"},
    {"field.Certificate.issuer.other", "签发这张证书的 CA"},
    {"field.Certificate.validity.current", "当前有效：验证方用自己的时钟检查这段有效期"},
    {"field.Certificate.validity.expired", "已过期：验证方会拒绝它 (certificate_expired)"},
    {"field.Certificate.validity.not_yet", "尚未生效：验证方会拒绝它 (certificate_expired)"},
    {"field.Certificate.subject_alt_names.server", "证书适用的名称：客户端用要连接的主机名和它们比对"},
    {"field.Certificate.subject_alt_names.client", "客户端证书中的名称：服务器只验证证书链，不比对主机名"},
    {"field.Certificate.subject_alt_names.issuer", "CA 证书中的名称：只有第一张证书的名称会被比对"},
    {"field.signature_scheme.eddsa", "EdDSA 签名：对方提供过的签名算法之一"},
    {"field.signature_scheme.ecdsa", "ECDSA 签名，使用名称中的摘要算法：对方提供过的签名算法之一"},
    {"field.signature_scheme.rsa_pss", "RSA-PSS 签名，使用名称中的摘要算法：对方提供过的签名算法之一"},
    {"field.signature_scheme.rsa_pkcs1", "RSA PKCS #1 v1.5 签名，使用名称中的摘要算法：对方提供过的签名算法之一"},
    {"field.signature_scheme.sha1", "使用 SHA-1，tlspp 默认拒绝（安全级别 2）"},
    {"field.ServerKeyExchange.public", "服务器的临时公钥 (Server Params)"},
    {"field.ServerKeyExchange.signature.ecdhe", "签名内容：客户端随机数 + 服务器随机数 + 曲线 + 公钥"},
    {"field.ServerKeyExchange.signature.dhe", "签名内容：客户端随机数 + 服务器随机数 + p、g 和公开值"},
    {"field.CertificateRequest.supported_signature_algorithms", "服务器在 CertificateVerify 中接受的签名算法"},
    {"field.ClientKeyExchange.ecdh_Yc", "客户端的临时公钥 (Client Params)"},
    {"field.ClientKeyExchange.exchange_keys.rsa", "用服务器证书的 RSA 公钥加密的预主密钥"},
    {"field.ClientKeyExchange.exchange_keys.dhe", "客户端的 DH 公开值"},
    {"field.Finished.verify_data.client.full", "PRF(主密钥, \"client finished\", 此前全部握手消息的摘要)"},
    {"field.Finished.verify_data.server.full", "PRF(主密钥, \"server finished\", 此前全部握手消息的摘要，含客户端的 Finished)"},
    {"field.Finished.verify_data.server.resumed", "PRF(主密钥, \"server finished\", 此前握手消息的摘要)：会话恢复时服务器的 Finished 在前"},
    {"field.Finished.verify_data.client.resumed", "PRF(主密钥, \"client finished\", 此前全部握手消息的摘要，含服务器的 Finished)"},
    {"field.CertificateVerify.signature", "签名内容：此前全部握手消息的摘要"},
    {"field.NewSessionTicket.ticket", "对客户端不透明：用服务器的票据密钥加密的会话"},
    {"field.NewSessionTicket.ticket_lifetime_hint.zero", "0：服务器没有给出有效期"},
    {"field.NewSessionTicket.ticket_lifetime_hint.some", "客户端可以保存票据的时长"},
    // TLS 1.3 的字段 (RFC 8446)
    {"field.ClientHello.legacy_version",
     "TLS 1.3 的 ClientHello 中总是 TLS 1.2：遇到不认识的版本号就出错的服务器会因此中断 (§4.1.2)；真正的版本列在 supported_versions 中"},
    {"field.ClientHello.random.tls13", "客户端随机数：新生成的 32 字节；在 TLS 1.3 中它经由握手记录摘要进入密钥"},
    {"field.ClientHello.legacy_session_id.empty", "空：没有启用兼容模式，也没有要恢复的 TLS 1.2 会话"},
    {"field.ClientHello.legacy_session_id.compat",
     "为兼容中间设备而发送的随机字节 (RFC 8446 §D.4)：TLS 1.3 服务器会原样返回，整个交互看起来像一次 TLS 1.2 会话恢复"},
    {"field.ClientHello.legacy_session_id.ticket", "随 TLS 1.2 票据发送的随机 ID（RFC 5077 §3.4）；TLS 1.3 服务器只是原样返回它"},
    {"field.ClientHello.legacy_compression_methods", "只有一项 null：TLS 1.3 不支持压缩 (§4.1.2)"},
    {"field.ClientHello.extensions.supported_versions",
     "客户端支持的版本，优先的在前：TLS 1.3 服务器从这里选版本，而不看 legacy_version (§4.2.1)"},
    {"field.ClientHello.extensions.supported_versions.grease",
     "客户端支持的版本；GREASE 值 (RFC 8701) 是无意义的条目，用来检验服务器会忽略它不认识的值"},
    {"field.ClientHello.extensions.key_share", "临时公钥，客户端猜测服务器可能选的每个组各一个 (§4.2.8)"},
    {"field.ClientHello.extensions.key_share.key_share_entry", "客户端在这个组上的公钥；私钥从不离开客户端"},
    {"field.ClientHello.extensions.cookie", "原样带回 HelloRetryRequest 的 cookie：服务器可以把状态存在里面，而不必保存在内存中 (§4.2.2)"},
    {"field.ClientHello.extensions.psk_key_exchange_modes",
     "用 PSK 恢复会话时允许的方式：psk_dhe_ke 再做一次新的 (EC)DHE，保证前向安全性；psk_ke 只用 PSK (§4.2.9)"},
    {"field.ClientHello.extensions.early_data", "0-RTT：客户端紧跟着这个 ClientHello 发送应用数据；攻击者可以重放这种数据 (§8)"},
    {"field.ClientHello.extensions.post_handshake_auth", "握手结束后，客户端也会回应 CertificateRequest (§4.2.6)"},
    {"field.ClientHello.extensions.signature_algorithms_cert", "客户端在证书自身的签名中接受的算法，与 CertificateVerify 的不同时才需要 (§4.2.3)"},
    {"field.ClientHello.extensions.pre_shared_key",
     "客户端提出要恢复的会话（PSK 标识），每个都带一个 binder，证明客户端持有该密钥；总是最后一个扩展 (§4.2.11)"},
    {"field.ServerHello.legacy_version", "即使是 TLS 1.3 也写 TLS 1.2：版本在 supported_versions 中选定 (§4.1.3)"},
    {"field.ServerHello.random.tls13", "服务器随机数：新生成的 32 字节；和客户端随机数一样，经由握手记录摘要进入密钥"},
    {"field.ServerHello.legacy_session_id_echo.echo", "按 TLS 1.3 的要求原样返回客户端的 legacy_session_id (§4.1.3)：只为中间设备，并不恢复任何会话"},
    {"field.ServerHello.legacy_session_id_echo.empty", "空：客户端没有发送需要返回的会话 ID"},
    {"field.ServerHello.cipher_suite.tls13",
     "TLS 1.3 的密码套件只规定 AEAD 算法和 HKDF 所用的摘要算法：密钥交换在 key_share 中，认证靠 CertificateVerify"},
    {"field.ServerHello.cipher_suite.tls13_resumed", "本次连接的 AEAD 算法和摘要算法：PSK 只能配合生成它时所用的摘要算法 (§4.2.11)"},
    {"field.ServerHello.legacy_compression_method", "总是 null：TLS 1.3 不支持压缩"},
    {"field.ServerHello.extensions.supported_versions", "服务器选定的版本：决定这是 TLS 1.3 握手的是它，而不是 legacy_version"},
    {"field.ServerHello.extensions.key_share",
     "服务器在客户端所列的某个组上的临时公钥：与客户端的密钥共享一起得出共享秘密，相当于 TLS 1.2 的 ServerKeyExchange，但早了一个往返"},
    {"field.ServerHello.extensions.pre_shared_key", "服务器接受了客户端的哪一个 PSK (§4.2.11)"},
    {"field.HelloRetryRequest.legacy_version", "TLS 1.2，和每个 TLS 1.3 的 ServerHello 一样"},
    {"field.HelloRetryRequest.random", "SHA-256(\"HelloRetryRequest\")：标明这是 HelloRetryRequest 的是这个固定值，而不是消息类型 (§4.1.3)"},
    {"field.HelloRetryRequest.legacy_session_id_echo", "原样返回客户端的 legacy_session_id，和 ServerHello 一样"},
    {"field.HelloRetryRequest.cipher_suite", "服务器将选用的密码套件：随后的 ServerHello 必须与之相同 (§4.1.4)"},
    {"field.HelloRetryRequest.legacy_compression_method", "总是 null"},
    {"field.HelloRetryRequest.extensions.supported_versions", "TLS 1.3：只有 TLS 1.3 才有 HelloRetryRequest"},
    {"field.HelloRetryRequest.extensions.key_share.selected_group",
     "服务器要求的组：客户端的下一个 ClientHello 必须带上这个组的密钥共享，而且只能带这一个 (§4.2.8)"},
    {"field.HelloRetryRequest.extensions.cookie",
     "对客户端不透明，要在下一个 ClientHello 中原样带回；服务器可以把 Hash(ClientHello1) 放在这里，从而不必保存状态 (§4.2.2)"},
    {"field.EncryptedExtensions.extensions.server_name", "空：服务器使用了客户端发来的主机名 (RFC 6066)"},
    {"field.EncryptedExtensions.extensions.application_layer_protocol_negotiation", "服务器选定的应用层协议，现在是加密的"},
    {"field.EncryptedExtensions.extensions.supported_groups", "服务器支持的组，优先的在前：客户端下次连接时可以采用 (§4.2.7)"},
    {"field.EncryptedExtensions.extensions.early_data", "服务器接受客户端的 0-RTT 数据 (§4.2.10)"},
    {"field.Certificate.certificate_request_context.server", "空：服务器的 Certificate 不是对请求的回应"},
    {"field.Certificate.certificate_request_context.client", "所回应的 CertificateRequest 的上下文 (§4.4.2)"},
    {"field.Certificate.certificate_list.empty", "空：客户端没有可提供的证书 (§4.4.2.4)"},
    {"field.Certificate.extensions", "只属于这张证书的扩展 (§4.4.2)：OCSP 响应、SCT"},
    {"field.CertificateRequest.certificate_request_context.empty", "空：这是握手期间的请求"},
    {"field.CertificateRequest.certificate_request_context.post_handshake", "握手后认证：客户端的 Certificate 必须原样带回这个值 (§4.3.2)"},
    {"field.CertificateRequest.extensions.signature_algorithms", "服务器在客户端的 CertificateVerify 中接受的签名算法（必须有，§4.3.2）"},
    {"field.CertificateRequest.extensions.certificate_authorities", "服务器信任的 CA，帮助客户端挑选证书 (§4.2.4)"},
    {"field.CertificateRequest.extensions.signature_algorithms_cert", "服务器在证书签名中接受的算法"},
    {"field.CertificateVerify.signature.tls13.server",
     "签名内容：64 个 0x20、\"TLS 1.3, server CertificateVerify\"、0x00，然后是此前全部握手消息的摘要"},
    {"field.CertificateVerify.signature.tls13.client",
     "签名内容：64 个 0x20、\"TLS 1.3, client CertificateVerify\"、0x00，然后是此前全部握手消息的摘要"},
    {"field.Finished.verify_data.tls13.server",
     "HMAC(finished_key, 此前全部握手消息的摘要)；finished_key = "
     "HKDF-Expand-Label(server_handshake_traffic_secret, \"finished\", \"\", Hash.length)"},
    {"field.Finished.verify_data.tls13.client",
     "HMAC(finished_key, 此前全部握手消息的摘要，含服务器的 Finished)；finished_key = "
     "HKDF-Expand-Label(client_handshake_traffic_secret, \"finished\", \"\", Hash.length)"},
    {"field.CertificateVerify.signature.tls13.post_handshake",
     "签名内容：64 个 0x20、\"TLS 1.3, client CertificateVerify\"、0x00，然后是握手、这条 CertificateRequest 和 Certificate 的摘要"},
    {"field.Finished.verify_data.tls13.post_handshake",
     "HMAC(finished_key, 握手、CertificateRequest、Certificate、CertificateVerify 的摘要)；finished_key 由当前的应用流量密钥派生"},
    {"field.NewSessionTicket.ticket_lifetime", "客户端可以使用这张票据的时长：最多 7 天 (§4.6.1)"},
    {"field.NewSessionTicket.ticket_age_add", "一个随机数，客户端出示票据时把它加到票据的“年龄”上，旁观者就无法据此把几个连接关联起来"},
    {"field.NewSessionTicket.ticket_nonce",
     "让这张票据的 PSK 独一无二：PSK = HKDF-Expand-Label(resumption_master_secret, \"resumption\", ticket_nonce, Hash.length)"},
    {"field.NewSessionTicket.ticket.tls13", "对客户端不透明：客户端日后回送的 PSK 标识；服务器可以把 PSK 加密后存在里面"},
    {"field.NewSessionTicket.extensions.early_data", "凭这张票据，服务器会接受 0-RTT 数据"},
    {"field.NewSessionTicket.extensions.early_data.max_early_data_size", "0-RTT 数据的上限 (§4.2.10)"},
    {"field.KeyUpdate.request_update.requested", "对方必须回一条自己的 KeyUpdate，这样两个方向都换新密钥"},
    {"field.KeyUpdate.request_update.not_requested", "不需要回应：只有发送方的密钥改变"},

    // 密钥计算
    {"key.master_secret.resumed",
     "主密钥来自保存的会话：这次没有密钥交换。密钥块由它和两个新的随机数生成，所以本次连接仍有自己的密钥。"},
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

    // TLS 1.3 的密钥计算 (RFC 8446 §7.1)：先是阶梯，再是每一步
    {"ladder13.title",
     "TLS 1.3 的密钥计算 (RFC 8446 §7.1) 是一架有三级的阶梯。每一级都是对上一级（经过 Derive-Secret(…, \"derived\", \"\")）"
     "和一个新输入做 HKDF-Extract；每个流量密钥都是用某一级和当时的握手记录摘要做 Derive-Secret 得到的，"
     "因此它与此前的每条消息绑定："},
    {"ladder13.early", "① 早期密钥 (Early Secret) ← PSK（没有时为全零）→ client_early_traffic_secret：0-RTT 数据和 EndOfEarlyData"},
    {"ladder13.handshake",
     "② 握手密钥 (Handshake Secret) ← (EC)DHE 共享秘密 → client_handshake_traffic_secret 和 server_handshake_traffic_secret"
     "（握手记录截至 ServerHello）：ServerHello 之后、各自 Finished 为止的每条握手消息"},
    {"ladder13.master",
     "③ 主密钥 (Master Secret) ← 全零 → client_application_traffic_secret_0 和 server_application_traffic_secret_0"
     "（握手记录截至服务器的 Finished）：应用数据、NewSessionTicket、KeyUpdate；exporter_master_secret：导出密钥；"
     "resumption_master_secret：以后连接的 PSK"},
    {"ladder13.keys",
     "每个流量密钥再用 HKDF-Expand-Label(流量密钥, \"key\" 或 \"iv\", \"\", 长度) 得出该方向的密钥和 IV (§7.3)；"
     "KeyUpdate 用下一代取代它（\"traffic upd\"，§7.2）。"},
    {"key.early_secret",
     "第 1 级：早期密钥 = HKDF-Extract(0, PSK)。没有 PSK 时输入为全零，这里还没有任何秘密；有 PSK 时，由它得出 0-RTT 数据和 PSK binder 的密钥。"},
    {"key.binder_key",
     "Derive-Secret(早期密钥, \"res binder\" 或 \"ext binder\", \"\")：PSK binder 的密钥，binder 证明客户端持有它出示的 PSK (§4.2.11.2)。"},
    {"key.client_early_traffic_secret",
     "Derive-Secret(早期密钥, \"c e traffic\", ClientHello)：保护客户端的 0-RTT 数据和 EndOfEarlyData。"
     "此时服务器还没有贡献任何东西，所以 0-RTT 数据没有前向安全性，而且可能被重放。"},
    {"key.early_exporter_master_secret", "Derive-Secret(早期密钥, \"e exp master\", ClientHello)：可用于 0-RTT 数据的导出密钥。"},
    {"key.shared_secret", "两个密钥共享得出的 (EC)DHE 共享秘密，双方各自算出，从不在网络上传输：第 2 级的新输入。"},
    {"key.client_public.tls13", "客户端的临时公钥，在对服务器一无所知时就已生成：它放在 ClientHello 的 key_share 中发出。"},
    {"key.server_public.tls13", "服务器在所选组上的临时公钥：它放在 ServerHello 的 key_share 中发出。"},
    {"key.handshake_secret",
     "第 2 级：握手密钥 = HKDF-Extract(Derive-Secret(早期密钥, \"derived\", \"\"), (EC)DHE 共享秘密)。"
     "由它和截至 ServerHello 的握手记录得出两个握手流量密钥。"},
    {"key.client_handshake_traffic_secret",
     "Derive-Secret(握手密钥, \"c hs traffic\", ClientHello…ServerHello)：保护客户端在握手中发送的内容"
     "（Certificate、CertificateVerify、Finished）。密钥日志标签：CLIENT_HANDSHAKE_TRAFFIC_SECRET。"},
    {"key.server_handshake_traffic_secret",
     "Derive-Secret(握手密钥, \"s hs traffic\", ClientHello…ServerHello)：保护服务器在 ServerHello 之后、"
     "直到它的 Finished 为止发送的一切（EncryptedExtensions、CertificateRequest、Certificate、CertificateVerify、Finished）。"
     "密钥日志标签：SERVER_HANDSHAKE_TRAFFIC_SECRET。"},
    {"key.master_secret.tls13",
     "第 3 级：主密钥 = HKDF-Extract(Derive-Secret(握手密钥, \"derived\", \"\"), 全零)。这一步没有新的秘密输入："
     "它把应用密钥和握手密钥隔开。和 TLS 1.2 的主密钥不同，它不会被切分成密钥块。"},
    {"key.client_application_traffic_secret_0",
     "Derive-Secret(主密钥, \"c ap traffic\", ClientHello…服务器 Finished)：保护客户端的应用数据和它在握手之后发送的消息；"
     "KeyUpdate 会把它推进到 _1、_2…… 密钥日志标签：CLIENT_TRAFFIC_SECRET_0。"},
    {"key.server_application_traffic_secret_0",
     "Derive-Secret(主密钥, \"s ap traffic\", ClientHello…服务器 Finished)：保护服务器的应用数据、NewSessionTicket 和 KeyUpdate；"
     "服务器在自己的 Finished 之后即可使用。密钥日志标签：SERVER_TRAFFIC_SECRET_0。"},
    {"key.application_traffic_secret_update",
     "KeyUpdate 之后的下一代：HKDF-Expand-Label(上一代, \"traffic upd\", \"\", Hash.length) (§7.2)。"},
    {"key.exporter_master_secret",
     "Derive-Secret(主密钥, \"exp master\", ClientHello…服务器 Finished)：供应用使用的密钥材料（导出器，§7.5），"
     "与流量密钥互不相关。密钥日志标签：EXPORTER_SECRET。"},
    {"key.resumption_master_secret",
     "Derive-Secret(主密钥, \"res master\", ClientHello…客户端 Finished)：每张 NewSessionTicket 的 PSK 都由它和票据的 nonce 派生。"},

    // 连接自己报告的文字（localize.hpp）：英文原文见 text_en.cpp
    {"value.empty", "（空）"},
    {"value.empty_ack", "（空：表示确认）"},
    {"value.empty_initial", "（空：首次握手）"},
    {"value.bytes_hex", "{n} 字节：{hex}"},
    {"value.bytes", "{n} 字节"},
    {"value.seconds", "{n} 秒"},
    {"value.bits", "{hex}（{n} 位）"},
    {"value.undecodable", "{value}（无法解码：{detail}）"},
    {"value.unknown", "未知 ({code})"},
    {"check.certificate_chain", "证书链"},
    {"check.client_certificate_chain", "客户端证书链"},
    {"check.ske_signature", "ServerKeyExchange 签名"},
    {"check.client_certificate_verify", "客户端 CertificateVerify 签名"},
    {"check.server_finished", "服务器 Finished"},
    {"check.client_finished", "客户端 Finished"},
    {"check.resumption", "会话恢复"},
    {"check.server_certificate_verify", "服务器 CertificateVerify 签名"},
    {"detail.chain_cached", "可信、当前有效、签发给 {name}（沿用缓存的验证结果）"},
    {"detail.chain", "可信、当前有效、签发给 {name}"},
    {"detail.chain_unverified", "未验证（验证已关闭）"},
    {"detail.client_chain_cached", "可信、当前有效、可用于客户端认证（沿用缓存的验证结果）"},
    {"detail.client_chain", "可信、当前有效、可用于客户端认证"},
    {"detail.ske_signature", "{scheme} 签名，覆盖 client_random + server_random + 密钥交换参数"},
    {"detail.certificate_verify", "{scheme} 签名，覆盖此前的全部握手消息"},
    {"detail.certificate_verify13", "{scheme} 签名，覆盖 64 个空格、上下文字符串和握手记录摘要"},
    {"detail.server_finished", "服务器看到的握手与本方相同，并持有相同的主密钥"},
    {"detail.client_finished", "客户端看到的握手与本方相同，并持有相同的主密钥"},
    {"detail.server_finished13", "服务器看到的握手与本方相同，并持有相同的握手流量密钥"},
    {"detail.client_finished13", "客户端看到的握手与本方相同，并持有相同的握手流量密钥"},
    {"detail.resumed_ticket", "凭票据恢复"},
    {"detail.resumed_id", "凭会话 ID 恢复"},
    {"detail.accepted_ticket", "服务器接受了客户端提供的会话（票据）"},
    {"detail.accepted_id", "服务器接受了客户端提供的会话（会话 ID）"},
    {"detail.refused", "完整握手：{why}"},
    {"refusal.ticket_unreadable", "票据无法解开（密钥未知或被篡改）"},
    {"refusal.ticket_empty", "票据里没有有效的会话"},
    {"refusal.id_unknown", "会话缓存中没有这个会话 ID"},
    {"refusal.suite_not_offered", "客户端不再提供该会话的密码套件"},
    {"refusal.suite_disabled", "该会话的密码套件已不再启用"},
    {"refusal.ems_missing", "该会话用了 extended_master_secret，而这次的 ClientHello 没有"},
    {"refusal.ems_added", "该会话没用 extended_master_secret，而这次的 ClientHello 有"},
    {"refusal.etm_missing", "该会话用了 encrypt_then_mac，而这次的 ClientHello 没有提供"},
    {"refusal.server_name", "该会话属于另一个服务器名"},
    {"refusal.expired", "该会话已过期"},
    {"refusal.no_client_certificate", "该会话没有客户端证书，而本服务器要求客户端证书"},
    {"refusal.malformed", "该会话的主密钥格式不对"},
    {"derivation.client_public", "客户端的临时 (EC)DHE 公钥"},
    {"derivation.server_public", "服务器的临时 (EC)DHE 公钥"},
    {"derivation.client_pre_master", "(EC)DHE(客户端私钥, 服务器公钥)"},
    {"derivation.server_pre_master", "(EC)DHE(服务器私钥, 客户端公钥)"},
    {"derivation.rsa_decrypted", "服务器用 RSA 私钥从 ClientKeyExchange 中解密得到"},
    {"derivation.rsa_made", "48 字节随机数，用服务器的 RSA 公钥加密后发送"},
    {"derivation.resumed", "来自被恢复的会话"},

    // 其他事件
    {"keychange",
     "从这里起，每条记录都由 AEAD 保护：内容加密并带认证，只有 5 字节的记录头（类型、版本、长度）仍可读。"},
    {"keychange.tls13.handshake",
     "TLS 1.3 在 ServerHello 之后立刻开始加密，而不像 TLS 1.2 那样等到 ChangeCipherSpec 和 Finished："
     "ClientHello 和 ServerHello 中的密钥共享已经让双方得到共享秘密，所以紧接着的下一条消息就能加密。窃听者只能看到 ClientHello 和 "
     "ServerHello；证书和服务器的扩展都被隐藏。现在每条记录外面都标着 application_data，真正的类型在加密的内容里 (RFC 8446 §5.2)。"},
    {"keychange.tls13.application",
     "握手密钥退役：各方在自己的 Finished 之后改用应用流量密钥发送，它由主密钥和截至服务器 Finished 的握手记录得出。"},
    {"keychange.tls13.early",
     "0-RTT：服务器还没有回应，客户端就用仅由 PSK 得出的密钥 (client_early_traffic_secret) 加密应用数据。"
     "这种数据没有前向安全性，而且可能被重放 (RFC 8446 §8)。"},
    {"keychange.tls13.update", "一次 KeyUpdate 生效：这个方向现在使用下一代应用流量密钥。"},
    {"alert.close_notify", "close_notify：发送方不会再发送任何数据。对方据此区分正常结束和被攻击者截断的连接（截断攻击）。"},
    {"alert.level.fatal", "致命 (fatal) 警报：发送方终止连接，这个会话也不能再恢复。"},
    {"alert.level.warning", "警告 (warning) 警报：发送方报告一个情况，连接可以继续。"},
    {"alert.handshake_failure", "handshake_failure：发送方找不到可接受的参数组合（套件、曲线、签名算法）。"},
    {"alert.bad_certificate", "bad_certificate：证书损坏，或其签名验证失败。"},
    {"alert.unknown_ca", "unknown_ca：证书链追溯不到发送方信任的 CA。"},
    {"alert.certificate_expired", "certificate_expired：证书不在有效期内。"},
    {"alert.decrypt_error", "decrypt_error：签名或 Finished 的 verify_data 验证失败。"},
    {"alert.bad_record_mac", "bad_record_mac：记录的完整性校验失败（被篡改，或密钥不对）。"},
    {"alert.unexpected_message", "unexpected_message：在握手的这个阶段不允许出现这条消息。"},
    {"alert.illegal_parameter", "illegal_parameter：某个字段的值发送方不接受。"},
    {"alert.decode_error", "decode_error：消息无法解析。"},
    {"alert.protocol_version", "protocol_version：对方提供的协议版本发送方都不支持。"},
    {"alert.missing_extension", "missing_extension：消息缺少必须携带的扩展（在 TLS 1.3 中如 supported_versions、key_share、signature_algorithms 等）。"},
    {"alert.unsupported_extension", "unsupported_extension：消息带有未曾提议、或不允许出现在其中的扩展。"},
    {"alert.certificate_required", "certificate_required：服务器要求客户端证书，而客户端没有发送。"},
    {"alert.inappropriate_fallback", "inappropriate_fallback：客户端用低于双方都支持的版本重试，这是降级攻击的迹象 (RFC 7507)。"},
    {"done.full",
     "两条 Finished 都已验证。窃听者只看到了随机数和公钥；保护应用数据的密钥从未在网络上传输。"},
    {"done.resumed",
     "这是会话恢复：主密钥来自之前的会话，因此省去了证书和密钥交换，只需要 ClientHello、ServerHello、ChangeCipherSpec 和 Finished。"},
    {"done.full.tls13",
     "两条 Finished 都已验证。客户端只用一个往返就可以发送应用数据（TLS 1.2 需要两个），窃听者只看到了 ClientHello 和 ServerHello："
     "证书、服务器的扩展和所有密钥都没有暴露。"},
    {"done.resumed.tls13",
     "这是 TLS 1.3 的会话恢复：之前票据中的 PSK 代替了证书和签名；在 psk_dhe_ke 模式下，新的密钥交换仍为本次连接提供了前向安全性。"},
    {"compare.versions",
     "TLS 1.2 与 TLS 1.3 对比：TLS 1.2 要两个往返，客户端才能发送应用数据（先是 Hello 和服务器的密钥交换，"
     "再是 ClientKeyExchange 和两条 Finished）；TLS 1.3 只要一个，因为客户端在 ClientHello 中就发出了密钥共享，"
     "遇到 HelloRetryRequest 时再多一个。TLS 1.3 还加密 ServerHello 之后的一切，包括 TLS 1.2 明文发送的证书。"},
};

}  // namespace

std::span<const Phrase> chinese_phrases() { return kChinese; }

}  // namespace tlspp::explain
