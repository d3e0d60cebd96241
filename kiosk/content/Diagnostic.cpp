// Formatting and ordering of diagnostics.
#include "content/Diagnostic.h"

#include <algorithm>
#include <map>

namespace kiosk::content {

std::string Diagnostic::format() const {
    std::string out = file;
    out += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sortByPosition(std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, std::size_t> fileOrder;
    for (const auto& d : diagnostics)
        fileOrder.emplace(d.file, fileOrder.size());
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        const auto fa = fileOrder[a.file];
        const auto fb = fileOrder[b.file];
        if (fa != fb) return fa < fb;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

}  // namespace kiosk::content
