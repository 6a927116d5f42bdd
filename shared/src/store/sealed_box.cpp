#include "sealed_box.h"

#include <ruhu/json/canonical_json.h>

#include <sodium.h>

namespace ruhu {

std::vector<unsigned char> sealBytes(std::string_view plain, const std::array<unsigned char, 32> &key) {
    std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.data()), plain.size(), out.data(),
                          key.data());
    return out;
}

Result<std::string> openBytes(const std::vector<unsigned char> &sealed,
                              const std::array<unsigned char, 32> &key) {
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return Error{"corrupt", "本机数据已损坏，无法解密", ""};
    std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(
            reinterpret_cast<unsigned char *>(plain.data()), sealed.data() + crypto_secretbox_NONCEBYTES,
            sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(), key.data()) != 0)
        return Error{"corrupt", "本机数据校验失败（密钥不符或数据被篡改）", ""};
    return plain;
}

Result<boost::json::value> openJson(const std::vector<unsigned char> &sealed,
                                    const std::array<unsigned char, 32> &key) {
    auto plain = openBytes(sealed, key);
    if (!plain)
        return plain.error();
    return parseJson(*plain);
}

} // namespace ruhu
