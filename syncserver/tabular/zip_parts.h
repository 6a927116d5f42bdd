#pragma once

#include "table_reader.h"

#include <optional>
#include <string>

struct zip;

namespace ruhu::server::tabular {

// The parts of an XLSX package (a zip archive held in memory), read with libzip under the limits: a part
// whose size, declared or actual, passes maxEntryBytes, or parts adding up past maxTotalBytes, are refused
// (file_too_large), so a zip bomb inflates no further than the limits.
class ZipParts {
public:
    static Result<ZipParts> open(std::string_view bytes, const Limits &limits);
    ZipParts(ZipParts &&other) noexcept;
    ZipParts &operator=(ZipParts &&) = delete;
    ~ZipParts();

    // The part's bytes; nullopt when the archive has no such part.
    Result<std::optional<std::string>> read(const std::string &name);

private:
    ZipParts(zip *archive, const Limits &limits)
        : m_archive(archive)
        , m_limits(&limits) {}

    zip *m_archive = nullptr;
    const Limits *m_limits = nullptr;
    size_t m_total = 0;
};

} // namespace ruhu::server::tabular
