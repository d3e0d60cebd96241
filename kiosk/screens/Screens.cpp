// Dispatch from a view to its screen builder, and the content counts navigation walks.
#include "screens/Screens.h"

#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

std::string positionLabel(int item, int count) {
    return std::to_string(item + 1) + " / " + std::to_string(count);
}

ContentCounts countsOf(const content::Pack& pack) {
    return {static_cast<int>(pack.slides.size()), static_cast<int>(pack.story.size()),
            static_cast<int>(pack.timeline.size()), static_cast<int>(pack.cases.size()),
            static_cast<int>(pack.actions.size())};
}

Scene buildScene(const ScreenContext& context, const View& view) {
    Scene scene;
    const bool volunteers = view.screen == ScreenId::AdminPin || view.screen == ScreenId::Admin;
    const Palette palette = volunteers ? adminPalette() : paletteOf(context.pack.theme);
    scene.background = palette.background;
    const Metrics metrics(context.size);
    SceneWriter out(scene, metrics, context.language, context.text, context.images, palette);
    switch (view.screen) {
    case ScreenId::Attract:
        scene.pageCount = buildAttract(out, context, view);
        break;
    case ScreenId::Home:
        scene.pageCount = buildHome(out, context);
        break;
    case ScreenId::Story:
        scene.pageCount = buildStory(out, context, view);
        break;
    case ScreenId::Timeline:
        scene.pageCount = buildTimeline(out, context, view);
        break;
    case ScreenId::Cases:
        scene.pageCount = buildCases(out, context, view);
        break;
    case ScreenId::Case:
        scene.pageCount = buildCase(out, context, view);
        break;
    case ScreenId::Act:
        scene.pageCount = buildAct(out, context, view);
        break;
    case ScreenId::Credits:
        scene.pageCount = buildCredits(out, context, view);
        break;
    case ScreenId::Pledge:
        scene.pageCount = buildPledge(out, context, view);
        break;
    case ScreenId::Thanks:
        scene.pageCount = buildThanks(out, context, view);
        break;
    case ScreenId::AdminPin:
        scene.pageCount = buildAdminPin(out, context);
        break;
    case ScreenId::Admin:
        scene.pageCount = buildAdmin(out, context);
        break;
    }
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
