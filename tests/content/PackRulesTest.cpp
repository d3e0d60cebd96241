// One test a validation rule: break one thing in a copy of the minimal pack, expect one located message.
#include "TempPack.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>

using namespace kiosk;
using kiosk::test::FakeImages;
using kiosk::test::listDiagnostics;
using kiosk::test::requireOnly;
using kiosk::test::TempPack;

TEST_CASE("rule: unknown keys are errors with a did-you-mean", "[content][rules]") {
    const TempPack copy;
    copy.replace("attract.toml", "text = {", "txet = {");
    requireOnly(copy, copy.load(),
                "attract.toml:5:1: error: unknown key \"txet\" in [[slide]]; did you mean \"text\"?");
}

TEST_CASE("rule: unknown keys far from any known key list the known keys", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", "url = ", "colour = \"red\"\nurl = ");
    requireOnly(copy, copy.load(),
                "actions.toml:5:1: error: unknown key \"colour\" in [[action]]; remove it or use one of: id, "
                "title, text, url, short_url, form, from, until");
}

TEST_CASE("rule: missing required keys point at the table that lacks them", "[content][rules]") {
    const TempPack copy;
    copy.replace("attract.toml", "title = { en = \"Touch the screen\", ms = \"Sentuh skrin\" }\n", "");
    requireOnly(copy, copy.load(),
                "attract.toml:9:1: error: missing key \"title\" in [[slide]]; add title = { en = \"...\" }");
}

TEST_CASE("rule: a required table missing from pack.toml points at the file's start", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "[language_names]\nen = \"English\"\nms = \"Bahasa Melayu\"\n", "");
    requireOnly(
        copy, copy.load(),
        "pack.toml:1:1: error: missing key \"language_names\" in pack.toml; add a [language_names] table");
}

TEST_CASE("rule: values of the wrong type say which type to write", "[content][rules]") {
    const TempPack copy;
    copy.replace("attract.toml", "duration_s = 8", "duration_s = \"8\"");
    requireOnly(
        copy, copy.load(),
        "attract.toml:3:14: error: duration_s must be a whole number, not a string; write duration_s =");
}

TEST_CASE("rule: a text must be a language map", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(text = { en = "Add your name.", ms = "Tambah nama anda." })",
                 R"(text = "Add your name.")");
    requireOnly(
        copy, copy.load(),
        "actions.toml:4:8: error: text must be a language map, not a string; write text = { en = \"...\" }");
}

TEST_CASE("rule: ids are unique within a file", "[content][rules]") {
    const TempPack copy;
    copy.replace("attract.toml", "id = \"touch\"", "id = \"article-five\"");
    requireOnly(
        copy, copy.load(),
        "attract.toml:10:6: error: id \"article-five\" is already used by the slide at line 2; give each "
        "slide its own id");
}

TEST_CASE("rule: ids use only a-z, 0-9 and -", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", "id = \"sign\"", "id = \"Sign Now\"");
    requireOnly(copy, copy.load(),
                "actions.toml:2:6: error: id \"Sign Now\" may only use a-z, 0-9 and \"-\"; try \"sign-now\"");
}

TEST_CASE("rule: the pack id follows the id rule too", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "id = \"minimal\"", "id = \"minimal_pack\"");
    requireOnly(copy, copy.load(),
                "pack.toml:3:6: error: id \"minimal_pack\" may only use a-z, 0-9 and \"-\"");
}

TEST_CASE("rule: a missing translation is a warning", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(, ms = "Tambah nama anda.")", "");
    requireOnly(copy, copy.load(), "actions.toml:4:8: warning: missing translation \"ms\" for text");
}

TEST_CASE("rule: a missing default-language text is an error", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(en = "Add your name.", )", "");
    requireOnly(
        copy, copy.load(),
        "actions.toml:4:8: error: missing translation \"en\" for text; the default language is required");
}

TEST_CASE("rule: a language not in languages is an error", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(ms = "Tambah nama anda." })", R"(ms = "Tambah nama anda.", ta = "x" })");
    requireOnly(
        copy, copy.load(),
        "actions.toml:4:59: error: language \"ta\" in text is not in [pack] languages; add it there or "
        "remove this translation");
}

TEST_CASE("rule: language codes look like ISO 639 codes", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", R"(languages = ["en", "ms"])", R"(languages = ["en", "ms", "Malay"])");
    requireOnly(copy, copy.load(), "pack.toml:6:26: error: \"Malay\" is not a language code");
}

TEST_CASE("rule: every language has a name in its own script", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "ms = \"Bahasa Melayu\"\n", "");
    requireOnly(copy, copy.load(), "pack.toml:9:1: error: missing key \"ms\" in [language_names]; add ms = ");
}

