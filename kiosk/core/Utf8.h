// Decoding and encoding UTF-8 one code point at a time: strictly (for validating what a person typed) or
// forgivingly (for drawing, where broken bytes become U+FFFD).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// The code point starting at byte `pos`, advancing `pos` past it; nothing, and `pos` unchanged, for
// ill-formed input (a bad or truncated sequence, an overlong form, a surrogate, a value past U+10FFFF).
std::optional<char32_t> decodeCodePoint(std::string_view utf8, std::size_t& pos);

// The code point starting at byte `pos`; advances `pos` past it (by one byte for an invalid sequence).
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

std::u32string toUtf32(std::string_view utf8);

void appendUtf8(std::string& out, char32_t cp);

std::string toUtf8(std::u32string_view text);

}  // namespace kiosk
