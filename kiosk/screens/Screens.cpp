// Dispatch from a view to its screen builder, and the content counts navigation walks.
#include "screens/Screens.h"

#include "screens/ActionIds.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <iterator>

namespace kiosk::screens {

std::string positionLabel(int item, int count) {
    return std::to_string(item + 1) + " / " + std::to_string(count);
}

bool isShown(const ScreenContext& context, ScreenItems items, int item) {
    return !context.hidden || !context.hidden->hidden(items, item);
}

std::vector<int> shownItems(const ScreenContext& context, ScreenItems items, int count) {
    std::vector<int> shown;
    for (int i = 0; i < count; ++i)
        if (isShown(context, items, i)) shown.push_back(i);
    return shown;
}

ContentCounts countsOf(const content::Pack& pack) {
    return {static_cast<int>(pack.slides.size()), static_cast<int>(pack.story.size()),
            static_cast<int>(pack.timeline.size()), static_cast<int>(pack.cases.size()),
            static_cast<int>(pack.actions.size())};
}

namespace {
// In the table's order, so a ScreenId indexes it.
constexpr ScreenBuilder kBuilders[] = {
#define KIOSK_SCREEN_BUILDER(id, name, items, family) &build##id,
    KIOSK_SCREENS(KIOSK_SCREEN_BUILDER)
#undef KIOSK_SCREEN_BUILDER
};
static_assert(std::size(kBuilders) == kScreenCount);
}  // namespace

namespace {
// An item's own name: its id in the pack ("timeline" entries by number and date).
std::string itemName(const content::Pack& pack, ScreenItems items, std::size_t i) {
    switch (items) {
    case ScreenItems::One:
        return "";
    case ScreenItems::Slides:
        return pack.slides[i].id;
    case ScreenItems::StorySections:
        return pack.story[i].id;
    case ScreenItems::TimelineEntries:
        return (i < 9 ? "0" : "") + std::to_string(i + 1) + "-" + pack.timeline[i].date;
    case ScreenItems::Cases:
        return pack.cases[i].id;
    case ScreenItems::Actions:
    case ScreenItems::Forms:
        return pack.actions[i].id;
    }
    return "";
}
}  // namespace

std::vector<NamedView> everyView(const content::Pack& pack) {
    std::vector<NamedView> views;
    const ContentCounts counts = countsOf(pack);
    for (const auto& screen : kScreens) {
        if (screen.items == ScreenItems::One) {
            views.push_back({std::string(screen.name), {screen.id, 0, 0}});
            continue;
        }
        const int count = itemCount(counts, screen.items);
        for (int i = 0; i < count; ++i) {
            const auto item = static_cast<std::size_t>(i);
            if (screen.items == ScreenItems::Forms && !pack.actions[item].form) continue;
            views.push_back(
                {std::string(screen.name) + "-" + itemName(pack, screen.items, item), {screen.id, i, 0}});
        }
    }
    return views;
}

Scene buildScene(const ScreenContext& context, const View& view) {
    Scene scene;
    const bool volunteers = screenInfo(view.screen).family == ScreenFamily::Volunteer;
    const Palette palette = volunteers ? adminPalette() : paletteOf(context.pack.theme);
    scene.background = palette.background;
    const Metrics metrics(context.size, context.pack.theme.type, context.pack.theme.space);
    SceneWriter out(scene, metrics, context.language, context.text, context.images, palette);
    out.nameActions([&context](const Action& action) { return actionId(action, context); });
    const int screen = static_cast<int>(view.screen);
    if (screen >= 0 && screen < kScreenCount) scene.pageCount = kBuilders[screen](out, context, view);
    if (context.extras.pledge && context.extras.pledge->stillThere)
        addStillThere(out, context, context.extras.pledge->countdownSeconds);
    if (context.extras.developmentKey) {
        // Pledges made now go to a key whose secret sits beside the config: say so on every screen.
        out.setLanguage("en");
        const std::string mark = "DEVELOPMENT KEY";
        const int w = out.measure(mark, metrics.captionPx(), true) + metrics.px(16);
        const Rect badge{(context.size.w - w) / 2, 0, w, out.lineHeight(metrics.captionPx(), true)};
        out.box(badge, {0xc0, 0x00, 0x00, 255});
        out.text("development-key", badge, mark,
                 {metrics.captionPx(), 0, true, {255, 255, 255, 255}, Align::Center});
    }
    // Problems name the pack's files as the pack does ("images/x.svg"), never by where it sits on this disk.
    const std::string root = context.pack.root.empty() ? "" : (context.pack.root / "").string();
    for (auto* list : {&scene.problems, &scene.hints})
        for (auto& problem : *list)
            for (auto at = root.empty() ? std::string::npos : problem.what.find(root);
                 at != std::string::npos; at = problem.what.find(root, at))
                problem.what.erase(at, root.size());
    return scene;
}

}  // namespace kiosk::screens
