// Reading TOML tables with diagnostics: unknown keys, missing keys and wrong types, each located.
// Internal to content/ and config/: include it from .cpp files only (toml++ is slow to compile).
#pragma once

#include "content/Diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace kiosk::content::detail {

struct Position {
    int line = 1;
    int column = 1;
};
Position positionOf(const toml::source_region& region);
Position positionOf(const toml::node& node);

// Adds the diagnostics of one file to a shared list.
class FileReport {
public:
    FileReport(std::vector<Diagnostic>& out, std::string file) : out_(out), file_(std::move(file)) {}
    void error(Position at, std::string message) { add(at, Severity::Error, std::move(message)); }
    void warning(Position at, std::string message) { add(at, Severity::Warning, std::move(message)); }
    const std::string& file() const { return file_; }

private:
    void add(Position at, Severity severity, std::string message);
    std::vector<Diagnostic>& out_;
    std::string file_;
};

// The contents of a text file, or nullopt after reporting why it cannot be used (missing, a folder,
// unreadable or larger than `maxBytes`).
std::optional<std::string> readTextFile(const std::filesystem::path& path, FileReport& report,
                                        std::uintmax_t maxBytes);

// Nothing but whitespace.
bool isBlank(std::string_view text);

// The parsed document, or nullopt after reporting the syntax error where it is.
std::optional<toml::table> parseToml(std::string_view text, FileReport& report);

// "a string", "an integer", ... for messages about wrong types.
std::string describeType(const toml::node& node);

enum class Need { Required, Optional };

// Reads one table's keys. Construction reports every key not in `known` (with a did-you-mean), except those
// in `refused`, which the caller reports with its own reason and which are never offered as suggestions; the
// getters report missing required keys at the table and wrong types at the value.
class TableReader {
public:
    TableReader(const toml::table& table, FileReport& report, std::string name,
                std::vector<std::string_view> known, const std::vector<std::string_view>& refused = {});

    // The value at `key`, or nullptr; when a required key is absent, reports `missing key` with `hint`
    // (what to add, e.g. `add id = "..."`).
    const toml::node* node(std::string_view key, Need need, std::string_view hint);
    std::optional<std::string> string(std::string_view key, Need need);
    std::optional<std::int64_t> integer(std::string_view key, Need need);
    std::optional<bool> boolean(std::string_view key, Need need);
    const toml::table* table(std::string_view key, Need need);
    const toml::array* array(std::string_view key, Need need, std::string_view hint);

    // Reports that `value` (found at `key`) is not `expected`; `example` shows the right form.
    void typeError(const toml::node& value, std::string_view key, std::string_view expected,
                   std::string_view example);

    Position position() const { return detail::positionOf(table_); }
    // Where the value of `key` is, or the table when it is absent.
    Position positionOf(std::string_view key) const;
    const std::string& name() const { return name_; }
    FileReport& report() { return report_; }
    const toml::table& raw() const { return table_; }

private:
    const toml::table& table_;
    FileReport& report_;
    std::string name_;
};

}  // namespace kiosk::content::detail
