// The pledge form: every field, the consents and "sign" on one screen with the keyboard, so nothing is ever
// off-screen; what the signer typed is drawn only here, and only until the form is cleared.
#include "layout/TextFit.h"
#include "screens/Keyboard.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

namespace {
std::string labelIn(const pledge::LanguageText& text, const std::string& language) {
    return pledge::textIn(text, language);
}

// The end of a value that is too long for its box, so the signer sees what they are typing.
std::string visibleTail(SceneWriter& out, const std::string& value, int px, int width) {
    if (out.measure(value, px) <= width) return value;
    std::size_t start = 0;
    while (start < value.size()) {
        do
            ++start;
        while (start < value.size() && (static_cast<unsigned char>(value[start]) & 0xC0) == 0x80);
        const std::string tail = "…" + value.substr(start);
        if (out.measure(tail, px) <= width) return tail;
    }
    return "";
}

// The start of a text too long for one line, cut at a character and marked with an ellipsis.
std::string visibleHead(SceneWriter& out, const std::string& text, int px, int width) {
    if (out.measure(text, px) <= width) return text;
    std::size_t end = text.size();
    while (end > 0) {
        do
            --end;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        const std::string head = text.substr(0, end) + "…";
        if (out.measure(head, px) <= width) return head;
    }
    return "";
}

void addField(SceneWriter& out, const pledge::FormField& field, const PledgeView& pledge, Rect cell) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const std::string& lang = out.language();
    const int labelW = cell.w * 2 / 5;
    const auto error = pledge.errors.find(field.id);
    const bool hasError = error != pledge.errors.end();
    out.text("field-" + field.id + "-label", {cell.x, cell.y, labelW - m.gap(), cell.h},
             labelIn(field.label, lang) + (field.required ? " *" : ""),
             {m.captionPx(), m.minBodyPx(), hasError, palette.text, Align::Start, Align::Center});

    // The input box: a tappable field; focused is dark, a field with a problem has a heavy outline.
    const Rect box{cell.x + labelW, cell.y, cell.w - labelW, cell.h};
    std::string value = pledge.values ? pledge.values->value(field.id) : std::string();
    if (field.kind == pledge::FieldKind::Choice && !value.empty()) {
        for (const auto& option : field.options)
            if (option.value == value) value = labelIn(option.label, lang);
    }
    const bool focused = pledge.focusedField == field.id;
    const int pad = m.px(10);
    const std::string shown = visibleTail(out, value + (focused ? "|" : ""), m.bodyPx(), box.w - 2 * pad);
    Widget w;
    w.id = "field-" + field.id;
    w.kind = WidgetKind::Button;
    w.rect = box;
    w.tappable = true;
    w.focused = focused;  // drawn with a heavy ring: the field being typed into, unlike a selected tab
    w.cornerRadius = m.px(6);
    w.fill = palette.surface;
    w.stroke = hasError || focused ? palette.text : palette.mutedText;
    w.text = value;
    w.style = {lang, m.bodyPx(), false, palette.text};
    if (!shown.empty())
        w.lines.push_back({shown,
                           {box.x + pad, box.y + (box.h - out.lineHeight(m.bodyPx())) / 2},
                           out.measure(shown, m.bodyPx())});
    out.add(std::move(w));
    if (hasError) out.box({box.x, box.bottom() - m.px(4), box.w, m.px(4)}, palette.text);
}

// A tick box and its words; the box shows × when ticked (a glyph every font here has).
int addConsent(SceneWriter& out, const pledge::Consent& consent, const PledgeView& pledge, Rect row,
               const std::string& words) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const bool ticked = pledge.ticked && pledge.ticked->count(consent.id) && pledge.ticked->at(consent.id);
    const int side = m.touchTarget();
    out.button("consent-" + consent.id, {row.x, row.y, side, side}, ticked ? "×" : "", ButtonStyle::Secondary,
               ticked);
    const bool hasError = pledge.errors.count(consent.id) > 0;
    const Rect textBox{row.x + side + m.gap(), row.y, row.w - side - m.gap(), row.h};
    out.text("consent-" + consent.id + "-text", textBox, words,
             {m.captionPx(), m.minBodyPx(), hasError, palette.text, Align::Start, Align::Center});
    return row.h;
}

