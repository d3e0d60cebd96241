#include "TextTestSupport.h"
#include "layout/TextLayout.h"
#include "text/TextRasterizer.h"
#include "text/TextRuns.h"
#include "text/TtfTextMeasurer.h"

#include <SDL_image.h>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace kiosk;
using namespace kiosk::text;
using kiosk::text::testing::alphaAt;
using kiosk::text::testing::inkColumns;
using kiosk::text::testing::makeLibrary;

namespace {

int sizeOf(TTF_Font* font, const char* utf8) {
    int w = 0;
    int h = 0;
    REQUIRE(TTF_SizeUTF8(font, utf8, &w, &h) == 0);
    return w;
}

struct FontCloser {
    void operator()(TTF_Font* f) const { TTF_CloseFont(f); }
};

// Where `glyph`'s ink best matches inside `line`, as the x of the glyph's first ink column.
int bestMatchX(const SDL_Surface* line, const SDL_Surface* glyph) {
    const auto [g0, g1] = inkColumns(glyph);
    const int gw = g1 - g0 + 1;
    const int rows = std::min(line->h, glyph->h);
    long best = -1;
    int bestX = -1;
    for (int x = 0; x + gw <= line->w; ++x) {
        long diff = 0;
        for (int dx = 0; dx < gw; ++dx) {
            for (int y = 0; y < rows; ++y)
                diff += std::abs(alphaAt(line, x + dx, y) - alphaAt(glyph, g0 + dx, y));
        }
        if (best < 0 || diff < best) best = diff, bestX = x;
    }
    return bestX;
}

}  // namespace

TEST_CASE("Tamil vowel signs shape with their consonant", "[text]") {
    FontLibrary library = makeLibrary();
    auto tamil = library.font(WritingSystem::Tamil, false, 40);
    REQUIRE(tamil);
    // ை (ai) is drawn before க and ு (u) fuses into one ligature with it: either way, together they are
    // narrower than apart, where each lone sign gets a dotted circle to sit on.
    CHECK(sizeOf(tamil.value(), "கை") < sizeOf(tamil.value(), "க") + sizeOf(tamil.value(), "ை"));
    CHECK(sizeOf(tamil.value(), "கு") < sizeOf(tamil.value(), "க") + sizeOf(tamil.value(), "ு"));
}

TEST_CASE("Tamil ai is drawn to the left of its consonant", "[text]") {
    FontLibrary library = makeLibrary();
    TextRasterizer rasterizer(library);
    const layout::FontSpec spec{"ta", 40};
    SurfacePtr ka = rasterizer.renderLine("க", spec, {0, 0, 0});
    SurfacePtr kai = rasterizer.renderLine("கை", spec, {0, 0, 0});
    REQUIRE((ka && kai));

    // The same text shaped as if it were Latin keeps the logical order: the consonant comes first.
    const FontFace& face = library.face(WritingSystem::Tamil, false);
    std::unique_ptr<TTF_Font, FontCloser> naive(TTF_OpenFontIndex(face.file.c_str(), 40, face.index));
    REQUIRE(naive);
    TTF_SetFontScriptName(naive.get(), "Latn");
    SurfacePtr naiveKai(TTF_RenderUTF8_Blended(naive.get(), "கை", {0, 0, 0, 255}));
    SurfacePtr naiveKa(TTF_RenderUTF8_Blended(naive.get(), "க", {0, 0, 0, 255}));
    REQUIRE((naiveKai && naiveKa));

    const int shapedAt = bestMatchX(kai.get(), ka.get());
    const int naiveAt = bestMatchX(naiveKai.get(), naiveKa.get());
    const int shapedInk = inkColumns(kai.get()).first;
    const int naiveInk = inkColumns(naiveKai.get()).first;
    CHECK(naiveAt - naiveInk <= 2);           // unshaped: க starts the ink
    CHECK(shapedAt - shapedInk > ka->w / 3);  // shaped: the sign's ink comes first
}

TEST_CASE("sample sentences have every glyph, private-use and Ethiopic do not", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    CHECK(measurer.missingGlyphs("Stop torture — sign the pledge today!\n", {"en", 24}).empty());
    CHECK(measurer.missingGlyphs("Hentikan penyeksaan: tandatangani ikrar “hari ini”.", {"ms", 24}).empty());
    CHECK(measurer.missingGlyphs("停止酷刑！请在今天签署承诺书，谢谢。Amnesty 2024", {"zh", 24}).empty());
    CHECK(measurer.missingGlyphs("சித்திரவதையை நிறுத்துங்கள்! 2014 இல் Amnesty", {"ta", 24}).empty());

    CHECK(measurer.missingGlyphs("a\xEE\x80\x80z", {"en", 24}) == U"\uE000");
    CHECK(measurer.missingGlyphs("ሰላም", {"ta", 24}) == U"ሰላም");
    CHECK(measurer.missingGlyphs("சி", {"en", 24}) == U"சி");  // Tamil needs the Tamil chain
}

