// The kiosk config: values, defaults, relative paths, and one bad line costing only its own setting.
#include "config/Config.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace kiosk::config;
using Catch::StartsWith;
namespace fs = std::filesystem;

namespace {
// A config file in a private folder under the build tree, removed afterwards.
class TempConfig {
public:
    explicit TempConfig(const std::string& text) {
        const auto base = fs::path(KIOSK_BINARY_DIR) / "test-tmp";
        fs::create_directories(base);
        std::string templ = (base / "configXXXXXX").string();
        REQUIRE(mkdtemp(templ.data()) != nullptr);
        dir_ = templ;
        std::ofstream(path()) << text;
    }
    ~TempConfig() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TempConfig(const TempConfig&) = delete;
    TempConfig& operator=(const TempConfig&) = delete;
    fs::path path() const { return dir_ / "kiosk.toml"; }
    const fs::path& dir() const { return dir_; }
    std::string where(const std::string& rest) const { return path().string() + ":" + rest; }

private:
    fs::path dir_;
};

std::string listDiagnostics(const ConfigResult& result) {
    std::ostringstream out;
    for (const auto& d : result.diagnostics)
        out << d.format() << '\n';
    return out.str();
}

const char* const kFullConfig = R"(kiosk_id = "kl-booth-1"
content = "packs/stop-torture"
data_dir = "/var/lib/outreach-kiosk"
coordinator_public_key = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="
admin_pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"
idle_timeout_s = 90
default_language = "ms"
orientation = 270

[sync]
url = "https://coordinator.example.org/bundles"
token = "secret-token"
ca_file = "certs/ca.pem"
keep_days_after_delivery = 14
)";
}  // namespace

TEST_CASE("every key is read, and relative paths resolve against the config's folder", "[config]") {
    const TempConfig file(kFullConfig);
    const auto result = loadConfig(file.path());
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    const KioskConfig& c = result.config;
    CHECK(c.kioskId == "kl-booth-1");
    CHECK(c.content == file.dir() / "packs/stop-torture");
    CHECK(c.dataDir == fs::path("/var/lib/outreach-kiosk"));
    CHECK(c.coordinatorPublicKey == "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    CHECK(c.adminPinHash.rfind("$argon2id$", 0) == 0);
    CHECK(c.idleTimeoutS == 90);
    CHECK(c.defaultLanguage == "ms");
    CHECK(c.orientation == 270);
    CHECK(c.sync.url == "https://coordinator.example.org/bundles");
    CHECK(c.sync.token == "secret-token");
    CHECK(c.sync.caFile == file.dir() / "certs/ca.pem");
    CHECK(c.sync.keepDaysAfterDelivery == 14);
}

TEST_CASE("an empty config gives the defaults with no diagnostics", "[config]") {
    const TempConfig file("# nothing set\n");
    const auto result = loadConfig(file.path());
    CHECK(result.diagnostics.empty());
    CHECK(result.config.kioskId == "kiosk-dev");
    CHECK(result.config.idleTimeoutS == 60);
    CHECK(result.config.orientation == 0);
    CHECK(result.config.defaultLanguage.empty());
    CHECK(result.config.coordinatorPublicKey.empty());
    CHECK(result.config.sync.keepDaysAfterDelivery == 30);
}

TEST_CASE("a bad value falls back to its default and the rest still loads", "[config]") {
    const TempConfig file("kiosk_id = \"kl-booth-1\"\nidle_timeout_s = 5\norientation = 45\n");
    const auto result = loadConfig(file.path());
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 2);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith(file.where("2:18: error: idle_timeout_s is 5; use 10 to 3600 (using the default")));
    CHECK_THAT(result.diagnostics[1].format(),
               StartsWith(file.where("3:15: error: orientation is 45; use 0, 90, 180 or 270")));
    CHECK(result.config.kioskId == "kl-booth-1");
    CHECK(result.config.idleTimeoutS == 60);
    CHECK(result.config.orientation == 0);
}

TEST_CASE("a value of the wrong type falls back to its default", "[config]") {
    const TempConfig file("idle_timeout_s = \"90\"\n");
    const auto result = loadConfig(file.path());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith(file.where("1:18: error: idle_timeout_s must be a whole number, not a string")));
    CHECK(result.config.idleTimeoutS == 60);
}

TEST_CASE("unknown keys are errors with a did-you-mean", "[config]") {
    const TempConfig file("idle_timout_s = 90\n[sync]\nkeep_days = 3\n");
    const auto result = loadConfig(file.path());
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 2);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith(file.where("1:1: error: unknown key \"idle_timout_s\" in the config; did you mean "
                                     "\"idle_timeout_s\"?")));
    CHECK_THAT(
        result.diagnostics[1].format(),
        StartsWith(file.where("3:1: error: unknown key \"keep_days\" in [sync]; remove it or use one of: "
                              "url, token, ca_file, keep_days_after_delivery")));
}

