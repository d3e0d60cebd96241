// The cut-down Chinese faces the build makes: drawn from in place of the full collections, pixel for pixel
// the same, with the full face behind them for characters no pack uses.
#include "TextTestSupport.h"
#include "text/TextRasterizer.h"
#include "text/TextRuns.h"
#include "text/TtfTextMeasurer.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace kiosk;
using namespace kiosk::text;
using kiosk::text::testing::alphaAt;

// Built only where hb-subset was found (tests/text/CMakeLists.txt); install-deps.sh brings it.
#if KIOSK_FONT_SUBSETS

namespace {

const std::filesystem::path kSubsets = std::filesystem::path(KIOSK_BINARY_DIR) / "fonts";

FontLibrary libraryWithSubsets() {
    FontFamilies families;
    families.subsetFolders = {kSubsets};
    auto library = FontLibrary::create(families);
    if (!library) FAIL(library.error().message);
    return std::move(library.value());
}

void requireSamePixels(const SDL_Surface* a, const SDL_Surface* b) {
    REQUIRE((a && b));
    REQUIRE(a->w == b->w);
    REQUIRE(a->h == b->h);
    for (int y = 0; y < a->h; ++y)
        for (int x = 0; x < a->w; ++x)
            REQUIRE(alphaAt(a, x, y) == alphaAt(b, x, y));
}

}  // namespace

TEST_CASE("the pack's Chinese is drawn from the cut-down faces exactly as from the full ones", "[text]") {
    FontLibrary cut = libraryWithSubsets();
    FontLibrary full = testing::makeLibrary();
    REQUIRE(cut.subset(WritingSystem::Han, false) != nullptr);
    REQUIRE(cut.subset(WritingSystem::Han, true) != nullptr);
    CHECK(full.subset(WritingSystem::Han, false) == nullptr);

    TextRasterizer cutText(cut);
    TextRasterizer fullText(full);
    TtfTextMeasurer cutMeasure(cut);
    TtfTextMeasurer fullMeasure(full);
    const Color ink{17, 17, 17, 255};
    // From the pack (attract.toml, actions.toml), with Latin, digits and full-width punctuation.
    for (const char* line : {"人人生而自由，在尊严和权利上一律平等。",
                             "截至2024年，马来西亚尚未批准联合国禁止酷刑公约（UNCAT）。",
                             "国际特赦组织 Amnesty International", "《世界人权宣言》第一条"}) {
        for (const bool bold : {false, true}) {
            for (const int px : {19, 36, 64}) {
                const layout::FontSpec spec{"zh", px, bold};
                INFO(line << " at " << px << " px" << (bold ? " bold" : ""));
                CHECK(cutMeasure.width(line, spec) == fullMeasure.width(line, spec));
                CHECK(cutMeasure.lineHeight(spec) == fullMeasure.lineHeight(spec));
                requireSamePixels(cutText.renderLine(line, spec, ink).get(),
                                  fullText.renderLine(line, spec, ink).get());
            }
        }
    }
    // One face open for each weight, and no full collection among them.
    CHECK(cut.openFonts() == 4);
}

TEST_CASE("a character no pack uses is drawn from the full face behind the cut-down one", "[text]") {
    FontLibrary cut = libraryWithSubsets();
    FontLibrary full = testing::makeLibrary();
    TtfTextMeasurer cutMeasure(cut);
    TtfTextMeasurer fullMeasure(full);
    TextRasterizer cutText(cut);
    TextRasterizer fullText(full);
    const std::string typed = "龘麤 林美玲";  // rare characters a visitor might type
    const layout::FontSpec spec{"zh", 30};
    auto narrow = cut.chain(spec);
    REQUIRE(narrow);
    CHECK_FALSE(chainProvides(narrow.value(), U'龘'));
    auto wide = cut.chain(spec, typed);
    REQUIRE(wide);
    CHECK(wide->size() == 3);
    CHECK(chainProvides(wide.value(), U'龘'));
    const std::u32string missing = cutMeasure.missingGlyphs(typed, spec);
    INFO("missing " << missing.size() << " first U+" << std::hex
                    << (missing.empty() ? 0u : unsigned(missing[0])));
    CHECK(missing.empty());
    CHECK(cutMeasure.width(typed, spec) == fullMeasure.width(typed, spec));
    requireSamePixels(cutText.renderLine(typed, spec, {0, 0, 0, 255}).get(),
                      fullText.renderLine(typed, spec, {0, 0, 0, 255}).get());
}

#endif
