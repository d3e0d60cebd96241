// Icon names to files: one folder, one file an icon, so a designer can redraw one without touching code.
#include "screens/Icons.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kiosk::screens {

namespace {
const char* iconName(Icon icon) {
    switch (icon) {
    case Icon::Back:
        return "back";
    case Icon::Home:
        return "home";
    case Icon::Next:
        return "next";
    case Icon::Previous:
        return "previous";
    case Icon::Language:
        return "language";
    case Icon::Backspace:
        return "backspace";
    case Icon::Shift:
        return "shift";
    case Icon::Check:
        return "check";
    }
    return "";
}
}  // namespace

const char* iconStandIn(Icon icon) {
    switch (icon) {
    case Icon::Back:
    case Icon::Previous:
        return "‹";
    case Icon::Next:
        return "›";
    case Icon::Backspace:
        return "«";
    case Icon::Shift:
        return "Aa";
    case Icon::Check:
        return "×";
    case Icon::Home:
    case Icon::Language:
        return "";
    }
    return "";
}

std::string iconPath(Icon icon) {
    // The source tree's folder while developing; where the package installs it otherwise.
    static const std::string folder = [] {
        const char* override = std::getenv("KIOSK_ASSETS_DIR");
        if (override && *override) return std::string(override);
        std::error_code ignored;
        if (std::filesystem::is_directory(KIOSK_ASSETS_DIR, ignored)) return std::string(KIOSK_ASSETS_DIR);
        return std::string(KIOSK_INSTALLED_ASSETS_DIR);
    }();
    return folder + "/icons/" + iconName(icon) + ".svg";
}

}  // namespace kiosk::screens
