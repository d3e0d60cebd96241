// From a filled-in form to a stored pledge: what is kept, what never touches the disk, and the refusals.
#include "pledge/PledgeRecorder.h"

#include "TempDir.h"
#include "pledge/Sealing.h"
#include "support/TestForm.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <regex>

using namespace kiosk::pledge;
using kiosk::form::Form;
using kiosk::form::FormState;
using kiosk::form::PledgeContext;

namespace {

const Form& theForm() {
    static const Form form = kiosk::form::test::stopTortureForm();
    return form;
}

const PledgeContext kContext{"stop-torture", "en", "stop-torture", "1.2.0"};

void fillIn(FormState& state, const std::string& email = "Nurul.Izzah@Example.my") {
    state.type("name", "Nurul Izzah Zulkarnain");
    state.type("email", email);
    state.type("phone", "019-876 5432");
    state.set("state", "selangor");
}

std::string readAll(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a recorded pledge is sealed to the coordinator with what was typed and the wording shown",
          "[pledge][recorder]") {
    test::TempDir dir;
    auto store = PledgeStore::open(dir.path()).value();
    const KeyPair coordinator = generateKeyPair();
    PledgeRecorder recorder(store, "kl-booth-1", toBase64(coordinator.publicKey.bytes));
    REQUIRE(recorder.readiness().ok());

    FormState state(theForm());
    fillIn(state);
    const auto saved = recorder.record(theForm(), state, {{"sign", true}, {"updates", true}}, kContext);
    REQUIRE(saved.ok());
    CHECK(saved.value().sequence == 1);
    CHECK(std::regex_match(saved.value().referenceCode, std::regex("[0-9A-Z]{4}-[0-9A-Z]{4}")));

    const auto rows = store.unexported(10).value();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].uuid == saved.value().uuid);
    CHECK(rows[0].kioskId == "kl-booth-1");
    CHECK(rows[0].packVersion == "1.2.0");
    const auto opened = openSealedPledge(rows[0].sealed, coordinator.secretKey);
    REQUIRE(opened.ok());
    CHECK(opened.value().fields.at("name") == "Nurul Izzah Zulkarnain");
    CHECK(opened.value().fields.at("email") == "Nurul.Izzah@example.my");
    CHECK(opened.value().fields.at("phone") == "+60198765432");
    CHECK(opened.value().consents.at("updates"));
    CHECK(opened.value().consentWordingSha256 == consentWordingSha256(theForm(), "en"));
    CHECK(opened.value().consentLanguage == "en");
    // The box carries the form's ids in form order and names the record it was sealed for.
    CHECK(opened.value().format == 2);
    std::vector<std::string> fieldIds, consentIds;
    for (const auto& field : theForm().fields)
        fieldIds.push_back(field.id);
    for (const auto& consent : theForm().consents)
        consentIds.push_back(consent.id);
    CHECK(opened.value().formFields == fieldIds);
    CHECK(opened.value().formConsents == consentIds);
    CHECK(opened.value().uuid == rows[0].uuid);
    CHECK(opened.value().kioskId == "kl-booth-1");
    CHECK(opened.value().sequence == rows[0].sequence);
    CHECK(opened.value().actionId == rows[0].actionId);
}

TEST_CASE("nothing typed reaches the data directory in clear, WAL included", "[pledge][recorder]") {
    test::TempDir dir;
    auto store = PledgeStore::open(dir.path()).value();
    PledgeRecorder recorder(store, "kl-booth-1", toBase64(generateKeyPair().publicKey.bytes));
    FormState state(theForm());
    fillIn(state);
    REQUIRE(recorder.record(theForm(), state, {{"sign", true}}, kContext).ok());

    // The store is still open, so the pledge sits in the write-ahead log.
    REQUIRE(std::filesystem::exists(dir.path() / "pledges.db-wal"));
    CHECK(std::filesystem::file_size(dir.path() / "pledges.db-wal") > 0);
    std::size_t filesRead = 0;
    bool clearColumnsSeen = false;  // control: the search does read what SQLite wrote
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
        if (!entry.is_regular_file()) continue;
        ++filesRead;
        const std::string bytes = readAll(entry.path());
        clearColumnsSeen = clearColumnsSeen || bytes.find("kl-booth-1") != std::string::npos;
        for (const std::string typed : {"Nurul", "Zulkarnain", "Izzah@", "izzah@", "example.my", "876 5432",
                                        "8765432", "+60198765432"}) {
            INFO(entry.path().filename().string() << " holds " << typed);
            CHECK(bytes.find(typed) == std::string::npos);
        }
    }
    CHECK(clearColumnsSeen);
    CHECK(filesRead >= 3);  // database, WAL, signer key (and the shared-memory index)
}

