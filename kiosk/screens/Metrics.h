// Sizes that scale with the screen: one design unit is 1 px on the 7" 800x480 panel.
#pragma once

#include "core/Geometry.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

// A case shows a short version, its whole story behind "read more", when it would take more pages than this
// (docs/design.md: every story section and case reads in at most three pages at 800x480).
constexpr int kMaxReadingPages = 3;

struct Metrics {
    Size screen;
    double unit =
        1.0;  // min(w, h) / 480: 1.0 at 800x480, 1.67 at 1280x800, 2.25 at 1920x1080, 1.5 at 720x1280

    explicit Metrics(Size s) : screen(s), unit(std::max(0.5, std::min(s.w, s.h) / 480.0)) {}

    int px(double designPixels) const { return static_cast<int>(std::lround(designPixels * unit)); }
    bool portrait() const { return screen.h > screen.w; }

    int margin() const { return px(16); }
    int gap() const { return px(12); }
    int barHeight() const { return px(60); }    // header and footer
    int touchTarget() const { return px(52); }  // >= 48 px (9 mm) on the 7" panel
    int titlePx() const { return px(40); }
    int headingPx() const { return px(28); }
    int bodyPx() const { return px(22); }     // labels, fields, tiles' and cards' words
    int readingPx() const { return px(28); }  // what a passer-by reads: story, timeline, case and action text
    int minBodyPx() const { return px(18); }
    int buttonPx() const { return px(20); }
    int captionPx() const { return px(18); }
    // A QR code's square, quiet zone included: a 49-module code (a 150-character URL) is 49.7 mm wide on the
    // 7" panel and 49.8 mm on the 720x1280 Touch Display 2, over the 45 mm a phone needs from 50 cm.
    int qrSide() const { return portrait() ? px(316) : px(300); }
};

}  // namespace kiosk::screens
