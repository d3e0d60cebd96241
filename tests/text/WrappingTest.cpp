#include "TextTestSupport.h"
#include "layout/Pagination.h"
#include "layout/TextLayout.h"
#include "text/TextRasterizer.h"
#include "text/TtfTextMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::text;
using kiosk::text::testing::makeLibrary;

TEST_CASE("Chinese wrapped with real fonts keeps every line within the width", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    TextRasterizer rasterizer(library);
    const std::string text = "酷刑是对人类尊严的严重侵犯。国际特赦组织呼吁马来西亚政府批准《禁止酷刑公约》，"
                             "并确保每一项指控都得到独立调查。";
    const layout::FontSpec spec{"zh", 32};
    const int maxWidth = 400;
    bool overflow = true;
    const auto lines = layout::wrapText(text, maxWidth, spec, measurer, &overflow);
    CHECK_FALSE(overflow);
    CHECK(lines.size() >= 4);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(line.width <= maxWidth);
        if (&line != &lines.back()) CHECK(line.width > maxWidth - 2 * 32);  // filled greedily
        CHECK(line.text.rfind("，", 0) != 0);
        CHECK(line.text.rfind("。", 0) != 0);
        SurfacePtr surface = rasterizer.renderLine(line.text, spec, {0, 0, 0});
        REQUIRE(surface);
        CHECK(surface->w <= maxWidth);
        joined += line.text;
    }
    CHECK(joined == text);
}

TEST_CASE("Tamil paginated with real fonts fits its box", "[text]") {
    FontLibrary library = makeLibrary();
    TtfTextMeasurer measurer(library);
    const std::string text = "சித்திரவதை ஒரு குற்றம். அதை நிறுத்த உங்கள் கையொப்பம் தேவை.\n\n"
                             "2014 இல் ஐக்கிய நாடுகள் சபை மலேசியாவை சித்திரவதைக்கு எதிரான உடன்படிக்கையை "
                             "ஏற்குமாறு கேட்டுக்கொண்டது.";
    const Size box{360, 160};
    const auto pages = layout::paginate(text, box, {"ta", 28}, measurer);
    CHECK(pages.size() >= 2);
    for (const auto& page : pages) {
        CHECK_FALSE(page.overflow);
        CHECK(page.height <= box.h);
        for (const auto& line : page.lines)
            CHECK(line.width <= box.w);
    }
}
