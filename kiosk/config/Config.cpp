// Reading the kiosk config: each key checked on its own so one bad line costs only that setting.
#include "config/Config.h"

#include "content/TomlReading.h"
#include "content/ValueRules.h"

#include <algorithm>
#include <cctype>
#include <exception>

namespace kiosk::config {

namespace fs = std::filesystem;
using namespace content::detail;

namespace {

// The example config is about 3 KiB; this bounds the line-by-line recovery below.
constexpr std::uintmax_t kMaxConfigBytes = 64 * 1024;
// Syntax slips the whole-file parse still finds after every line parsed alone (a key given twice): each
// costs one more parse, so only this many are recovered before the file falls back as a whole.
constexpr int kMaxRecoveredSlips = 32;
constexpr std::string_view kTables[] = {"sync", "content_keys"};
constexpr std::size_t kKeyBase64Chars = 44;  // 32 bytes in padded standard base64

bool isKioskIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

bool isBase64Char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// 32 bytes in standard padded base64: 43 symbols and one "=", the last symbol carrying 2 unused zero bits.
bool isBase64Key(std::string_view text) {
    if (text.size() != kKeyBase64Chars || text.back() != '=') return false;
    const auto body = text.substr(0, kKeyBase64Chars - 1);
    if (!std::all_of(body.begin(), body.end(), isBase64Char)) return false;
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    return (kAlphabet.find(body.back()) & 0x3) == 0;
}

bool isLoopbackHttp(std::string_view url) {
    for (const std::string_view prefix : {"http://localhost", "http://127.0.0.1", "http://[::1]"}) {
        if (url.substr(0, prefix.size()) == prefix &&
            (url.size() == prefix.size() || url[prefix.size()] == ':' || url[prefix.size()] == '/'))
            return true;
    }
    return false;
}

std::string clip(std::string_view text) {
    return std::string(text.substr(0, 60)) + (text.size() > 60 ? "..." : "");
}

class ConfigReader {
public:
    ConfigReader(TableReader& in, const fs::path& base) : in_(in), base_(base) {}

    // An integer within [min, max]; anything else leaves `value` at its default.
    void integer(std::string_view key, int& value, int min, int max) {
        const auto read = in_.integer(key, Need::Optional);
        if (!read) return;
        if (*read < min || *read > max) {
            fail(key, std::string(key) + " is " + std::to_string(*read) + "; use " + std::to_string(min) +
                          " to " + std::to_string(max));
            return;
        }
        value = static_cast<int>(*read);
    }

    std::optional<std::string> string(std::string_view key) { return in_.string(key, Need::Optional); }

    // A path, resolved against the config file's folder when relative.
    void path(std::string_view key, fs::path& value) {
        const auto read = in_.string(key, Need::Optional);
        if (!read) return;
        if (read->empty()) {
            value.clear();
            return;
        }
        value = (base_ / fs::path(*read)).lexically_normal();
    }

