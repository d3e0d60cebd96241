// The pledge form: every field, the consents and "sign" on one screen with the keyboard or the privacy
// notice; a consent is only ever tickable with its whole words on screen; what the signer typed is drawn only
// here, and only until the form is cleared.
#include "layout/Pagination.h"
#include "layout/TextFit.h"
#include "screens/FieldText.h"
#include "screens/Keyboard.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace kiosk::screens {

namespace {
std::string labelIn(const form::LanguageText& text, const std::string& language) {
    return form::textIn(text, language);
}

// The label column: as wide as the longest label needs, between a quarter and half of the cell, so a long
// label ("Name for the banner") widens it; a label longer still wraps within it. A word wider than half the
// cell (one long word, as Tamil's "telephone" on a narrow 4:3 panel) widens it up to three fifths, so that
// the label stays beside its box; a wider word puts its label above the box (placeLabel).
int labelColumnWidth(SceneWriter& out, const form::Form& form, int cellW) {
    const Metrics& m = out.metrics();
    int natural = 0;
    int widestWord = 0;
    for (const auto& field : form.fields) {
        const std::string label = labelIn(field.label, out.language()) + (field.required ? " *" : "");
        natural = std::max(natural, out.measure(label, m.captionPx(), true));
        for (std::size_t start = 0; start < label.size();) {
            const std::size_t end = std::min(label.find(' ', start), label.size());
            if (end > start)
                widestWord =
                    std::max(widestWord, out.measure(label.substr(start, end - start), m.captionPx(), true));
            start = end + 1;
        }
    }
    const int extra = m.gap() + m.px(4);
    return std::max(std::clamp(natural + extra, cellW / 4, cellW / 2),
                    std::min(widestWord + extra, cellW * 3 / 5));
}

std::string labelText(const form::FormField& field, const std::string& language) {
    return labelIn(field.label, language) + (field.required ? " *" : "");
}

// How a field's label sits: beside the input box in the label column when it takes at most two lines
// there (its longest word within the column, bold as it is drawn beside a problem), else above the box
// across the cell.
struct LabelPlace {
    bool above = false;
    int height = 0;  // of the label's lines
};

LabelPlace placeLabel(SceneWriter& out, const form::FormField& field, int cellW, int labelW) {
    const Metrics& m = out.metrics();
    const layout::FontSpec font{out.language(), m.captionPx(), true};
    const std::string text = labelText(field, out.language());
    const auto beside = layout::layoutParagraphs(text, {labelW - m.gap(), 1 << 20}, font, out.measurer());
    if (beside.lines.size() <= 2 && !beside.overflow) return {false, beside.height};
    return {true, layout::layoutParagraphs(text, {cellW, 1 << 20}, font, out.measurer()).height};
}

int fieldBoxHeight(const Metrics& m, SceneWriter& out) {
    return std::max(m.px(48), out.lineHeight(m.bodyPx()) + m.px(8));
}

// How tall a problem's words are under the box or the words they are about, `width` wide (0 for none).
int problemHeight(SceneWriter& out, const std::string& problem, int width) {
    if (problem.empty()) return 0;
    const Metrics& m = out.metrics();
    return m.px(2) + layout::layoutParagraphs(problem, {width, 1 << 20},
                                              {out.language(), m.captionPx(), true}, out.measurer())
                         .height;
}

std::string problemWith(const PledgeView& pledge, const std::string& id) {
    const auto found = pledge.errors.find(id);
    return found == pledge.errors.end() ? std::string() : found->second;
}

// The height of a cell holding `field`: its label, its box and what is wrong with it, under the box.
int cellHeight(SceneWriter& out, const form::FormField& field, int cellW, int labelW,
               const std::string& problem) {
    const Metrics& m = out.metrics();
    const LabelPlace place = placeLabel(out, field, cellW, labelW);
    const int box = fieldBoxHeight(m, out);
    return place.above ? place.height + m.px(4) + box + problemHeight(out, problem, cellW)
                       : std::max(box, place.height) + problemHeight(out, problem, cellW - labelW);
}

void addField(SceneWriter& out, int index, const form::FormField& field, const PledgeView& pledge, Rect cell,
              int labelW, const std::string& latinHint) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const std::string& lang = out.language();
    const std::string problem = problemWith(pledge, field.id);
    const bool hasError = !problem.empty();
    const LabelPlace place = placeLabel(out, field, cell.w, labelW);
    const int fieldH = fieldBoxHeight(m, out);
    const int besideH = std::max(fieldH, place.height);  // the label beside the box, without the problem
    const Rect labelBox = place.above ? Rect{cell.x, cell.y, cell.w, place.height}
                                      : Rect{cell.x, cell.y, labelW - m.gap(), besideH};
    out.text(
        "field-" + field.id + "-label", labelBox, labelText(field, lang),
        {m.captionPx(), 0, hasError, palette.text, Align::Start, place.above ? Align::Start : Align::Center});

