// The kiosk program's commands; main.cpp only parses the command line and calls one of these.
#pragma once

#include "config/Config.h"
#include "content/Pack.h"
#include "core/Geometry.h"

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct RunOptions {
    std::filesystem::path config;   // empty: built-in defaults
    std::filesystem::path content;  // overrides the config's
    std::optional<Size> size;
    bool windowed = false;
    std::optional<double> exitAfterSeconds;
    bool headless = false;  // no display: SDL's dummy driver
};

struct TourOptions {
    std::filesystem::path outDir;
    std::filesystem::path content;
    std::vector<Size> sizes;
    std::vector<std::string> languages;  // empty: the pack's
    std::filesystem::path config;        // a kiosk's settings: its panel_width_mm sizes QR codes in mm
};

struct PlayOptions {
    std::filesystem::path script;
    std::filesystem::path content;
    std::filesystem::path config;
    std::filesystem::path shotsDir;
    Size size{800, 480};
    // When the virtual clock starts, for the engagement counts' hours and dated content; unset: now.
    std::optional<std::time_t> startTime;
    // The virtual clock is taken as not set from the network (dated content is treated as on such a kiosk).
    bool clockUnsynced = false;
};

int runKiosk(const RunOptions& options);
int validatePack(const std::filesystem::path& dir);
int runTour(const TourOptions& options);
int runPlay(const PlayOptions& options);

// The config file (when given; its problems printed, bad lines falling back to defaults) and the content
// folder: the command line's, else the config's, else the built-in pack.
struct Settings {
    config::KioskConfig config;
    std::filesystem::path contentDir;
    std::vector<std::string> configProblems;  // "FILE:LINE:COLUMN: error: ...", for the admin screen too
};
Settings loadSettings(const std::filesystem::path& configFile, const std::filesystem::path& contentOverride);
// When the config's default_language is not one of the pack's: a warning with its position, saying which
// language the kiosk starts in instead; else empty.
std::string defaultLanguageWarning(const config::KioskConfig& config, const content::Pack& pack);

// "800x480" -> {800, 480}
std::optional<Size> parseSize(const std::string& text);
// The content pack used when neither the command line nor the config names one.
std::filesystem::path defaultContentDir();

}  // namespace kiosk::app
