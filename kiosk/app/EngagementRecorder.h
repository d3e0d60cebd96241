// Keeps the engagement counts of a running kiosk (or `kiosk play`) in pledges.db beside the pledges: the
// tracker gathers them in memory and they are written in one transaction when a visit ends or a pledge is
// stored, never while someone waits on a screen. A power cut loses at most the visit in progress.
#pragma once

#include "controller/EngagementTracker.h"
#include "controller/KioskController.h"
#include "pledge/PledgeStore.h"

#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::app {

class EngagementRecorder {
public:
    // `wallClock` gives the Unix time for a controller time (the real clock, or `kiosk play`'s virtual one);
    // hours are the kiosk's local ones (TZ).
    EngagementRecorder(const content::Pack& pack, std::filesystem::path dataDir, std::string kioskId,
                       std::function<std::time_t(Millis)> wallClock);
    ~EngagementRecorder();

    // After every input and tick: counts what changed, and writes when a visit ended or a pledge was stored.
    void observe(const KioskController& kiosk, Millis now);
    // As the program stops: the visit in progress ends and everything is written.
    void finish(Millis now);

private:
    void write();

    std::filesystem::path dataDir_;
    std::string kioskId_;
    EngagementTracker tracker_;
    std::unique_ptr<pledge::PledgeStore> store_;  // opened at the first write, off the start-up path
    std::vector<EngagementCount> unwritten_;      // kept for the next try when a write failed
    bool problemSaid_ = false;
};

}  // namespace kiosk::app
