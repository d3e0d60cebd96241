// A value or a message a person can act on; the platform's way of returning start-up failures.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk::platform {

struct Failure {
    std::string message;  // what went wrong, where, and what to try
};

template <typename T> class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Failure failure) : state_(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const std::string& error() const { return std::get<Failure>(state_).message; }

private:
    std::variant<T, Failure> state_;
};

}  // namespace kiosk::platform
