// The screen shown when no content could be loaded: to the public, in four languages, that the kiosk is being
// set up and to ask a volunteer; what is wrong (file and line) goes to the log, never to the passer-by.
#include "screens/Metrics.h"
#include "screens/SceneWriter.h"
#include "screens/Screens.h"

#include <array>

namespace kiosk::screens {

namespace {
// Built in, since there is no pack to take words from. Awaiting native review, like the pack's translations.
struct Notice {
    const char* language;
    const char* title;
    const char* text;
};
constexpr std::array<Notice, 4> kNotices = {{
    {"en", "This kiosk is being set up", "Please ask a volunteer at the booth."},
    {"ms", "Kiosk ini sedang disediakan", "Sila tanya sukarelawan di gerai ini."},
    {"zh", "本机正在设置中", "请向摊位的志愿者询问。"},
    {"ta", "இந்தக் கியோஸ்க் அமைக்கப்படுகிறது", "அரங்கில் உள்ள தன்னார்வலரிடம் கேளுங்கள்."},
}};
}  // namespace

Scene buildMaintenanceScene(Size size, layout::TextMeasurer& text, ImageMeasurer& images,
                            const std::vector<reports::KioskProblem>& reasons) {
    Scene scene;
    const Palette palette{{0x1a, 0x1a, 0x1a, 255}, {0x2b, 0x2b, 0x2b, 255}, {0xff, 0xff, 0xff, 255},
                          {0xcc, 0xcc, 0xcc, 255}, {0xff, 0xe6, 0x00, 255}, {0x1a, 0x1a, 0x1a, 255}};
    scene.background = palette.background;
    const Metrics m(size);
    SceneWriter out(scene, m, "en", text, images, palette);
    const Rect body{m.margin() * 2, m.margin() * 2, size.w - m.margin() * 4, size.h - m.margin() * 4};
    // The volunteer's line at the bottom, in English like the volunteer menu: where the reasons are.
    const std::string volunteer =
        reasons.empty()
            ? "Volunteers: restart the kiosk; if this stays, see its log (journalctl -u outreach-kiosk -b)."
            : "Volunteers: the content pack did not load (" + std::to_string(reasons.size()) +
                  (reasons.size() == 1 ? " line" : " lines") +
                  " in the log: journalctl -u outreach-kiosk -b). Fix it as the log says, "
                  "or copy a fresh content pack to the SD card, then restart the kiosk.";
    const int volunteerH = out.lineHeight(m.captionPx()) * 3;
    const Rect volunteerBox{body.x, body.bottom() - volunteerH, body.w, volunteerH};
    out.text("maintenance-volunteer", volunteerBox, volunteer,
             {m.captionPx(), m.px(13), false, palette.mutedText, Align::Start, Align::End});

    // The four notices, each in its own script, in a 2x2 grid (one column in portrait).
    const int columns = m.portrait() ? 1 : 2;
    const int rows = static_cast<int>(kNotices.size()) / columns;
    const Rect grid{body.x, body.y, body.w, volunteerBox.y - body.y - m.gap()};
    const int cellW = (grid.w - (columns - 1) * m.gap() * 2) / columns;
    const int cellH = (grid.h - (rows - 1) * m.gap() * 2) / rows;
    for (int i = 0; i < static_cast<int>(kNotices.size()); ++i) {
        const Notice& notice = kNotices[static_cast<std::size_t>(i)];
        const Rect cell{grid.x + (i % columns) * (cellW + m.gap() * 2),
                        grid.y + (i / columns) * (cellH + m.gap() * 2), cellW, cellH};
        out.setLanguage(notice.language);
        out.box(cell, palette.surface, m.px(10));
        const Rect inner = cell.inset(m.px(12));
        const int titleH = inner.h * 3 / 5;
        out.text(std::string("maintenance-title-") + notice.language, {inner.x, inner.y, inner.w, titleH},
                 notice.title, {m.headingPx(), m.captionPx(), true, palette.text, Align::Start, Align::End});
        out.text(std::string("maintenance-text-") + notice.language,
                 {inner.x, inner.y + titleH + m.px(6), inner.w, inner.h - titleH - m.px(6)}, notice.text,
                 {m.bodyPx(), m.captionPx(), false, palette.accent, Align::Start, Align::Start});
    }
    return scene;
}

}  // namespace kiosk::screens
