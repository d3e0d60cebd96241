// Decoding and encoding UTF-8 one code point at a time, forgiving of broken bytes (they become U+FFFD).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::layout {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// The code point starting at byte `pos`; advances `pos` past it (by one byte for an invalid sequence).
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

std::u32string toUtf32(std::string_view utf8);

void appendUtf8(std::string& out, char32_t cp);

std::string toUtf8(std::u32string_view text);

}  // namespace kiosk::layout