TEST_CASE("rule: every UI string is required", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "home = { en = \"Home\", ms = \"Laman utama\" }\n", "");
    requireOnly(copy, copy.load(),
                "pack.toml:34:1: error: missing key \"home\" in [ui]; add home = { en = \"...\" }");
}

TEST_CASE("rule: image paths may not be absolute", "[content][rules]") {
    const TempPack copy;
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"/etc/candle.svg\"");
    requireOnly(
        copy, copy.load(),
        "story.toml:11:9: error: image path \"/etc/candle.svg\" is absolute; use a path relative to the "
        "pack folder");
}

TEST_CASE("rule: image paths may not use ..", "[content][rules]") {
    const TempPack copy;
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"images/../../candle.svg\"");
    requireOnly(
        copy, copy.load(),
        "story.toml:11:9: error: image path \"images/../../candle.svg\" uses \"..\"; keep every file inside "
        "the pack folder");
}

TEST_CASE("rule: a symlink may not lead out of the pack", "[content][rules]") {
    const TempPack copy;
    std::filesystem::copy_file(copy.dir() / "images/candle.svg", copy.outside() / "outside.svg");
    std::filesystem::create_symlink(copy.outside() / "outside.svg", copy.dir() / "images/link.svg");
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"images/link.svg\"");
    requireOnly(
        copy, copy.load(),
        "story.toml:11:9: error: image \"images/link.svg\" is a symlink that leads out of the pack; copy "
        "the file into the pack instead");
}

TEST_CASE("rule: a symlink inside the pack is not followed either", "[content][rules]") {
    const TempPack copy;
    std::filesystem::create_symlink("candle.svg", copy.dir() / "images/link.svg");
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"images/link.svg\"");
    requireOnly(copy, copy.load(),
                "story.toml:11:9: error: image \"images/link.svg\" is a symlink, and links are not followed; "
                "put the file itself at this path");
}

TEST_CASE("rule: a folder link on the way is not followed", "[content][rules]") {
    const TempPack copy;
    std::filesystem::create_directory_symlink("images", copy.dir() / "pictures");
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"pictures/candle.svg\"");
    requireOnly(copy, copy.load(),
                "story.toml:11:9: error: image \"pictures/candle.svg\" is a symlink, and links are not "
                "followed; put the file itself at this path");
}

TEST_CASE("rule: a pipe, socket or device is refused without being opened", "[content][rules]") {
    const TempPack copy;
    REQUIRE(::mkfifo((copy.dir() / "images/pipe.svg").c_str(), 0600) == 0);
    copy.replace("story.toml", "image = \"images/candle.svg\"", "image = \"images/pipe.svg\"");
    // Opening a FIFO with no writer would block: the load returning at all shows it was not opened.
    requireOnly(copy, copy.load(),
                "story.toml:11:9: error: image \"images/pipe.svg\" is not a regular file (a pipe, socket or "
                "device); use a plain file");
}

TEST_CASE("rule: a megabyte paragraph is refused before any layout", "[content][rules]") {
    const TempPack copy;
    std::string paragraph;
    while (paragraph.size() < 1024 * 1024)
        paragraph += "A sentence that goes on. ";
    copy.replace("story.toml", "The second paragraph.", paragraph);
    requireOnly(copy, copy.load(),
                "story.toml:4:15: error: this text is " + std::to_string(paragraph.size() + 22) +
                    " bytes; at most 16384 fit a kiosk screen's pages: shorten or split it");
}

TEST_CASE("rule: images must exist", "[content][rules]") {
    const TempPack copy;
    copy.replace("cases.toml", "images/portrait.png", "images/portrait2.png");
    requireOnly(copy, copy.load(),
                "cases.toml:8:9: error: image \"images/portrait2.png\" does not exist in the pack; add it or "
                "correct the path");
}

TEST_CASE("rule: an image path that names a folder is refused", "[content][rules]") {
    const TempPack copy;
    copy.replace("cases.toml", "images/portrait.png", "images");
    requireOnly(copy, copy.load(), "cases.toml:8:9: error: image \"images\" is a folder, not a file");
}

TEST_CASE("rule: images are PNG, JPEG or SVG", "[content][rules]") {
    const TempPack copy;
    std::filesystem::copy_file(copy.dir() / "images/portrait.png", copy.dir() / "images/portrait.gif");
    copy.replace("cases.toml", "images/portrait.png", "images/portrait.gif");
    requireOnly(copy, copy.load(),
                "cases.toml:8:9: error: image \"images/portrait.gif\" is not PNG, JPEG or SVG; convert it");
}

TEST_CASE("rule: images are at most 2 MiB", "[content][rules]") {
    const TempPack copy;
    std::filesystem::resize_file(copy.dir() / "images/portrait.png", 2 * 1024 * 1024 + 1);
    requireOnly(
        copy, copy.load(),
        "cases.toml:8:9: error: image \"images/portrait.png\" is 2.00 MiB; shrink it to at most 2 MiB");
}

