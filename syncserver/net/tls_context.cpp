#include "tls_context.h"

#include <openssl/ssl.h>

namespace ruhu::server {

Result<std::shared_ptr<boost::asio::ssl::context>> makeServerTlsContext(const std::string &certFile,
                                                                        const std::string &keyFile) {
    namespace ssl = boost::asio::ssl;
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    boost::system::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                             ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                         ec);
    if (ec || SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1)
        return Error{"tls", "cannot restrict TLS to 1.2 and newer", ""};
    if (context->use_certificate_chain_file(certFile, ec); ec)
        return Error{"tls", "cannot read certificate " + certFile + ": " + ec.message(), ""};
    if (context->use_private_key_file(keyFile, ssl::context::pem, ec); ec)
        return Error{"tls", "cannot read private key " + keyFile + ": " + ec.message(), ""};
    if (SSL_CTX_check_private_key(context->native_handle()) != 1)
        return Error{"tls", "the private key does not match the certificate " + certFile, ""};
    return context;
}

} // namespace ruhu::server