    // Reports a bad value; the setting keeps its default.
    void fail(std::string_view key, const std::string& message) {
        in_.report().error(in_.positionOf(key), message + " (using the default for now)");
    }

private:
    TableReader& in_;
    fs::path base_;
};

void readSync(const toml::table& table, FileReport& report, const fs::path& base, SyncConfig& sync) {
    TableReader in(table, report, "[sync]", {"url", "token", "ca_file", "keep_days_after_delivery"});
    ConfigReader read(in, base);
    if (const auto url = read.string("url")) {
        if (url->empty() || url->substr(0, 8) == "https://" || isLoopbackHttp(*url))
            sync.url = *url;
        else
            read.fail("url",
                      "url \"" + clip(*url) + "\" must start with https:// (plain http only to localhost)");
    }
    if (const auto token = read.string("token")) sync.token = *token;
    read.path("ca_file", sync.caFile);
    read.integer("keep_days_after_delivery", sync.keepDaysAfterDelivery, 0, 3650);
}

// [content_keys]: one `name = "base64 key"` a line; a bad line costs only that key.
void readContentKeys(const toml::table& table, FileReport& report, std::vector<ContentKeyEntry>& keys) {
    for (const auto& [name, node] : table) {
        const auto at = positionOf(node);
        const std::string key(name.str());
        const auto* value = node.as_string();
        if (key.empty() || key.size() > 64 || !std::all_of(key.begin(), key.end(), isKioskIdChar)) {
            report.error(at, "content key name \"" + clip(key) +
                                 "\" must be 1 to 64 letters, digits, \"-\", \"_\" or \".\"; this key is not "
                                 "trusted");
        } else if (!value || !isBase64Key(value->get())) {
            report.error(at,
                         "content key " + key +
                             " is not a 44-character base64 public key; paste the content-public-key that "
                             "`kioskctl keygen --content-key` printed (this key is not trusted)");
        } else {
            keys.push_back({key, value->get()});
        }
    }
}

bool isClockTime(std::string_view text) {
    return text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
           std::isdigit(static_cast<unsigned char>(text[1])) &&
           std::isdigit(static_cast<unsigned char>(text[3])) &&
           std::isdigit(static_cast<unsigned char>(text[4])) && (text[0] - '0') * 10 + (text[1] - '0') < 24 &&
           text[3] < '6';
}

// Keys the image's boot-settings service applies
// (image-build/rootfs/usr/libexec/outreach-kiosk/boot-settings): checked here for their shape, so a mistake
// shows on the volunteer menu with its line like any other.
void readSystemKeys(ConfigReader& read, KioskConfig& config) {
    if (const auto zone = read.string("time_zone")) {
        const bool shaped =
            zone->find("..") == std::string::npos && std::all_of(zone->begin(), zone->end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
                       c == '+';
            });
        if (shaped)
            config.timeZone = *zone;
        else
            read.fail("time_zone",
                      "time_zone \"" + clip(*zone) + "\" is not a zone name like \"Asia/Kuala_Lumpur\"");
    }
    for (const auto& [key, value] :
         {std::pair{"display_off", &config.displayOff}, {"display_on", &config.displayOn}}) {
        if (const auto time = read.string(key)) {
            if (time->empty() || isClockTime(*time))
                *value = *time;
            else
                read.fail(key,
                          std::string(key) + " \"" + clip(*time) + "\" is not a time of day like \"22:00\"");
        }
    }
    // Plain-text secrets: on the kiosk image they are gone before the kiosk starts. Still here means the
    // boot-settings service did not take them (its log says why) or this is not the kiosk image.
    if (read.string("admin_pin"))
        read.fail("admin_pin", "admin_pin is still in plain text: it must be 4 to 12 digits (the kiosk image "
                               "hashes it at boot; elsewhere put `kioskctl pin`'s output in admin_pin_hash)");
    for (const char* key : {"wifi_name", "wifi_password"})
        if (read.string(key))
            read.fail(key, std::string(key) + " is still here: the kiosk image hands Wi-Fi to NetworkManager "
                                              "at boot when wifi_name is set");
}

void readConfig(const toml::table& doc, FileReport& report, const fs::path& base, KioskConfig& config) {
    TableReader in(doc, report, "the config",
                   {"kiosk_id", "content", "data_dir", "coordinator_public_key", "admin_pin_hash",
                    "idle_timeout_s", "default_language", "orientation", "panel_width_mm", "time_zone",
                    "display_off", "display_on", "admin_pin", "wifi_name", "wifi_password", "sync",
                    "content_keys"});
    ConfigReader read(in, base);

    if (const auto id = read.string("kiosk_id")) {
        if (id->empty() || id->size() > 64 || !std::all_of(id->begin(), id->end(), isKioskIdChar))
            read.fail("kiosk_id",
                      "kiosk_id \"" + clip(*id) +
                          "\" must be 1 to 64 letters, digits, \"-\", \"_\" or \".\", like \"kl-booth-1\"");
        else
            config.kioskId = *id;
    }
    read.path("content", config.content);
    read.path("data_dir", config.dataDir);
    if (const auto key = read.string("coordinator_public_key")) {
        if (key->empty() || isBase64Key(*key))
            config.coordinatorPublicKey = *key;
        else
            read.fail(
                "coordinator_public_key",
                "coordinator_public_key is not a 44-character base64 public key; paste the public key that "
                "`kioskctl keygen` printed");
    }
    if (const auto hash = read.string("admin_pin_hash")) {
        if (hash->empty() || hash->substr(0, 8) == "$argon2i")
            config.adminPinHash = *hash;
        else
            read.fail("admin_pin_hash",
                      "admin_pin_hash is not a PIN hash; run `kioskctl pin` and paste what it "
                      "prints (never the PIN itself)");
    }
    read.integer("idle_timeout_s", config.idleTimeoutS, 10, 3600);
    if (const auto language = read.string("default_language")) {
        const auto at = in.positionOf("default_language");
        config.defaultLanguageAt =
            report.file() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
        if (language->empty() || content::isValidLanguageCode(*language))
            config.defaultLanguage = *language;
        else
            read.fail("default_language",
                      "default_language \"" + clip(*language) +
                          "\" is not a language code; use one the pack lists, like \"en\"");
    }
    if (const auto degrees = in.integer("orientation", Need::Optional)) {
        if (*degrees == 0 || *degrees == 90 || *degrees == 180 || *degrees == 270)
            config.orientation = static_cast<int>(*degrees);
        else
            read.fail("orientation",
                      "orientation is " + std::to_string(*degrees) + "; use 0, 90, 180 or 270");
    }
    read.integer("panel_width_mm", config.panelWidthMm, 40, 3000);
    readSystemKeys(read, config);
    if (const toml::table* sync = in.table("sync", Need::Optional))
        readSync(*sync, report, base, config.sync);
    if (const toml::table* keys = in.table("content_keys", Need::Optional))
        readContentKeys(*keys, report, config.contentKeys);
}

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines)
        text += line + '\n';
    return text;
}

