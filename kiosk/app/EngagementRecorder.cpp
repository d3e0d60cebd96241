// Engagement counts from the controller into pledges.db, in batches between visitors.
#include "app/EngagementRecorder.h"

#include "core/TimeFormat.h"

#include <iostream>
#include <utility>

namespace kiosk::app {

namespace {
// Counts kept in memory while the store cannot take them (a full card); beyond this the oldest go.
constexpr std::size_t kMostUnwritten = 20000;
}  // namespace

EngagementRecorder::EngagementRecorder(const content::Pack& pack, std::filesystem::path dataDir,
                                       std::string kioskId, std::function<std::time_t(Millis)> wallClock)
    : dataDir_(std::move(dataDir)), kioskId_(std::move(kioskId)),
      tracker_(pack, [wallClock = std::move(wallClock)](Millis now) {
          const std::time_t when = wallClock(now);
          return HourBucket{formatLocal(when, "%Y-%m-%d"), std::stoi(formatLocal(when, "%H"))};
      }) {}

EngagementRecorder::~EngagementRecorder() = default;

void EngagementRecorder::observe(const KioskController& kiosk, Millis now) {
    tracker_.observe(kiosk.engagementMoment(), now);
    if (tracker_.worthWriting()) write();
}

void EngagementRecorder::finish(Millis now) {
    tracker_.finish(now);
    write();
}

void EngagementRecorder::write() {
    auto counts = tracker_.take();
    counts.insert(counts.begin(), unwritten_.begin(), unwritten_.end());
    unwritten_.clear();
    if (counts.empty()) return;
    if (!store_) {
        auto opened = pledge::PledgeStore::open(dataDir_);
        if (opened) {
            store_ = std::make_unique<pledge::PledgeStore>(std::move(opened).value());
        } else if (!problemSaid_) {
            std::cerr << "kiosk: engagement counts not kept for now: " << opened.error().message << '\n';
            problemSaid_ = true;
        }
    }
    if (store_) {
        auto added = store_->addCounts(kioskId_, counts);
        if (added) {
            problemSaid_ = false;
            return;
        }
        if (!problemSaid_)
            std::cerr << "kiosk: engagement counts not kept for now: " << added.error().message << '\n';
        problemSaid_ = true;
    }
    if (counts.size() > kMostUnwritten)
        counts.erase(counts.begin(), counts.begin() + static_cast<long>(counts.size() - kMostUnwritten));
    unwritten_ = std::move(counts);
}

}  // namespace kiosk::app
