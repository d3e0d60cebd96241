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

int Navigator::itemCount(ScreenId screen) const {
    return kiosk::itemCount(counts_, screenInfo(screen).items);
}

void Navigator::open(ScreenId screen, int item) {
    const int count = std::max(1, itemCount(screen));
    view_ = View{screen, std::clamp(item, 0, count - 1), 0};
    pageCount_ = 1;
}

bool Navigator::next() {
    if (view_.page + 1 < pageCount_) {
        ++view_.page;
        return true;
    }
    if (view_.item + 1 < itemCount(view_.screen)) {
        ++view_.item;
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
    if (view_.item > 0) {
        --view_.item;
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

void Navigator::nextSlide() {
    const int count = std::max(1, counts_.slides);
    view_ = View{ScreenId::Attract, (view_.screen == ScreenId::Attract ? view_.item + 1 : 0) % count, 0};
}

void Navigator::setPageCount(int pages) {
    pageCount_ = std::max(1, pages);
    view_.page = std::min(view_.page, pageCount_ - 1);
}

}  // namespace kiosk
