#pragma once

#include <ruhu/result.h>

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

namespace ruhu::server {

// A server TLS context from PEM files: the certificate (chain) and its private key. TLS 1.2 and newer
// only, whatever the system's OpenSSL configuration allows.
Result<std::shared_ptr<boost::asio::ssl::context>> makeServerTlsContext(const std::string &certFile,
                                                                        const std::string &keyFile);

} // namespace ruhu::server
