// Home: the four ways in (story, timeline, cases, action), large enough for any finger.
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <array>

namespace kiosk::screens {

int buildHome(SceneWriter& out, const ScreenContext& context) {
    const Metrics& m = out.metrics();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const auto chrome =
        addChrome(out, context, {pack.title.in(lang, pack.defaultLanguage), false, false, true, false, ""});
    const Rect body = chrome.body;

    const std::array<std::pair<const char*, const char*>, 4> entries = {{
        {"nav-story", "nav_story"},
        {"nav-timeline", "nav_timeline"},
        {"nav-cases", "nav_cases"},
        {"nav-act", "nav_act"},
    }};
    const int columns = m.portrait() ? 1 : 2;
    const int rows = 4 / columns;
    const int gap = m.gap() * 2;
    const int cellW = (body.w - gap * (columns - 1)) / columns;
    const int cellH = (body.h - gap * (rows - 1)) / rows;
    for (int i = 0; i < 4; ++i) {
        const int col = i % columns;
        const int row = i / columns;
        const Rect cell{body.x + col * (cellW + gap), body.y + row * (cellH + gap), cellW, cellH};
        const auto& [id, key] = entries[static_cast<std::size_t>(i)];
        out.button(id, cell, pack.uiText(key, lang), i == 3 ? ButtonStyle::Primary : ButtonStyle::Secondary,
                   false, 48, m.px(30));
    }
    return 1;
}

}  // namespace kiosk::screens