TEST_CASE("without a coordinator key the kiosk refuses to collect and says why", "[pledge][recorder]") {
    test::TempDir dir;
    auto store = PledgeStore::open(dir.path()).value();
    PledgeRecorder recorder(store, "kl-booth-1", "");
    REQUIRE_FALSE(recorder.readiness().ok());
    CHECK(recorder.readiness().error().message ==
          "not set up to collect: no coordinator_public_key in the config");
    FormState state(theForm());
    fillIn(state);
    const auto saved = recorder.record(theForm(), state, {{"sign", true}}, kContext);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().kind == ErrorKind::NotSetUp);
    CHECK(store.counts("2024-06-01").value().total == 0);

    PledgeRecorder garbled(store, "kl-booth-1", "abc");
    CHECK(garbled.readiness().error().kind == ErrorKind::NotSetUp);
}

TEST_CASE("an incomplete form or a second signature from the same e-mail is refused", "[pledge][recorder]") {
    test::TempDir dir;
    auto store = PledgeStore::open(dir.path()).value();
    PledgeRecorder recorder(store, "kl-booth-1", toBase64(generateKeyPair().publicKey.bytes));

    FormState state(theForm());
    fillIn(state);
    const auto unticked = recorder.record(theForm(), state, {{"sign", false}}, kContext);
    REQUIRE_FALSE(unticked.ok());
    CHECK(unticked.error().kind == ErrorKind::Invalid);
    CHECK_THAT(unticked.error().message, Catch::Contains("sign"));

    REQUIRE(recorder.record(theForm(), state, {{"sign", true}}, kContext).ok());
    FormState again(theForm());
    fillIn(again, "  nurul.izzah@EXAMPLE.MY");
    const auto duplicate = recorder.record(theForm(), again, {{"sign", true}}, kContext);
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().kind == ErrorKind::AlreadySigned);
    CHECK(
        recorder.record(theForm(), again, {{"sign", true}}, {"free-prisoner", "ms", "stop-torture", "1.2.0"})
            .ok());
    CHECK(store.counts("2024-06-01").value().total == 2);
}

TEST_CASE("a second pledge with the same value is refused exactly for the kinds that identify the signer",
          "[pledge][recorder]") {
    for (const auto& kind : kiosk::form::fieldKinds()) {
        INFO(kind.packName);
        test::TempDir dir;
        auto store = PledgeStore::open(dir.path()).value();
        PledgeRecorder recorder(store, "kl-booth-1", toBase64(generateKeyPair().publicKey.bytes));
        Form form;
        kiosk::form::FormField field;
        field.id = "f";
        field.kind = kind.kind;
        field.required = true;
        field.maxLength = kind.defaultMaxLength;
        if (kind.entry == kiosk::form::FieldEntry::Options)
            field.options = {{"selangor", {{"en", "Selangor"}}}};
        form.fields = {field};
        form.consents = {{"sign", {{"en", "I add my name."}}, true}};
        const std::string value =
            field.options.empty() ? std::string(kind.sampleValue) : field.options.front().value;

        for (int pledge = 1; pledge <= 2; ++pledge) {
            FormState state(form);
            REQUIRE(state.set("f", value));
            const auto saved = recorder.record(form, state, {{"sign", true}}, kContext);
            if (pledge == 1 || !kind.identifiesSigner) {
                CHECK(saved.ok());
            } else {
                REQUIRE_FALSE(saved.ok());
                CHECK(saved.error().kind == ErrorKind::AlreadySigned);
            }
        }
    }
}