TEST_CASE("runs go to the font that has the glyphs, vowel signs stay with their base", "[text]") {
    FontLibrary library = makeLibrary();
    auto chain = library.chain({"ta", 24});
    REQUIRE(chain);
    const std::string line = "Amnesty சொன்னது";
    const auto runs = itemiseRuns(line, chain.value());
    REQUIRE(runs.size() == 2);
    CHECK(line.substr(runs[0].begin, runs[0].end - runs[0].begin) == "Amnesty ");
    CHECK(runs[0].font == 1);
    CHECK(runs[1].font == 0);
    CHECK(runs[1].end == line.size());

    auto zh = library.chain({"zh", 24});
    REQUIRE(zh);
    CHECK(itemiseRuns("国际特赦组织 Amnesty International", zh.value()).size() == 1);  // CJK covers Latin
}

TEST_CASE("a mixed Tamil and digits line renders exactly as wide as measured", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    TextRasterizer rasterizer(library);
    const layout::FontSpec spec{"ta", 32};
    const std::string line = "2014 இல் Amnesty";
    const int width = measurer.width(line, spec);
    CHECK(width > 0);
    SurfacePtr surface = rasterizer.renderLine(line, spec, {255, 230, 0});
    REQUIRE(surface);
    CHECK(surface->w == width);
    CHECK(surface->h == measurer.lineHeight(spec));
    CHECK(surface->format->format == SDL_PIXELFORMAT_ARGB8888);
    const auto [first, last] = inkColumns(surface.get());
    CHECK(first >= 0);
    CHECK(last > width / 2);  // the Latin run at the end is drawn too
}

TEST_CASE("the line height fits every font of a mixed chain", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    for (const char* language : {"en", "zh", "ta"}) {
        auto chain = library.chain({language, 28});
        REQUIRE(chain);
        for (TTF_Font* font : chain.value())
            CHECK(measurer.lineHeight({language, 28}) >= TTF_FontLineSkip(font));
    }
}

TEST_CASE("empty text has no width and renders a zero-width surface", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    TextRasterizer rasterizer(library);
    CHECK(measurer.width("", {"en", 24}) == 0);
    SurfacePtr surface = rasterizer.renderLine("", {"en", 24}, {0, 0, 0});
    REQUIRE(surface);
    CHECK(surface->w == 0);
}

TEST_CASE("sample lines render to PNGs in the build folder for a person to look at", "[text]") {
    FontLibrary library = makeLibrary();
    TextRasterizer rasterizer(library);
    const std::filesystem::path folder = std::filesystem::path(KIOSK_BINARY_DIR) / "text-samples";
    std::filesystem::create_directories(folder);
    const std::pair<const char*, layout::FontSpec> samples[] = {
        {"கை கு சித்திரவதையை நிறுத்துங்கள்! 2014 இல் Amnesty", {"ta", 48}},
        {"停止酷刑！请签署承诺书。Amnesty 2024", {"zh", 48, true}},
        {"Hentikan penyeksaan — tandatangani ikrar", {"ms", 48}},
    };
    int n = 0;
    for (const auto& [text, spec] : samples) {
        SurfacePtr surface = rasterizer.renderLine(text, spec, {20, 20, 20});
        REQUIRE(surface);
        // An opaque white backing so any viewer shows the text.
        SurfacePtr backed(
            SDL_CreateRGBSurfaceWithFormat(0, surface->w, surface->h, 32, SDL_PIXELFORMAT_ARGB8888));
        REQUIRE(backed);
        SDL_FillRect(backed.get(), nullptr, SDL_MapRGBA(backed->format, 255, 255, 255, 255));
        SDL_BlitSurface(surface.get(), nullptr, backed.get(), nullptr);
        const auto path = folder / (spec.language + std::to_string(n++) + ".png");
        CHECK(IMG_SavePNG(backed.get(), path.c_str()) == 0);
        CHECK(std::filesystem::file_size(path) > 0);
    }
}

TEST_CASE("tabs draw as spaces and stray control characters take no room", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    TextRasterizer rasterizer(library);
    const layout::FontSpec spec{"en", 24};
    CHECK(measurer.width("a\tb", spec) == measurer.width("a b", spec));
    CHECK(measurer.width("a\x01"
                         "b\r",
                         spec) == measurer.width("ab", spec));
    SurfacePtr surface = rasterizer.renderLine("a\tb", spec, {0, 0, 0});
    REQUIRE(surface);
    CHECK(surface->w == measurer.width("a b", spec));
}

TEST_CASE("broken UTF-8 is measured and drawn without crashing", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    TextRasterizer rasterizer(library);
    const std::string broken = "ok \xFF\xC3 \xE0\xAE tail\xF0\x9F";
    const layout::FontSpec spec{"ta", 24};
    CHECK(measurer.width(broken, spec) > measurer.width("ok", spec));
    CHECK(rasterizer.renderLine(broken, spec, {0, 0, 0}) != nullptr);
    const auto lines = layout::wrapText(broken, 60, spec, measurer);
    std::string joined;
    for (const auto& line : lines)
        joined += line.text;
    std::string expected = broken;
    std::erase(expected, ' ');
    std::erase(joined, ' ');
    CHECK(joined == expected);
}
