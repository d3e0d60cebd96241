// Splitting long text into pages that each fit a box, for the kiosk's "next page" swipes.
#include "layout/Pagination.h"

#include <algorithm>

namespace kiosk::layout {
namespace {

struct PlacedLine {
    WrappedLine line;
    std::size_t begin = 0;         // byte offsets of the line's text in the text being paginated
    std::size_t end = 0;           //
    bool startsParagraph = false;  // the first line after a blank line: gets the gap when not at a page top
    int top = 0;                   // from the page's top, were the page to start at the first line
};

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimLeading(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    return s;
}

// A line at a page's head that ends a paragraph of 2+ lines would stand alone, cut from the rest.
bool isWidow(const std::vector<PlacedLine>& lines, std::size_t i) {
    return lines[i].line.endsParagraph && lines[i].line.indexInParagraph > 0;
}

// Whether `piece` is in `text` at byte `at`.
bool holdsAt(std::string_view text, std::size_t at, std::string_view piece) {
    return at <= text.size() && text.substr(at).starts_with(piece);
}

// Byte offsets in `line` just after each sentence's end: a full stop, question or exclamation mark (with any
// closing quotes or brackets) before a space or the line's end; the Chinese marks end one anywhere.
std::vector<std::size_t> sentenceEnds(std::string_view line) {
    constexpr auto npos = std::string_view::npos;
    static constexpr std::string_view wide[] = {"。", "！", "？"};
    static constexpr std::string_view closers[] = {"\"", "'", ")", "”", "’", "」", "）"};
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t after = 0;
        bool needsSpace = true;
        if (line[i] == '.' || line[i] == '!' || line[i] == '?') {
            after = i + 1;
        } else {
            for (const auto mark : wide)
                if (holdsAt(line, i, mark)) {
                    after = i + mark.size();
                    needsSpace = false;
                }
        }
        if (after == 0) {
            ++i;
            continue;
        }
        for (bool more = true; more;) {
            more = false;
            for (const auto closer : closers)
                if (holdsAt(line, after, closer)) {
                    after += closer.size();
                    more = true;
                }
        }
        // "U.N. " or "ஐ.நா. " is an abbreviation, not a sentence's end: its word has a full stop before.
        std::size_t wordStart = i;
        while (wordStart > 0 && !isSpace(line[wordStart - 1]))
            --wordStart;
        const bool abbreviation = needsSpace && line.substr(wordStart, i - wordStart).find('.') != npos;
        if ((after == line.size() || !needsSpace || isSpace(line[after])) && !abbreviation)
            ends.push_back(after);
        i = after;
    }
    return ends;
}

// Every line of `text` wrapped to `width`, with where it stands in `text` and how far down a page that
// starts at the first line it would be.
std::vector<PlacedLine> placeLines(std::string_view text, int width, const FontSpec& font,
                                   TextMeasurer& measurer) {
    std::vector<PlacedLine> lines;
    const int lineHeight = measurer.lineHeight(font);
    const int gap = paragraphGap(lineHeight);
    int y = 0;
    for (std::string_view paragraph : splitParagraphs(text)) {
        std::size_t cursor = static_cast<std::size_t>(paragraph.data() - text.data());
        std::vector<WrappedLine> wrapped = wrapText(paragraph, width, font, measurer);
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            PlacedLine placed{std::move(wrapped[i]), cursor, cursor, i == 0, 0};
            // Each line is a piece of the paragraph, in order (trailing spaces dropped).
            const std::size_t at = text.find(placed.line.text, cursor);
            if (at != std::string_view::npos) placed.begin = at;
            placed.end = placed.begin + placed.line.text.size();
            cursor = placed.end;
            if (!lines.empty()) y += placed.startsParagraph ? gap : 0;
            placed.top = y;
            y += lineHeight;
            lines.push_back(std::move(placed));
        }
    }
    return lines;
}

// A page cut between lines, for a sentence longer than the page's lower part: the most lines that fit,
// keeping a paragraph's last line company at the next page's head while the page stays full enough. (A
// paragraph's first line alone at the foot never happens: the paragraph break above it is a better end.)
std::size_t lineCut(const std::vector<PlacedLine>& lines, std::size_t fitEnd, int fullEnough,
                    int lineHeight) {
    std::size_t end = fitEnd;
    if (isWidow(lines, end) && end > 1 && lines[end - 2].top + lineHeight >= fullEnough) --end;
    return lines[end - 1].end;
}

