// The kiosk program's command line: run (the default), validate, tour, play.
#include "app/Commands.h"
#include "crypto/Sodium.h"

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <sstream>

using namespace kiosk;

namespace kiosk::app {

std::optional<Size> parseSize(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    try {
        std::size_t used = 0;
        const int w = std::stoi(text.substr(0, x), &used);
        if (used != x) return std::nullopt;
        const int h = std::stoi(text.substr(x + 1), &used);
        if (used != text.size() - x - 1 || w < 64 || h < 64 || w > 8192 || h > 8192) return std::nullopt;
        return Size{w, h};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace kiosk::app

namespace {
// "WxH" as a CLI11 validator.
const CLI::Validator sizeValidator(
    [](std::string& text) {
        return app::parseSize(text) ? std::string() : "expected WIDTHxHEIGHT, e.g. 800x480";
    },
    "WxH");

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty()) items.push_back(item);
    return items;
}
}  // namespace

// An exception that escapes is a bug of ours: std::terminate names it and systemd restarts the kiosk, as for
// a broken invariant (core/Invariant.h).
int main(int argc, char** argv) {  // NOLINT(bugprone-exception-escape): see above
    CLI::App cli{"outreach-kiosk: a fullscreen touch kiosk for human-rights outreach booths"};
    cli.require_subcommand(0, 1);

    app::RunOptions run;
    std::string runSize;
    double exitAfter = -1;
    cli.add_option("--config", run.config, "kiosk config file (TOML)");
    cli.add_option("--content", run.content, "content pack folder (overrides the config)");
    cli.add_option("--size", runSize, "window size, e.g. 800x480")->check(sizeValidator);
    cli.add_flag("--windowed", run.windowed, "a window instead of full screen");
    cli.add_option("--exit-after", exitAfter, "exit after SECONDS (0: right after the first frame)")
        ->check(CLI::NonNegativeNumber);
    cli.add_flag("--headless", run.headless, "no display: SDL's dummy video driver");

    std::filesystem::path validateDir;
    auto* validate = cli.add_subcommand("validate", "check a content pack; exit 1 on any error");
    validate->add_option("DIR", validateDir, "content pack folder")->required();

    app::TourOptions tour;
    std::string tourSizes = "800x480,1280x800,1920x1080,720x1280";
    std::string tourLanguages;
    auto* tourCommand =
        cli.add_subcommand("tour", "render every screen to PNG with a contact sheet and report");
    tourCommand->add_option("OUTDIR", tour.outDir, "output folder")->required();
    tourCommand->add_option("--content", tour.content, "content pack folder");
    tourCommand->add_option("--sizes", tourSizes, "comma-separated sizes")->capture_default_str();
    tourCommand->add_option("--langs", tourLanguages, "comma-separated languages (default: the pack's)");
    tourCommand->add_option("--config", tour.config,
                            "kiosk config file: its panel_width_mm is the panel's width for every size");

    app::PlayOptions play;
    std::string playSize = "800x480";
    auto* playCommand =
        cli.add_subcommand("play", "run a script of taps, swipes, keys, waits and checks headless");
    playCommand->add_option("SCRIPT", play.script, "script file")->required();
    playCommand->add_option("--content", play.content, "content pack folder");
    playCommand->add_option("--config", play.config, "kiosk config file");
    playCommand->add_option("--shots", play.shotsDir, "folder for `shot NAME` PNGs");
    playCommand->add_option("--size", playSize, "screen size")->check(sizeValidator)->capture_default_str();
    std::string playStart;
    playCommand->add_option(
        "--start-time", playStart,
        "local time the virtual clock starts at, YYYY-MM-DDTHH:MM (engagement counts' hours, dated content)");
    playCommand->add_flag("--clock-unsynced", play.clockUnsynced,
                          "treat the virtual clock as not set from the network (dated content)");

    CLI11_PARSE(cli, argc, argv);
    // Once, before anything seals, signs or draws random numbers (the modules also ask, for other callers).
    if (auto sodium = crypto::startSodium(); !sodium) {
        std::cerr << "kiosk: " << sodium.error().message << "\n";
        return 1;
    }

    if (*validate) return app::validatePack(validateDir);
    if (*tourCommand) {
        if (tour.content.empty()) tour.content = app::defaultContentDir();
        for (const auto& item : splitCommas(tourSizes)) {
            const auto size = app::parseSize(item);
            if (!size) {
                std::cerr << "kiosk tour: --sizes: \"" << item << "\" is not WIDTHxHEIGHT, e.g. 800x480\n";
                return 2;
            }
            tour.sizes.push_back(*size);
        }
        tour.languages = splitCommas(tourLanguages);
        return app::runTour(tour);
    }
    if (*playCommand) {
        play.size = *app::parseSize(playSize);
        if (!playStart.empty()) {
            std::tm local{};
            const char* end = strptime(playStart.c_str(), "%Y-%m-%dT%H:%M", &local);
            if (end == nullptr || *end != '\0') {
                std::cerr << "kiosk play: --start-time: \"" << playStart
                          << "\" is not YYYY-MM-DDTHH:MM, e.g. 2026-06-26T09:00\n";
                return 2;
            }
            local.tm_isdst = -1;
            play.startTime = std::mktime(&local);
        }
        return app::runPlay(play);
    }
    if (!runSize.empty()) run.size = app::parseSize(runSize);
    if (exitAfter >= 0) run.exitAfterSeconds = exitAfter;
    return app::runKiosk(run);
}
