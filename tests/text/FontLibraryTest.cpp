#include "text/FontLibrary.h"

#include "TextTestSupport.h"
#include "text/Surface.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace kiosk;
using namespace kiosk::text;
using kiosk::text::testing::alphaAt;
using kiosk::text::testing::makeLibrary;

TEST_CASE("fonts are found for Latin, Chinese and Tamil, regular and bold", "[text]") {
    FontLibrary library = makeLibrary();
    CHECK(library.face(WritingSystem::Latin, false).family == "Noto Sans");
    CHECK(library.face(WritingSystem::Tamil, false).family == "Noto Sans Tamil");
    CHECK(library.face(WritingSystem::Han, false).family == "Noto Sans CJK SC");
    for (auto system : {WritingSystem::Latin, WritingSystem::Han, WritingSystem::Tamil}) {
        CHECK(library.face(system, true).bold);
        CHECK(library.face(system, true).file != library.face(system, false).file);
    }
}

TEST_CASE("the Chinese face opened from the collection is the Simplified Chinese one", "[text]") {
    FontLibrary library = makeLibrary();
    // Noto Sans CJK is one .ttc with JP, KR, SC, TC and HK faces; the face's own name proves the index.
    const FontFace& face = library.face(WritingSystem::Han, false);
    CHECK(face.index != 0);
    auto font = library.font(WritingSystem::Han, false, 24);
    REQUIRE(font);
    CHECK(std::string(TTF_FontFaceFamilyName(font.value())) == "Noto Sans CJK SC");
}

TEST_CASE("one font is open a face: another size resizes it", "[text]") {
    FontLibrary library = makeLibrary();
    auto a = library.font(WritingSystem::Latin, false, 24);
    REQUIRE(a);
    const int height24 = TTF_FontHeight(a.value());
    const int width24 = TTF_GlyphMetrics32(a.value(), 'M', nullptr, nullptr, nullptr, nullptr, nullptr);
    auto c = library.font(WritingSystem::Latin, false, 32);
    REQUIRE(c);
    CHECK(a.value() == c.value());
    CHECK(TTF_FontHeight(c.value()) > height24);
    auto b = library.font(WritingSystem::Latin, false, 24);
    REQUIRE(b);
    CHECK(TTF_FontHeight(b.value()) == height24);
    CHECK(TTF_GlyphMetrics32(b.value(), 'M', nullptr, nullptr, nullptr, nullptr, nullptr) == width24);
    CHECK_FALSE(library.font(WritingSystem::Latin, false, 0));

    // Fitting text tries many sizes; the fonts open stay one a face and weight.
    for (int px = 8; px <= 120; ++px) {
        REQUIRE(library.chain({"zh", px}));
        REQUIRE(library.chain({"ta", px, true}));
    }
    CHECK(library.openFonts() == 4);  // Han and Latin regular, Tamil and Latin bold
}

TEST_CASE("a font resized back draws exactly as one opened at that size", "[text]") {
    FontLibrary resized = makeLibrary();
    FontLibrary fresh = makeLibrary();
    REQUIRE(resized.font(WritingSystem::Tamil, false, 57));
    auto again = resized.font(WritingSystem::Tamil, false, 31);
    auto opened = fresh.font(WritingSystem::Tamil, false, 31);
    REQUIRE((again && opened));
    const SDL_Color black{0, 0, 0, 255};
    SurfacePtr a(TTF_RenderUTF8_Blended(again.value(), "சித்திரவதை", black));
    SurfacePtr b(TTF_RenderUTF8_Blended(opened.value(), "சித்திரவதை", black));
    REQUIRE((a && b));
    REQUIRE((a->w == b->w && a->h == b->h));
    for (int y = 0; y < a->h; ++y)
        for (int x = 0; x < a->w; ++x)
            REQUIRE(alphaAt(a.get(), x, y) == alphaAt(b.get(), x, y));
}

