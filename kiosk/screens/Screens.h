// Building the scene for any screen: content, language, screen size and where the passer-by is.
#pragma once

#include "content/Pack.h"
#include "core/ImageMeasurer.h"
#include "core/Navigator.h"
#include "core/Scene.h"
#include "layout/TextMeasurer.h"
#include "screens/ViewModels.h"

#include <string>
#include <vector>

namespace kiosk::screens {

struct ScreenContext {
    const content::Pack& pack;
    std::string language;
    Size size;
    layout::TextMeasurer& text;
    ImageMeasurer& images;
    ScreenExtras extras = {};
    // The slides, sections and actions out of their dates now (scheduled content); null shows every one
    // (the tour, which draws every screen).
    const HiddenItems* hidden = nullptr;
};

// Whether `item` of that kind is shown now, and the indices of those shown, in pack order.
bool isShown(const ScreenContext& context, ScreenItems items, int item);
std::vector<int> shownItems(const ScreenContext& context, ScreenItems items, int count);

Scene buildScene(const ScreenContext& context, const View& view);

// Shown when no content pack could be loaded: never a blank screen. `reasons` are in the log, one a line.
Scene buildMaintenanceScene(Size size, layout::TextMeasurer& text, ImageMeasurer& images,
                            const std::vector<reports::KioskProblem>& reasons);

ContentCounts countsOf(const content::Pack& pack);

// Every screen of the table (core/ScreenTable.h) at each of its items, in the table's order, with the name
// the tour gives its picture: "home", "story-<section id>", "timeline-03-<date>", "pledge-<action id>"...
// Form screens only for actions with a form.
struct NamedView {
    std::string name;
    View view;
};
std::vector<NamedView> everyView(const content::Pack& pack);

}  // namespace kiosk::screens
