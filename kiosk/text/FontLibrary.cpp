// The kiosk's fonts: families per writing system found once through fontconfig, opened per size on demand.
#include "text/FontLibrary.h"

namespace kiosk::text {
namespace {

constexpr std::array kSystems{WritingSystem::Latin, WritingSystem::Han, WritingSystem::Tamil};

std::size_t slot(WritingSystem system, bool bold) {
    return static_cast<std::size_t>(system) * 2 + (bold ? 1 : 0);
}

}  // namespace

const std::string& FontFamilies::of(WritingSystem system) const {
    switch (system) {
    case WritingSystem::Han:
        return han;
    case WritingSystem::Tamil:
        return tamil;
    case WritingSystem::Latin:
        break;
    }
    return latin;
}

Result<FontLibrary> FontLibrary::create(const FontFamilies& families) {
    auto session = TtfSession::start();
    if (!session) return session.error();
    auto locator = FontLocator::create();
    if (!locator) return locator.error();

    std::array<FontFace, 6> faces;
    for (WritingSystem system : kSystems) {
        for (bool bold : {false, true}) {
            auto face = locator->find(families.of(system), bold, system);
            if (!face) return face.error();
            faces[slot(system, bold)] = std::move(face.value());
        }
    }
    return FontLibrary(std::move(session.value()), std::move(faces));
}

const FontFace& FontLibrary::face(WritingSystem system, bool bold) const {
    return faces_[slot(system, bold)];
}

Result<TTF_Font*> FontLibrary::font(WritingSystem system, bool bold, int px) {
    if (px <= 0) return Failure{"font size " + std::to_string(px) + " px is not positive"};
    const FontFace& f = face(system, bold);
    const bool synthesiseBold = bold && !f.bold;
    Key key{f.file, f.index, px, system, synthesiseBold};
    if (auto it = open_.find(key); it != open_.end()) return it->second.get();

    FontPtr opened(TTF_OpenFontIndex(f.file.c_str(), px, f.index));
    if (!opened) {
        return Failure{"cannot open font file " + f.file + " (face " + std::to_string(f.index) + ", " +
                       std::to_string(px) + " px): " + TTF_GetError() +
                       "; reinstall the package that ships it (" + std::string(debianFontPackage(system)) +
                       " for the default)"};
    }
    // Without the script HarfBuzz guesses per run, and Tamil vowel signs come out unordered.
    if (TTF_SetFontScriptName(opened.get(), scriptTag(system)) != 0 ||
        TTF_SetFontDirection(opened.get(), TTF_DIRECTION_LTR) != 0) {
        return Failure{std::string("SDL_ttf was built without HarfBuzz, so Tamil cannot be shaped (") +
                       TTF_GetError() + "); install Debian's libsdl2-ttf-2.0-0 (2.20 or later)"};
    }
    if (synthesiseBold) TTF_SetFontStyle(opened.get(), TTF_STYLE_BOLD);
    TTF_Font* raw = opened.get();
    open_.emplace(std::move(key), std::move(opened));
    return raw;
}

Result<std::vector<TTF_Font*>> FontLibrary::chain(const layout::FontSpec& spec) {
    std::vector<TTF_Font*> fonts;
    for (WritingSystem system : fontChainFor(spec.language)) {
        auto f = font(system, spec.bold, spec.px);
        if (!f) return f.error();
        fonts.push_back(f.value());
    }
    return fonts;
}

}  // namespace kiosk::text
