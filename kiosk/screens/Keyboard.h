// The on-screen keyboard: its keys for each mode (letters, shifted, symbols, phone pad), and what each does;
// an e-mail field's letters offer the common domains whole.
// Layout and meaning live together so the picture and the behaviour cannot disagree.
#pragma once

#include "screens/ViewModels.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

// Domain: replaces whatever follows the "@" (or appends) with the key's text, e.g. "@gmail.com".
enum class KeyEffect { Insert, Backspace, Shift, Symbols, Letters, Next, Domain };

struct KeyboardKey {
    std::string id;     // "key-a", "key-at", "key-dotcom", "key-backspace", ...
    std::string label;  // what the key shows
    KeyEffect effect = KeyEffect::Insert;
    std::string text;  // inserted, for Insert
    int span = 2;      // width in half-key units, so rows line up
};

using KeyboardRows = std::vector<std::vector<KeyboardKey>>;

// Keys keep the 48 px (9 mm) height everywhere, but ten keys across an 88 mm portrait panel cannot each be
// 9 mm wide: there a key may narrow to 38 design px (about 7 mm; phone keyboards use about 6 mm).
inline constexpr int kNarrowestKey = 38;

// `email`: the field takes an e-mail address (no space bar; the common domains in its place).
KeyboardRows keyboardRows(KeyboardMode mode, bool email = false);
// The key with this id in this mode, if it is on the keyboard.
std::optional<KeyboardKey> findKey(KeyboardMode mode, const std::string& id, bool email = false);

// The keyboard a field is typed with, as its kind's row says (form/FieldKinds.h): the phone pad, else the
// letters or symbols in use; `email` for keyboardRows() when the kind wants the e-mail letters.
KeyboardMode keyboardFor(const form::FormField& field, KeyboardMode current);
bool emailKeyboard(const form::FormField& field);

// The key at `index`, counted through the rows left to right, top to bottom (ActionKind::Key's index).
std::optional<KeyboardKey> keyAt(KeyboardMode mode, int index, bool email = false);
// The position keyAt() finds `id` at, if it is on the keyboard.
std::optional<int> keyIndex(KeyboardMode mode, const std::string& id, bool email = false);

// What a Domain key leaves in the field: `value` up to its "@", then the key's text.
std::string withDomain(const std::string& value, const std::string& domain);

// The mode a name wants next: capitals at the start of each word, small letters inside it. Symbols and the
// phone pad are left alone.
KeyboardMode autoCapitals(KeyboardMode mode, const std::string& value);

}  // namespace kiosk::screens
