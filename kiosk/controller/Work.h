// Slow work (sync, export to a stick, the volunteer's figures, pack checks) kept off the screen's thread: the
// controller hands a runner a piece of work and applies its outcome later, so the screen never waits.
#pragma once

#include <deque>
#include <functional>

namespace kiosk {

// Runs away from the screen and returns what to do with its outcome, which runs on the screen's thread.
using Work = std::function<std::function<void()>()>;

class WorkRunner {
public:
    virtual ~WorkRunner() = default;
    // Queues `work` (run one at a time, in order); never waits for it.
    virtual void start(Work work) = 0;
    // On the screen's thread: applies the outcomes of finished work, oldest first; returns how many.
    virtual int applyFinished() = 0;
    // Work started and not yet applied.
    virtual int unfinished() const = 0;
};

// Runs each piece at once, inside start(): `kiosk play`, tests and the fuzzer, where time is virtual and
// every run must go the same way. Outcomes still wait for applyFinished(), as on a thread.
class InlineWork : public WorkRunner {
public:
    void start(Work work) override { finished_.push_back(work()); }
    int applyFinished() override {
        int applied = 0;
        while (!finished_.empty()) {
            auto apply = std::move(finished_.front());
            finished_.pop_front();
            if (apply) apply();
            ++applied;
        }
        return applied;
    }
    int unfinished() const override { return static_cast<int>(finished_.size()); }

private:
    std::deque<std::function<void()>> finished_;
};

// Runs queued work only when a test says so (runNext), so it can look at the screen and tap while the work
// is under way.
class SteppedWork : public InlineWork {
public:
    void start(Work work) override { queued_.push_back(std::move(work)); }
    // Runs the oldest queued piece; false when none is queued.
    bool runNext() {
        if (queued_.empty()) return false;
        auto work = std::move(queued_.front());
        queued_.pop_front();
        InlineWork::start(std::move(work));
        return true;
    }
    int unfinished() const override { return static_cast<int>(queued_.size()) + InlineWork::unfinished(); }

private:
    std::deque<Work> queued_;
};

}  // namespace kiosk