    // The input box: a tappable field; focused is dark, a field with a problem has a heavy outline.
    const Rect box = place.above
                         ? Rect{cell.x, cell.y + place.height + m.px(4), cell.w, fieldH}
                         : Rect{cell.x + labelW, cell.y + (besideH - fieldH) / 2, cell.w - labelW, fieldH};
    std::string value = pledge.values ? pledge.values->value(field.id) : std::string();
    if (form::kindInfo(field.kind).entry == form::FieldEntry::Options && !value.empty()) {
        for (const auto& option : field.options)
            if (option.value == value) value = labelIn(option.label, lang);
    }
    const bool focused = pledge.focusedField == field.id;
    const int pad = m.px(10);
    const int caretW = std::max(2, m.px(2));
    const layout::FontSpec font{lang, m.bodyPx(), false};
    const bool typed = field.kind != form::FieldKind::Choice;
    const std::size_t caret =
        focused && typed && pledge.values ? pledge.values->caret(field.id) : value.size();
    const FieldWindow window = fieldWindow(value, caret, box.w - 2 * pad - caretW, font, out.measurer());
    const std::string& shown = window.shown;
    const int lineY = box.y + (box.h - out.lineHeight(m.bodyPx())) / 2;
    Widget w;
    w.action = {ActionKind::Field, index};
    w.id = out.idOf(w.action);
    w.kind = WidgetKind::Button;
    w.rect = box;
    w.tappable = true;
    w.focused = focused;  // drawn with a heavy ring: the field being typed into, unlike a selected tab
    w.cornerRadius = m.px(6);
    w.fill = palette.surface;
    w.stroke = hasError || focused ? palette.text : palette.mutedText;
    w.text = value;
    w.style = {lang, m.bodyPx(), false, palette.text};
    if (!shown.empty()) w.lines.push_back({shown, {box.x + pad, lineY}, out.measure(shown, m.bodyPx())});
    out.add(std::move(w));
    if (hasError) {
        // What is wrong, right under the box it is about.
        out.box({box.x, box.bottom() - m.px(4), box.w, m.px(4)}, palette.text);
        out.text("field-" + field.id + "-error",
                 {box.x, box.bottom() + m.px(2), box.w, problemHeight(out, problem, box.w) - m.px(2)},
                 problem, {m.captionPx(), 0, true, palette.text});
    }
    // An empty name box says names go in Latin letters (the only keys there are), in the reader's language,
    // when the words fit the box.
    if (value.empty() && field.kind == form::FieldKind::Text) {
        const std::string& hint = latinHint;
        const int hintX = box.x + pad + (focused ? caretW + m.px(6) : 0);
        const int hintW = box.right() - pad - hintX;
        if (out.measure(hint, m.captionPx()) <= hintW)
            out.text("field-" + field.id + "-hint", {hintX, box.y, hintW, box.h}, hint,
                     {m.captionPx(), 0, false, palette.mutedText, Align::Start, Align::Center});
    }
    // The caret where the next letter goes; a tap in the box moves it (screens/FieldText.h).
    if (focused && typed)
        out.box({box.x + pad + caretX(value, window, caret, font, out.measurer()), lineY, caretW,
                 out.lineHeight(m.bodyPx())},
                palette.text);
}

// The words of a consent as shown beside its box, whole.
std::string consentWords(const form::Consent& consent, const std::string& language) {
    return form::textIn(consent.text, language) + (consent.required ? " *" : "");
}

// How tall a consent's words are, wrapped beside the box.
int consentWordsHeight(SceneWriter& out, const form::Consent& consent, int width) {
    const Metrics& m = out.metrics();
    const int textW = width - m.touchTarget() - m.gap();
    return layout::layoutParagraphs(consentWords(consent, out.language()), {textW, 1 << 20},
                                    {out.language(), m.captionPx(), true}, out.measurer())
        .height;
}

