// The kiosk's fonts: families per writing system found once through fontconfig, one open font a face,
// sized on demand.
#include "text/FontLibrary.h"

#include "core/Utf8.h"
#include "text/TextRuns.h"

namespace kiosk::text {
namespace {

constexpr std::array kSystems{WritingSystem::Latin, WritingSystem::Han, WritingSystem::Tamil};

std::size_t slot(WritingSystem system, bool bold) {
    return static_cast<std::size_t>(system) * 2 + (bold ? 1 : 0);
}

// The cut-down copy of `face` in one of the folders, if the build made one.
FontFace findSubset(const FontFace& face, const std::vector<std::filesystem::path>& folders) {
    const std::string name =
        std::filesystem::path(face.file).filename().string() + "-" + std::to_string(face.index) + ".otf";
    for (const auto& folder : folders) {
        std::error_code error;
        const auto candidate = folder / name;
        if (std::filesystem::is_regular_file(candidate, error)) {
            FontFace subset = face;
            subset.file = candidate.string();
            subset.index = 0;
            return subset;
        }
    }
    return {};
}

// True when some visible character of `text` has no glyph in any font of `chain`.
bool lacksSome(std::string_view text, const std::vector<TTF_Font*>& chain) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = kiosk::nextCodePoint(text, pos);
        if (!isInvisibleFormatCharacter(cp) && !chainProvides(chain, cp)) return true;
    }
    return false;
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
    const FaceIndex index = FaceIndex::load(families.subsetFolders);
    std::optional<FontLocator> locator;  // loaded only for a face the build's index does not know

    std::array<FontFace, 6> faces;
    std::array<FontFace, 6> subsets;
    for (WritingSystem system : kSystems) {
        for (bool bold : {false, true}) {
            FontFace face;
            if (auto known = index.find(families.of(system), bold)) {
                face = std::move(*known);
            } else {
                if (!locator) {
                    auto loaded = FontLocator::create();
                    if (!loaded) return loaded.error();
                    locator.emplace(std::move(loaded).value());
                }
                auto found = locator->find(families.of(system), bold, system);
                if (!found) return found.error();
                face = std::move(found).value();
            }
            subsets[slot(system, bold)] = findSubset(face, families.subsetFolders);
            faces[slot(system, bold)] = std::move(face);
        }
    }
    FontLibrary library(std::move(session.value()), std::move(faces), std::move(subsets));
    library.usedFontconfig_ = locator.has_value();
    return library;
}

const FontFace& FontLibrary::face(WritingSystem system, bool bold) const {
    return faces_[slot(system, bold)];
}

const FontFace* FontLibrary::subset(WritingSystem system, bool bold) const {
    const FontFace& s = subsets_[slot(system, bold)];
    return s.file.empty() ? nullptr : &s;
}

Result<TTF_Font*> FontLibrary::open(const FontFace& f, WritingSystem system, bool bold, int px) {
    if (px <= 0) return Failure{"font size " + std::to_string(px) + " px is not positive"};
    const bool synthesiseBold = bold && !f.bold;
    Key key{f.file, f.index, system, synthesiseBold};
    if (auto it = open_.find(key); it != open_.end()) {
        // Sizing one open font costs its glyph cache; a font a size cost a whole copy of the face (a CJK
        // face's tables are megabytes) for every size ever asked for, fitting included.
        if (it->second.px != px) {
            if (TTF_SetFontSize(it->second.font.get(), px) != 0)
                return Failure{"cannot size font " + f.file + " to " + std::to_string(px) +
                               " px: " + TTF_GetError()};
            it->second.px = px;
        }
        return it->second.font.get();
    }

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
    // Light hinting snaps only vertically and runs no TrueType bytecode, which was a quarter of the first
    // frame's instructions and ran again at every size change; at 16 px and up it looks the same.
    TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
    TTF_Font* raw = opened.get();
    open_.emplace(std::move(key), OpenFont{std::move(opened), px});
    return raw;
}

Result<TTF_Font*> FontLibrary::font(WritingSystem system, bool bold, int px) {
    return open(face(system, bold), system, bold, px);
}

Result<std::vector<TTF_Font*>> FontLibrary::chain(const layout::FontSpec& spec, std::string_view text) {
    std::vector<TTF_Font*> fonts;
    std::vector<WritingSystem> cutDown;  // systems drawn from a cut-down copy
    for (WritingSystem system : fontChainFor(spec.language)) {
        const FontFace* copy = subset(system, spec.bold);
        auto f = copy ? open(*copy, system, spec.bold, spec.px) : font(system, spec.bold, spec.px);
        if (!f) return f.error();
        fonts.push_back(f.value());
        if (copy) cutDown.push_back(system);
    }
    if (cutDown.empty() || text.empty() || !lacksSome(text, fonts)) return fonts;

    // Each full face goes right after its copy, so what the copy has is still drawn from the copy.
    std::vector<TTF_Font*> widened;
    std::size_t next = 0;
    for (WritingSystem system : fontChainFor(spec.language)) {
        widened.push_back(fonts[next++]);
        if (subset(system, spec.bold)) {
            auto full = font(system, spec.bold, spec.px);
            if (!full) return full.error();
            widened.push_back(full.value());
        }
    }
    return widened;
}

}  // namespace kiosk::text
