// Located diagnostics for TOML reading, shared by the pack loader and the kiosk config.
#include "content/TomlReading.h"

#include "content/Suggest.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace kiosk::content::detail {

namespace fs = std::filesystem;

Position positionOf(const toml::source_region& region) {
    // Nodes built without a source (none from the parser) have line 0; point at the file's start instead.
    if (region.begin.line == 0) return {};
    return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

Position positionOf(const toml::node& node) {
    return positionOf(node.source());
}

void FileReport::add(Position at, Severity severity, std::string message) {
    out_.push_back(Diagnostic{file_, at.line, at.column, severity, std::move(message)});
}

std::optional<std::string> readTextFile(const fs::path& path, FileReport& report, std::uintmax_t maxBytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
        report.error({}, "file does not exist; create it or correct the path");
        return std::nullopt;
    }
    if (fs::is_directory(status)) {
        report.error({}, "this is a folder, not a file; name a TOML file instead");
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        report.error({}, "this is not a regular file; use a plain TOML file");
        return std::nullopt;
    }
    const auto bytes = fs::file_size(path, ec);
    if (ec) {
        report.error({}, "cannot read the file: " + ec.message());
        return std::nullopt;
    }
    if (bytes > maxBytes) {
        report.error({}, "file is " + std::to_string(bytes) + " bytes, more than the " +
                             std::to_string(maxBytes) + " allowed; split or shorten it");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report.error({}, "cannot open the file; check its permissions");
        return std::nullopt;
    }
    return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

namespace {
// toml++ calls a raw newline inside a one-line string a control character, at the end of the line.
bool brokenByNewline(std::string_view text, Position at, std::string_view description) {
    if (description.find("control character") == std::string_view::npos || at.line < 1) return false;
    std::size_t start = 0;
    for (int line = 1; line < at.line && start != std::string_view::npos; ++line) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return false;
    std::string_view line = text.substr(start, text.find('\n', start) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    int codePoints = 0;
    for (const char c : line)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++codePoints;
    return at.column > codePoints;
}
}  // namespace

std::optional<toml::table> parseToml(std::string_view text, FileReport& report) {
    try {
        return toml::parse(text, std::string_view(report.file()));
    } catch (const toml::parse_error& e) {
        const Position at = positionOf(e.source());
        if (brokenByNewline(text, at, e.description())) {
            report.error(at,
                         "TOML syntax: this string runs onto the next line, which a \"...\" string may not; "
                         "write a text of several lines in triple quotes: key = \"\"\"...\"\"\" (a blank "
                         "line between paragraphs)");
            return std::nullopt;
        }
        report.error(at, "TOML syntax: " + std::string(e.description()) +
                             "; fix the syntax here (strings need quotes, tables [name])");
        return std::nullopt;
    }
}

std::string describeType(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a decimal number";
    case toml::node_type::boolean:
        return "true/false";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    default:
        return "nothing";
    }
}

TableReader::TableReader(const toml::table& table, FileReport& report, std::string name,
                         std::vector<std::string_view> known, const std::vector<std::string_view>& refused)
    : table_(table), report_(report), name_(std::move(name)) {
    for (auto&& [key, value] : table_) {
        const std::string_view k = key.str();
        if (std::find(known.begin(), known.end(), k) != known.end()) continue;
        if (std::find(refused.begin(), refused.end(), k) != refused.end()) continue;
        std::string message = "unknown key \"" + std::string(k.substr(0, 80)) + "\" in " + name_;
        if (const auto guess = closestMatch(k, known)) {
            message += "; did you mean \"" + *guess + "\"?";
        } else if (known.empty()) {
            message += "; remove it";
        } else {
            message += "; remove it or use one of: ";
            for (std::size_t i = 0; i < known.size(); ++i)
                message += (i ? ", " : "") + std::string(known[i]);
        }
        // Keys from dotted or implicit tables may carry no region; fall back to the value's.
        const Position at =
            key.source().begin.line ? detail::positionOf(key.source()) : detail::positionOf(value);
        report_.error(at, std::move(message));
    }
}

const toml::node* TableReader::node(std::string_view key, Need need, std::string_view hint) {
    const toml::node* found = table_.get(key);
    if (!found && need == Need::Required)
        report_.error(position(),
                      "missing key \"" + std::string(key) + "\" in " + name_ + "; " + std::string(hint));
    return found;
}

void TableReader::typeError(const toml::node& value, std::string_view key, std::string_view expected,
                            std::string_view example) {
    report_.error(detail::positionOf(value), std::string(key) + " must be " + std::string(expected) +
                                                 ", not " + describeType(value) + "; write " +
                                                 std::string(key) + " = " + std::string(example));
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
    const toml::node* value = node(key, need, "add " + std::string(key) + " = \"...\"");
    if (!value) return std::nullopt;
    if (const auto* s = value->as_string()) return s->get();
    typeError(*value, key, "a string", "\"...\"");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need) {
    const toml::node* value = node(key, need, "add " + std::string(key) + " = <a whole number>");
    if (!value) return std::nullopt;
    if (const auto* i = value->as_integer()) return i->get();
    typeError(*value, key, "a whole number", "<a whole number> (no quotes, no decimal point)");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
    const toml::node* value = node(key, need, "add " + std::string(key) + " = true or false");
    if (!value) return std::nullopt;
    if (const auto* b = value->as_boolean()) return b->get();
    typeError(*value, key, "true or false", "true (no quotes)");
    return std::nullopt;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
    const toml::node* value = node(key, need, "add a [" + std::string(key) + "] table");
    if (!value) return nullptr;
    if (const auto* t = value->as_table()) return t;
    typeError(*value, key, "a table", "{ ... } or a [" + std::string(key) + "] section");
    return nullptr;
}

const toml::array* TableReader::array(std::string_view key, Need need, std::string_view hint) {
    const toml::node* value = node(key, need, hint);
    if (!value) return nullptr;
    if (const auto* a = value->as_array()) return a;
    typeError(*value, key, "an array", "[ ... ]");
    return nullptr;
}

Position TableReader::positionOf(std::string_view key) const {
    if (const toml::node* value = table_.get(key)) return detail::positionOf(*value);
    return position();
}

}  // namespace kiosk::content::detail