void addKeyboard(SceneWriter& out, KeyboardMode mode, Rect area, const std::string& nextLabel) {
    const std::string formLanguage = out.language();
    const Metrics& m = out.metrics();
    const auto rows = keyboardRows(mode);
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
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        int units = 0;
        for (const auto& key : row)
            units += key.span;
        const double unitW = static_cast<double>(area.w + gap) / maxUnits;
        int x = area.x + static_cast<int>((maxUnits - units) * unitW / 2);
        const int y = area.y + static_cast<int>(r) * (rowH + gap);
        for (const auto& key : row) {
            const int w = static_cast<int>(key.span * unitW) - gap;
            const bool active = (key.effect == KeyEffect::Shift && mode == KeyboardMode::Shifted);
            // Key caps are Latin whatever the form's language; "next" speaks the form's language.
            out.setLanguage(key.effect == KeyEffect::Next ? formLanguage : "en");
            // The pack's word for "next" where it fits the key, else the arrow.
            const bool wordFits = out.measure(nextLabel, m.minBodyPx(), true) <= w - m.px(20);
            const std::string label = key.effect == KeyEffect::Next && wordFits ? nextLabel : key.label;
            out.button(key.id, {x, y, w, rowH}, label,
                       key.effect == KeyEffect::Next ? ButtonStyle::Primary : ButtonStyle::Secondary, active,
                       kNarrowestKey);
            x += w + gap;
        }
    }
}

