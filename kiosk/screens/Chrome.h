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
};

struct ChromeLayout {
    Rect body;  // between header and footer
    Rect previousButton;
    Rect nextButton;
};

// Draws header and footer (the pager buttons come later, once the body knows its pages).
ChromeLayout addChrome(SceneWriter& out, const ScreenContext& context, const ChromeOptions& options);
// `actionAtEnd`: on the last page, "take action" stands where "next" was.
void addPager(SceneWriter& out, const ScreenContext& context, const ChromeLayout& chrome, bool hasPrevious,
              bool hasNext, bool actionAtEnd = false);

Palette paletteOf(const content::Theme& theme);

}  // namespace kiosk::screens
