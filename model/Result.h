#pragma once
// Errors are values: a code that ui/ turns into translated text, plus detail for logs.
#include <string>
#include <utility>
#include <variant>

namespace sightline {

enum class ErrorCode : int
{
    None = 0,
    CannotOpen,      // the file cannot be opened or created
    NotACase,        // the file is not a Sightline case file
    NewerVersion,    // the case file was written by a newer Sightline
    Corrupt,         // the case file fails its integrity / schema check
    Sql,             // an SQLite error
    Io,              // reading an evidence file failed
    Cancelled,       // the user cancelled
    NotFound,        // an entity or object does not exist
    InvalidArgument, // a malformed argument (time, type, query)
};

struct Error
{
    ErrorCode code = ErrorCode::None;
    std::string detail;
};

template <typename T> class Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// A Result with no value.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    bool ok() const { return m_error.code == ErrorCode::None; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

} // namespace sightline
