#pragma once

#include "../api/api_types.h"
#include "beast.h"

#include <boost/optional/optional.hpp>

#include <algorithm>
#include <array>
#include <cerrno>

namespace ruhu::server {

// A Beast Body that sends a slice of an open blob in 64 KiB pieces (pread at an offset), so a download
// holds one piece in memory, whatever the blob's size. Beast 1.81's file_body cannot start at an offset.
struct FileSliceBody {
    using value_type = FileSlice;

    static std::uint64_t size(const value_type &slice) { return std::uint64_t(slice.length); }

    class writer {
    public:
        using const_buffers_type = net::const_buffer;

        template <bool isRequest, class Fields>
        writer(const http::header<isRequest, Fields> &, const value_type &slice)
            : m_slice(slice) {}

        void init(beast::error_code &ec) {
            m_position = m_slice.offset;
            m_remaining = m_slice.length;
            ec = {};
        }

        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code &ec) {
            if (m_remaining == 0) {
                ec = {};
                return boost::none;
            }
            const size_t want = size_t(std::min<int64_t>(m_remaining, int64_t(m_piece.size())));
            const int64_t got = m_slice.reader->readAt(m_position, m_piece.data(), want);
            if (got <= 0) {
                // The blob shrank under us (it never should) or the disk failed: end the connection.
                ec = got < 0
                         ? beast::error_code(errno, boost::system::system_category())
                         : beast::error_code(boost::system::errc::io_error, boost::system::system_category());
                return boost::none;
            }
            m_position += got;
            m_remaining -= got;
            ec = {};
            return {{net::const_buffer(m_piece.data(), size_t(got)), m_remaining > 0}};
        }

    private:
        const value_type &m_slice;
        int64_t m_position = 0;
        int64_t m_remaining = 0;
        std::array<char, 64 * 1024> m_piece{};
    };
};

// The response for a reply whose bytes are a file slice: 200 or 206 with Content-Range, streamed.
inline http::message_generator makeFileResponse(const ApiReply &reply, unsigned httpVersion, bool keepAlive) {
    http::response<FileSliceBody> response{reply.status, httpVersion};
    response.set(http::field::server, "ruhu-syncd");
    response.set(http::field::content_type,
                 reply.contentType.empty() ? "application/octet-stream" : reply.contentType);
    // Document photos and exports are sensitive: no shared cache keeps them.
    response.set(http::field::cache_control, "private, no-store");
    // A blob answers ranges; an export (no etag) is a one-off file.
    if (!reply.file->etag.empty()) {
        response.set(http::field::accept_ranges, "bytes");
        response.set(http::field::etag, reply.file->etag);
    }
    if (!reply.contentRange.empty())
        response.set(http::field::content_range, reply.contentRange);
    for (const auto &[name, value] : reply.headers)
        response.set(name, value);
    if (!reply.requestId.empty())
        response.set("X-Request-Id", reply.requestId);
    response.keep_alive(keepAlive);
    response.body() = *reply.file;
    response.prepare_payload();
    return http::message_generator(std::move(response));
}

} // namespace ruhu::server
