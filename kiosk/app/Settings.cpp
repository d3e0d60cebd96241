// Where the kiosk's settings and content come from: the command line, the config file, the built-in pack.
#include "app/Commands.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace kiosk::app {

std::filesystem::path defaultContentDir() {
    return KIOSK_DEFAULT_CONTENT;
}

Settings loadSettings(const std::filesystem::path& configFile, const std::filesystem::path& contentOverride) {
    Settings settings;
    if (!configFile.empty()) {
        auto loaded = config::loadConfig(configFile);
        // A mistyped line falls back to its default: say so, and keep going.
        for (const auto& diagnostic : loaded.diagnostics) {
            std::cerr << diagnostic.format() << '\n';
            settings.configProblems.push_back(diagnostic.format());
        }
        settings.config = std::move(loaded.config);
    }
    // The clock, "signed today" and the volunteer menu speak the booth's time zone, not the image's (UTC).
    if (!settings.config.timeZone.empty()) {
        ::setenv("TZ", settings.config.timeZone.c_str(), 1);
        ::tzset();
    }
    settings.contentDir = !contentOverride.empty()           ? contentOverride
                          : !settings.config.content.empty() ? settings.config.content
                                                             : defaultContentDir();
    return settings;
}

std::string defaultLanguageWarning(const config::KioskConfig& config, const content::Pack& pack) {
    const auto& languages = pack.languages;
    if (config.defaultLanguage.empty() ||
        std::find(languages.begin(), languages.end(), config.defaultLanguage) != languages.end())
        return {};
    std::string declared;
    for (const auto& language : languages)
        declared += (declared.empty() ? "" : ", ") + language;
    return config.defaultLanguageAt + ": warning: default_language \"" + config.defaultLanguage +
           "\" is not a language of the pack " + pack.id + " (" + declared + "); the kiosk starts in " +
           pack.defaultLanguage + " instead: use one of those";
}

}  // namespace kiosk::app
