// Finds font files by family name and weight through fontconfig, as the system's font settings see them.
#include "text/FontLocator.h"

#include <algorithm>
#include <cctype>
#include <fontconfig/fontconfig.h>

namespace kiosk::text {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

bool sameFamily(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

void FontLocator::ConfigDeleter::operator()(_FcConfig* config) const {
    FcConfigDestroy(config);
}

Result<FontLocator> FontLocator::create() {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr) {
        return Failure{"fontconfig could not load its configuration; check /etc/fonts/fonts.conf and that "
                       "the fontconfig package is installed"};
    }
    return FontLocator(config);
}

Result<FontFace> FontLocator::find(std::string_view family, bool bold, WritingSystem system) const {
    const std::string familyName(family);
    PatternPtr pattern(FcPatternCreate());
    if (!pattern) return Failure{"fontconfig is out of memory"};
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(familyName.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(config_.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());

    FcResult result = FcResultNoMatch;
    PatternPtr match(FcFontMatch(config_.get(), pattern.get(), &result));

    // fontconfig always offers something; only the family asked for will do (a fallback would draw tofu).
    std::string offered;
    std::string matched;
    if (match) {
        FcChar8* value = nullptr;
        for (int n = 0; FcPatternGetString(match.get(), FC_FAMILY, n, &value) == FcResultMatch; ++n) {
            const std::string_view name(reinterpret_cast<const char*>(value));
            if (n == 0) offered = name;
            if (matched.empty() && sameFamily(name, family)) matched = name;
        }
    }
    if (matched.empty()) {
        return Failure{"font family \"" + familyName + "\" for " + std::string(writingSystemName(system)) +
                       " text is not installed (fontconfig offered \"" +
                       (offered.empty() ? std::string("nothing") : offered) +
                       "\"); install the Debian package " + std::string(debianFontPackage(system)) +
                       " or name an installed family in the kiosk configuration (see `fc-list : family`)"};
    }

    FontFace face;
    face.family = matched;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) {
        return Failure{"fontconfig knows font family \"" + familyName +
                       "\" but not its file; run fc-cache -f"};
    }
    face.file = reinterpret_cast<const char*>(file);
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &face.index);
    int weight = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &weight);
    face.bold = weight >= FC_WEIGHT_DEMIBOLD;
    return face;
}

}  // namespace kiosk::text
