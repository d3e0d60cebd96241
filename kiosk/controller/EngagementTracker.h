// Engagement counts from what the passer-by does: visits, screens and time on each, languages, QR codes
// shown, pledges started, abandoned (with the field reached) and stored. It is shown moments (screen, item,
// language, the form's focused field id) and turns their changes into counts of ids from the pack; it never
// sees a typed value.
#pragma once

#include "content/Pack.h"
#include "core/EngagementCount.h"
#include "core/Navigator.h"
#include "core/Time.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace kiosk {

// Where the passer-by is at one moment, in ids only.
struct EngagementMoment {
    ScreenId screen = ScreenId::Attract;
    int item = 0;
    std::string language;
    std::string focusedField;  // the form's field id with the keyboard, if any
    bool signPressed = false;  // the form answered "sign" with problems or a banner
};

class EngagementTracker {
public:
    // Time on one story section, timeline entry or case that counts as having read something.
    static constexpr Millis kReadTime{5000};
    // `clock` gives the kiosk's local date and hour for a controller time.
    using Clock = std::function<HourBucket(Millis now)>;
    EngagementTracker(const content::Pack& pack, Clock clock);

    // Call after anything that may have moved the passer-by; cheap when nothing changed.
    void observe(const EngagementMoment& moment, Millis now);
    // Ends what is open (the view on screen, its QR code) as the program stops; a visit in progress counts.
    void finish(Millis now);

    // The counts gathered since the last take, one a bucket, metric and subject.
    std::vector<EngagementCount> take();
    // A visit ended or a pledge was stored since the last take: the moment to write (between visitors, or
    // while the thank-you screen appears).
    bool worthWriting() const { return worthWriting_ && !pending_.empty(); }
    bool inVisit() const { return inVisit_; }

    // The subject a view is counted under: "home", "story:<section id>", "act:<action id>", ...; empty for
    // the attract loop and the volunteer's screens, which are not part of a visit.
    std::string viewSubject(ScreenId screen, int item) const;
    // Whether that view shows a QR code (an action's, a case's, or the thank-you screen's).
    bool showsQr(ScreenId screen, int item) const;

private:
    std::string actionId(int item) const;
    void add(const HourBucket& bucket, std::string_view metric, const std::string& subject,
             std::int64_t value);
    void openView(const EngagementMoment& moment, Millis now);
    void closeView(Millis now);
    void endPledge(bool stored, Millis now);
    void endVisit(Millis now);

    const content::Pack& pack_;
    Clock clock_;
    std::map<std::tuple<std::string, int, std::string, std::string>, std::int64_t> pending_;
    bool worthWriting_ = false;

    bool inVisit_ = false;
    Millis visitStart_{0};
    HourBucket visitBucket_;
    bool visitRead_ = false, visitAct_ = false, visitPledge_ = false, visitStored_ = false;
    std::set<std::string> visitLanguages_;

    std::string view_;  // the open view's subject; empty when none
    ScreenId viewScreen_ = ScreenId::Attract;
    int viewItem_ = 0;
    Millis viewStart_{0};
    HourBucket viewBucket_;

    std::optional<int> pledgeAction_;  // the form in progress
    int furthestField_ = -1;           // index in the form of the furthest field that had the keyboard
    bool signPressed_ = false;
};

}  // namespace kiosk
