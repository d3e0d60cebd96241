// The limits docs/pack-format.md states: lengths warn then refuse, counts refuse, SVGs stand alone, a broken
// string gets the triple-quote hint, and languages the kiosk has no strings for are told what to add.
#include "TempPack.h"
#include "content/ValueRules.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using kiosk::test::listDiagnostics;
using kiosk::test::requireOnly;
using kiosk::test::TempPack;

TEST_CASE("limits: a Chinese character counts two", "[content][limits]") {
    CHECK(content::displayLength("Stop") == 4);
    CHECK(content::displayLength("停止酷刑") == 8);
    CHECK(content::displayLength("தமிழ்") == 5);  // code points: Tamil is not drawn twice as wide
}

TEST_CASE("limits: a long timeline title warns, a 5,000-character one is refused, both located",
          "[content][limits]") {
    {
        const TempPack copy;
        copy.replace("timeline.toml", "en = \"Universal Declaration\"",
                     "en = \"" + std::string(100, 'a') + "\"");
        requireOnly(
            copy, copy.load(),
            "timeline.toml:3:16: warning: title.en is 100 characters long (a Chinese character counts "
            "two); above 60 it wraps");
    }
    const TempPack copy;
    copy.replace("timeline.toml", "en = \"Universal Declaration\"",
                 "en = \"" + std::string(5000, 'a') + "\"");
    requireOnly(
        copy, copy.load(),
        "timeline.toml:3:16: error: title.en is 5000 characters long (a Chinese character counts two), "
        "more than the 120 the screens can hold");
}

TEST_CASE("limits: a field label and a consent are held to theirs", "[content][limits]") {
    const TempPack copy;
    const std::string actions = copy.read("actions.toml");
    const auto label = actions.find("label = { en = \"");
    REQUIRE(label != std::string::npos);
    copy.replace("actions.toml", "label = { en = \"", "label = { en = \"" + std::string(81, 'x'));
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(), Catch::Contains("more than the 80 the screens can hold"));
}

TEST_CASE("limits: more than 40 cases is refused at the 41st", "[content][limits]") {
    const TempPack copy;
    const std::string one = copy.read("cases.toml");
    std::string many;
    for (int i = 0; i < 41; ++i) {
        std::string entry = one;
        const auto id = entry.find("id = \"");
        REQUIRE(id != std::string::npos);
        entry.insert(id + 6, "n" + std::to_string(i) + "-");
        many += entry + "\n";
    }
    copy.write("cases.toml", many);
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(),
               Catch::Contains("error: this is [[case]] number 41 of 41; a pack may have at most 40"));
}

TEST_CASE("limits: an SVG that refers to a web address or another file is refused, with where",
          "[content][limits]") {
    for (const std::string reference :
         {"<image href=\"http://example.com/a.png\" width=\"8\" height=\"8\"/>",
          "<use xlink:href=\"other.svg#shape\"/>", "<rect style=\"fill: url(/etc/pattern.svg)\"/>"}) {
        INFO(reference);
        const TempPack copy;
        copy.replace("images/candle.svg", "<circle", "\n  " + reference + "<circle");
        const auto result = copy.load();
        INFO(listDiagnostics(result));
        REQUIRE_FALSE(result.diagnostics.empty());  // the image is used on two screens: both say so
        const std::string message = result.diagnostics[0].format();
        CHECK_THAT(message, Catch::StartsWith(
                                copy.where("attract.toml:6:9: error: image \"images/candle.svg\" at 2:")));
        CHECK_THAT(message, Catch::Contains("outside the image"));
    }
    const TempPack inside;  // a fragment and inline data stay inside
    inside.replace(
        "images/candle.svg", "<circle",
        "<use href=\"#c\"/><image href=\"data:image/png;base64,AAAA\"/><rect fill=\"url(#g)\"/><circle");
    CHECK(inside.load().diagnostics.empty());
}

TEST_CASE("limits: a string broken by a raw newline is told to use triple quotes", "[content][limits]") {
    const TempPack copy;
    copy.replace("timeline.toml", "text = { en = \"Adopted.\"", "text = { en = \"Adopted\nby all.\"");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(),
               Catch::Contains("error: TOML syntax: this string runs onto the next line"));
    CHECK_THAT(result.diagnostics[0].format(), Catch::Contains("\"\"\"...\"\"\""));
}

TEST_CASE(
    "strings: a pack in a language the kiosk has no strings for is told each one to add, and shows its own",
    "[content][strings]") {
    const TempPack copy;
    // Malay becomes Indonesian throughout.
    for (const std::string file : {"pack.toml", "attract.toml", "story.toml", "timeline.toml", "cases.toml",
                                   "actions.toml", "credits.toml"}) {
        std::string text = copy.read(file);
        for (std::size_t at = text.find("ms = "); at != std::string::npos; at = text.find("ms = ", at))
            text.replace(at, 2, "id");
        for (std::size_t at = text.find("\"ms\""); at != std::string::npos; at = text.find("\"ms\"", at))
            text.replace(at, 4, "\"id\"");
        copy.write(file, text);
    }
    auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.pack);
    int warnings = 0;
    for (const auto& d : result.diagnostics)
        if (d.message.find("no \"id\" text for ui.error_") != std::string::npos) ++warnings;
    CHECK(warnings == 6);
    CHECK(result.pack->uiText("error_missing", "id") == "Please fill in this field.");  // English until given

    copy.replace("pack.toml", "[ui]\n", "[ui]\nerror_missing = { id = \"Harap isi kolom ini.\" }\n");
    result = copy.load();
    REQUIRE(result.pack);
    CHECK(result.pack->uiText("error_missing", "id") == "Harap isi kolom ini.");
    CHECK(result.pack->uiText("error_missing", "en") == "Please fill in this field.");  // built in
    CHECK(result.pack->uiText("key_symbols", "id") == "123");
}
