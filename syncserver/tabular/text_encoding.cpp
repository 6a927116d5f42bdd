#include "text_encoding.h"

#include <cerrno>
#include <iconv.h>

namespace ruhu::server::tabular {
namespace {

Error encodingError() {
    return Error{"file_encoding", "无法识别文件编码，请另存为 UTF-8 或 GBK（GB18030）编码的 CSV 文件", ""};
}

Result<std::string> fromGb18030(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return Error{"internal", "服务器缺少 GB18030 编码转换", ""};
    std::string out(bytes.size() * 2 + 16, '\0');
    char *in = const_cast<char *>(bytes.data());
    size_t inLeft = bytes.size();
    size_t done = 0;
    bool failed = false;
    while (inLeft > 0) {
        char *outPtr = out.data() + done;
        size_t outLeft = out.size() - done;
        const size_t r = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        done = out.size() - outLeft;
        if (r != static_cast<size_t>(-1))
            break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        failed = true; // EILSEQ or EINVAL (a truncated sequence at the end)
        break;
    }
    iconv_close(cd);
    if (failed)
        return encodingError();
    out.resize(done);
    return out;
}

} // namespace

bool isValidUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size())
                return false;
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

Result<std::string> textAsUtf8(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        if (!isValidUtf8(bytes))
            return encodingError();
        return std::string(bytes);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        return Error{"file_encoding", "不支持 UTF-16 编码的文件，请另存为 UTF-8 或 GBK 编码的 CSV 文件", ""};
    if (isValidUtf8(bytes))
        return std::string(bytes);
    return fromGb18030(bytes);
}

} // namespace ruhu::server::tabular
