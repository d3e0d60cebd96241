// Wrapping text into lines that fit a width, and stacking paragraphs into a block.
#include "layout/TextLayout.h"

#include "layout/LineBreaker.h"

#include <algorithm>

namespace kiosk::layout {
namespace {

bool isLineEndSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Spaces at the end of a line take no room: the eye sees the line end at the last ink.
std::string_view trimTrailing(std::string_view s) {
    while (!s.empty() && isLineEndSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

struct LineSink {
    std::vector<WrappedLine>& lines;
    const FontSpec& font;
    TextMeasurer& measurer;
    int indexInParagraph = 0;

    void add(std::string_view text, int width, bool endsParagraph, bool cutInsideWord = false) {
        lines.push_back({std::string(text), width, indexInParagraph, endsParagraph, cutInsideWord});
        indexInParagraph = endsParagraph ? 0 : indexInParagraph + 1;
    }
    void add(std::string_view text, bool endsParagraph) {
        text = trimTrailing(text);
        add(text, text.empty() ? 0 : measurer.width(text, font), endsParagraph);
    }
};

// Cuts a run too wide for any line between clusters, as many clusters a line as fit (at least one).
// Returns the leftover that starts the next line, so it can join the words after it.
std::string_view cutUnbreakable(std::string_view run, int maxWidth, LineSink& sink) {
    const std::vector<std::size_t> ends = clusterEnds(run);
    std::size_t start = 0;
    std::size_t e = 0;
    while (e < ends.size()) {
        std::size_t fitEnd = ends[e];  // at least one cluster, even when it alone is too wide
        int fitWidth = sink.measurer.width(trimTrailing(run.substr(start, fitEnd - start)), sink.font);
        std::size_t next = e + 1;
        for (; next < ends.size(); ++next) {
            const auto candidate = trimTrailing(run.substr(start, ends[next] - start));
            const int w = sink.measurer.width(candidate, sink.font);
            if (w > maxWidth) break;
            fitEnd = ends[next];
            fitWidth = w;
        }
        if (next == ends.size()) return run.substr(start);  // the rest fits: keep it open for more words
        sink.add(trimTrailing(run.substr(start, fitEnd - start)), fitWidth, false, true);
        start = fitEnd;
        e = next;
    }
    return run.substr(start);
}

}  // namespace

namespace {
std::vector<WrappedLine> wrapGreedy(std::string_view utf8, int maxWidth, const FontSpec& font,
                                    TextMeasurer& measurer, bool* overflow) {
    std::vector<WrappedLine> lines;
    if (overflow) *overflow = false;
    maxWidth = std::max(maxWidth, 0);
    if (utf8.empty()) return lines;

    std::vector<BreakOpportunity> breaks = findLineBreaks(utf8, font.language);
    breaks.push_back({utf8.size(), true});

    LineSink sink{lines, font, measurer};
    std::size_t lineStart = 0;
    std::size_t fittedEnd = 0;  // end of the longest prefix known to fit, 0 if none yet
    int fittedWidth = 0;
    std::size_t b = 0;
    while (b < breaks.size()) {
        const BreakOpportunity& at = breaks[b];
        const std::string_view candidate = trimTrailing(utf8.substr(lineStart, at.offset - lineStart));
        const int width = candidate.empty() ? 0 : measurer.width(candidate, font);
        if (width <= maxWidth) {
            if (at.mandatory) {
                sink.add(candidate, width, true);
                lineStart = at.offset;
                fittedEnd = 0;
            } else {
                fittedEnd = at.offset;
                fittedWidth = width;
            }
            ++b;
            continue;
        }
        if (fittedEnd != 0) {
            // End the line at the last opportunity that fitted and retry this one on a fresh line.
            sink.add(trimTrailing(utf8.substr(lineStart, fittedEnd - lineStart)), fittedWidth, false);
            lineStart = fittedEnd;
            fittedEnd = 0;
            continue;
        }
        // Nothing fits from lineStart to this opportunity: the run alone is too wide.
        if (overflow) *overflow = true;
        const std::string_view rest =
            cutUnbreakable(utf8.substr(lineStart, at.offset - lineStart), maxWidth, sink);
        lineStart = at.offset - rest.size();
        if (at.mandatory) {
            sink.add(rest, true);
            lineStart = at.offset;
        } else {
            fittedEnd = at.offset;
            fittedWidth = measurer.width(trimTrailing(rest), font);
        }
        ++b;
    }
    return lines;
}

// A last line holding one unbreakable word (or one Chinese character): what a typesetter calls a widow.
bool endsLonely(const std::vector<WrappedLine>& lines, const std::string& language) {
    if (lines.size() < 2 || lines.back().text.empty()) return false;
    return findLineBreaks(lines.back().text, language).empty();
}
}  // namespace

std::vector<WrappedLine> wrapText(std::string_view utf8, int maxWidth, const FontSpec& font,
                                  TextMeasurer& measurer, bool* overflow) {
    bool tooWide = false;
    auto lines = wrapGreedy(utf8, maxWidth, font, measurer, &tooWide);
    if (overflow) *overflow = tooWide;
    if (tooWide || !endsLonely(lines, font.language)) return lines;
    // Pull a word down by wrapping a little narrower, as long as the paragraph keeps its number of lines.
    for (int percent = 95; percent >= 60; percent -= 5) {
        bool narrowTooWide = false;
        auto narrower = wrapGreedy(utf8, maxWidth * percent / 100, font, measurer, &narrowTooWide);
        if (narrowTooWide || narrower.size() != lines.size()) break;
        if (!endsLonely(narrower, font.language)) return narrower;
    }
    return lines;
}

std::vector<std::string_view> splitParagraphs(std::string_view utf8) {
    std::vector<std::string_view> paragraphs;
    std::size_t paragraphStart = std::string_view::npos;
    std::size_t paragraphEnd = 0;
    std::size_t pos = 0;
    while (pos <= utf8.size()) {
        std::size_t newline = utf8.find('\n', pos);
        if (newline == std::string_view::npos) newline = utf8.size();
        const std::string_view line = utf8.substr(pos, newline - pos);
        const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (blank) {
            if (paragraphStart != std::string_view::npos) {
                paragraphs.push_back(utf8.substr(paragraphStart, paragraphEnd - paragraphStart));
                paragraphStart = std::string_view::npos;
            }
        } else {
            if (paragraphStart == std::string_view::npos) paragraphStart = pos;
            paragraphEnd = newline;
        }
        pos = newline + 1;
    }
    if (paragraphStart != std::string_view::npos) {
        paragraphs.push_back(utf8.substr(paragraphStart, paragraphEnd - paragraphStart));
    }
    return paragraphs;
}

int paragraphGap(int lineHeight) {
    return (lineHeight + 1) / 2;
}

TextBlock layoutParagraphs(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer) {
    TextBlock block;
    block.font = font;
    const int lineHeight = measurer.lineHeight(font);
    int y = 0;
    for (std::string_view paragraph : splitParagraphs(utf8)) {
        bool tooWide = false;
        std::vector<WrappedLine> lines = wrapText(paragraph, box.w, font, measurer, &tooWide);
        if (lines.empty()) continue;
        block.overflow = block.overflow || tooWide;
        if (!block.lines.empty()) y += paragraphGap(lineHeight);
        for (WrappedLine& line : lines) {
            block.lineTops.push_back(y);
            block.lines.push_back(std::move(line));
            y += lineHeight;
        }
    }
    block.height = y;
    block.overflow = block.overflow || block.height > box.h;
    return block;
}

}  // namespace kiosk::layout
