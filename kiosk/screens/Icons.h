// The kiosk's own icons (assets/icons/*.svg): white shapes that the renderer tints to the ink of their
// button.
#pragma once

#include <string>

namespace kiosk::screens {

enum class Icon { Back, Home, Next, Previous, Language, Backspace, Shift, Check };

// Where the icon's SVG is: $KIOSK_ASSETS_DIR/icons/NAME.svg when that variable is set, else the source tree's
// assets folder when it is there (development), else where `cmake --install` puts it.
std::string iconPath(Icon icon);
// Text that stands in for an icon whose file is missing (assets not installed), in glyphs every font has.
const char* iconStandIn(Icon icon);

}  // namespace kiosk::screens