std::optional<toml::parse_error> syntaxError(std::string_view text) {
    try {
        (void)toml::parse(text);
        return std::nullopt;
    } catch (const toml::parse_error& e) {
        return e;
    }
}

// "[sync", "[sync] x" or "\"[sync]": the header of a table the config has, mistyped; nullopt for anything
// else. Reading it as that table keeps the settings under it.
std::optional<std::string_view> mistypedHeader(std::string_view line) {
    const auto open = line.find('[');
    if (open == std::string_view::npos) return std::nullopt;
    for (char c : line.substr(0, open))
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '=') return std::nullopt;
    std::size_t at = line.find_first_not_of("[ \t", open);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t end = at;
    while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_'))
        ++end;
    const auto name = line.substr(at, end - at);
    for (const auto table : kTables)
        if (name == table) return table;
    return std::nullopt;
}

void reportSlip(FileReport& report, int line, const toml::parse_error& e, std::string_view consequence) {
    report.error({line, static_cast<int>(std::max<toml::source_index>(e.source().begin.column, 1))},
                 "TOML syntax: " + std::string(e.description()) + "; " + std::string(consequence));
}

// The config with each line that breaks the TOML syntax blanked (so line numbers stay), each reported where
// it is: a slip costs only its own line. A mistyped table header is read as the table it names.
std::optional<toml::table> parseLineByLine(std::string_view text, FileReport& report) {
    try {
        return toml::parse(text, std::string_view(report.file()));
    } catch (const toml::parse_error&) {
        // Recovered below, line by line.
    }
    auto lines = splitLines(text);
    constexpr std::string_view skipped = "this line is skipped and its setting keeps its default";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto error = syntaxError(lines[i]);
        if (!error) continue;
        const int line = static_cast<int>(i + 1);
        if (const auto table = mistypedHeader(lines[i])) {
            reportSlip(report, line, *error, "read as [" + std::string(*table) + "]; write it so");
            lines[i] = "[" + std::string(*table) + "]";
        } else {
            reportSlip(report, line, *error, skipped);
            lines[i].clear();
        }
    }
    for (int slips = 0; slips < kMaxRecoveredSlips; ++slips) {
        const std::string repaired = joinLines(lines);
        const auto error = syntaxError(repaired);
        if (!error) return toml::parse(repaired, std::string_view(report.file()));
        const auto line = static_cast<std::size_t>(error->source().begin.line);
        if (line == 0 || line > lines.size() || lines[line - 1].empty()) break;
        reportSlip(report, static_cast<int>(line), *error, skipped);
        lines[line - 1].clear();
    }
    report.error({}, "the config's TOML syntax could not be repaired line by line; using the defaults");
    return std::nullopt;
}

}  // namespace

ConfigResult loadConfig(const fs::path& path) {
    ConfigResult result;
    FileReport report(result.diagnostics, path.string());
    try {
        std::error_code ec;
        const fs::path base = fs::absolute(path, ec).parent_path();
        const auto text = readTextFile(path, report, kMaxConfigBytes);
        if (!text) return result;
        const auto doc = parseLineByLine(*text, report);
        if (!doc) return result;
        readConfig(*doc, report, base, result.config);
    } catch (const std::exception& e) {
        // Nothing above should throw; if it does, the defaults still start the kiosk.
        report.error({}, std::string("the config could not be read (") + e.what() + "); using the defaults");
        result.config = KioskConfig{};
    }
    content::sortByPosition(result.diagnostics);
    return result;
}

}  // namespace kiosk::config
