// The screen a volunteer sees when no content could be loaded: what is wrong and what to do, never a blank.
#include "screens/Metrics.h"
#include "screens/SceneWriter.h"
#include "screens/Screens.h"

namespace kiosk::screens {

Scene buildMaintenanceScene(Size size, layout::TextMeasurer& text, ImageMeasurer& images,
                            const std::vector<std::string>& reasons) {
    Scene scene;
    const Palette palette{{0x1a, 0x1a, 0x1a, 255}, {0x2b, 0x2b, 0x2b, 255}, {0xff, 0xff, 0xff, 255},
                          {0xcc, 0xcc, 0xcc, 255}, {0xff, 0xe6, 0x00, 255}, {0x1a, 0x1a, 0x1a, 255}};
    scene.background = palette.background;
    const Metrics m(size);
    SceneWriter out(scene, m, "en", text, images, palette);
    const Rect body{m.margin() * 2, m.margin() * 2, size.w - m.margin() * 4, size.h - m.margin() * 4};
    const int used =
        out.text("maintenance-title", {body.x, body.y, body.w, out.lineHeight(m.titlePx(), true) * 2},
                 "This kiosk is being set up", {m.titlePx(), m.headingPx(), true, palette.text});
    std::string details =
        "The campaign content could not be loaded. A volunteer can fix this: check the content "
        "folder named in outreach-kiosk.toml on the SD card's boot partition, or copy a fresh "
        "content pack there, then restart the kiosk.";
    for (const auto& reason : reasons)
        details += "\n\n" + reason;
    out.pagedText("maintenance-text", {body.x, body.y + used + m.gap(), body.w, body.h - used - m.gap()},
                  details, {m.bodyPx(), 0, false, palette.mutedText}, 0);
    return scene;
}

}  // namespace kiosk::screens
