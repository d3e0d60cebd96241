// Sealing to the coordinator and opening again; the canonical JSON; the consent wording hash; key files.
#include "pledge/Sealing.h"

#include "TempDir.h"
#include "crypto/Sodium.h"
#include "support/TestForm.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sys/stat.h>

using namespace kiosk::pledge;
using kiosk::form::Form;

namespace {

SealedPledge samplePledge() {
    SealedPledge pledge;
    pledge.fields = {{"name", "Siti \"Tini\" Nurhaliza\\ 陈 கை"},
                     {"email", "siti@example.com"},
                     {"note", "line1\nline2\ttab\x01"}};
    pledge.consents = {{"sign", true}, {"updates", false}};
    pledge.consentWordingSha256 = std::string(64, 'a');
    pledge.consentLanguage = "ta";
    return pledge;
}

bool samePledge(const SealedPledge& a, const SealedPledge& b) {
    return a.fields == b.fields && a.consents == b.consents &&
           a.consentWordingSha256 == b.consentWordingSha256 && a.consentLanguage == b.consentLanguage;
}

}  // namespace

TEST_CASE("a sealed pledge opens with the coordinator's secret key and reads back the same", "[pledge]") {
    REQUIRE(kiosk::crypto::startSodium());
    const KeyPair keys = generateKeyPair();
    const auto sealed = sealPledge(samplePledge(), keys.publicKey);
    REQUIRE(sealed.ok());
    const auto opened = openSealedPledge(sealed.value(), keys.secretKey);
    REQUIRE(opened.ok());
    CHECK(samePledge(opened.value(), samplePledge()));
    // The pair a coordinator derives once from its secret key opens the same box.
    const KeyPair derived = keyPairOf(keys.secretKey);
    CHECK(derived.publicKey.bytes == keys.publicKey.bytes);
    const auto openedWithPair = openSealedPledge(sealed.value(), derived);
    REQUIRE(openedWithPair.ok());
    CHECK(samePledge(openedWithPair.value(), samplePledge()));
}

TEST_CASE("the sealed bytes hide the personal data", "[pledge]") {
    const KeyPair keys = generateKeyPair();
    const auto sealed = sealPledge(samplePledge(), keys.publicKey);
    REQUIRE(sealed.ok());
    const std::string bytes(sealed.value().begin(), sealed.value().end());
    CHECK(bytes.find("siti@example.com") == std::string::npos);
}

TEST_CASE("another key or damaged bytes do not open and say so", "[pledge]") {
    const KeyPair keys = generateKeyPair();
    const KeyPair other = generateKeyPair();
    auto sealed = sealPledge(samplePledge(), keys.publicKey).value();
    const auto wrongKey = openSealedPledge(sealed, other.secretKey);
    REQUIRE_FALSE(wrongKey.ok());
    CHECK(wrongKey.error().kind == ErrorKind::BadKey);
    sealed[sealed.size() / 2] ^= 0x40;
    CHECK_FALSE(openSealedPledge(sealed, keys.secretKey).ok());
    CHECK_FALSE(openSealedPledge(std::vector<unsigned char>(10, 0), keys.secretKey).ok());
}

TEST_CASE("canonical JSON has sorted keys, escapes and no white space", "[pledge]") {
    SealedPledge pledge;
    pledge.format = 1;
    pledge.fields = {{"name", "A \"B\"\n"}, {"email", "a@b.co"}};
    pledge.consents = {{"updates", false}, {"sign", true}};
    pledge.consentWordingSha256 = "ab";
    pledge.consentLanguage = "en";
    CHECK(
        canonicalJson(pledge) ==
        R"({"consent_language":"en","consent_wording_sha256":"ab","consents":{"sign":true,"updates":false},)"
        R"("fields":{"email":"a@b.co","name":"A \"B\"\n"},"format":1})");
}

TEST_CASE("format 2 carries the form's ids and the record it is bound to, and reads back", "[pledge]") {
    SealedPledge pledge;
    pledge.fields = {{"display_name", "Dewi"}, {"postcode", "40115"}};
    pledge.consents = {{"agree", true}, {"contact_ok", false}};
    pledge.formFields = {"display_name", "postcode", "contact_email"};
    pledge.formConsents = {"agree", "contact_ok"};
    pledge.consentWordingSha256 = "ab";
    pledge.consentLanguage = "id";
    pledge.uuid = "0b0c";
    pledge.kioskId = "jkt-1";
    pledge.sequence = 42;
    pledge.actionId = "water-pledge";
    const std::string json = canonicalJson(pledge);
    CHECK(
        json ==
        R"({"action_id":"water-pledge","consent_language":"id","consent_wording_sha256":"ab",)"
        R"("consents":{"agree":true,"contact_ok":false},"fields":{"display_name":"Dewi","postcode":"40115"},)"
        R"("form_consents":["agree","contact_ok"],"form_fields":["display_name","postcode","contact_email"],)"
        R"("format":2,"kiosk_id":"jkt-1","sequence":42,"uuid":"0b0c"})");
    const auto parsed = parseSealedPledgeJson(json);
    REQUIRE(parsed.ok());
    CHECK(parsed.value().format == 2);
    CHECK(parsed.value().formFields == pledge.formFields);
    CHECK(parsed.value().formConsents == pledge.formConsents);
    CHECK(parsed.value().sequence == 42);
    CHECK(parsed.value().uuid == "0b0c");
    CHECK(parsed.value().kioskId == "jkt-1");
    CHECK(parsed.value().actionId == "water-pledge");
    CHECK(canonicalJson(parsed.value()) == json);
    // Format 2 without its binding, or format 1 with it, is not a box any kiosk writes.
    CHECK_FALSE(parseSealedPledgeJson(R"({"consent_language":"","consent_wording_sha256":"","consents":{},)"
                                      R"("fields":{},"format":2})")
                    .ok());
    CHECK_FALSE(parseSealedPledgeJson(R"({"consent_language":"","consent_wording_sha256":"","consents":{},)"
                                      R"("fields":{},"format":1,"uuid":"x"})")
                    .ok());
}

