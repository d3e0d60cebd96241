// Parsing and ordering pack versions.
#include "update/PackVersion.h"

#include <algorithm>

namespace kiosk::update {

std::optional<std::vector<unsigned long>> parsePackVersion(std::string_view text) {
    std::vector<unsigned long> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = std::min(text.find('.', start), text.size());
        const auto part = text.substr(start, end - start);
        if (part.empty() || part.size() > 9 || parts.size() == 8) return std::nullopt;
        unsigned long value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<unsigned long>(c - '0');
        }
        parts.push_back(value);
        if (end == text.size()) return parts;
        start = end + 1;
    }
}

int comparePackVersions(std::string_view a, std::string_view b) {
    const auto left = parsePackVersion(a);
    const auto right = parsePackVersion(b);
    if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
    for (std::size_t i = 0; i < std::max(left->size(), right->size()); ++i) {
        const unsigned long x = i < left->size() ? (*left)[i] : 0;
        const unsigned long y = i < right->size() ? (*right)[i] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

}  // namespace kiosk::update