// How tall a consent's row is: its words beside the box, and under them what is wrong, if anything.
int consentHeight(SceneWriter& out, const form::Consent& consent, int width, const PledgeView& pledge) {
    const Metrics& m = out.metrics();
    const int textW = width - m.touchTarget() - m.gap();
    return std::max(m.touchTarget(), consentWordsHeight(out, consent, width)) +
           problemHeight(out, problemWith(pledge, consent.id), textW);
}

// A tick box and its whole words; a ticked box is dark with a check mark, which reads as yes.
int addConsent(SceneWriter& out, int index, const form::Consent& consent, const PledgeView& pledge,
               Rect row) {
    const std::string words = consentWords(consent, out.language());
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const bool ticked = pledge.ticked && pledge.ticked->count(consent.id) && pledge.ticked->at(consent.id);
    const int side = m.touchTarget();
    if (ticked)
        out.iconButton({ActionKind::Consent, index}, {row.x, row.y, side, side}, Icon::Check, "",
                       ButtonStyle::Secondary, true);
    else
        out.button({ActionKind::Consent, index}, {row.x, row.y, side, side}, "", ButtonStyle::Secondary);
    const std::string problem = problemWith(pledge, consent.id);
    const int wordsH = std::max(side, consentWordsHeight(out, consent, row.w));
    const Rect textBox{row.x + side + m.gap(), row.y, row.w - side - m.gap(), wordsH};
    out.text("consent-" + consent.id + "-text", textBox, words,
             {m.captionPx(), 0, !problem.empty(), palette.text, Align::Start, Align::Center});
    if (!problem.empty())
        out.text("consent-" + consent.id + "-error",
                 {textBox.x, textBox.bottom() + m.px(2), textBox.w, row.h - wordsH - m.px(2)}, problem,
                 {m.captionPx(), 0, true, palette.text});
    return row.h;
}

void addKeyboard(SceneWriter& out, KeyboardMode mode, bool email, Rect area, const content::Pack& pack) {
    const std::string nextLabel = pack.uiText("next", out.language());
    const std::string formLanguage = out.language();
    const Metrics& m = out.metrics();
    const auto rows = keyboardRows(mode, email);
    const int gap = m.px(4);
    const int rowCount = static_cast<int>(rows.size());
    // Tall panels would make keys absurdly tall: cap them and sit the keyboard at the bottom.
    const int rowH = std::min((area.h - gap * (rowCount - 1)) / rowCount, m.touchTarget() * 3 / 2);
    area.y = area.bottom() - (rowH * rowCount + gap * (rowCount - 1));
    int maxUnits = 0;
    for (const auto& row : rows) {
        int units = 0;
        for (const auto& key : row)
            units += key.span;
        maxUnits = std::max(maxUnits, units);
    }
    int keyIndex = 0;  // counted as keyAt() counts
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        int units = 0;
        for (const auto& key : row)
            units += key.span;
        const double unitW = static_cast<double>(area.w + gap) / maxUnits;
        int x = area.x + static_cast<int>((maxUnits - units) * unitW / 2);
        const int y = area.y + static_cast<int>(r) * (rowH + gap);
        for (const auto& key : row) {
            const Action press{ActionKind::Key, keyIndex++};
            const int w = static_cast<int>(key.span * unitW) - gap;
            const bool active = (key.effect == KeyEffect::Shift && mode == KeyboardMode::Shifted);
            // Letter caps are Latin whatever the form's language; the keys that change mode and "next" speak
            // the form's language (the pack may name them, see content/BuiltinStrings.h).
            const std::string modeKey = key.effect == KeyEffect::Shift     ? "key_shift"
                                        : key.effect == KeyEffect::Symbols ? "key_symbols"
                                        : key.effect == KeyEffect::Letters ? "key_letters"
                                                                           : "";
            const bool ownWords = key.effect == KeyEffect::Next || !modeKey.empty();
            out.setLanguage(ownWords ? formLanguage : "en");
            // The pack's word for "next" where it fits the key, else the arrow.
            const bool wordFits = out.measure(nextLabel, m.minBodyPx(), true) <= w - m.px(20);
            const auto style = key.effect == KeyEffect::Next ? ButtonStyle::Primary : ButtonStyle::Secondary;
            if (key.effect == KeyEffect::Next && wordFits)
                out.button(press, {x, y, w, rowH}, nextLabel, style, active, kNarrowestKey);
            else if (key.effect == KeyEffect::Next)
                out.iconButton(press, {x, y, w, rowH}, Icon::Next, "", style, active, kNarrowestKey);
            else if (key.effect == KeyEffect::Backspace)
                out.iconButton(press, {x, y, w, rowH}, Icon::Backspace, "", style, active, kNarrowestKey);
            else if (key.effect == KeyEffect::Shift && !pack.ui.count("key_shift"))  // the pack's word wins
                out.iconButton(press, {x, y, w, rowH}, Icon::Shift, "", style, active, kNarrowestKey);
            else
                out.button(press, {x, y, w, rowH},
                           !modeKey.empty() ? pack.uiText(modeKey, formLanguage) : key.label, style, active,
                           kNarrowestKey);
            x += w + gap;
        }
    }
}