TEST_CASE("keys, hashes, languages and ids are checked for their shape", "[config]") {
    const TempConfig file("coordinator_public_key = \"not-a-key\"\nadmin_pin_hash = \"1234\"\n"
                          "default_language = \"Malay\"\nkiosk_id = \"kl booth\"\n");
    const auto result = loadConfig(file.path());
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 4);
    CHECK_THAT(result.diagnostics[0].format(),
               StartsWith(file.where(
                   "1:26: error: coordinator_public_key is not a 44-character base64 public key")));
    CHECK_THAT(result.diagnostics[1].format(),
               StartsWith(file.where("2:18: error: admin_pin_hash is not a PIN hash")));
    CHECK_THAT(result.diagnostics[2].format(),
               StartsWith(file.where("3:20: error: default_language \"Malay\" is not a language code")));
    CHECK_THAT(result.diagnostics[3].format(),
               StartsWith(file.where("4:12: error: kiosk_id \"kl booth\" must be")));
    CHECK(result.config.coordinatorPublicKey.empty());
    CHECK(result.config.adminPinHash.empty());
    CHECK(result.config.defaultLanguage.empty());
    CHECK(result.config.kioskId == "kiosk-dev");
}

TEST_CASE("sync URLs are https, or plain http only to this machine", "[config]") {
    SECTION("http elsewhere is refused") {
        const TempConfig file("[sync]\nurl = \"http://coordinator.example.org/\"\n");
        const auto result = loadConfig(file.path());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(),
                   StartsWith(file.where("2:7: error: url \"http://coordinator")));
        CHECK(result.config.sync.url.empty());
    }
    SECTION("http to localhost is allowed for testing") {
        const TempConfig file("[sync]\nurl = \"http://127.0.0.1:8080/push\"\n");
        const auto result = loadConfig(file.path());
        CHECK(result.diagnostics.empty());
        CHECK(result.config.sync.url == "http://127.0.0.1:8080/push");
    }
    SECTION("a host that merely starts like localhost is not loopback") {
        const TempConfig file("[sync]\nurl = \"http://localhost.example.org/\"\n");
        CHECK(loadConfig(file.path()).hasErrors());
    }
}

TEST_CASE("a syntax error costs its line, a missing file yields the defaults", "[config]") {
    SECTION("syntax: only the broken line falls back") {
        const TempConfig file("kiosk_id = \"kl-booth-1\"\nidle_timeout_s = = 3\norientation = 90\n");
        const auto result = loadConfig(file.path());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(result.diagnostics[0].format(), StartsWith(file.where("2:")));
        CHECK_THAT(result.diagnostics[0].message, StartsWith("TOML syntax: "));
        CHECK_THAT(result.diagnostics[0].message, Catch::Contains("this line is skipped"));
        CHECK(result.config.kioskId == "kl-booth-1");
        CHECK(result.config.idleTimeoutS == 60);
        CHECK(result.config.orientation == 90);
    }
    SECTION("missing") {
        const auto result = loadConfig("no/such/kiosk.toml");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK_THAT(
            result.diagnostics[0].format(),
            StartsWith("no/such/kiosk.toml:1:1: error: file does not exist; create it or correct the path"));
        CHECK(result.config.idleTimeoutS == 60);
    }
}

TEST_CASE("the image's system keys are read, and a mistake in one is shown with its line", "[config]") {
    const TempConfig file(
        "time_zone = \"Asia/Kuala_Lumpur\"\ndisplay_off = \"22:00\"\ndisplay_on = \"8:30\"\n"
        "admin_pin = \"1234\"\n");
    const auto result = loadConfig(file.path());
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 2);
    CHECK_THAT(
        result.diagnostics[0].format(),
        StartsWith(file.where("3:14: error: display_on \"8:30\" is not a time of day like \"22:00\"")));
    CHECK_THAT(result.diagnostics[1].format(),
               StartsWith(file.where("4:13: error: admin_pin is still in plain text")));
    CHECK(result.config.timeZone == "Asia/Kuala_Lumpur");
    CHECK(result.config.displayOff == "22:00");
    CHECK(result.config.displayOn.empty());
}

TEST_CASE("content keys are one line each, a bad line costs only its own key", "[config]") {
    TempConfig config(R"(kiosk_id = "kl-booth-1"
[content_keys]
campaign-2026 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="
typo-key = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEj"
spare = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
broken line = "
)");
    const auto result = loadConfig(config.path());
    CHECK(result.config.kioskId == "kl-booth-1");
    REQUIRE(result.config.contentKeys.size() == 2);
    CHECK(result.config.contentKeys[0].name == "campaign-2026");
    CHECK(result.config.contentKeys[0].publicKey == "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    CHECK(result.config.contentKeys[1].name == "spare");
    const auto text = listDiagnostics(result);
    CHECK_THAT(text, Catch::Contains(config.where("4:")));
    CHECK_THAT(text, Catch::Contains("content key typo-key is not a 44-character base64 public key"));
    CHECK_THAT(text, Catch::Contains(config.where("6:")));
}
