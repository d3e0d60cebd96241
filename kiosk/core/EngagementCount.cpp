// The one check every engagement count passes before it is stored, written into a bundle or imported.
#include "core/EngagementCount.h"

#include <algorithm>

namespace kiosk {

bool isCountSubject(std::string_view subject) {
    return subject.size() <= 128 && std::all_of(subject.begin(), subject.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
           });
}

namespace {
bool isDay(std::string_view day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (std::size_t i = 0; i < day.size(); ++i)
        if (i != 4 && i != 7 && (day[i] < '0' || day[i] > '9')) return false;
    return true;
}
}  // namespace

bool isKeepableCount(const EngagementCount& count) {
    const bool knownMetric =
        std::find(metric::kAll.begin(), metric::kAll.end(), count.metric) != metric::kAll.end();
    return knownMetric && isCountSubject(count.subject) && isDay(count.day) && count.hour >= 0 &&
           count.hour < 24 && count.value >= 0;
}

}  // namespace kiosk
