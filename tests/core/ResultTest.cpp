// KIOSK_TRY returns a step's error and goes on after a success; asking a failed Result for its value stops
// the program with the place and the reason (KIOSK_INVARIANT), in every build.
#include "core/Result.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

Result<int> half(int n) {
    if (n % 2 != 0) return Failure{std::to_string(n) + " is odd"};
    return n / 2;
}

Result<void> check(bool good) {
    if (!good) return Failure{"not good"};
    return {};
}

// Halves twice through KIOSK_TRY_VALUE; `steps` counts how far it got.
Result<int> quarter(int n, int& steps) {
    KIOSK_TRY_VALUE(once, half(n));
    ++steps;
    KIOSK_TRY_VALUE(twice, half(once));
    ++steps;
    return twice;
}

Result<std::string> checked(bool good, int& steps) {
    KIOSK_TRY(check(good));
    ++steps;
    return std::string("checked");
}

// Runs `body` in a child process; returns its stderr and whether it died of SIGABRT.
std::pair<std::string, bool> inChild(void (*body)()) {
    int pipeEnds[2];
    REQUIRE(::pipe(pipeEnds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL);  // Catch2's handler would report the abort as a failed test
        ::dup2(pipeEnds[1], 2);
        ::close(pipeEnds[0]);
        body();
        ::_exit(0);
    }
    ::close(pipeEnds[1]);
    std::string out;
    char buffer[256];
    for (ssize_t n; (n = ::read(pipeEnds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeEnds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return {out, WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT};
}

}  // namespace

TEST_CASE("KIOSK_TRY_VALUE gives the value on success and returns the first error", "[core]") {
    int steps = 0;
    auto good = quarter(12, steps);
    REQUIRE(good.ok());
    CHECK(good.value() == 3);
    CHECK(steps == 2);
    steps = 0;
    auto stopped = quarter(6, steps);  // 6 -> 3, then 3 is odd
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().message == "3 is odd");
    CHECK(steps == 1);
}

TEST_CASE("KIOSK_TRY returns a Result<void>'s error and goes on after a success", "[core]") {
    int steps = 0;
    CHECK(checked(true, steps).value() == "checked");
    CHECK(steps == 1);
    auto failed = checked(false, steps);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == "not good");
    CHECK(steps == 1);
}

TEST_CASE("the value of a failed Result stops the program with the place and the reason", "[core]") {
    const auto [message, aborted] = inChild([] {
        const Result<int> failed = Failure{"no"};
        std::printf("%d\n", failed.value());
    });
    CHECK(aborted);
    CHECK(message.find("invariant broken at") != std::string::npos);
    CHECK(message.find("core/Result.h:") != std::string::npos);
    CHECK(message.find("check ok() first") != std::string::npos);
    const auto [fine, abortedWhenGood] = inChild([] {
        const Result<int> good = 1;
        if (good.value() != 1) std::fputs("wrong value\n", stderr);
    });
    CHECK_FALSE(abortedWhenGood);
    CHECK(fine.empty());
}
