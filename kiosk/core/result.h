#pragma once
// One small Result<T, E> for expected failures across the project (C++20 has no
// std::expected). Exceptions are reserved for programming errors: reading the
// value of a failed Result throws std::logic_error.

#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "kiosk/core/error.h"

namespace custody {

template <class E>
struct Failure {
    E error;
};

template <class E>
Failure<std::decay_t<E>> fail(E&& e) {
    return {std::forward<E>(e)};
}

template <class T, class E = Error>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    template <class G>
    Result(Failure<G> f) : v_(std::in_place_index<1>, E(std::move(f.error))) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { check(); return std::get<0>(v_); }
    const T& value() const& { check(); return std::get<0>(v_); }
    T&& value() && { check(); return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const {
        if (ok()) throw std::logic_error("error() on a successful Result");
        return std::get<1>(v_);
    }

private:
    void check() const {
        if (!ok()) throw std::logic_error("value() on a failed Result");
    }
    std::variant<T, E> v_;
};

template <class E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template <class G>
    Result(Failure<G> f) : e_(E(std::move(f.error))) {}

    bool ok() const { return !e_.has_value(); }
    explicit operator bool() const { return ok(); }
    void value() const {
        if (!ok()) throw std::logic_error("value() on a failed Result");
    }
    const E& error() const {
        if (ok()) throw std::logic_error("error() on a successful Result");
        return *e_;
    }

private:
    std::optional<E> e_;
};

using Status = Result<void>;

}  // namespace custody

// Propagates a failure to the caller; the statement-expression keeps call sites flat.
#define CUSTODY_TRY(expr)                                              \
    do {                                                               \
        auto custody_try_r_ = (expr);                                  \
        if (!custody_try_r_.ok()) return ::custody::fail(custody_try_r_.error()); \
    } while (0)