void addOptions(SceneWriter& out, const pledge::FormField& field, const std::string& current, Rect area) {
    const Metrics& m = out.metrics();
    const int count = static_cast<int>(field.options.size());
    const int columns = m.portrait() ? 2 : 4;
    const int rows = (count + columns - 1) / columns;
    const int gap = m.px(4);
    const int cellW = (area.w - gap * (columns - 1)) / columns;
    const int cellH = std::max(m.touchTarget(), (area.h - gap * (rows - 1)) / std::max(1, rows));
    for (int i = 0; i < count; ++i) {
        const auto& option = field.options[static_cast<std::size_t>(i)];
        const Rect cell{area.x + (i % columns) * (cellW + gap), area.y + (i / columns) * (cellH + gap), cellW,
                        cellH};
        out.button("option-" + option.value, cell, labelIn(option.label, out.language()),
                   ButtonStyle::Secondary, option.value == current);
    }
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
    const pledge::Form& form = *pledge->form;

    // Header: cancel, the action, sign. Sign is always on screen.
    const int bar = m.barHeight();
    const int target = m.touchTarget();
    const int inset = (bar - target) / 2;
    out.box({0, 0, W, bar}, palette.surface);
    const std::string cancel = "‹ " + pack.uiText("cancel", lang);
    const std::string sign = action.submitLabel.empty() ? pack.uiText("submit", lang)
                                                        : action.submitLabel.in(lang, pack.defaultLanguage);
    const int cancelW = std::max(target, out.measure(cancel, m.buttonPx(), true) + m.px(24));
    const int signW = std::max(target * 2, out.measure(sign, m.buttonPx(), true) + m.px(32));
    out.button("cancel", {m.margin(), inset, cancelW, target}, cancel, ButtonStyle::Secondary);
    out.button("submit", {W - m.margin() - signW, inset, signW, target}, sign, ButtonStyle::Primary);
    // The action's title between the two, or on its own row in portrait.
    const int titleX = m.margin() * 2 + cancelW;
    const int titleRow = m.portrait() ? out.lineHeight(m.headingPx(), true) * 2 + m.gap() : 0;
    const Rect titleBox = m.portrait() ? Rect{m.margin(), bar, W - 2 * m.margin(), titleRow}
                                       : Rect{titleX, 0, W - titleX - signW - m.margin() * 2, bar};
    out.text("title", titleBox, action.title.in(lang, pack.defaultLanguage),
             {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Start, Align::Center});

    // Fields: two columns in landscape, one in portrait.
    const int top = bar + titleRow + m.gap();
    const Rect body{m.margin(), top, W - 2 * m.margin(), H - top - m.margin()};
    const int columns = m.portrait() ? 1 : 2;
    const int fieldH = std::max(m.px(48), out.lineHeight(m.bodyPx()) + m.px(8));
    const int fieldCount = static_cast<int>(form.fields.size());
    const int fieldRows = (fieldCount + columns - 1) / columns;
    const int cellW = (body.w - m.gap() * (columns - 1)) / columns;
    int y = body.y;
    for (int i = 0; i < fieldCount; ++i) {
        const Rect cell{body.x + (i % columns) * (cellW + m.gap()), y + (i / columns) * (fieldH + m.px(6)),
                        cellW, fieldH};
        addField(out, form.fields[static_cast<std::size_t>(i)], *pledge, cell);
    }
    y += fieldRows * (fieldH + m.px(6));

    // Consents. While a field has the keyboard they sit on one row, their words cut to fit (ticking one
    // puts the keyboard away and shows them whole); otherwise each row is as tall as its words need.
    const pledge::FormField* focused =
        pledge->focusedField.empty() ? nullptr : form.field(pledge->focusedField);
    // (Picking from a list hides them altogether, for room; a pick moves on to the next field.)
    const bool picking = focused && focused->kind == pledge::FieldKind::Choice;
    if (focused && !picking) {
        const int count = static_cast<int>(form.consents.size());
        const int cellW = (body.w - m.gap() * (count - 1)) / std::max(1, count);
        for (int i = 0; i < count; ++i) {
            const auto& consent = form.consents[static_cast<std::size_t>(i)];
            const std::string words = pledge::textIn(consent.text, lang);
            const int textW = cellW - target - m.gap();
            addConsent(out, consent, *pledge, {body.x + i * (cellW + m.gap()), y, cellW, target},
                       visibleHead(out, words, m.captionPx(), textW));
        }
        y += target + m.px(6);
    }
    for (const auto& consent : focused ? std::vector<pledge::Consent>{} : form.consents) {
        const std::string words = pledge::textIn(consent.text, lang) + (consent.required ? " *" : "");
        const int textW = body.w - target - m.gap();
        const auto block = layout::fitText(words, {textW, target}, {lang, m.captionPx(), false},
                                           m.minBodyPx(), out.measurer());
        const int rowH = block.overflow
                             ? layout::layoutParagraphs(words, {textW, 10000}, {lang, m.minBodyPx(), false},
                                                        out.measurer())
                                   .height
                             : target;
        y += addConsent(out, consent, *pledge, {body.x, y, body.w, std::max(target, rowH)}, words) + m.px(6);
    }

    // Below: the keyboard or the choices for the focused field; else the problems to fix, or the notice.
    const Rect lower{body.x, y + m.px(4), body.w, body.bottom() - y - m.px(4)};
    if (focused && focused->kind == pledge::FieldKind::Choice) {
        addOptions(out, *focused, pledge->values ? pledge->values->value(focused->id) : "", lower);
    } else if (focused) {
        addKeyboard(out,
                    focused->kind == pledge::FieldKind::Phone ? KeyboardMode::PhonePad : pledge->keyboard,
                    lower, pack.uiText("next", lang));
        out.setLanguage(lang);
    } else {
        std::string message = pledge->banner;
        for (const auto& field : form.fields)
            if (auto e = pledge->errors.find(field.id); e != pledge->errors.end())
                message +=
                    (message.empty() ? "" : "\n") + pledge::textIn(field.label, lang) + ": " + e->second;
        for (const auto& consent : form.consents)
            if (auto e = pledge->errors.find(consent.id); e != pledge->errors.end())
                message += (message.empty() ? "" : "\n") + e->second;
        if (!message.empty()) {
            out.box(lower, palette.accent, m.px(8));
            out.pagedText("pledge-message", lower.inset(m.px(10)), message,
                          {m.bodyPx(), 0, true, palette.accentText}, 0);
        } else {
            // The notice in pages when it is long; a button turns them (and wraps to the first).
            const int moreW = m.touchTarget();
            const Rect noticeBox{lower.x, lower.y, lower.w - moreW - m.gap(), lower.h};
            const int pages =
                out.pagedText("privacy-notice", noticeBox, pledge::textIn(form.privacyNotice, lang),
                              {m.captionPx(), 0, false, palette.text}, pledge->noticePage);
            if (pages > 1) {
                out.button("privacy-more",
                           {lower.right() - moreW, lower.bottom() - m.touchTarget(), moreW, m.touchTarget()},
                           std::to_string(pledge->noticePage % pages + 1) + "/" + std::to_string(pages),
                           ButtonStyle::Secondary);
            }
        }
    }
    return 1;
}

}  // namespace kiosk::screens