// Where in `text` the page laid out as `lines` should end, given that the first `fitEnd` lines fit, and that
// a page is full enough from `fullEnough` px down: the latest paragraph or sentence end there, else between
// lines.
std::size_t chooseCut(const std::vector<PlacedLine>& lines, std::size_t fitEnd, int fullEnough,
                      int lineHeight) {
    for (std::size_t i = fitEnd; i-- > 0;) {
        if (lines[i].top + lineHeight < fullEnough) break;
        if (i + 1 < lines.size() && lines[i + 1].startsParagraph) return lines[i].end;
        const auto ends = sentenceEnds(lines[i].line.text);
        if (!ends.empty()) return lines[i].begin + ends.back();
    }
    return lineCut(lines, fitEnd, fullEnough, lineHeight);
}

// Whether the text after a page's end starts on a new line (a paragraph's or a forced line's end).
bool endsParagraphOrLine(std::string_view after) {
    for (const char c : after) {
        if (c == '\n') return true;
        if (!isSpace(c)) return false;
    }
    return true;
}

}  // namespace

bool endsSentence(std::string_view text) {
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    // Only the last line matters; sentenceEnds needs the word before a full stop to tell an abbreviation.
    const std::size_t lineStart = text.find_last_of('\n');
    if (lineStart != std::string_view::npos) text.remove_prefix(lineStart + 1);
    const auto ends = sentenceEnds(text);
    return !ends.empty() && ends.back() == text.size();
}

bool pagesReadWell(const std::vector<TextBlock>& pages, Size firstPage, Size otherPages) {
    for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
        const int boxH = i == 0 ? firstPage.h : otherPages.h;
        if (pages[i].endsMidSentence || pages[i].height * 100 < boxH * kMinPageFillPercent) return false;
    }
    return true;
}

