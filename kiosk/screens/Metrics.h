// Sizes that scale with the screen: one design unit is 1 px on the 7" 800x480 panel; the steps of type and
// space come from the pack's theme.
#pragma once

#include "content/Pack.h"
#include "core/Geometry.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

// A case shows a short version, its whole story behind "read more", when it would take more pages than this
// (docs/design.md: every story section and case reads in at most three pages at 800x480).
constexpr int kMaxReadingPages = 3;

// Sizes on this screen from the pack's type scale and spacing (content::Theme), given in design pixels.
struct Metrics {
    Size screen;
    double unit =
        1.0;  // min(w, h) / 480: 1.0 at 800x480, 1.67 at 1280x800, 2.25 at 1920x1080, 1.5 at 720x1280
    content::TypeScale type;
    content::Spacing space;

    explicit Metrics(Size s, const content::TypeScale& typeScale = {}, const content::Spacing& spacing = {})
        : screen(s), unit(std::max(0.5, std::min(s.w, s.h) / 480.0)), type(typeScale), space(spacing) {}

    int px(double designPixels) const { return static_cast<int>(std::lround(designPixels * unit)); }
    bool portrait() const { return screen.h > screen.w; }

    int margin() const { return px(space.margin); }
    int gap() const { return px(space.gap); }
    int barHeight() const { return px(space.bar); }
    int touchTarget() const { return px(space.touchTarget); }
    int titlePx() const { return px(type.title); }
    int headingPx() const { return px(type.heading); }
    int bodyPx() const { return px(type.body); }
    int readingPx() const { return px(type.reading); }
    int minBodyPx() const { return px(type.minBody); }
    int buttonPx() const { return px(type.button); }
    int captionPx() const { return px(type.caption); }
    // The smallest design size reading text may take to read in fewer pages or fill its pages: the reading
    // size itself on the 7" panel (800x480, where it is the least legible from a metre), the body size on
    // larger screens (22 design px at 1280x800 on a 10" panel is 6.2 mm high, more than 28 px on the 7").
    int minReadingDesignPx() const { return unit <= 1.0 ? type.reading : std::min(type.reading, type.body); }
    // A QR code's square, quiet zone included: a 49-module code (a 150-character URL) is 49.7 mm wide on the
    // 7" panel and 49.8 mm on the 720x1280 Touch Display 2, over the 45 mm a phone needs from 50 cm.
    int qrSide() const { return portrait() ? px(316) : px(300); }
};

}  // namespace kiosk::screens
