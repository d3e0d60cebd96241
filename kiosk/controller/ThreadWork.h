// The kiosk's work runner: one worker thread and a queue, so sync, export and the figures never hold up a
// frame, a tap or the watchdog.
#pragma once

#include "controller/Work.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace kiosk {

class ThreadWork : public WorkRunner {
public:
    // `wake` is called on the worker thread when a piece finishes (the kiosk pushes an SDL event so the
    // event loop applies it at once rather than at its next deadline).
    explicit ThreadWork(std::function<void()> wake = {});
    // Waits for the piece under way (a sync gives up within its own timeout); drops what is still queued.
    ~ThreadWork() override;
    ThreadWork(const ThreadWork&) = delete;
    ThreadWork& operator=(const ThreadWork&) = delete;

    void start(Work work) override;
    int applyFinished() override;
    int unfinished() const override;

private:
    void run();

    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::condition_variable wakeWorker_;
    std::deque<Work> queued_;
    std::deque<std::function<void()>> finished_;
    int running_ = 0;
    bool stopping_ = false;
    std::thread thread_;  // last: started once everything it reads exists
};

}  // namespace kiosk
