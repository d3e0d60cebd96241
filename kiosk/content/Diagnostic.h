// A problem found in a pack or config file, located as FILE:LINE:COLUMN so editors can jump to it.
#pragma once

#include <string>
#include <vector>

namespace kiosk::content {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;  // the path as the user typed it, joined with the file name
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    int column = 0;
    Severity severity = Severity::Error;
    std::string message;  // says what is wrong and what to do

    // "FILE:LINE:COLUMN: error: message" (or "warning").
    std::string format() const;
};

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

// Orders diagnostics by file (in first-seen order), then line and column, so output reads top to bottom.
void sortByPosition(std::vector<Diagnostic>& diagnostics);

}  // namespace kiosk::content
