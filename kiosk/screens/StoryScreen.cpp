// The campaign story, a section at a time, its text split into pages that fit the screen; the counter counts
// pages across the whole story, so a reader knows how much is left.
#include "screens/Chrome.h"
#include "screens/IllustratedText.h"
#include "screens/ScreenBuilders.h"

#include <tuple>

namespace kiosk::screens {

int buildStory(SceneWriter& out, const ScreenContext& context, const View& view) {
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int count = static_cast<int>(pack.story.size());
    ChromeOptions options{pack.uiText("nav_story", lang), true, true, false, true, ""};
    options.positionReserve = "00 / 00";
    const auto chrome = addChrome(out, context, options);
    if (count == 0) return 1;
    const auto textOf = [&](const content::StorySection& section) {
        return std::tuple{section.title.in(lang, pack.defaultLanguage),
                          section.text.in(lang, pack.defaultLanguage)};
    };
    int before = 0;
    int total = 0;
    for (int i = 0; i < count; ++i) {
        const auto& section = pack.story[static_cast<std::size_t>(i)];
        const auto [title, text] = textOf(section);
        const int pages = illustratedTextPages(out, chrome.body, title, text, section.image);
        if (i < view.item) before += pages;
        total += pages;
    }
    const auto& section = pack.story[static_cast<std::size_t>(view.item)];
    const auto [title, text] = textOf(section);
    const int pages = buildIllustratedText(out, chrome.body, "story", title, text, section.image, view.page);
    addPosition(out, chrome, positionLabel(before + view.page % pages, total));
    addPager(out, context, chrome, view.item > 0 || view.page > 0,
             view.page + 1 < pages || view.item + 1 < count, true);
    return pages;
}

}  // namespace kiosk::screens
