// Splitting long text into pages that each fit a box, for the kiosk's "next page" swipes.
#pragma once

#include "layout/TextLayout.h"

namespace kiosk::layout {

// Pages hold at least this share of their box's height, except a text's last page (when a sentence or a
// paragraph ends in the page's lower part, the page ends there; else it is filled line by line).
constexpr int kMinPageFillPercent = 70;

// Pages in reading order, each as tall as the box at most. A page ends where a paragraph or a sentence ends
// (a sentence may end mid-line: the next page starts with the next one) as long as the page is at least
// kMinPageFillPercent full; only a sentence longer than that share of a page is cut between lines, and
// then a paragraph's first line is not left alone at a page's foot nor its last line alone at a page's head
// when moving a line is enough. Every word appears exactly once, in order; a page is never empty, except
// the one page given for a blank text (so page 0 always exists). A page overflows only when one of its
// lines is too wide for the box, or a single line is taller than it.
std::vector<TextBlock> paginate(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer);

// The same, with a first page of another size (an illustration or a heading beside or above it): the
// text after the first page is laid out for the others' size.
// With `extraPages` > 0, pages that read well (pagesReadWell) are preferred to the fewest pages when they
// take at most that many more.
std::vector<TextBlock> paginate(std::string_view utf8, Size firstPage, Size otherPages, FontSpec font,
                                TextMeasurer& measurer, int extraPages = 0);

// Whether `text` ends where a sentence does: a full stop, question or exclamation mark before any closing
// quotes or brackets, or a Chinese 。！？; not an abbreviation's full stop ("U.N.", "ஐ.நா."). Trailing spaces
// are ignored.
bool endsSentence(std::string_view text);

// Whether paginate's pages read as docs/design.md asks: every page but the last ends where a sentence or
// a paragraph does and is at least kMinPageFillPercent of its box's height full.
bool pagesReadWell(const std::vector<TextBlock>& pages, Size firstPage, Size otherPages);

}  // namespace kiosk::layout
