// The frame around every screen but the attract loop: header (back, title, home) and footer (pages,
// languages).
#pragma once

#include "screens/SceneWriter.h"
#include "screens/Screens.h"

#include <string>

namespace kiosk::screens {

struct ChromeOptions {
    std::string title;
    bool back = true;
    bool home = true;
    bool credits = false;
    bool sequence = false;  // the screen walks items and pages: reserve previous and next buttons
    std::string position;   // e.g. "3 / 14"
    // Instead of `position`: room kept for a counter as wide as this, drawn by addPosition once the body
    // knows its pages.
    std::string positionReserve{};
};

struct ChromeLayout {
    Rect body;  // between header and footer
    Rect previousButton;
    Rect nextButton;
    Rect positionBox;  // where the counter goes (empty when there is none)
    Rect pagerMiddle;  // between the arrows when they have a row of their own (empty when the languages share
                       // it)
};

// Draws header and footer (the pager buttons come later, once the body knows its pages).
ChromeLayout addChrome(SceneWriter& out, const ScreenContext& context, const ChromeOptions& options);
// The counter in the room addChrome kept for it (ChromeOptions::positionReserve).
void addPosition(SceneWriter& out, const ChromeLayout& chrome, const std::string& position);
// `actionAtEnd`: on the last page, "take action" stands where "next" was.
void addPager(SceneWriter& out, const ScreenContext& context, const ChromeLayout& chrome, bool hasPrevious,
              bool hasNext, bool actionAtEnd = false);

Palette paletteOf(const content::Theme& theme);

}  // namespace kiosk::screens