namespace {
// Page by page, each ending at the latest good place (a paragraph's or a sentence's end past 70%, else
// between lines).
std::vector<TextBlock> paginateGreedy(std::string_view utf8, Size firstPage, Size otherPages, FontSpec font,
                                      TextMeasurer& measurer) {
    std::vector<TextBlock> pages;
    const int lineHeight = measurer.lineHeight(font);
    std::string_view rest = trimLeading(utf8);
    while (!rest.empty()) {
        const Size box = pages.empty() ? firstPage : otherPages;
        const auto lines = placeLines(rest, box.w, font, measurer);
        if (lines.empty()) break;
        // The most lines that fit the box's height, at least one.
        std::size_t fitEnd = 1;
        while (fitEnd < lines.size() && lines[fitEnd].top + lineHeight <= box.h)
            ++fitEnd;
        const int fullEnough = (box.h * kMinPageFillPercent + 99) / 100;
        std::size_t cut =
            fitEnd >= lines.size() ? rest.size() : chooseCut(lines, fitEnd, fullEnough, lineHeight);
        if (cut == 0) cut = rest.size();  // cannot happen with text left; never loop for ever
        TextBlock page = layoutParagraphs(rest.substr(0, cut), box, font, measurer);
        // A sentence that ends mid-line may wrap into fewer lines on its own (the words after it no longer
        // pull its last word down): when that leaves the page under-full, cut between lines instead.
        if (cut < rest.size() && page.height < fullEnough) {
            const std::size_t byLines = lineCut(lines, fitEnd, fullEnough, lineHeight);
            if (byLines > cut) {
                cut = byLines;
                page = layoutParagraphs(rest.substr(0, cut), box, font, measurer);
            }
        }
        page.endsMidSentence =
            cut < rest.size() && !endsParagraphOrLine(rest.substr(cut)) && !endsSentence(rest.substr(0, cut));
        // A word too wide for the box, cut between two pages, overflows on each.
        for (const auto& line : lines)
            if (line.begin < cut && (line.line.cutInsideWord || line.line.width > box.w))
                page.overflow = true;
        pages.push_back(std::move(page));
        rest = trimLeading(rest.substr(cut));
    }
    if (pages.empty()) pages.push_back(TextBlock{{}, {}, 0, font, false});
    return pages;
}

// The places in `rest` a page laid out as `lines` in `box` may end and still read well: a paragraph's, a
// forced line's or a sentence's end with the page at least `fullEnough` high, latest first, each with its
// page.
struct GoodEnd {
    std::size_t cut = 0;
    TextBlock page;
};

std::vector<GoodEnd> goodEnds(std::string_view rest, const std::vector<PlacedLine>& lines, std::size_t fitEnd,
                              Size box, int fullEnough, const FontSpec& font, TextMeasurer& measurer) {
    const int lineHeight = measurer.lineHeight(font);
    std::vector<std::size_t> cuts;
    for (std::size_t i = fitEnd; i-- > 0;) {
        if (lines[i].top + lineHeight < fullEnough) break;
        if ((i + 1 < lines.size() && lines[i + 1].startsParagraph) || lines[i].line.endsParagraph)
            cuts.push_back(lines[i].end);
        const auto ends = sentenceEnds(lines[i].line.text);
        for (auto e = ends.rbegin(); e != ends.rend(); ++e)
            if (cuts.empty() || cuts.back() != lines[i].begin + *e) cuts.push_back(lines[i].begin + *e);
    }
    std::vector<GoodEnd> good;
    for (const std::size_t cut : cuts) {
        if (cut == 0 || cut >= rest.size()) continue;
        TextBlock page = layoutParagraphs(rest.substr(0, cut), box, font, measurer);
        if (page.overflow || page.height < fullEnough) continue;
        if (!endsParagraphOrLine(rest.substr(cut)) && !endsSentence(rest.substr(0, cut))) continue;
        good.push_back({cut, std::move(page)});
    }
    return good;
}

// The fewest pages, at most `maxPages`, that all read well (every page but the last at least 70% full and
// ending where a sentence, a line or a paragraph does): a page may end earlier than it could so that a long
// sentence starts the next one. Empty when there are none.
std::vector<TextBlock> paginateAtSentences(std::string_view text, Size firstPage, Size otherPages,
                                           const FontSpec& font, TextMeasurer& measurer,
                                           std::size_t maxPages) {
    struct Reached {
        std::size_t from = 0;  // the start of the page that ends here
        TextBlock page;        // that page
    };
    const auto skipSpaces = [&](std::size_t at) {
        while (at < text.size() && isSpace(text[at]))
            ++at;
        return at;
    };
    std::vector<std::size_t> level{0};
    std::vector<std::pair<std::size_t, Reached>> parents;  // page start -> how it was reached
    const auto parentOf = [&](std::size_t start) -> const Reached* {
        for (const auto& [at, how] : parents)
            if (at == start) return &how;
        return nullptr;
    };
    const int lineHeight = measurer.lineHeight(font);
    for (std::size_t depth = 0; depth < maxPages && !level.empty(); ++depth) {
        const Size box = depth == 0 ? firstPage : otherPages;
        const int fullEnough = (box.h * kMinPageFillPercent + 99) / 100;
        std::vector<std::size_t> next;
        for (const std::size_t start : level) {
            const std::string_view rest = text.substr(start);
            const auto lines = placeLines(rest, box.w, font, measurer);
            if (lines.empty()) continue;
            std::size_t fitEnd = 1;
            while (fitEnd < lines.size() && lines[fitEnd].top + lineHeight <= box.h)
                ++fitEnd;
            if (fitEnd >= lines.size()) {
                // The rest fits: the last page. The pages are found by walking back from here.
                TextBlock last = layoutParagraphs(rest, box, font, measurer);
                if (last.overflow) continue;
                std::vector<TextBlock> pages{std::move(last)};
                for (std::size_t at = start; at != 0;) {
                    const Reached* how = parentOf(at);
                    pages.push_back(how->page);
                    at = how->from;
                }
                std::reverse(pages.begin(), pages.end());
                return pages;
            }
            for (auto& end : goodEnds(rest, lines, fitEnd, box, fullEnough, font, measurer)) {
                const std::size_t after = skipSpaces(start + end.cut);
                if (after >= text.size() || after == 0 || parentOf(after)) continue;
                parents.push_back({after, {start, std::move(end.page)}});
                next.push_back(after);
            }
        }
        level = std::move(next);
    }
    return {};
}

}  // namespace

std::vector<TextBlock> paginate(std::string_view utf8, Size firstPage, Size otherPages, FontSpec font,
                                TextMeasurer& measurer, int extraPages) {
    auto pages = paginateGreedy(utf8, firstPage, otherPages, font, measurer);
    if (pages.size() < 2 || pagesReadWell(pages, firstPage, otherPages)) return pages;
    // Some page ends mid-sentence or under-full: ending earlier pages earlier may let every page read well
    // in as many pages (a long sentence then starts a page rather than straddling two).
    auto atSentences = paginateAtSentences(trimLeading(utf8), firstPage, otherPages, font, measurer,
                                           pages.size() + static_cast<std::size_t>(std::max(0, extraPages)));
    if (!atSentences.empty()) return atSentences;
    return pages;
}

std::vector<TextBlock> paginate(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer) {
    return paginate(utf8, box, box, font, measurer);
}

}  // namespace kiosk::layout
