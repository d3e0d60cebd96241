// The campaign story, a section at a time, its text split into pages that fit the screen.
#include "screens/Chrome.h"
#include "screens/IllustratedText.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildStory(SceneWriter& out, const ScreenContext& context, const View& view) {
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int count = static_cast<int>(pack.story.size());
    const auto chrome =
        addChrome(out, context,
                  {pack.uiText("nav_story", lang), true, true, false, true, positionLabel(view.item, count)});
    if (count == 0) return 1;
    const auto& section = pack.story[static_cast<std::size_t>(view.item)];
    const int pages =
        buildIllustratedText(out, chrome.body, "story", section.title.in(lang, pack.defaultLanguage),
                             section.text.in(lang, pack.defaultLanguage), section.image, view.page);
    addPager(out, context, chrome, view.item > 0 || view.page > 0,
             view.page + 1 < pages || view.item + 1 < count, true);
    return pages;
}

}  // namespace kiosk::screens
