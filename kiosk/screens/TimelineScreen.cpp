// The torture timeline: one dated entry at a time, a track showing where it sits from 1948 to now.
#include "screens/Chrome.h"
#include "screens/IllustratedText.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

namespace {
// "1948-12-10" -> "10/12/1948": day-first numeric dates read the same in all four languages.
std::string displayDate(const std::string& iso) {
    if (iso.size() == 10) return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
    if (iso.size() == 7) return iso.substr(5, 2) + "/" + iso.substr(0, 4);
    return iso;
}

std::string hostOf(const std::string& url) {
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    auto end = url.find('/', start);
    std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    return host;
}
}  // namespace

int buildTimeline(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int count = static_cast<int>(pack.timeline.size());
    const auto chrome = addChrome(
        out, context,
        {pack.uiText("nav_timeline", lang), true, true, false, true, positionLabel(view.item, count)});
    if (count == 0) return 1;
    const auto& entry = pack.timeline[static_cast<std::size_t>(view.item)];
    Rect body = chrome.body;

    // The track: a line with a dot an entry, the current one large.
    const int trackHeight = m.px(28);
    const Rect track{body.x, body.bottom() - trackHeight, body.w, trackHeight};
    out.box({track.x, track.y + trackHeight / 2 - m.px(1), track.w, m.px(2)}, palette.mutedText);
    for (int i = 0; i < count; ++i) {
        const int cx =
            track.x + (count == 1 ? track.w / 2 : i * (track.w - m.px(16)) / (count - 1) + m.px(8));
        const int d = i == view.item ? m.px(18) : m.px(8);
        out.box({cx - d / 2, track.y + (trackHeight - d) / 2, d, d},
                i == view.item ? palette.text : palette.mutedText, d / 2);
    }
    body.h -= trackHeight + m.gap();

    // The date, large, then the source's site in small type (so a reviewer knows where it comes from).
    const int dateHeight = out.lineHeight(m.px(34), true);
    out.text("timeline-date", {body.x, body.y, body.w / 2, dateHeight}, displayDate(entry.date),
             {m.px(34), 0, true, palette.text, Align::Start, Align::Start});
    if (!entry.source.empty())
        out.text("timeline-source", {body.x + body.w / 2, body.y, body.w / 2, dateHeight},
                 hostOf(entry.source),
                 {m.captionPx(), 0, false, palette.mutedText, Align::End, Align::Center});
    body.y += dateHeight + m.gap();
    body.h -= dateHeight + m.gap();

    const int pages = buildIllustratedText(out, body, "timeline", entry.title.in(lang, pack.defaultLanguage),
                                           entry.text.in(lang, pack.defaultLanguage), entry.image, view.page);
    addPager(out, context, chrome, view.item > 0 || view.page > 0,
             view.page + 1 < pages || view.item + 1 < count, true);
    return pages;
}

}  // namespace kiosk::screens
