// Loading a whole pack: a good pack loads clean, languages fall back, and broken files are reported clearly.
#include "TempPack.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using Catch::StartsWith;
using kiosk::content::Severity;
using kiosk::test::FakeImages;
using kiosk::test::listDiagnostics;
using kiosk::test::TempPack;

TEST_CASE("the minimal pack loads with no diagnostics", "[content]") {
    const TempPack copy;
    FakeImages images;
    const auto result = copy.load(&images);
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack);
    const auto& pack = *result.pack;
    CHECK(pack.id == "minimal");
    CHECK(pack.languages == std::vector<std::string>{"en", "ms"});
    CHECK(pack.defaultLanguage == "en");
    CHECK(pack.languageNames.at("ms") == "Bahasa Melayu");
    CHECK(pack.translationStatus.at("ms") == "awaiting native review");
    CHECK(pack.ui.size() == content::kRequiredUiStrings.size() + content::kPledgeUiStrings.size());
    CHECK(pack.theme.accent == Color{0xff, 0xe6, 0x00, 255});
    REQUIRE(pack.slides.size() == 2);
    CHECK(pack.slides[0].durationMs == 8000);
    CHECK(pack.slides[1].durationMs == 6000);
    CHECK(std::filesystem::path(pack.slides[0].image).is_absolute());
    CHECK(std::filesystem::exists(pack.slides[0].image));
    CHECK(pack.slides[1].image.empty());
    REQUIRE(pack.story.size() == 1);
    CHECK(pack.story[0].text.in("en", "en") == "The first paragraph.\n\nThe second paragraph.");
    REQUIRE(pack.timeline.size() == 2);
    CHECK(pack.timeline[1].date == "1984-12");
    REQUIRE(pack.cases.size() == 1);
    CHECK(pack.cases[0].sources.size() == 1);
    CHECK(pack.cases[0].actionUrl == "https://www.amnesty.org/en/petition/example");
    REQUIRE(pack.actions.size() == 1);
    CHECK(pack.credits.sources.size() == 1);
}

TEST_CASE("the minimal pack also loads without an image measurer", "[content]") {
    const TempPack copy;
    const auto result = copy.load(nullptr);
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    CHECK(result.pack);
}

TEST_CASE("a missing translation warns and falls back to the default language", "[content]") {
    const TempPack copy;
    copy.replace("pack.toml", R"(back = { en = "Back", ms = "Kembali" })", R"(back = { en = "Back" })");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].severity == Severity::Warning);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith(copy.where("pack.toml:40:8: warning: missing translation \"ms\" for ui.back")));
    REQUIRE(result.pack);  // warnings do not stop the kiosk
    CHECK(result.pack->uiText("back", "ms") == "Back");
    CHECK(result.pack->uiText("home", "ms") == "Laman utama");
    CHECK(result.pack->uiText("home", "ta") == "Home");  // a language the pack lacks: the default
    CHECK(result.pack->uiText("no_such_key", "en") == "no_such_key");
}

TEST_CASE("LocalText falls back to the fallback language, then to empty", "[content]") {
    content::LocalText text;
    text.byLanguage = {{"en", "Hello"}, {"ms", ""}};
    CHECK(text.in("en", "en") == "Hello");
    CHECK(text.in("ms", "en") == "Hello");  // an empty translation counts as missing
    CHECK(text.in("ta", "en") == "Hello");
    CHECK(text.in("ta", "zh").empty());
}

TEST_CASE("a pack folder that does not exist is one clear error", "[content]") {
    const auto result = content::loadPack("no/such/pack", nullptr);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith("no/such/pack/pack.toml:1:1: error: pack folder \"no/such/pack\" does not exist"));
    CHECK_FALSE(result.pack);
}

TEST_CASE("diagnostics name files the way the caller typed the folder", "[content]") {
    const TempPack copy;
    copy.replace("actions.toml", "url = \"https://", "url = \"http://");
    const auto relative = std::filesystem::relative(copy.dir());
    const auto result = content::loadPack(relative, nullptr);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith((relative / "actions.toml").string() + ":5:7: error: URL"));
}

TEST_CASE("a missing pack.toml, an empty one and a syntax error are reported at the file", "[content]") {
    const TempPack copy;
    SECTION("missing") {
        std::filesystem::remove(copy.dir() / "pack.toml");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(),
                   StartsWith(copy.where("pack.toml:1:1: error: file does not exist")));
    }
    SECTION("empty") {
        copy.write("pack.toml", "\n  \n");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(),
                   StartsWith(copy.where("pack.toml:1:1: error: file is empty")));
    }
    SECTION("syntax") {
        copy.replace("pack.toml", "version = \"1.0.0\"", "version = 1.0.0\"");
        const auto result = copy.load();
        INFO(listDiagnostics(result));
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(), StartsWith(copy.where("pack.toml:4:")));
        CHECK_THAT(result.diagnostics[0].format(), Catch::Contains(": error: TOML syntax: "));
        CHECK_FALSE(result.pack);
    }
}

TEST_CASE("content files named in [files] must exist inside the pack and be files", "[content]") {
    const TempPack copy;
    SECTION("missing") {
        std::filesystem::remove(copy.dir() / "story.toml");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(
            result.diagnostics[0].format(),
            StartsWith(copy.where("pack.toml:15:9: error: file \"story.toml\" does not exist in the pack; "
                                  "add it or correct the path")));
    }
    SECTION("a folder") {
        std::filesystem::remove(copy.dir() / "story.toml");
        std::filesystem::create_directory(copy.dir() / "story.toml");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(
            result.diagnostics[0].format(),
            StartsWith(copy.where("pack.toml:15:9: error: file \"story.toml\" is a folder, not a file")));
    }
    SECTION("empty") {
        copy.write("story.toml", "");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(),
                   StartsWith(copy.where("story.toml:1:1: error: file is empty; fill it in")));
    }
    SECTION("outside the pack") {
        copy.replace("pack.toml", "story = \"story.toml\"", "story = \"../story.toml\"");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(),
                   StartsWith(copy.where("pack.toml:15:9: error: file path \"../story.toml\" uses \"..\"")));
    }
}

TEST_CASE("an action's short_url is what its QR code carries, url stays the page of record", "[content]") {
    const TempPack copy;
    SECTION("given") {
        copy.replace("actions.toml", "url = \"https://",
                     "short_url = \"https://amn.example/x\"\nurl = \"https://");
        const auto result = copy.load();
        REQUIRE(result.pack);
        const auto& action = result.pack->actions.front();
        CHECK(action.qrUrl() == "https://amn.example/x");
        CHECK(action.url.starts_with("https://"));
        CHECK(action.url != action.qrUrl());
    }
    SECTION("not given: the url") {
        const auto result = copy.load();
        REQUIRE(result.pack);
        CHECK(result.pack->actions.front().qrUrl() == result.pack->actions.front().url);
    }
    SECTION("not https: an error at its line") {
        copy.replace("actions.toml", "url = \"https://",
                     "short_url = \"http://amn.example/x\"\nurl = \"https://");
        const auto result = copy.load();
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(), StartsWith(copy.where("actions.toml:5:13: error: URL")));
    }
}
