// FormState: limits counted in code points, buffers reserved up front so no reallocation leaves copies
// behind.
#include "form/FormState.h"

#include "form/Utf8.h"

#include <cstring>
#include <string.h>  // explicit_bzero (glibc): a wipe the compiler may not drop

namespace kiosk::form {
namespace {

constexpr std::size_t kMaxBytesPerCodePoint = 4;

void wipe(std::string& text) {
    // Wipe the whole reserved buffer: bytes past size() may still hold characters taken back by backspace.
    text.resize(text.capacity());
    explicit_bzero(text.data(), text.size());
    text.clear();
}

}  // namespace

FormState::FormState(const Form& form) {
    for (const auto& field : form.fields) {
        Slot slot;
        slot.maxLength = field.maxLength;
        slot.text.reserve(field.maxLength * kMaxBytesPerCodePoint);
        slots_.emplace(field.id, std::move(slot));
    }
}

FormState::~FormState() {
    clear();
}

bool FormState::type(const std::string& fieldId, std::string_view utf8) {
    const auto found = slots_.find(fieldId);
    if (found == slots_.end()) return false;
    Slot& slot = found->second;
    const auto added = utf8::countCodePoints(utf8);
    if (!added || slot.length + *added > slot.maxLength) return false;
    // Within the reserved buffer: inserting moves bytes along but never reallocates, leaving no copy behind.
    slot.text.insert(slot.caret, utf8);
    slot.caret += utf8.size();
    slot.length += *added;
    return true;
}

bool FormState::backspace(const std::string& fieldId) {
    const auto found = slots_.find(fieldId);
    if (found == slots_.end() || found->second.caret == 0) return false;
    Slot& slot = found->second;
    const std::size_t start = utf8::lastClusterStart(std::string_view(slot.text).substr(0, slot.caret));
    const std::size_t gone = slot.caret - start;
    const auto removed = utf8::countCodePoints(std::string_view(slot.text).substr(start, gone)).value_or(0);
    // What followed the caret moves back over the character, and the bytes it leaves are wiped.
    const std::size_t size = slot.text.size();
    std::memmove(slot.text.data() + start, slot.text.data() + slot.caret, size - slot.caret);
    explicit_bzero(slot.text.data() + size - gone, gone);
    slot.text.resize(size - gone);
    slot.caret = start;
    slot.length -= removed;
    return true;
}

bool FormState::set(const std::string& fieldId, std::string_view utf8) {
    const auto found = slots_.find(fieldId);
    if (found == slots_.end()) return false;
    const auto count = utf8::countCodePoints(utf8);
    if (!count || *count > found->second.maxLength) return false;
    Slot& slot = found->second;
    explicit_bzero(slot.text.data(), slot.text.size());
    slot.text.assign(utf8);
    slot.length = *count;
    slot.caret = slot.text.size();
    return true;
}

std::size_t FormState::caret(const std::string& fieldId) const {
    const auto found = slots_.find(fieldId);
    return found == slots_.end() ? 0 : found->second.caret;
}

void FormState::placeCaret(const std::string& fieldId, std::size_t offset) {
    const auto found = slots_.find(fieldId);
    if (found == slots_.end()) return;
    Slot& slot = found->second;
    slot.caret = utf8::clusterStartAt(slot.text, offset);
}

const std::string& FormState::value(const std::string& fieldId) const {
    static const std::string empty;
    const auto found = slots_.find(fieldId);
    return found == slots_.end() ? empty : found->second.text;
}

std::size_t FormState::length(const std::string& fieldId) const {
    const auto found = slots_.find(fieldId);
    return found == slots_.end() ? 0 : found->second.length;
}

std::size_t FormState::maxLength(const std::string& fieldId) const {
    const auto found = slots_.find(fieldId);
    return found == slots_.end() ? 0 : found->second.maxLength;
}

void FormState::clear() {
    for (auto& [id, slot] : slots_) {
        wipe(slot.text);
        slot.length = 0;
        slot.caret = 0;
    }
}

}  // namespace kiosk::form
