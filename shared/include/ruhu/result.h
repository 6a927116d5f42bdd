#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ruhu {

// An error as a value: a stable machine code (e.g. "invalid_id_number"), a message for people
// (Chinese where a cadre may read it) and, when it is about one field, that field's path.
struct Error {
    std::string code;
    std::string message;
    std::string field;
};

// Either a value or an Error. Errors cross library boundaries as values, never as exceptions.
template <class T> class Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() {
    return Ok{};
}

} // namespace ruhu
