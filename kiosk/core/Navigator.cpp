// The navigation state machine.
#include "core/Navigator.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr int kLastPage = 1 << 20;  // "the last page", resolved once layout knows the count
}

std::string_view screenName(ScreenId id) {
    switch (id) {
    case ScreenId::Attract:
        return "attract";
    case ScreenId::Home:
        return "home";
    case ScreenId::Story:
        return "story";
    case ScreenId::Timeline:
        return "timeline";
    case ScreenId::Cases:
        return "cases";
    case ScreenId::Case:
        return "case";
    case ScreenId::Act:
        return "act";
    case ScreenId::Credits:
        return "credits";
    case ScreenId::Pledge:
        return "pledge";
    case ScreenId::Thanks:
        return "thanks";
    case ScreenId::AdminPin:
        return "admin-pin";
    case ScreenId::Admin:
        return "admin";
    }
    return "unknown";
}

int Navigator::itemCount(ScreenId screen) const {
    switch (screen) {
    case ScreenId::Attract:
        return counts_.slides;
    case ScreenId::Story:
        return counts_.storySections;
    case ScreenId::Timeline:
        return counts_.timelineEntries;
    case ScreenId::Case:
        return counts_.cases;
    case ScreenId::Act:
    case ScreenId::Pledge:
    case ScreenId::Thanks:
        return counts_.actions;
    case ScreenId::AdminPin:
    case ScreenId::Admin:
    case ScreenId::Home:
    case ScreenId::Cases:
    case ScreenId::Credits:
        return 1;
    }
    return 1;
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