TEST_CASE("the parser accepts escapes a coordinator tool might write", "[pledge]") {
    const auto parsed = parseSealedPledgeJson(
        R"( { "format" : 1, "fields": {"name": "\u00e9\ud83d\ude00\/"}, "consents": {"sign": true},)"
        R"( "consent_wording_sha256": "x", "consent_language": "ms" } )");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().fields.at("name") == "é😀/");
    CHECK(parsed.value().consentLanguage == "ms");
}

TEST_CASE("the parser refuses garbage with an error value", "[pledge]") {
    for (
        const std::string bad : {
            "",
            "{",
            "[]",
            "null",
            R"({"format":1})",
            R"({"format":2,"fields":{},"consents":{},)"
            R"("consent_wording_sha256":"","consent_language":""})",
            R"({"format":1,"format":1,"fields":{},"consents":{},"consent_wording_sha256":"","consent_language":""})",
            R"({"format":1,"fields":{"a":1},"consents":{},"consent_wording_sha256":"","consent_language":""})",
            R"({"format":1,"fields":{"a":"\ud800"},"consents":{},"consent_wording_sha256":"","consent_language":""})",
            "{\"format\":1,\"fields\":{\"a\":\"\xff\"},\"consents\":{},\"consent_wording_sha256\":\"\","
            "\"consent_language\":\"\"}",
            R"({"format":1,"fields":{},"consents":{},"consent_wording_sha256":"","consent_language":""} x)",
            "{\"format\":1,\"fields\":{\"a\":\"b\x01"
            "c\"},\"consents\":{},\"consent_wording_sha256\":\"\","
            "\"consent_language\":\"\"}",
            R"({"format":1,"fields":{"a":"unterminated)",
        }) {
        const auto parsed = parseSealedPledgeJson(bad);
        CHECK_FALSE(parsed.ok());
        if (!parsed.ok()) CHECK(parsed.error().kind == ErrorKind::Invalid);
    }
}

TEST_CASE("every truncation and byte flip of a valid pledge is handled without crashing", "[pledge]") {
    const std::string json = canonicalJson(samplePledge());
    REQUIRE(parseSealedPledgeJson(json).ok());
    for (std::size_t length = 0; length < json.size(); ++length) {
        CHECK_FALSE(parseSealedPledgeJson(json.substr(0, length)).ok());
    }
    std::mt19937 random(42);
    std::size_t survived = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string mutated = json;
        mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
        survived += parseSealedPledgeJson(mutated).ok() ? 1 : 0;
    }
    CHECK(survived < 2000);  // some flips land inside a value and still parse; most must not
}

TEST_CASE("the consent wording hash follows the exact words and language shown", "[pledge]") {
    Form form = kiosk::form::test::stopTortureForm();
    const std::string english = consentWordingSha256(form, "en");
    CHECK(english.size() == 64);
    CHECK(english == consentWordingSha256(form, "en"));
    CHECK(english != consentWordingSha256(form, "ms"));
    form.consents[1].text["en"] += " ";
    CHECK(english != consentWordingSha256(form, "en"));
}

TEST_CASE("a public key from the config must be 32 bytes of base64", "[pledge]") {
    const KeyPair keys = generateKeyPair();
    const auto parsed = parsePublicKey(toBase64(keys.publicKey.bytes));
    REQUIRE(parsed.ok());
    CHECK(parsed.value().bytes == keys.publicKey.bytes);
    CHECK_FALSE(parsePublicKey("not base64!").ok());
    CHECK_FALSE(parsePublicKey("AAAA").ok());
}

TEST_CASE("a secret key file is private, never overwritten, and reads back to the same key pair",
          "[pledge]") {
    test::TempDir dir;
    const auto path = dir.path() / "coordinator.key";
    const auto publicKey = writeNewSecretKeyFile(path);
    REQUIRE(publicKey.ok());
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto before = std::filesystem::file_size(path);
    const auto again = writeNewSecretKeyFile(path);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already exists") != std::string::npos);
    CHECK(std::filesystem::file_size(path) == before);
    const auto secret = readSecretKeyFile(path);
    REQUIRE(secret.ok());
    CHECK(secret.value().publicKey().bytes == publicKey.value().bytes);
}
