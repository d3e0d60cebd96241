// A value or an error a person can act on (what is wrong, where, what to do): failures travel as values,
// never as exceptions. One type for the whole code base; a module may carry a richer error (pledge's kinds).
#pragma once

#include "core/Invariant.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Failure {
    std::string message;
};

template <class T, class E = Failure> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    // Asking a failed Result for its value (or a good one for its error) is a bug in the caller, stopped
    // here.
    T& value() & {
        KIOSK_INVARIANT(ok(), "value() of a Result that holds an error: check ok() first");
        return *std::get_if<0>(&state_);
    }
    const T& value() const& {
        KIOSK_INVARIANT(ok(), "value() of a Result that holds an error: check ok() first");
        return *std::get_if<0>(&state_);
    }
    T&& value() && {
        KIOSK_INVARIANT(ok(), "value() of a Result that holds an error: check ok() first");
        return std::move(*std::get_if<0>(&state_));
    }
    T& operator*() & { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const E& error() const {
        KIOSK_INVARIANT(!ok(), "error() of a Result that holds a value");
        return *std::get_if<1>(&state_);
    }

private:
    std::variant<T, E> state_;
};

// Success with nothing to return, or an error.
template <class E> class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(E error) : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const E& error() const {
        KIOSK_INVARIANT(!ok(), "error() of a Result that succeeded");
        return *error_;
    }

private:
    std::optional<E> error_;
};

}  // namespace kiosk

// Early return for Results, so a function that calls several fallible steps reads as the steps. The enclosing
// function must return a Result with the same error type.
//
// KIOSK_TRY(step());                    a step whose value is not needed: its error is returned from here
// KIOSK_TRY_VALUE(rows, query(db));     declares `rows`, the value, or returns the error from here
#define KIOSK_TRY(...)                                                                                       \
    do {                                                                                                     \
        auto&& kioskTryResult_ = (__VA_ARGS__);                                                              \
        if (!kioskTryResult_) return kioskTryResult_.error();                                                \
    } while (false)

#define KIOSK_TRY_VALUE(name, ...)                                                                           \
    auto name##KioskTryResult_ = (__VA_ARGS__);                                                              \
    if (!name##KioskTryResult_) return name##KioskTryResult_.error();                                        \
    auto name = std::move(name##KioskTryResult_).value()