TEST_CASE("rule: images must decode when a measurer is given", "[content][rules]") {
    const TempPack copy;
    FakeImages images;
    images.sizes["portrait.png"] = std::nullopt;
    requireOnly(copy, copy.load(&images),
                "cases.toml:8:9: error: image \"images/portrait.png\" cannot be decoded; export it again");
}

TEST_CASE("rule: images are at most 4096 px a side, read from the header before decoding",
          "[content][rules]") {
    const TempPack copy;
    // A PNG header claiming 4096x4097 and nothing else: refused by its header, so never decoded.
    const std::string header = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x10\0\0\0\x10\x01", 24) +
                               std::string("\x08\x06\0\0\0\0\0\0\0", 9);
    std::ofstream(copy.dir() / "images/portrait.png", std::ios::binary | std::ios::trunc) << header;
    FakeImages images;
    requireOnly(
        copy, copy.load(&images),
        "cases.toml:8:9: error: image \"images/portrait.png\" is 4096x4097 px; scale it to at most 4096 px");
}

TEST_CASE("rule: URLs use https", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", "https://www.amnesty.my", "http://www.amnesty.my");
    requireOnly(copy, copy.load(),
                "actions.toml:5:7: error: URL \"http://www.amnesty.my/stop-torture\" is not secure; use "
                "https://www.amnesty.my/stop-torture");
}

TEST_CASE("rule: URLs are at most 300 bytes", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", "stop-torture", "stop-torture?" + std::string(270, 'x'));
    requireOnly(copy, copy.load(), "actions.toml:5:7: error: URL \"https://www.amnesty.my/");
    CHECK_THAT(copy.load().diagnostics.at(0).message,
               Catch::Contains("is 306 bytes; use a URL of at most 300"));
}

TEST_CASE("rule: case sources are URLs too", "[content][rules]") {
    const TempPack copy;
    copy.replace("cases.toml", "sources = [\"https://", "sources = [\"ftp://");
    requireOnly(copy, copy.load(),
                "cases.toml:10:12: error: URL \"ftp://www.amnesty.org/en/latest/example\" must "
                "start with https://");
}

TEST_CASE("rule: theme colours are #rrggbb", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "surface = \"#ffffff\"", "surface = \"#fff\"");
    requireOnly(copy, copy.load(),
                "pack.toml:23:11: error: surface \"#fff\" is not a colour; write # and six hex digits");
}

TEST_CASE("rule: theme text pairs reach 4.5:1 contrast", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "muted_text = \"#4a4a4a\"", "muted_text = \"#8a8a8a\"");
    requireOnly(
        copy, copy.load(),
        "pack.toml:25:14: error: contrast of muted_text #8a8a8a on background #faf7f0 is 3.22:1, below the "
        "4.5:1 WCAG AA needs");
}

TEST_CASE("rule: accent text on accent reaches 4.5:1 contrast", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "accent_text = \"#1a1a1a\"", "accent_text = \"#ffffff\"");
    requireOnly(copy, copy.load(),
                "pack.toml:27:15: error: contrast of accent_text #ffffff on accent #ffe600 is");
}

TEST_CASE("rule: the theme's type scale and spacing are used, and a size out of bounds costs its line only",
          "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "[theme.fonts]",
                 "[theme.type]\ntitle = 44\nreading = 24\n\n[theme.space]\nmargin = 20\n\n[theme.fonts]");
    const auto result = copy.load();
    requireOnly(
        copy, result,
        "pack.toml:31:11: warning: reading = 24 is outside 28-48 (docs/design.md: reading text at least "
        "28 px on the 7\" panel); the default 28 is used");
    REQUIRE(result.pack);
    CHECK(result.pack->theme.type.title == 44);
    CHECK(result.pack->theme.type.reading == 28);
    CHECK(result.pack->theme.type.body == content::TypeScale{}.body);
    CHECK(result.pack->theme.space.margin == 20);
    CHECK(result.pack->theme.space.touchTarget == 52);
}

TEST_CASE("rule: timeline dates are real dates", "[content][rules]") {
    const TempPack copy;
    copy.replace("timeline.toml", "1948-12-10", "1948-02-30");
    requireOnly(
        copy, copy.load(),
        "timeline.toml:2:8: error: date \"1948-02-30\" is not a valid date; write \"YYYY\", \"YYYY-MM\" or "
        "\"YYYY-MM-DD\"");
}

TEST_CASE("rule: timeline dates out of order are a warning", "[content][rules]") {
    const TempPack copy;
    copy.replace("timeline.toml", "1984-12", "1948");
    requireOnly(
        copy, copy.load(),
        "timeline.toml:8:8: warning: date \"1948\" comes before the previous entry's \"1948-12-10\"; the "
        "timeline shows entries in file order, so sort them by date");
}

