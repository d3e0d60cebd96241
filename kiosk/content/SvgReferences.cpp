// A plain scan of the SVG text: attributes and CSS that name something outside the image.
#include "content/SvgReferences.h"

#include <cctype>

namespace kiosk::content {

namespace {
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Inside the image: a fragment (#id), inline data, or nothing at all.
bool staysInside(std::string_view target) {
    while (!target.empty() && std::isspace(static_cast<unsigned char>(target.front())))
        target.remove_prefix(1);
    return target.empty() || target.front() == '#' || lower(target.substr(0, 5)) == "data:";
}

std::string where(std::string_view svg, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < svg.size(); ++i) {
        if (svg[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(svg[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string shown(std::string_view target) {
    return "\"" + std::string(target.substr(0, 80)) + (target.size() > 80 ? "..." : "") + "\"";
}
}  // namespace

std::optional<std::string> svgExternalReference(std::string_view svg) {
    const std::string text = lower(svg);
    // Attributes: href, xlink:href, src (an <image> or a <use> that points at another file).
    for (const std::string_view name : {"href", "src"}) {
        for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
            if (at > 0 && isNameChar(text[at - 1]) && text[at - 1] != ':') continue;
            std::size_t i = at + name.size();
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
                ++i;
            if (i >= text.size() || text[i] != '=') continue;
            ++i;
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
                ++i;
            if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) continue;
            const char quote = text[i];
            const std::size_t end = text.find(quote, i + 1);
            if (end == std::string::npos) continue;
            const std::string_view target = svg.substr(i + 1, end - i - 1);
            if (!staysInside(target)) return where(svg, at) + ": refers to " + shown(target);
        }
    }
    // CSS in style attributes and <style>: url(...) and @import.
    for (std::size_t at = text.find("url("); at != std::string::npos; at = text.find("url(", at + 1)) {
        std::size_t i = at + 4;
        const std::size_t end = text.find(')', i);
        if (end == std::string::npos) continue;
        std::string_view target = svg.substr(i, end - i);
        while (!target.empty() && (target.front() == '"' || target.front() == '\'' || target.front() == ' '))
            target.remove_prefix(1);
        if (!staysInside(target)) return where(svg, at) + ": refers to " + shown(target);
    }
    if (const std::size_t at = text.find("@import"); at != std::string::npos)
        return where(svg, at) + ": imports a style sheet from outside the image";
    return std::nullopt;
}

}  // namespace kiosk::content
