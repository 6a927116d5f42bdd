#include <ruhu/store/device_replica.h>

#include <cstdio>
#include <fstream>
#include <sodium.h>
#include <sys/stat.h>

namespace ruhu {

Result<DeviceKey> loadOrCreateDeviceKey(const std::string &path) {
    if (sodium_init() < 0)
        return Error{"crypto", "加密库初始化失败", ""};
    DeviceKey key{};
    if (std::ifstream in(path, std::ios::binary); in) {
        in.read(reinterpret_cast<char *>(key.data()), static_cast<std::streamsize>(key.size()));
        if (in.gcount() != static_cast<std::streamsize>(key.size()))
            return Error{"corrupt", "设备密钥文件已损坏：" + path, ""};
        return key;
    }
    randombytes_buf(key.data(), key.size());
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(key.data()), static_cast<std::streamsize>(key.size()));
        out.flush();
        if (!out)
            return Error{"storage", "无法写入设备密钥：" + path, ""};
    }
    ::chmod(tmp.c_str(), 0600);
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        return Error{"storage", "无法保存设备密钥：" + path, ""};
    return key;
}

} // namespace ruhu
