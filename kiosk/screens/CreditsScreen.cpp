// Sources and credits: every fact's source and the pack's version. (The state of its translations is for the
// pack's writers: it stays in pack.toml and tour.json.)
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildCredits(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    const auto chrome =
        addChrome(out, context,
                  {pack.credits.title.in(lang, fallback).empty() ? pack.uiText("credits", lang)
                                                                 : pack.credits.title.in(lang, fallback),
                   true, true, false, true, ""});

    std::string text = pack.credits.text.in(lang, fallback);
    text += "\n\n" + pack.id + " " + pack.version;
    for (const auto& source : pack.credits.sources) {
        const std::string& label = source.label.in(lang, fallback);
        text += "\n\n" + (label.empty() ? source.url : label + "\n" + source.url);
    }
    const int pages =
        out.pagedText("credits-text", chrome.body, text, {m.captionPx(), 0, false, palette.text}, view.page);
    addPager(out, context, chrome, view.page > 0, view.page + 1 < pages);
    return pages;
}

}  // namespace kiosk::screens
