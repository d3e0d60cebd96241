// Where the passer-by is: screen, item and page, and how taps, swipes and keys move between them.
#pragma once

#include "core/ScreenTable.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

// How many items each screen walks through; pages are learnt from layout.
struct ContentCounts {
    int slides = 0;
    int storySections = 0;
    int timelineEntries = 0;
    int cases = 0;
    int actions = 0;
};

// How many items a screen of this kind walks through.
int itemCount(const ContentCounts& counts, ScreenItems items);

// The items out of their dates now (scheduled content, content/Schedule.h): navigation and the screens skip
// them. An item past the end of a list is shown, so the empty default hides nothing.
struct HiddenItems {
    std::vector<bool> slides;
    std::vector<bool> storySections;
    std::vector<bool> actions;  // also their forms

    bool hidden(ScreenItems items, int item) const;
    friend bool operator==(const HiddenItems&, const HiddenItems&) = default;
};

struct View {
    ScreenId screen = ScreenId::Attract;
    int item = 0;  // slide, section, entry, case or action
    int page = 0;  // page of the item's text
    friend bool operator==(const View&, const View&) = default;
};

class Navigator {
public:
    explicit Navigator(ContentCounts counts) : counts_(counts) {}

    const View& view() const { return view_; }

    void open(ScreenId screen, int item = 0);
    // Next or previous page, then next or previous item; returns false at either end.
    bool next();
    bool previous();
    void back();
    void home() { open(ScreenId::Home); }
    void toAttract() { open(ScreenId::Attract); }
    // The next slide that is not hidden, round the loop; true when it went round past the end.
    bool nextSlide();

    // Which items are out of their dates; the view on screen stays until it is left.
    void setHidden(HiddenItems hidden) { hidden_ = std::move(hidden); }
    const HiddenItems& hidden() const { return hidden_; }

    // Layout reports how many pages the current item has; a page past the end is clamped.
    void setPageCount(int pages);
    int pageCount() const { return pageCount_; }

private:
    int itemCount(ScreenId screen) const;
    bool shown(ScreenId screen, int item) const;
    // The nearest shown item from `item` in `step`'s direction (inclusive), or -1.
    int shownFrom(ScreenId screen, int item, int step) const;

    ContentCounts counts_;
    HiddenItems hidden_;
    View view_;
    int pageCount_ = 1;
};

}  // namespace kiosk
