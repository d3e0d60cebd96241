#include "layout/TextLayout.h"

#include "support/FakeMeasurer.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::testing::FakeMeasurer;

namespace {

std::vector<std::string> texts(const std::vector<WrappedLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(line.text);
    return out;
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// Words of every line in order, so a word torn across lines would not match the source's words.
std::vector<std::string> wordsOfLines(const std::vector<WrappedLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) {
        for (auto& w : words(line.text))
            out.push_back(w);
    }
    return out;
}

std::string joined(const std::vector<WrappedLine>& lines) {
    std::string out;
    for (const auto& line : lines)
        out += line.text;
    return out;
}

}  // namespace

TEST_CASE("English wraps between words and every line fits", "[layout]") {
    FakeMeasurer m;  // 10 px a letter at 20 px
    const FontSpec font{"en", 20};
    bool overflow = true;
    const auto lines = wrapText("The quick brown fox jumps over the lazy dog", 100, font, m, &overflow);
    CHECK_FALSE(overflow);
    // Greedy filling would leave "dog" alone on the last line; a narrower wrap with as many lines pulls a
    // word down to keep it company.
    CHECK(texts(lines) ==
          std::vector<std::string>{"The quick", "brown fox", "jumps", "over the", "lazy dog"});
    CHECK(lines[1].width == 90);  // the trailing space is not counted
    for (const auto& line : lines)
        CHECK(line.width <= 100);
}

TEST_CASE("Malay wraps between words", "[layout]") {
    FakeMeasurer m;
    const std::string text = "Penyeksaan adalah jenayah di bawah undang-undang antarabangsa";
    bool overflow = true;
    const auto lines = wrapText(text, 200, {"ms", 20}, m, &overflow);
    CHECK_FALSE(overflow);
    CHECK(lines.size() >= 3);
    for (const auto& line : lines)
        CHECK(line.width <= 200);
    // undang-undang may break after its hyphen (UAX #14), every other word stays whole.
    std::string all;
    for (const auto& line : lines)
        all += line.text + (line.text.back() == '-' ? "" : " ");
    CHECK(words(all) == words(text));
}

TEST_CASE("Chinese wraps between characters and never starts a line with closing punctuation", "[layout]") {
    FakeMeasurer m;  // 20 px a character at 20 px
    const std::string text = "我们反对酷刑，支持人权。请签名";
    bool overflow = true;
    // Six characters would fit, but "，" cannot start the next line, so 刑 moves down with it.
    const auto lines = wrapText(text, 120, {"zh", 20}, m, &overflow);
    CHECK_FALSE(overflow);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].text == "我们反对酷");
    CHECK(lines[1].text.rfind("刑，", 0) == 0);
    for (const auto& line : lines) {
        CHECK(line.width <= 120);
        CHECK(line.text.rfind("，", 0) != 0);
        CHECK(line.text.rfind("。", 0) != 0);
    }
    CHECK(joined(lines) == text);
}

TEST_CASE("Tamil words stay whole", "[layout]") {
    FakeMeasurer m;
    const std::string text = "சித்திரவதை ஒரு குற்றம் அதை நிறுத்துங்கள்";
    bool overflow = true;
    const auto lines = wrapText(text, 150, {"ta", 20}, m, &overflow);
    CHECK_FALSE(overflow);
    CHECK(lines.size() >= 3);
    CHECK(wordsOfLines(lines) == words(text));
    for (const auto& line : lines)
        CHECK(line.width <= 150);
}

TEST_CASE("a newline breaks the line and marks the paragraph's end", "[layout]") {
    FakeMeasurer m;
    const auto lines = wrapText("Sign the pledge\nToday", 400, {"en", 20}, m);
    REQUIRE(texts(lines) == std::vector<std::string>{"Sign the pledge", "Today"});
    CHECK(lines[0].endsParagraph);
    CHECK(lines[1].indexInParagraph == 0);
}

TEST_CASE("a word too wide for the box sets overflow and is cut without losing text", "[layout]") {
    FakeMeasurer m;
    const std::string text = "see https://example.org/stop-torture-campaign now";
    bool overflow = false;
    const auto lines = wrapText(text, 100, {"en", 20}, m, &overflow);
    CHECK(overflow);
    std::string all;
    for (const auto& line : lines)
        all += line.text;
    std::string expected = text;
    std::erase(expected, ' ');
    std::erase(all, ' ');
    CHECK(all == expected);
    bool anyCut = false;
    for (const auto& line : lines) {
        CHECK(line.width <= 100);
        anyCut = anyCut || line.cutInsideWord;
    }
    CHECK(anyCut);
}

TEST_CASE("a Tamil word cut as a last resort keeps vowel signs with their consonants", "[layout]") {
    FakeMeasurer m;
    bool overflow = false;
    const auto lines = wrapText("சித்திரவதை", 30, {"ta", 20}, m, &overflow);
    CHECK(overflow);
    CHECK(joined(lines) == "சித்திரவதை");
    for (const auto& line : lines) {
        const char32_t first = toUtf32(line.text).front();
        CHECK((first >= 0x0B85 && first <= 0x0BB9));  // a letter, never a sign
    }
}

TEST_CASE("blank lines separate paragraphs with a half-line gap", "[layout]") {
    FakeMeasurer m;  // line height 26 at 20 px, gap 13
    const auto block = layoutParagraphs("First one.\nStill first.\n\n  \nSecond.", {400, 400}, {"en", 20}, m);
    REQUIRE(texts(block.lines) == std::vector<std::string>{"First one.", "Still first.", "Second."});
    CHECK(block.lineTops == std::vector<int>{0, 26, 65});
    CHECK(block.height == 91);
    CHECK_FALSE(block.overflow);
    CHECK(block.font.px == 20);
}

TEST_CASE("a block taller than its box overflows", "[layout]") {
    FakeMeasurer m;
    const auto block = layoutParagraphs("one two three four", {50, 60}, {"en", 20}, m);
    CHECK(block.lines.size() == 4);
    CHECK(block.overflow);
}

TEST_CASE("paragraphs split on blank lines, including Windows newlines", "[layout]") {
    const auto paragraphs = splitParagraphs("\n\nA\r\nB\r\n\r\nC\n\n\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0] == "A\r\nB\r");
    CHECK(paragraphs[1] == "C");
    CHECK(splitParagraphs("   \n").empty());
}

TEST_CASE("a lonely last character is avoided when the paragraph keeps its number of lines", "[layout]") {
    FakeMeasurer m;  // 20 px a Chinese character at 20 px
    const FontSpec font{"zh", 20};
    CHECK(texts(wrapText("我们反对酷刑", 100, font, m)) == std::vector<std::string>{"我们反对", "酷刑"});
    // When only more lines would avoid it, the greedy wrap stands.
    CHECK(texts(wrapText("The quick brown fox jumps", 100, {"en", 20}, m)) ==
          std::vector<std::string>{"The quick", "brown fox", "jumps"});
}
