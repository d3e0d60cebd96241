// Each line of the shipped example config broken in turn, in several ways: only that line's setting may fall
// back, the problem is reported at that line, and every other setting survives.
#include "config/Config.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

using namespace kiosk::config;
namespace fs = std::filesystem;

namespace {
std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Every setting by its TOML key, as text.
std::map<std::string, std::string> settingsOf(const KioskConfig& c) {
    return {{"kiosk_id", c.kioskId},
            {"content", c.content.string()},
            {"data_dir", c.dataDir.string()},
            {"coordinator_public_key", c.coordinatorPublicKey},
            {"admin_pin_hash", c.adminPinHash},
            {"idle_timeout_s", std::to_string(c.idleTimeoutS)},
            {"default_language", c.defaultLanguage},
            {"orientation", std::to_string(c.orientation)},
            {"sync.url", c.sync.url},
            {"sync.token", c.sync.token},
            {"sync.ca_file", c.sync.caFile.string()},
            {"sync.keep_days_after_delivery", std::to_string(c.sync.keepDaysAfterDelivery)}};
}

// The example with every value changed from its default, so a setting that fell back shows.
std::string filledExample() {
    std::string text = readFile(fs::path(KIOSK_SOURCE_DIR) / "systemd/outreach-kiosk.toml.example");
    const std::pair<std::string, std::string> fills[] = {
        {"coordinator_public_key = \"\"",
         "coordinator_public_key = \"q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\""},
        {"admin_pin_hash = \"\"", "admin_pin_hash = \"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA\""},
        {"orientation = 0", "orientation = 180"},
        {"url = \"\"", "url = \"https://coordinator.example.org/bundles\""},
        {"token = \"\"", "token = \"secret-token\""},
        {"ca_file = \"\"", "ca_file = \"ca.pem\""},
        {"keep_days_after_delivery = 30", "keep_days_after_delivery = 14"},
    };
    for (const auto& [from, to] : fills) {
        const auto at = text.find("\n" + from + "\n");
        REQUIRE(at != std::string::npos);
        text.replace(at + 1, from.size(), to);
    }
    return text;
}

struct Breakage {
    const char* name;
    std::function<std::optional<std::string>(const std::string&)> apply;  // nullopt: does not apply
    bool mustReport;  // the broken line must be named in a diagnostic
};

std::optional<std::string> keyOf(const std::string& line) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos) return std::nullopt;
    return line.substr(0, eq);
}
}  // namespace

TEST_CASE("breaking any one line of the example config keeps every other setting", "[config]") {
    const auto dir = fs::path(KIOSK_BINARY_DIR) / "test-tmp" / "config-line-break";
    fs::create_directories(dir);
    const fs::path file = dir / "outreach-kiosk.toml";

    const std::string example = filledExample();
    std::ofstream(file, std::ios::binary) << example;
    const auto good = loadConfig(file);
    for (const auto& d : good.diagnostics)
        INFO(d.format());
    REQUIRE(good.diagnostics.empty());
    const auto expected = settingsOf(good.config);
    for (const auto& [key, value] : settingsOf(KioskConfig{}))
        REQUIRE(expected.at(key) != value);  // each setting differs from its default

    const std::vector<Breakage> breakages = {
        {"a unit after the value", [](const std::string& l) { return l + " s"; }, true},
        {"a doubled equals sign",
         [](const std::string& l) -> std::optional<std::string> {
             const auto eq = l.find(" = ");
             if (eq == std::string::npos) return std::nullopt;
             return l.substr(0, eq) + " = =" + l.substr(eq + 2);
         },
         true},
        {"the last character lost",
         [](const std::string& l) -> std::optional<std::string> { return l.substr(0, l.size() - 1); }, false},
        {"a stray quote first", [](const std::string& l) { return "\"" + l; }, true},
        {"a value of the wrong type",
         [](const std::string& l) -> std::optional<std::string> {
             const auto key = keyOf(l);
             if (!key) return std::nullopt;
             return *key + " = [1, 2]";
         },
         true},
        {"a misspelt key",
         [](const std::string& l) -> std::optional<std::string> {
             if (!keyOf(l)) return std::nullopt;
             return l.substr(0, 2) + "x" + l.substr(2);
         },
         true},
        {"gibberish instead of a setting",
         [](const std::string& l) -> std::optional<std::string> {
             if (!keyOf(l)) return std::nullopt;
             return "%% !!";
         },
         true},
    };

    const auto lines = linesOf(example);
    std::string table;
    int broken = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty() || line[0] == '#') continue;
        if (line[0] == '[') table = line.substr(1, line.find(']') - 1) + ".";
        const auto key = keyOf(line);
        const std::string setting = key ? table + *key : "";
        for (const auto& breakage : breakages) {
            const auto changed = breakage.apply(line);
            if (!changed || *changed == line) continue;
            auto text = lines;
            text[i] = *changed;
            std::ostringstream joined;
            for (const auto& l : text)
                joined << l << '\n';
            std::ofstream(file, std::ios::binary | std::ios::trunc) << joined.str();
            const auto result = loadConfig(file);

            INFO("line " << i + 1 << " broken by " << breakage.name << ": " << *changed);
            std::ostringstream diagnostics;
            bool named = false;
            for (const auto& d : result.diagnostics) {
                diagnostics << d.format() << '\n';
                named = named || d.line == static_cast<int>(i + 1);
            }
            INFO(diagnostics.str());
            if (breakage.mustReport) CHECK(named);
            for (const auto& [name, value] : settingsOf(result.config)) {
                if (name == setting) continue;
                INFO("setting " << name);
                CHECK(value == expected.at(name));
            }
            ++broken;
        }
    }
    CHECK(broken > 40);
    fs::remove_all(dir);
}
