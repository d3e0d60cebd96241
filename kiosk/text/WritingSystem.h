// The writing systems the kiosk draws, which fonts each language needs, and the script HarfBuzz shapes.
#pragma once

#include <string_view>
#include <vector>

namespace kiosk::text {

enum class WritingSystem { Latin, Han, Tamil };

// Fonts to try for a language, primary first: en, ms -> Latin; zh -> Han, Latin; ta -> Tamil, Latin.
// Unknown languages get Latin.
std::vector<WritingSystem> fontChainFor(std::string_view language);

// ISO 15924 tag given to HarfBuzz: "Latn", "Hani", "Taml". Tamil needs it to reorder vowel signs.
const char* scriptTag(WritingSystem system);

std::string_view writingSystemName(WritingSystem system);

// Debian package that ships the default family for this writing system.
std::string_view debianFontPackage(WritingSystem system);

}  // namespace kiosk::text
