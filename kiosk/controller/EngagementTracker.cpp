// Turning moments into engagement counts: a visit opens at the first screen past the attract loop and ends
// back on it; each view, QR code and form is counted as it opens and timed as it closes.
#include "controller/EngagementTracker.h"

#include <algorithm>
#include <utility>

namespace kiosk {

namespace {
bool isVisitScreen(ScreenId screen) {
    return screen != ScreenId::Attract && screen != ScreenId::AdminPin && screen != ScreenId::Admin;
}

bool isReading(ScreenId screen) {
    return screen == ScreenId::Story || screen == ScreenId::Timeline || screen == ScreenId::Case;
}

template <class Items> const auto* itemAt(const Items& items, int index) {
    return index >= 0 && index < static_cast<int>(items.size()) ? &items[static_cast<std::size_t>(index)]
                                                                : nullptr;
}
}  // namespace

EngagementTracker::EngagementTracker(const content::Pack& pack, Clock clock)
    : pack_(pack), clock_(std::move(clock)) {}

std::string EngagementTracker::viewSubject(ScreenId screen, int item) const {
    const auto named = [](std::string_view prefix, const std::string& id) {
        return id.empty() ? std::string(prefix) : std::string(prefix) + ":" + id;
    };
    switch (screen) {
    case ScreenId::Attract:
    case ScreenId::AdminPin:
    case ScreenId::Admin:
        return "";
    case ScreenId::Story: {
        const auto* section = itemAt(pack_.story, item);
        return named("story", section ? section->id : "");
    }
    case ScreenId::Timeline: {
        const auto* entry = itemAt(pack_.timeline, item);
        return named("timeline", entry ? entry->date : "");
    }
    case ScreenId::Case: {
        const auto* profile = itemAt(pack_.cases, item);
        return named("case", profile ? profile->id : "");
    }
    case ScreenId::Act:
    case ScreenId::Pledge:
    case ScreenId::Thanks: {
        const auto* action = itemAt(pack_.actions, item);
        return named(screenName(screen), action ? action->id : "");
    }
    default:
        return std::string(screenName(screen));
    }
}

std::string EngagementTracker::actionId(int item) const {
    const auto* action = itemAt(pack_.actions, item);
    return action ? action->id : "";
}

bool EngagementTracker::showsQr(ScreenId screen, int item) const {
    if (screen == ScreenId::Act || screen == ScreenId::Thanks) {
        const auto* action = itemAt(pack_.actions, item);
        return action && !action->url.empty();
    }
    if (screen == ScreenId::Case) {
        const auto* profile = itemAt(pack_.cases, item);
        return profile && !profile->actionUrl.empty();
    }
    return false;
}

void EngagementTracker::add(const HourBucket& bucket, std::string_view metric, const std::string& subject,
                            std::int64_t value) {
    if (value <= 0) return;
    pending_[{bucket.day, bucket.hour, std::string(metric), isCountSubject(subject) ? subject : ""}] += value;
}

void EngagementTracker::observe(const EngagementMoment& moment, Millis now) {
    const bool visiting = isVisitScreen(moment.screen);
    if (!inVisit_ && visiting) {
        inVisit_ = true;
        visitStart_ = now;
        visitBucket_ = clock_(now);
        visitRead_ = visitAct_ = visitPledge_ = visitStored_ = false;
        visitLanguages_.clear();
        add(visitBucket_, metric::kVisit, "", 1);
    }

    // The form: started on entering it, stored when the thank-you screen follows, abandoned otherwise.
    if (pledgeAction_ && (moment.screen != ScreenId::Pledge || moment.item != *pledgeAction_))
        endPledge(moment.screen == ScreenId::Thanks, now);
    if (moment.screen == ScreenId::Pledge) {
        if (!pledgeAction_) {
            pledgeAction_ = moment.item;
            furthestField_ = -1;
            signPressed_ = false;
            add(clock_(now), metric::kPledgeStarted, actionId(moment.item), 1);
            if (!visitPledge_) add(visitBucket_, metric::kVisitPledge, "", 1);
            visitPledge_ = true;
        }
        if (const auto* action = itemAt(pack_.actions, moment.item); action && action->form) {
            const auto& fields = action->form->fields;
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (fields[i].id == moment.focusedField)
                    furthestField_ = std::max(furthestField_, static_cast<int>(i));
        }
        signPressed_ = signPressed_ || moment.signPressed;
    }

    const std::string subject = viewSubject(moment.screen, moment.item);
    if (subject != view_) {
        closeView(now);
        if (visiting) openView(moment, now);
    }
    if (visiting && !moment.language.empty() && visitLanguages_.insert(moment.language).second)
        add(visitBucket_, metric::kLanguage, moment.language, 1);
    if (inVisit_ && !visiting) endVisit(now);
}

void EngagementTracker::openView(const EngagementMoment& moment, Millis now) {
    view_ = viewSubject(moment.screen, moment.item);
    viewScreen_ = moment.screen;
    viewItem_ = moment.item;
    viewStart_ = now;
    viewBucket_ = clock_(now);
    add(viewBucket_, metric::kScreen, view_, 1);
    if (showsQr(moment.screen, moment.item)) add(viewBucket_, metric::kQr, view_, 1);
    if (moment.screen == ScreenId::Act && !visitAct_) {
        visitAct_ = true;
        add(visitBucket_, metric::kVisitAct, "", 1);
    }
}

void EngagementTracker::closeView(Millis now) {
    if (view_.empty()) return;
    const std::int64_t shown = std::max<std::int64_t>(0, (now - viewStart_).count());
    add(viewBucket_, metric::kScreenMs, view_, shown);
    if (showsQr(viewScreen_, viewItem_)) add(viewBucket_, metric::kQrMs, view_, shown);
    if (isReading(viewScreen_) && now - viewStart_ >= kReadTime && !visitRead_) {
        visitRead_ = true;
        add(visitBucket_, metric::kVisitRead, "", 1);
    }
    view_.clear();
}

void EngagementTracker::endPledge(bool stored, Millis now) {
    const std::string action = actionId(*pledgeAction_);
    if (stored) {
        add(clock_(now), metric::kPledgeStored, action, 1);
        if (!visitStored_) add(visitBucket_, metric::kVisitStored, "", 1);
        visitStored_ = true;
        worthWriting_ = true;
    } else {
        // How far it got: the furthest field that had the keyboard, or "sign" once signing was tried.
        std::string reached = "none";
        const auto* entry = itemAt(pack_.actions, *pledgeAction_);
        if (signPressed_)
            reached = "sign";
        else if (entry && entry->form && furthestField_ >= 0)
            reached = entry->form->fields[static_cast<std::size_t>(furthestField_)].id;
        add(clock_(now), metric::kPledgeAbandoned, action + ":" + reached, 1);
    }
    pledgeAction_.reset();
}

void EngagementTracker::endVisit(Millis now) {
    closeView(now);
    if (pledgeAction_) endPledge(false, now);
    add(visitBucket_, metric::kVisitMs, "", std::max<std::int64_t>(0, (now - visitStart_).count()));
    inVisit_ = false;
    worthWriting_ = true;
}

void EngagementTracker::finish(Millis now) {
    if (inVisit_) endVisit(now);
}

std::vector<EngagementCount> EngagementTracker::take() {
    std::vector<EngagementCount> counts;
    counts.reserve(pending_.size());
    for (const auto& [key, value] : pending_) {
        const auto& [day, hour, name, subject] = key;
        counts.push_back({day, hour, name, subject, value});
    }
    pending_.clear();
    worthWriting_ = false;
    return counts;
}

}  // namespace kiosk
