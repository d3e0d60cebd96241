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
    const Palette palette = paletteOf(context.pack.theme);
    scene.background = palette.background;
    const Metrics metrics(context.size);
    SceneWriter out(scene, metrics, context.language, context.text, context.images, palette);
    switch (view.screen) {
    case ScreenId::Attract: scene.pageCount = buildAttract(out, context, view); break;
    case ScreenId::Home: scene.pageCount = buildHome(out, context); break;
    case ScreenId::Story: scene.pageCount = buildStory(out, context, view); break;
    case ScreenId::Timeline: scene.pageCount = buildTimeline(out, context, view); break;
    case ScreenId::Cases: scene.pageCount = buildCases(out, context); break;
    case ScreenId::Case: scene.pageCount = buildCase(out, context, view); break;
    case ScreenId::Act: scene.pageCount = buildAct(out, context, view); break;
    case ScreenId::Credits: scene.pageCount = buildCredits(out, context, view); break;
    }
    return scene;
}

} // namespace kiosk::screens
