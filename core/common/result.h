// Result<T, E>: a value or a typed error, the way errors cross layers in core
// (C++20 has no std::expected yet; this is the small subset we use).
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace amicus {

// Wraps an error so that Result can be built from it without ambiguity.
template <typename E>
struct Failure {
    E error;
};

template <typename E>
Failure(E) -> Failure<E>;

template <typename E>
[[nodiscard]] Failure<std::decay_t<E>> fail(E&& error)
{
    return Failure<std::decay_t<E>>{std::forward<E>(error)};
}

template <typename T, typename E>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    template <typename F>
    Result(Failure<F> failure) : state_(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(state_);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    const E& error() const
    {
        assert(!ok());
        return std::get<1>(state_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, E> state_;
};

// Result of an operation that yields nothing but may fail.
template <typename E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template <typename F>
    Result(Failure<F> failure) : error_(E(std::move(failure.error))), failed_(true)
    {
    }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const E& error() const
    {
        assert(failed_);
        return error_;
    }

private:
    E error_{};
    bool failed_ = false;
};

} // namespace amicus