TEST_CASE("a language maps to its font chain", "[text]") {
    FontLibrary library = makeLibrary();
    auto zh = library.chain({"zh", 20});
    auto ta = library.chain({"ta", 20});
    auto ms = library.chain({"ms", 20});
    REQUIRE((zh && ta && ms));
    CHECK(zh->size() == 2);
    CHECK(zh.value()[0] == library.font(WritingSystem::Han, false, 20).value());
    CHECK(zh.value()[1] == library.font(WritingSystem::Latin, false, 20).value());
    CHECK(ta.value()[0] == library.font(WritingSystem::Tamil, false, 20).value());
    CHECK(ms->size() == 1);
}

TEST_CASE("a missing family is an error naming it and the package to install", "[text]") {
    FontFamilies families;
    families.han = "Nonexistent Kiosk Sans";
    auto library = FontLibrary::create(families);
    REQUIRE_FALSE(library);
    const std::string& message = library.error().message;
    CHECK_THAT(message, Catch::Contains("Nonexistent Kiosk Sans"));
    CHECK_THAT(message, Catch::Contains("fonts-noto-cjk"));
    CHECK_THAT(message, Catch::Contains("Chinese"));
}

TEST_CASE("faces.tsv: what it cannot read is left to fontconfig, and a face whose file is gone too",
          "[text]") {
    const std::string existing = makeLibrary().face(WritingSystem::Latin, false).file;
    const FaceIndex index = FaceIndex::parse("Noto Sans\tregular\t" + existing +
                                             "\t0\t80\n"
                                             "Noto Sans\tbold\t/nonexistent/NotoSans-Bold.ttf\t0\t200\n"
                                             "Noto Sans\titalic\t" +
                                             existing +
                                             "\t0\t80\n"
                                             "Noto Sans Tamil\tregular\t" +
                                             existing +
                                             "\tx\t80\n"
                                             "too\tfew\tfields\n");
    CHECK(index.size() == 2);
    const auto regular = index.find("Noto Sans", false);
    REQUIRE(regular);
    CHECK(regular->file == existing);
    CHECK(regular->family == "Noto Sans");
    CHECK_FALSE(regular->bold);
    CHECK_FALSE(index.find("Noto Sans", true));  // its file is gone
    CHECK_FALSE(index.find("Noto Sans Tamil", false));
    CHECK_FALSE(index.find("noto sans", false));
}

TEST_CASE("with the build's faces.tsv the fonts are found without loading fontconfig", "[text]") {
    const FontLibrary found = makeLibrary();
    CHECK(found.usedFontconfig());  // no folders given: fontconfig finds every face
    const auto folder = std::filesystem::temp_directory_path() / "kiosk-face-index-test";
    std::filesystem::create_directories(folder);
    std::string lines;
    for (auto system : {WritingSystem::Latin, WritingSystem::Han, WritingSystem::Tamil}) {
        for (bool bold : {false, true}) {
            const FontFace& face = found.face(system, bold);
            lines += face.family + (bold ? "\tbold\t" : "\tregular\t") + face.file + "\t" +
                     std::to_string(face.index) + "\t" + (face.bold ? "200" : "80") + "\n";
        }
    }
    { std::ofstream(folder / kFaceIndexName) << lines; }
    FontFamilies families;
    families.subsetFolders = {folder};
    auto indexed = FontLibrary::create(families);
    REQUIRE(indexed);
    CHECK_FALSE(indexed.value().usedFontconfig());
    for (auto system : {WritingSystem::Latin, WritingSystem::Han, WritingSystem::Tamil}) {
        for (bool bold : {false, true}) {
            CHECK(indexed.value().face(system, bold).file == found.face(system, bold).file);
            CHECK(indexed.value().face(system, bold).index == found.face(system, bold).index);
            CHECK(indexed.value().face(system, bold).bold == found.face(system, bold).bold);
        }
    }
    // A family the index does not know is found through fontconfig.
    { std::ofstream(folder / kFaceIndexName) << lines.substr(0, lines.find("Noto Sans Tamil")); }
    auto asked = FontLibrary::create(families);
    REQUIRE(asked);
    CHECK(asked.value().usedFontconfig());
    CHECK(asked.value().face(WritingSystem::Tamil, true).file == found.face(WritingSystem::Tamil, true).file);
    std::filesystem::remove_all(folder);
}
