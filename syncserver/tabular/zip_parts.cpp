#include "zip_parts.h"

#include <zip.h>

namespace ruhu::server::tabular {
namespace {

Error malformed() {
    return Error{"xlsx_malformed", "无法读取该 XLSX 文件（文件已损坏或不是 Excel 工作簿）", ""};
}

Error tooLarge() {
    return Error{"file_too_large", "XLSX 文件解压后过大，请分批导入或另存为 CSV", ""};
}

} // namespace

Result<ZipParts> ZipParts::open(std::string_view bytes, const Limits &limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return malformed();
    }
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        return malformed();
    }
    ZipParts parts(archive, limits);
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    if (entries < 0 || static_cast<size_t>(entries) > limits.maxEntries)
        return malformed();
    return parts;
}

ZipParts::ZipParts(ZipParts &&other) noexcept
    : m_archive(other.m_archive)
    , m_limits(other.m_limits)
    , m_total(other.m_total) {
    other.m_archive = nullptr;
}

ZipParts::~ZipParts() {
    if (m_archive)
        zip_discard(m_archive);
}

Result<std::optional<std::string>> ZipParts::read(const std::string &name) {
    const zip_int64_t index = zip_name_locate(m_archive, name.c_str(), 0);
    if (index < 0)
        return std::optional<std::string>();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_archive, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        return malformed();
    if ((st.valid & ZIP_STAT_SIZE) && st.size > m_limits->maxEntryBytes)
        return tooLarge();
    zip_file_t *file = zip_fopen_index(m_archive, static_cast<zip_uint64_t>(index), 0);
    if (!file)
        return malformed();
    // The declared size may lie: read in chunks and stop at the limit whatever it says.
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            zip_fclose(file);
            return malformed();
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<size_t>(n));
        if (out.size() > m_limits->maxEntryBytes || m_total + out.size() > m_limits->maxTotalBytes) {
            zip_fclose(file);
            return tooLarge();
        }
    }
    zip_fclose(file);
    m_total += out.size();
    return std::optional<std::string>(std::move(out));
}

} // namespace ruhu::server::tabular
