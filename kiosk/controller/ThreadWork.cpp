// One worker thread: takes work from the queue, runs it with no lock held, queues its outcome for the screen.
#include "controller/ThreadWork.h"

namespace kiosk {

ThreadWork::ThreadWork(std::function<void()> wake) : wake_(std::move(wake)), thread_([this] { run(); }) {}

ThreadWork::~ThreadWork() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queued_.clear();
    }
    wakeWorker_.notify_all();
    thread_.join();
}

void ThreadWork::start(Work work) {
    {
        std::lock_guard lock(mutex_);
        queued_.push_back(std::move(work));
    }
    wakeWorker_.notify_all();
}

int ThreadWork::applyFinished() {
    std::deque<std::function<void()>> finished;
    {
        std::lock_guard lock(mutex_);
        finished.swap(finished_);
    }
    // Outside the lock: an outcome may start more work.
    for (auto& apply : finished)
        if (apply) apply();
    return static_cast<int>(finished.size());
}

int ThreadWork::unfinished() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(queued_.size() + finished_.size()) + running_;
}

void ThreadWork::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wakeWorker_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
        if (stopping_) return;
        Work work = std::move(queued_.front());
        queued_.pop_front();
        ++running_;
        lock.unlock();
        auto outcome = work();
        lock.lock();
        --running_;
        finished_.push_back(std::move(outcome));
        if (wake_) {
            lock.unlock();
            wake_();
            lock.lock();
        }
    }
}

}  // namespace kiosk
