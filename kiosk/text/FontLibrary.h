// The kiosk's fonts: families per writing system found once through fontconfig, one open font a face,
// sized on demand.
#pragma once

#include "layout/TextMeasurer.h"
#include "text/FaceIndex.h"
#include "text/FontLocator.h"
#include "text/TtfSession.h"
#include "text/WritingSystem.h"

#include <SDL_ttf.h>
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace kiosk::text {

struct FontFamilies {
    std::string latin = "Noto Sans";
    std::string han = "Noto Sans CJK SC";
    std::string tamil = "Noto Sans Tamil";
    // Folders holding fonts cut down at build time to the characters of the installed packs (see
    // kiosk/text/fonts/CMakeLists.txt), named "<file name of the full font>-<face index>.otf". A face with a
    // cut-down copy is drawn from it, and from the full font only for characters the copy lacks. The first
    // folder with a faces.tsv (FaceIndex) also says where the full faces are, so fontconfig is not loaded.
    std::vector<std::filesystem::path> subsetFolders;

    const std::string& of(WritingSystem system) const;
};

class FontLibrary {
public:
    // Starts SDL_ttf and finds the regular and bold face of every family, so a missing font is reported
    // at start-up rather than as tofu in front of a visitor.
    static Result<FontLibrary> create(const FontFamilies& families = {});

    const FontFace& face(WritingSystem system, bool bold) const;
    // The cut-down copy drawn instead of the face, or null when there is none.
    const FontFace* subset(WritingSystem system, bool bold) const;

    // The face at `px` pixels, shaped with the writing system's script, left to right. The library owns it
    // and keeps it open until the library is destroyed. There is one open font a face: asking for another
    // size resizes it (TTF_SetFontSize), so use the font before asking for the face at another size.
    Result<TTF_Font*> font(WritingSystem system, bool bold, int px);

    // The fonts for a language at the spec's size and weight, primary first (see fontChainFor). Where a
    // face is drawn from its cut-down copy and `text` has characters the chain lacks, the full face follows
    // its copy, so typed text the packs never use still draws.
    Result<std::vector<TTF_Font*>> chain(const layout::FontSpec& spec, std::string_view text = {});

    // Fonts opened so far (a test and the benchmark read it: one a face, never one a size).
    std::size_t openFonts() const { return open_.size(); }
    // Whether fontconfig had to be asked: some face was not in the build's faces.tsv (or its file moved).
    bool usedFontconfig() const { return usedFontconfig_; }

private:
    struct FontCloser {
        void operator()(TTF_Font* font) const { TTF_CloseFont(font); }
    };
    using FontPtr = std::unique_ptr<TTF_Font, FontCloser>;
    struct OpenFont {
        FontPtr font;
        int px = 0;
    };
    // The script is part of the key: one file may serve two writing systems with different shaping.
    using Key = std::tuple<std::string, int, WritingSystem, bool>;  // file, index, system, synthesised bold

    FontLibrary(TtfSession session, std::array<FontFace, 6> faces, std::array<FontFace, 6> subsets)
        : session_(std::move(session)), faces_(std::move(faces)), subsets_(std::move(subsets)) {}

    Result<TTF_Font*> open(const FontFace& face, WritingSystem system, bool bold, int px);

    TtfSession session_;  // declared first so that it outlives the fonts
    std::array<FontFace, 6> faces_;
    std::array<FontFace, 6> subsets_;  // file empty where a face has no cut-down copy
    std::map<Key, OpenFont> open_;
    bool usedFontconfig_ = false;
};

}  // namespace kiosk::text
