// Errors as values for the pledge back end: a kind a caller can branch on and a message a person can act on.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kiosk::pledge {

enum class ErrorKind {
    Invalid,        // the form's values or a file's contents are not acceptable
    NotSetUp,       // the kiosk lacks configuration needed to collect pledges
    AlreadySigned,  // this e-mail already signed this action on this kiosk
    StorageFull,    // the disk (or the database's page limit) is full
    WriteFailed,    // any other storage failure
    BadKey,         // a key is missing, malformed or does not open the box
    Io,             // a file could not be read or written
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string message;
};

// Either a value or an Error; check ok() before value().
template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

// Success with nothing to return, or an Error.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *error_; }

private:
    std::optional<Error> error_;
};

}  // namespace kiosk::pledge