// How many columns the choices of `field` take across `width`: four in landscape and two in portrait, fewer
// (wider buttons) when a label would not fit its button's width otherwise, on at most two lines at the
// smallest body size (a word too wide for it, as Tamil's "Terengganu" on a narrow 4:3 panel). Within the
// width, the button shrinks its label to its height (SceneWriter::button).
int optionColumns(SceneWriter& out, const form::FormField& field, int width) {
    const Metrics& m = out.metrics();
    const int gap = m.px(4);
    const int pad = m.px(10);  // SceneWriter's padding either side of a button's label
    const layout::FontSpec font{out.language(), m.minBodyPx(), true};
    const int most = m.portrait() ? 2 : 4;
    for (int columns = most; columns > 1; --columns) {
        const int labelW = (width - gap * (columns - 1)) / columns - 2 * pad;
        const bool fits = std::all_of(field.options.begin(), field.options.end(), [&](const auto& option) {
            const auto block = layout::layoutParagraphs(labelIn(option.label, out.language()),
                                                        {labelW, 1 << 20}, font, out.measurer());
            return !block.overflow && block.lines.size() <= 2;
        });
        if (fits) return columns;
    }
    return 1;
}

// How many rows of choices `field` has across `width`, its way past included.
int optionRows(SceneWriter& out, const form::FormField& field, int width) {
    const int cells = static_cast<int>(field.options.size()) + (field.required ? 0 : 1);
    const int columns = optionColumns(out, field, width);
    return (cells + columns - 1) / columns;
}

// The choices in a grid; an optional choice ends with a way past it, so it never holds the signer up.
void addOptions(SceneWriter& out, const form::FormField& field, const std::string& current, Rect area,
                const std::string& skip) {
    const Metrics& m = out.metrics();
    const int count = static_cast<int>(field.options.size());
    const int cells = count + (field.required ? 0 : 1);
    const int columns = optionColumns(out, field, area.w);
    const int rows = (cells + columns - 1) / columns;
    const int gap = m.px(4);
    const int cellW = (area.w - gap * (columns - 1)) / columns;
    // A touch target high, or down to 48 design px where more rows (fewer columns) leave less room.
    const int cellH = std::max(m.px(48), (area.h - gap * (rows - 1)) / std::max(1, rows));
    const auto cellAt = [&](int i) {
        return Rect{area.x + (i % columns) * (cellW + gap), area.y + (i / columns) * (cellH + gap), cellW,
                    cellH};
    };
    for (int i = 0; i < count; ++i) {
        const auto& option = field.options[static_cast<std::size_t>(i)];
        out.button({ActionKind::Option, i}, cellAt(i), labelIn(option.label, out.language()),
                   ButtonStyle::Secondary, option.value == current);
    }
    if (!field.required) {
        // The rest of the last row, so the way past reads apart from the choices.
        const Rect first = cellAt(count);
        const Rect last = cellAt(cells - 1 + (columns - cells % columns) % columns);
        out.iconButton({ActionKind::SkipField}, {first.x, first.y, last.right() - first.x, cellH}, Icon::Next,
                       skip, ButtonStyle::Primary);
    }
}
}  // namespace