TEST_CASE("rule: unquoted TOML dates are accepted in the timeline", "[content][rules]") {
    const TempPack copy;
    copy.replace("timeline.toml", "date = \"1948-12-10\"", "date = 1948-12-10");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack);
    CHECK(result.pack->timeline[0].date == "1948-12-10");
}

TEST_CASE("rule: slide durations are 2 to 60 seconds", "[content][rules]") {
    const TempPack copy;
    copy.replace("attract.toml", "duration_s = 6", "duration_s = 61");
    requireOnly(copy, copy.load(), "attract.toml:11:14: error: duration_s is 61; use 2 to 60 seconds");
}

TEST_CASE("rule: each content list needs at least one entry", "[content][rules]") {
    const TempPack copy;
    copy.write("actions.toml", "# nothing yet\n");
    requireOnly(
        copy, copy.load(),
        "actions.toml:1:1: error: missing key \"action\" in actions.toml; add at least one [[action]]");
}

TEST_CASE("rule: a list written as a single table is explained", "[content][rules]") {
    const TempPack copy;
    copy.replace("actions.toml", "[[action]]", "[action]");
    requireOnly(copy, copy.load(),
                "actions.toml:1:1: error: action must be a list of tables; write each one as [[action]]");
}

TEST_CASE("rule: a misspelt [files] key is unknown and the real one missing", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", "story = \"story.toml\"", "storry = \"story.toml\"");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 2);
    CHECK_THAT(result.diagnostics[0].format(),
               Catch::StartsWith(
                   copy.where("pack.toml:13:1: error: missing key \"story\" in [files]; add story = ")));
    CHECK_THAT(
        result.diagnostics[1].format(),
        Catch::StartsWith(copy.where("pack.toml:15:1: error: unknown key \"storry\" in [files]; did you mean "
                                     "\"story\"?")));
    CHECK_FALSE(result.pack);
}

TEST_CASE("rule: each language is listed once", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", R"(languages = ["en", "ms"])", R"(languages = ["en", "ms", "en"])");
    requireOnly(copy, copy.load(),
                "pack.toml:6:26: error: language \"en\" is listed twice; list each language once");
}

TEST_CASE("rule: translation_status names only listed languages", "[content][rules]") {
    const TempPack copy;
    copy.replace("pack.toml", R"({ ms = "awaiting native review" })",
                 R"({ ms = "awaiting native review", ta = "draft" })");
    requireOnly(copy, copy.load(),
                "pack.toml:7:55: error: language \"ta\" in translation_status is not in [pack] languages");
}

TEST_CASE("rule: a scheduled item's from and until are whole days, in order", "[content][rules][schedule]") {
    {
        const TempPack copy;
        copy.replace("attract.toml", "duration_s = 8\n", "duration_s = 8\nfrom = \"2026-06-31\"\n");
        requireOnly(copy, copy.load(),
                    "attract.toml:4:8: error: from \"2026-06-31\" is not a day; write \"YYYY-MM-DD\" with a "
                    "real month and day, e.g. from = \"2026-06-26\"");
    }
    {
        const TempPack copy;
        copy.replace("attract.toml", "duration_s = 8\n", "duration_s = 8\nuntil = \"2026-06\"\n");
        requireOnly(copy, copy.load(), "attract.toml:4:9: error: until \"2026-06\" is not a day;");
    }
    {
        const TempPack copy;
        copy.replace("story.toml", "[[section]]\n", "[[section]]\nfrom = 2026-06-27\nuntil = 2026-06-26\n");
        requireOnly(
            copy, copy.load(),
            "story.toml:3:9: error: until 2026-06-26 is before from 2026-06-27, so this is never shown; "
            "swap them or fix the day");
    }
    {
        const TempPack copy;
        copy.replace("actions.toml", "url = ", "until = 26\nurl = ");
        requireOnly(copy, copy.load(), "actions.toml:5:9: error: until must be a date, not an integer;");
    }
}

TEST_CASE("rule: a loop of dated slides only is a warning, and dated items load",
          "[content][rules][schedule]") {
    const TempPack copy;
    copy.replace("attract.toml", "duration_s = 8\n", "duration_s = 8\nfrom = 2026-06-26\n");
    copy.replace("attract.toml", "duration_s = 6\n", "duration_s = 6\nuntil = \"2026-06-26\"\n");
    const auto result = copy.load();
    requireOnly(copy, result,
                "attract.toml:1:1: warning: every slide has from/until dates, so on some days (and while the "
                "kiosk's clock is not set from the network) the attract loop has no slide");
    REQUIRE(result.pack);
    CHECK(result.pack->slides[0].dates.from == LocalDate{2026, 6, 26});
    CHECK_FALSE(result.pack->slides[0].dates.until);
    CHECK(result.pack->slides[1].dates.until == LocalDate{2026, 6, 26});
}
