// Scheduled content: the rule of content/Schedule.h applied to each dated item.
#include "content/Schedule.h"

namespace kiosk::content {

bool showsNow(const DateWindow& dates, const ClockReading& clock) {
    if (!dates.dated()) return true;
    if (!clock.today) return false;
    const LocalDate& today = *clock.today;
    if (dates.from && today < *dates.from) return false;
    if (!clock.synced) return !dates.until;  // the true date may be any day after the clock's
    return !dates.until || today <= *dates.until;
}

namespace {
template <class Item> std::vector<bool> hiddenOf(const std::vector<Item>& items, const ClockReading& clock) {
    std::vector<bool> hidden;
    hidden.reserve(items.size());
    for (const Item& item : items)
        hidden.push_back(!showsNow(item.dates, clock));
    return hidden;
}
}  // namespace

HiddenItems outOfDate(const Pack& pack, const ClockReading& clock) {
    return {hiddenOf(pack.slides, clock), hiddenOf(pack.story, clock), hiddenOf(pack.actions, clock)};
}

}  // namespace kiosk::content