namespace {
// One row of the form: a field in each column.
struct FieldRow {
    std::vector<int> fields;  // indexes into the form's fields
    int height = 0;
};

// Something stacked in the form's column, in reading order: a row of fields, the problems to fix, a consent.
struct FormBlock {
    enum class Kind { Fields, Message, Consent } kind;
    int index = 0;  // the row or the consent
    int height = 0;
};

// The top of a page of blocks that fit `height`, each block whole; a block taller than a page has one alone.
std::vector<std::vector<FormBlock>> stackIntoPages(const std::vector<FormBlock>& blocks, int height,
                                                   int gap) {
    std::vector<std::vector<FormBlock>> pages(1);
    int used = 0;
    for (const auto& block : blocks) {
        if (!pages.back().empty() && used + block.height > height) {
            pages.emplace_back();
            used = 0;
        }
        pages.back().push_back(block);
        used += block.height + gap;
    }
    return pages;
}

int stackHeight(const std::vector<FormBlock>& blocks, int gap) {
    int used = 0;
    for (const auto& block : blocks)
        used += block.height + gap;
    return used;
}
}  // namespace

int buildPledge(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int W = m.screen.w;
    const int H = m.screen.h;
    const PledgeView* pledge = context.extras.pledge;
    if (pack.actions.empty() || !pledge || !pledge->form) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const form::Form& form = *pledge->form;

    // Header: cancel, the action, sign. Sign is always on screen.
    const int bar = m.barHeight();
    const int target = m.touchTarget();
    const int inset = (bar - target) / 2;
    const std::string cancel = pack.uiText("cancel", lang);
    const std::string sign = action.submitLabel.empty() ? pack.uiText("submit", lang)
                                                        : action.submitLabel.in(lang, pack.defaultLanguage);
    const int cancelW = out.iconButtonWidth(cancel);
    const int signW = std::max(target * 2, out.measure(sign, m.buttonPx(), true) + m.px(32));
    // The action's title between the two when it fits there on one line, else on rows of its own (always in
    // portrait), wrapped and shrunk to at most two lines. While the keyboard is up in landscape it stays in
    // the bar, cut to one line if it must be, to leave the form its room (it shows whole when typing ends).
    const std::string title = action.title.in(lang, pack.defaultLanguage);
    const bool typing = !pledge->focusedField.empty() && form.field(pledge->focusedField);
    const int titleX = m.margin() * 2 + cancelW;
    const int titleW = W - titleX - signW - m.margin() * 2;
    const bool titleInBar = !m.portrait() && (typing || out.measure(title, m.headingPx(), true) <= titleW);
    const int fullW = W - 2 * m.margin();
    const auto titleBlock = layout::fitText(title, {fullW, out.lineHeight(m.headingPx(), true) * 2},
                                            {lang, m.headingPx(), true}, m.minBodyPx(), out.measurer());
    const int titleRow = titleInBar ? 0 : titleBlock.height + m.gap();
    out.box({0, 0, W, bar + titleRow}, palette.surface);
    out.iconButton({ActionKind::Cancel}, {m.margin(), inset, cancelW, target}, Icon::Back, cancel,
                   ButtonStyle::Secondary);
    out.button({ActionKind::Submit}, {W - m.margin() - signW, inset, signW, target}, sign,
               ButtonStyle::Primary);
    if (titleInBar) {
        const std::string shownTitle =
            layout::cutToFit(title, {titleW, bar}, {lang, m.minBodyPx(), true}, out.measurer());
        out.text("title", {titleX, 0, titleW, bar}, shownTitle,
                 {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Start, Align::Center});
    } else {
        out.text("title", {m.margin(), bar, fullW, titleBlock.height + m.gap() / 2}, title,
                 {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Start, Align::Center});
    }

    // Fields: two columns in landscape, one in portrait; a row as tall as its tallest wrapped label.
    const int top = bar + titleRow + m.gap();
    const Rect body{m.margin(), top, fullW, H - top - m.margin()};
    const int gap = m.px(6);
    const int columns = m.portrait() ? 1 : 2;
    const int cellW = (body.w - m.gap() * (columns - 1)) / columns;
    const int labelW = labelColumnWidth(out, form, cellW);
    std::vector<FieldRow> rows;
    for (int i = 0; i < static_cast<int>(form.fields.size()); ++i) {
        if (i % columns == 0) rows.push_back({{}, 0});
        rows.back().fields.push_back(i);
        rows.back().height =
            std::max(rows.back().height,
                     cellHeight(out, form.fields[static_cast<std::size_t>(i)], cellW, labelW,
                                problemWith(*pledge, form.fields[static_cast<std::size_t>(i)].id)));
    }
    int focusedRow = -1;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const int i : rows[r].fields)
            if (form.fields[static_cast<std::size_t>(i)].id == pledge->focusedField)
                focusedRow = static_cast<int>(r);
    const form::FormField* focused =
        pledge->focusedField.empty() ? nullptr : form.field(pledge->focusedField);
    if (focusedRow < 0) focused = nullptr;

    const std::string latinHint = pack.uiText("latin_letters", lang);
    std::vector<std::string> messages;  // the banner, when the keyboard is down
    const auto drawBlocks = [&](const std::vector<FormBlock>& blocks, int y) {
        for (const auto& block : blocks) {
            if (block.kind == FormBlock::Kind::Fields) {
                const auto& row = rows[static_cast<std::size_t>(block.index)];
                for (std::size_t c = 0; c < row.fields.size(); ++c)
                    addField(out, row.fields[c], form.fields[static_cast<std::size_t>(row.fields[c])],
                             *pledge,
                             {body.x + static_cast<int>(c) * (cellW + m.gap()), y, cellW, row.height}, labelW,
                             latinHint);
            } else if (block.kind == FormBlock::Kind::Message) {
                const Rect box{body.x, y, body.w, block.height};
                out.box(box, palette.accent, m.px(8));
                out.text(block.index == 0 ? "pledge-message"
                                          : "pledge-message-" + std::to_string(block.index + 1),
                         box.inset(m.px(10)), messages[static_cast<std::size_t>(block.index)],
                         {m.bodyPx(), 0, true, palette.accentText});
            } else {
                addConsent(out, block.index, form.consents[static_cast<std::size_t>(block.index)], *pledge,
                           {body.x, y, body.w, block.height});
            }
            y += block.height + gap;
        }
        return y;
    };

    if (focused) {
        // Typing or picking: the keyboard (or the choices) takes the foot of the screen and the form gives
        // way above it. The focused row always shows; then, while there is room, the other rows (those after
        // it first, so the signer can tap on to the next field); then each consent whole, in order (never
        // cut: one that does not fit waits until the keyboard goes, which ticking or signing does).
        const bool picking = form::kindInfo(focused->kind).entry == form::FieldEntry::Options;
        const int keyGap = m.px(4);
        const int lowerRows = picking ? optionRows(out, *focused, body.w) : 4;
        const int lowerMin = lowerRows * (picking ? target : m.px(48)) + (lowerRows - 1) * keyGap;
        int room = body.h - lowerMin - m.px(4);
        std::vector<bool> rowShown(rows.size(), false);
        std::vector<bool> consentShown(form.consents.size(), false);
        rowShown[static_cast<std::size_t>(focusedRow)] = true;
        room -= rows[static_cast<std::size_t>(focusedRow)].height + gap;
        // The required consents before the other rows: the signer can tick the pledge's consent as soon as
        // the required fields are typed, without first putting the keyboard away; then the other rows (those
        // after the focused one first); then the optional consents. Each consent whole and in order: a later
        // one never shows without an earlier one (one that does not fit waits until the keyboard goes).
        std::size_t nextConsent = 0;
        const auto showConsents = [&](bool requiredOnly) {
            for (; !picking && nextConsent < form.consents.size(); ++nextConsent) {
                const auto& consent = form.consents[nextConsent];
                const int h = consentHeight(out, consent, body.w, *pledge);
                if ((requiredOnly && !consent.required) || h + gap > room) return;
                consentShown[nextConsent] = true;
                room -= h + gap;
            }
        };
        showConsents(true);
        for (int r = focusedRow + 1; r < static_cast<int>(rows.size()) && rows[r].height + gap <= room; ++r) {
            rowShown[static_cast<std::size_t>(r)] = true;
            room -= rows[static_cast<std::size_t>(r)].height + gap;
        }
        for (int r = focusedRow - 1; r >= 0 && rows[r].height + gap <= room; --r) {
            rowShown[static_cast<std::size_t>(r)] = true;
            room -= rows[static_cast<std::size_t>(r)].height + gap;
        }
        if (nextConsent < form.consents.size() && !form.consents[nextConsent].required) showConsents(false);
        std::vector<FormBlock> blocks;
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (rowShown[r]) blocks.push_back({FormBlock::Kind::Fields, static_cast<int>(r), rows[r].height});
        for (std::size_t c = 0; c < form.consents.size(); ++c)
            if (consentShown[c])
                blocks.push_back({FormBlock::Kind::Consent, static_cast<int>(c),
                                  consentHeight(out, form.consents[c], body.w, *pledge)});
        const int y = drawBlocks(blocks, body.y);
        const Rect lower{body.x, y + m.px(4) - gap, body.w, body.bottom() - y - m.px(4) + gap};
        if (picking) {
            addOptions(out, *focused, pledge->values ? pledge->values->value(focused->id) : "", lower,
                       pack.uiText("skip", lang));
        } else {
            addKeyboard(out, keyboardFor(*focused, pledge->keyboard), emailKeyboard(*focused), lower, pack);
            out.setLanguage(lang);
        }
        return 1;
    }

    // Nothing focused: every field, the problems to fix, every consent whole, and the privacy notice, so
    // everything the signer agrees to is on screen together. When they do not all fit, they go on pages
    // that a button turns; the notice shares the last page, or has pages of its own when too little room is
    // left, and the consents stay in view while its pages turn.
    // The banner is a message of its own above the consents; each problem stands beside what it is about.
    if (!pledge->banner.empty()) messages.push_back(pledge->banner);
    std::vector<FormBlock> blocks;
    for (std::size_t r = 0; r < rows.size(); ++r)
        blocks.push_back({FormBlock::Kind::Fields, static_cast<int>(r), rows[r].height});
    const int pad = m.px(10);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto block = layout::layoutParagraphs(messages[i], {body.w - 2 * pad, 1 << 20},
                                                    {lang, m.bodyPx(), true}, out.measurer());
        blocks.push_back({FormBlock::Kind::Message, static_cast<int>(i), block.height + 2 * pad});
    }
    for (std::size_t c = 0; c < form.consents.size(); ++c)
        blocks.push_back({FormBlock::Kind::Consent, static_cast<int>(c),
                          consentHeight(out, form.consents[c], body.w, *pledge)});

    const std::string notice = form::textIn(form.privacyNotice, lang);
    // The page button, wide enough for "10/10".
    const int moreW = std::max(target, out.measure("00/00", m.buttonPx(), true) + m.px(24));
    const int noticeMin = out.lineHeight(m.captionPx()) * 3;
    // With more than one page the button takes a strip at the foot of the column.
    const auto layOut = [&](int height) {
        auto pages = stackIntoPages(blocks, height, gap);
        const int left = height - stackHeight(pages.back(), gap);
        const bool shared = left >= noticeMin;
        const Rect noticeBox =
            shared ? Rect{body.x, body.y + stackHeight(pages.back(), gap), body.w - moreW - m.gap(), left}
                   : Rect{body.x, body.y, body.w - moreW - m.gap(), height};
        return std::tuple{pages, shared, noticeBox};
    };
    auto [pages, shared, noticeBox] = layOut(body.h);
    const auto noticePageCount = [&](Rect box) {
        return notice.empty()
                   ? 0
                   : static_cast<int>(layout::paginate(notice, {box.w, box.h}, {lang, m.captionPx(), false},
                                                       out.measurer())
                                          .size());
    };
    int total = static_cast<int>(pages.size()) - (shared ? 1 : 0) + noticePageCount(noticeBox);
    if (total > 1) {
        std::tie(pages, shared, noticeBox) = layOut(body.h - target - m.gap());
        total = static_cast<int>(pages.size()) - (shared ? 1 : 0) + noticePageCount(noticeBox);
    }
    total = std::max(total, 1);
    const int page = std::max(0, pledge->noticePage) % total;
    const int itemPages = static_cast<int>(pages.size());
    const int lastItems = itemPages - 1;
    const bool onItems = shared || page <= lastItems;
    if (onItems) drawBlocks(pages[static_cast<std::size_t>(std::min(page, lastItems))], body.y);
    const int noticePage = page - (shared ? lastItems : itemPages);
    if (!notice.empty() && noticePage >= 0)
        out.pagedText("privacy-notice", noticeBox, notice, {m.captionPx(), 0, false, palette.text},
                      noticePage);
    if (total > 1)
        out.button({ActionKind::PrivacyMore}, {body.right() - moreW, body.bottom() - target, moreW, target},
                   std::to_string(page + 1) + "/" + std::to_string(total), ButtonStyle::Secondary);
    return total;  // the form's pages, which the page button turns
}

}  // namespace kiosk::screens
