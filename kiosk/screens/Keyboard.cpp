// Key rows: QWERTY with @ and . always at hand, .com and .my for Malaysian e-mail, the common domains whole
// in an e-mail field, a phone pad with +.
#include "screens/Keyboard.h"

namespace kiosk::screens {

namespace {
KeyboardKey insert(const std::string& id, const std::string& label, const std::string& text, int span = 2) {
    return {id, label, KeyEffect::Insert, text, span};
}

std::vector<KeyboardKey> letterRow(const std::string& letters, bool upper) {
    std::vector<KeyboardKey> row;
    for (const char c : letters) {
        const std::string lower(1, c);
        const std::string shown(1, upper ? static_cast<char>(c - 'a' + 'A') : c);
        row.push_back(insert("key-" + lower, shown, shown));
    }
    return row;
}

const KeyboardKey kBackspace{"key-backspace", "«", KeyEffect::Backspace, "", 3};
// Its label is the pack's word for "next", in the form's language (see PledgeScreen).
KeyboardKey nextKey(int span) {
    return {"key-next", "»", KeyEffect::Next, "", span};
}

// The domains most Malaysian addresses end in, one tap each (ids name the provider).
std::vector<KeyboardKey> domainRow() {
    return {KeyboardKey{"key-symbols", "123", KeyEffect::Symbols, "", 3},
            {"key-gmail", "gmail.com", KeyEffect::Domain, "@gmail.com", 6},
            {"key-yahoo", "yahoo.com", KeyEffect::Domain, "@yahoo.com", 6},
            nextKey(5)};
}
}  // namespace

std::string withDomain(const std::string& value, const std::string& domain) {
    return value.substr(0, value.find('@')) + domain;
}

KeyboardMode autoCapitals(KeyboardMode mode, const std::string& value) {
    if (mode != KeyboardMode::Letters && mode != KeyboardMode::Shifted) return mode;
    const bool wordStart = value.empty() || value.back() == ' ' || value.back() == '-';
    return wordStart ? KeyboardMode::Shifted : KeyboardMode::Letters;
}

KeyboardRows keyboardRows(KeyboardMode mode, bool email) {
    switch (mode) {
    case KeyboardMode::PhonePad:
        return {
            {insert("key-1", "1", "1", 3), insert("key-2", "2", "2", 3), insert("key-3", "3", "3", 3),
             kBackspace},
            {insert("key-4", "4", "4", 3), insert("key-5", "5", "5", 3), insert("key-6", "6", "6", 3),
             insert("key-dash", "-", "-", 3)},
            {insert("key-7", "7", "7", 3), insert("key-8", "8", "8", 3), insert("key-9", "9", "9", 3),
             insert("key-60", "+60", "+60", 3)},
            {insert("key-plus", "+", "+", 3), insert("key-0", "0", "0", 3), nextKey(6)},
        };
    case KeyboardMode::Symbols:
        return {
            {insert("key-1", "1", "1"), insert("key-2", "2", "2"), insert("key-3", "3", "3"),
             insert("key-4", "4", "4"), insert("key-5", "5", "5"), insert("key-6", "6", "6"),
             insert("key-7", "7", "7"), insert("key-8", "8", "8"), insert("key-9", "9", "9"),
             insert("key-0", "0", "0")},
            {insert("key-dash", "-", "-"), insert("key-underscore", "_", "_"), insert("key-plus", "+", "+"),
             insert("key-apostrophe", "'", "'"), insert("key-comma", ",", ","), insert("key-slash", "/", "/"),
             insert("key-lparen", "(", "("), insert("key-rparen", ")", ")"), kBackspace},
            {KeyboardKey{"key-letters", "abc", KeyEffect::Letters, "", 3}, insert("key-at", "@", "@"),
             insert("key-dot", ".", "."), insert("key-dotcom", ".com", ".com", 4),
             insert("key-dotmy", ".my", ".my", 4), nextKey(5)},
        };
    case KeyboardMode::Letters:
    case KeyboardMode::Shifted: {
        const bool upper = mode == KeyboardMode::Shifted;
        auto second = letterRow("asdfghjkl", upper);
        second.push_back(kBackspace);
        auto third = letterRow("zxcvbnm", upper);
        third.insert(third.begin(), KeyboardKey{"key-shift", "Aa", KeyEffect::Shift, "", 3});
        third.push_back(insert("key-at", "@", "@"));
        third.push_back(insert("key-dot", ".", "."));
        if (email) {  // addresses need no capitals: ".my" takes the shift key's place
            third.front() = insert("key-dotmy", ".my", ".my", 3);
            return {letterRow("qwertyuiop", upper), second, third, domainRow()};
        }
        return {
            letterRow("qwertyuiop", upper),
            second,
            third,
            {KeyboardKey{"key-symbols", "123", KeyEffect::Symbols, "", 3},
             insert("key-dotcom", ".com", ".com", 4), insert("key-dotmy", ".my", ".my", 3),
             insert("key-space", "", " ", 5), nextKey(5)},
        };
    }
    }
    return {};
}

std::optional<KeyboardKey> findKey(KeyboardMode mode, const std::string& id, bool email) {
    for (const auto& row : keyboardRows(mode, email))
        for (const auto& key : row)
            if (key.id == id) return key;
    return std::nullopt;
}

KeyboardMode keyboardFor(const form::FormField& field, KeyboardMode current) {
    return form::kindInfo(field.kind).entry == form::FieldEntry::PhonePad ? KeyboardMode::PhonePad : current;
}

bool emailKeyboard(const form::FormField& field) {
    return form::kindInfo(field.kind).entry == form::FieldEntry::Email;
}

std::optional<KeyboardKey> keyAt(KeyboardMode mode, int index, bool email) {
    int at = 0;
    for (const auto& row : keyboardRows(mode, email))
        for (const auto& key : row)
            if (at++ == index) return key;
    return std::nullopt;
}

std::optional<int> keyIndex(KeyboardMode mode, const std::string& id, bool email) {
    int at = 0;
    for (const auto& row : keyboardRows(mode, email))
        for (const auto& key : row) {
            if (key.id == id) return at;
            ++at;
        }
    return std::nullopt;
}

}  // namespace kiosk::screens
