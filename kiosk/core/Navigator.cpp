// The navigation state machine.
#include "core/Navigator.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr int kLastPage = 1 << 20;  // "the last page", resolved once layout knows the count
}

std::string_view screenName(ScreenId id) {
    const int index = static_cast<int>(id);
    return index >= 0 && index < kScreenCount ? kScreens[index].name : "unknown";
}

int itemCount(const ContentCounts& counts, ScreenItems items) {
    switch (items) {
    case ScreenItems::One:
        return 1;
    case ScreenItems::Slides:
        return counts.slides;
    case ScreenItems::StorySections:
        return counts.storySections;
    case ScreenItems::TimelineEntries:
        return counts.timelineEntries;
    case ScreenItems::Cases:
        return counts.cases;
    case ScreenItems::Actions:
    case ScreenItems::Forms:
        return counts.actions;
    }
    return 1;
}

bool HiddenItems::hidden(ScreenItems items, int item) const {
    const std::vector<bool>* list = nullptr;
    switch (items) {
    case ScreenItems::Slides:
        list = &slides;
        break;
    case ScreenItems::StorySections:
        list = &storySections;
        break;
    case ScreenItems::Actions:
    case ScreenItems::Forms:
        list = &actions;
        break;
    default:
        return false;
    }
    return item >= 0 && item < static_cast<int>(list->size()) && (*list)[static_cast<std::size_t>(item)];
}

int Navigator::itemCount(ScreenId screen) const {
    return kiosk::itemCount(counts_, screenInfo(screen).items);
}

bool Navigator::shown(ScreenId screen, int item) const {
    return !hidden_.hidden(screenInfo(screen).items, item);
}

int Navigator::shownFrom(ScreenId screen, int item, int step) const {
    for (int i = item; i >= 0 && i < itemCount(screen); i += step)
        if (shown(screen, i)) return i;
    return -1;
}

void Navigator::open(ScreenId screen, int item) {
    const int count = std::max(1, itemCount(screen));
    item = std::clamp(item, 0, count - 1);
    // An item out of its dates opens the nearest one that is not (when every one is, the screen says so).
    if (!shown(screen, item)) {
        const int after = shownFrom(screen, item, +1);
        const int before = shownFrom(screen, item, -1);
        item = after >= 0 ? after : before >= 0 ? before : item;
    }
    view_ = View{screen, item, 0};
    pageCount_ = 1;
}

bool Navigator::next() {
    if (view_.page + 1 < pageCount_) {
        ++view_.page;
        return true;
    }
    if (const int after = shownFrom(view_.screen, view_.item + 1, +1); after >= 0) {
        view_.item = after;
        view_.page = 0;
        pageCount_ = 1;
        return true;
    }
    return false;
}

bool Navigator::previous() {
    if (view_.page > 0) {
        --view_.page;
        return true;
    }
    if (const int before = shownFrom(view_.screen, view_.item - 1, -1); before >= 0) {
        view_.item = before;
        view_.page = kLastPage;
        pageCount_ = 1;
        return true;
    }
    return false;
}

void Navigator::back() {
    switch (view_.screen) {
    case ScreenId::Case:
        open(ScreenId::Cases);
        break;
    case ScreenId::Pledge:
        open(ScreenId::Act, view_.item);
        break;
    case ScreenId::Home:
        open(ScreenId::Attract);
        break;
    case ScreenId::Attract:
        break;
    default:
        open(ScreenId::Home);
        break;
    }
}

bool Navigator::nextSlide() {
    const int count = std::max(1, counts_.slides);
    const int from = view_.screen == ScreenId::Attract ? view_.item + 1 : 0;
    int item = from % count;
    for (int step = 0; step < count; ++step) {
        const int candidate = (from + step) % count;
        if (shown(ScreenId::Attract, candidate)) {
            item = candidate;
            break;
        }
    }
    const bool wrapped = view_.screen == ScreenId::Attract && item <= view_.item;
    view_ = View{ScreenId::Attract, item, 0};
    pageCount_ = 1;
    return wrapped;
}

void Navigator::setPageCount(int pages) {
    pageCount_ = std::max(1, pages);
    view_.page = std::min(view_.page, pageCount_ - 1);
}

}  // namespace kiosk
