// The writing systems the kiosk draws, which fonts each language needs, and the script HarfBuzz shapes.
#include "text/WritingSystem.h"

namespace kiosk::text {

std::vector<WritingSystem> fontChainFor(std::string_view language) {
    // Only the primary subtag matters: "zh-Hans" and "zh" draw alike.
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    if (primary == "zh") return {WritingSystem::Han, WritingSystem::Latin};
    if (primary == "ta") return {WritingSystem::Tamil, WritingSystem::Latin};
    return {WritingSystem::Latin};
}

const char* scriptTag(WritingSystem system) {
    switch (system) {
    case WritingSystem::Han:
        return "Hani";
    case WritingSystem::Tamil:
        return "Taml";
    case WritingSystem::Latin:
        break;
    }
    return "Latn";
}

std::string_view writingSystemName(WritingSystem system) {
    switch (system) {
    case WritingSystem::Han:
        return "Chinese";
    case WritingSystem::Tamil:
        return "Tamil";
    case WritingSystem::Latin:
        break;
    }
    return "Latin";
}

std::string_view debianFontPackage(WritingSystem system) {
    return system == WritingSystem::Han ? "fonts-noto-cjk" : "fonts-noto-core";
}

}  // namespace kiosk::text
