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
    // Only the sections shown today are counted and walked; with none, the screen is its chrome.
    const std::vector<int> shown = shownItems(context, ScreenItems::StorySections, count);
    if (shown.empty() || !isShown(context, ScreenItems::StorySections, view.item)) return 1;
    const auto textOf = [&](const content::StorySection& section) {
        return std::tuple{section.title.in(lang, pack.defaultLanguage),
                          section.text.in(lang, pack.defaultLanguage)};
    };
    int before = 0;
    int total = 0;
    for (const int i : shown) {
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
    addPager(out, context, chrome, view.item > shown.front() || view.page > 0,
             view.page + 1 < pages || view.item < shown.back(), true);
    return pages;
}

}  // namespace kiosk::screens
