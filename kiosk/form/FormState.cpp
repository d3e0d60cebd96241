// FormState: limits counted in code points, buffers reserved up front so no reallocation leaves copies
// behind.
#include "form/FormState.h"

#include "form/Utf8.h"

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
    slot.text.append(utf8);
    slot.length += *added;
    return true;
}

bool FormState::backspace(const std::string& fieldId) {
    const auto found = slots_.find(fieldId);
    if (found == slots_.end() || found->second.text.empty()) return false;
    Slot& slot = found->second;
    const std::size_t start = utf8::lastClusterStart(slot.text);
    const auto removed = utf8::countCodePoints(std::string_view(slot.text).substr(start)).value_or(0);
    explicit_bzero(slot.text.data() + start, slot.text.size() - start);
    slot.text.resize(start);
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
    return true;
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
    }
}

}  // namespace kiosk::form
