// Splitting long text into pages that each fit a box, for the kiosk's "next page" swipes.
#include "layout/Pagination.h"

#include <algorithm>

namespace kiosk::layout {
namespace {

struct PlacedLine {
    WrappedLine line;
    bool startsParagraph = false;  // the first line after a blank line: gets the gap when not at a page top
    bool tooWide = false;
};

// A line at a page's foot that begins a paragraph of 2+ lines would stand alone, cut from the rest.
bool isOrphan(const std::vector<PlacedLine>& lines, std::size_t i) {
    return lines[i].line.indexInParagraph == 0 && !lines[i].line.endsParagraph;
}

// A line at a page's head that ends a paragraph of 2+ lines would stand alone, cut from the rest.
bool isWidow(const std::vector<PlacedLine>& lines, std::size_t i) {
    return lines[i].line.endsParagraph && lines[i].line.indexInParagraph > 0;
}

// Whether a line ends a sentence, so a page may end after it without cutting a thought in two.
bool endsSentence(const std::string& text) {
    static const char* const endings[] = {".", "!", "?", ".\"", "。", "！", "？", ":"};
    for (const char* ending : endings) {
        const std::string_view e(ending);
        if (text.size() >= e.size() && text.compare(text.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

// Where the page starting at `first` should end (exclusive), given the most lines that fit. A reader
// turning a page should not land mid-sentence: end the page between paragraphs, else after a sentence,
// as long as the page stays at least half full; else keep a paragraph's first and last lines company.
std::size_t chooseBreak(const std::vector<PlacedLine>& lines, std::size_t first, std::size_t fitEnd) {
    if (fitEnd >= lines.size()) return lines.size();
    if (lines[fitEnd].startsParagraph) return fitEnd;
    const std::size_t halfFull = first + (fitEnd - first + 1) / 2;
    for (std::size_t end = fitEnd - 1; end > first && end >= halfFull; --end)
        if (lines[end].startsParagraph) return end;
    for (std::size_t end = fitEnd - 1; end > first && end >= halfFull; --end)
        if (endsSentence(lines[end - 1].line.text)) return end;
    std::size_t end = fitEnd;
    if (isWidow(lines, end)) --end;  // carry one more line over to keep the last line company
    if (end > first && isOrphan(lines, end - 1)) --end;
    return end > first ? end : fitEnd;  // unavoidable: keep the fullest page
}

}  // namespace

std::vector<TextBlock> paginate(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer) {
    std::vector<PlacedLine> lines;
    for (std::string_view paragraph : splitParagraphs(utf8)) {
        std::vector<WrappedLine> wrapped = wrapText(paragraph, box.w, font, measurer);
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            const bool tooWide = wrapped[i].cutInsideWord || wrapped[i].width > box.w;
            lines.push_back({std::move(wrapped[i]), i == 0, tooWide});
        }
    }

    std::vector<TextBlock> pages;
    if (lines.empty()) {
        pages.push_back(TextBlock{{}, {}, 0, font, false});
        return pages;
    }
    const int lineHeight = measurer.lineHeight(font);
    const int gap = paragraphGap(lineHeight);

    std::size_t first = 0;
    while (first < lines.size()) {
        // The most lines that fit the box's height, at least one.
        std::size_t fitEnd = first + 1;
        int bottom = lineHeight;
        while (fitEnd < lines.size()) {
            const int next = bottom + (lines[fitEnd].startsParagraph ? gap : 0) + lineHeight;
            if (next > box.h) break;
            bottom = next;
            ++fitEnd;
        }
        const std::size_t end = chooseBreak(lines, first, fitEnd);

        TextBlock page;
        page.font = font;
        int y = 0;
        for (std::size_t i = first; i < end; ++i) {
            if (i > first && lines[i].startsParagraph) y += gap;
            page.lineTops.push_back(y);
            page.overflow = page.overflow || lines[i].tooWide;
            page.lines.push_back(lines[i].line);
            y += lineHeight;
        }
        page.height = y;
        page.overflow = page.overflow || page.height > box.h;
        pages.push_back(std::move(page));
        first = end;
    }
    return pages;
}

}  // namespace kiosk::layout
