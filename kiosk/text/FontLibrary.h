// The kiosk's fonts: families per writing system found once through fontconfig, opened per size on demand.
#pragma once

#include "layout/TextMeasurer.h"
#include "text/FontLocator.h"
#include "text/TtfSession.h"
#include "text/WritingSystem.h"

#include <SDL_ttf.h>
#include <array>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace kiosk::text {

struct FontFamilies {
    std::string latin = "Noto Sans";
    std::string han = "Noto Sans CJK SC";
    std::string tamil = "Noto Sans Tamil";

    const std::string& of(WritingSystem system) const;
};

class FontLibrary {
public:
    // Starts SDL_ttf and finds the regular and bold face of every family, so a missing font is reported
    // at start-up rather than as tofu in front of a visitor.
    static Result<FontLibrary> create(const FontFamilies& families = {});

    const FontFace& face(WritingSystem system, bool bold) const;

    // The face at `px` pixels, shaped with the writing system's script, left to right. The library owns it
    // and keeps it open until the library is destroyed.
    Result<TTF_Font*> font(WritingSystem system, bool bold, int px);

    // The fonts for a language at the spec's size and weight, primary first (see fontChainFor).
    Result<std::vector<TTF_Font*>> chain(const layout::FontSpec& spec);

private:
    struct FontCloser {
        void operator()(TTF_Font* font) const { TTF_CloseFont(font); }
    };
    using FontPtr = std::unique_ptr<TTF_Font, FontCloser>;
    // The script is part of the key: one file may serve two writing systems with different shaping.
    using Key = std::tuple<std::string, int, int, WritingSystem, bool>;  // file, index, px, system, bold

    FontLibrary(TtfSession session, std::array<FontFace, 6> faces)
        : session_(std::move(session)), faces_(std::move(faces)) {}

    TtfSession session_;  // declared first so that it outlives the fonts
    std::array<FontFace, 6> faces_;
    std::map<Key, FontPtr> open_;
};

}  // namespace kiosk::text
