// Test data: RFC 8448 "Example Handshake Traces for TLS 1.3", the messages
// and records of §3 (Simple 1-RTT Handshake) and §4 (Resumed 0-RTT
// Handshake), as hex (support/hex.hpp reads it). The intermediate values
// (secrets, keys, IVs) are in the tests that check them.
#pragma once

#include <string_view>

namespace tlspp::test::rfc8448 {

// §3 {client} send handshake record: the ClientHello (196 octets), without the record header.
inline constexpr std::string_view client_hello =
    "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece700000613011303130201"
    "0000910000000b0009000006736572766572ff01000100000a00140012001d0017001800190100010101020103010400"
    "230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c002b00"
    "03020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101001c"
    "00024001";

// §3 {server} construct a ServerHello handshake message (90 octets).
inline constexpr std::string_view server_hello =
    "020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100002e00330024"
    "001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304";

// §3 {server} construct an EncryptedExtensions handshake message (40 octets).
inline constexpr std::string_view encrypted_extensions =
    "080000240022000a00140012001d00170018001901000101010201030104001c0002400100000000";

// §3 {server} construct a Certificate handshake message (445 octets).
inline constexpr std::string_view certificate =
    "0b0001b9000001b50001b0308201ac30820115a003020102020102300d06092a864886f70d01010b0500300e310c300a"
    "06035504031303727361301e170d3136303733303031323335395a170d3236303733303031323335395a300e310c300a"
    "0603550403130372736130819f300d06092a864886f70d010101050003818d0030818902818100b4bb498f8279303d98"
    "0836399b36c6988c0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a95137ace6c1af19eaa6af98c7ced4312"
    "0998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda430846748030530ef0461c8ca9d9efbfae8ea6d1d0"
    "3e2bd193eff0ab9a8002c47428a6d35a8d88d79f7f1e3f0203010001a31a301830090603551d1304023000300b060355"
    "1d0f0404030205a0300d06092a864886f70d01010b05000381810085aad2a0e5b9276b908c65f73a7267170618a54c5f"
    "8a7b337d2df7a594365417f2eae8f8a58c8f8172f9319cf36b7fd6c55b80f21a03015156726096fd335e5e67f2dbf102"
    "702e608ccae6bec1fc63a42a99be5c3eb7107c3c54e9b9eb2bd5203b1c3b84e0a8b2f759409ba3eac9d91d402dcc0cc8"
    "f8961229ac9187b42b4de10000";

// §3 {server} construct a CertificateVerify handshake message (136 octets).
inline constexpr std::string_view certificate_verify =
    "0f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f824cd484145ab3ff52f1fda8477b0b7abc90db78e2d3"
    "3a5c141a078653fa6bef780c5ea248eeaaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac027671459e46445c"
    "9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda65cdf5aea20d53dfacd42f74f3";

// §3 {server} construct a Finished handshake message (36 octets).
inline constexpr std::string_view server_finished =
    "140000209b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718";

// §3 {client} construct a Finished handshake message (36 octets).
inline constexpr std::string_view client_finished =
    "14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61";

// §3 {server} construct a NewSessionTicket handshake message (205 octets),
// sent after the handshake under the server application traffic keys.
inline constexpr std::string_view new_session_ticket =
    "040000c90000001efad6aac502000000b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb33fa90bf"
    "1b0070ad3c498883c9367c09a2be785abc55cd226097a3a982117283f82a03a143efd3ff5dd36d64e861be7fd61d2827"
    "db279cce145077d454a3664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2677fa5906c5b3f7d8f92f228"
    "bda40dda721470f9fbf297b5aea617646fac5c03272e970727c621a79141ef5f7de6505e5bfbc388e93343694093934a"
    "e4d3570008002a000400000400";

// §3 {server} send handshake record: complete record (679 octets), protecting
// EncryptedExtensions || Certificate || CertificateVerify || Finished under the
// server handshake traffic key and IV, sequence number 0.
inline constexpr std::string_view server_flight_record =
    "17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35edf7869fcf40aa40aa2b8ea73f848a7ca"
    "07612ef9f945cb960b4068905123ea78b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7b13b"
    "d9aefb0e57f271585b8ea9bb355c7c79020716cfb9b1183ef3ab20e37d57a6b9d7477609aee6e122a4cf51427325250c"
    "7d0e509289444c9b3a648f1d71035d2ed65b0e3cdd0cbae8bf2d0b227812cbb360987255cc744110c453baa4fcd61092"
    "8d809810e4b7ed1a8fd991f06aa6248204797e36a6a73b70a2559c09ead686945ba246ab66e5edd8044b4c6de3fcf2a8"
    "9441ac66272fd8fb330ef8190579b3684596c960bd596eea520a56a8d650f563aad27409960dca63d3e688611ea5e22f"
    "4415cf9538d51a200c27034272968a264ed6540c84838d89f72c24461aad6d26f59ecaba9acbbb317b66d902f4f292a3"
    "6ac1b639c637ce343117b659622245317b49eeda0c6258f100d7d961ffb138647e92ea330faeea6dfa31c7a84dc3bd7e"
    "1b7a6c7178af36879018e3f252107f243d243dc7339d5684c8b0378bf30244da8c87c843f5e56eb4c5e8280a2b48052c"
    "f93b16499a66db7cca71e4599426f7d461e66f99882bd89fc50800becca62d6c74116dbd2972fda1fa80f85df881edbe"
    "5a37668936b335583b599186dc5c6918a396fa48a181d6b6fa4f9d62d513afbb992f2b992f67f8afe67f76913fa388cb"
    "5630c8ca01e0c65d11c66a1e2ac4c85977b7c7a6999bbf10dc35ae69f5515614636c0b9b68c19ed2e31c0b3b66763038"
    "ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f60f0504de93b5b845e275592c12335ee340bbc4fddd50278"
    "4016e4b3be7ef04dda49f4b440a30cb5d2af939828fd4ae3794e44f94df5a631ede42c1719bfdabf0253fe5175be898e"
    "750edc53370d2b";

// §3 {client} send handshake record: complete record (58 octets), the client's
// Finished under the client handshake traffic key and IV, sequence number 0.
inline constexpr std::string_view client_finished_record =
    "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384bd1c"
    "aeacab6867d726c40546";

// §4 {client} send handshake record: the ClientHello (512 octets) with the
// pre_shared_key extension and its binder, without the record header.
inline constexpr std::string_view resumed_client_hello =
    "010001fc03031bc3ceb6bbe39cff938355b5a50adb6db21b7a6af649d7b4bc419d7876487d9500000613011303130201"
    "0001cd0000000b0009000006736572766572ff01000100000a00140012001d0017001800190100010101020103010400"
    "3300260024001d0020e4ffb68ac05f8d96c99da26698346c6be16482badddafe051a66b4f18d668f0b002a0000002b00"
    "03020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101001c"
    "000240010015005700000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "2900dd00b800b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb33fa90bf1b0070ad3c498883c936"
    "7c09a2be785abc55cd226097a3a982117283f82a03a143efd3ff5dd36d64e861be7fd61d2827db279cce145077d454a3"
    "664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2677fa5906c5b3f7d8f92f228bda40dda721470f9fbf2"
    "97b5aea617646fac5c03272e970727c621a79141ef5f7de6505e5bfbc388e93343694093934ae4d357fad6aacb002120"
    "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d";

// §3: the x25519 shared secret, the IKM of {server} extract secret "handshake".
inline constexpr std::string_view shared_secret =
    "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";

// §3: the traffic keys and IVs, {server}/{client} derive ... traffic keys.
inline constexpr std::string_view server_handshake_key = "3fce516009c21727d0f2e4e86ee403bc";
inline constexpr std::string_view server_handshake_iv = "5d313eb2671276ee13000b30";
inline constexpr std::string_view client_handshake_key = "dbfaa693d1762c5b666af5d950258d01";
inline constexpr std::string_view client_handshake_iv = "5bd3c71b836e0b76bb73265f";
inline constexpr std::string_view server_application_key = "9f02283b6c9c07efc26bb9f2ac92e356";
inline constexpr std::string_view server_application_iv = "cf782b88dd83549aadf1e984";
inline constexpr std::string_view client_application_key = "17422dda596ed5d9acd890e3c63f5051";
inline constexpr std::string_view client_application_iv = "5b78923dee08579033e523d9";

// §3 {client} send application_data record: payload 00 01 ... 31 (50 octets),
// sequence number 0 under the client application traffic key; then
// {client} send alert record: close_notify (01 00), sequence number 1.
inline constexpr std::string_view application_payload =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031";
inline constexpr std::string_view client_application_record =
    "1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f2b9819a8a5b46b395bd54a9a20441e2b"
    "62974e1f5a6292a2977014bd1e3deae63aeebb21694915e4";
inline constexpr std::string_view client_close_notify_record = "1703030013c9872760655666b74d7ff1153efd6db6d0b0e3";
// §3 {server} send application_data record (the same payload) at sequence
// number 1, after the NewSessionTicket at 0; then close_notify at 2.
inline constexpr std::string_view server_application_record =
    "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a59a8"
    "fcc49c4bf2e5f0a21c0047c2abf332540dd032e167c2955d";
inline constexpr std::string_view server_close_notify_record = "1703030013b58fd67166ebf599d24720cfbe7efa7a8864a9";

}  // namespace tlspp::test::rfc8448
