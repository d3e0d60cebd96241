// A value or a message a person can act on, for font and text operations that can fail.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk::text {

struct TextError {
    std::string message;  // what is wrong, where, and what to do
};

template <class T> class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(TextError error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const TextError& error() const { return std::get<TextError>(state_); }

private:
    std::variant<T, TextError> state_;
};

}  // namespace kiosk::text
