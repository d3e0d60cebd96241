// PledgeRecorder: the one path from a form on screen to a sealed row on disk.
#include "pledge/PledgeRecorder.h"

#include "form/Validation.h"
#include "pledge/ReferenceCode.h"
#include "pledge/Sealing.h"

#include <sodium.h>
#include <utility>

namespace kiosk::pledge {
namespace {

// Overwrites personal values before the map goes away.
struct WipeOnExit {
    std::map<std::string, std::string>& values;
    ~WipeOnExit() {
        for (auto& [id, value] : values)
            sodium_memzero(value.data(), value.size());
    }
};

}  // namespace

PledgeRecorder::PledgeRecorder(PledgeStore& store, std::string kioskId,
                               const std::string& coordinatorPublicKey, std::function<CaptureFacts()> facts)
    : store_(store), kioskId_(std::move(kioskId)), facts_(std::move(facts)) {
    if (coordinatorPublicKey.empty()) {
        keyProblem_ = "not set up to collect: no coordinator_public_key in the config";
        return;
    }
    auto key = parsePublicKey(coordinatorPublicKey);
    if (key) {
        coordinator_ = key.value();
    } else {
        keyProblem_ = "not set up to collect: " + key.error().message;
    }
}

Result<void> PledgeRecorder::readiness() const {
    if (!coordinator_) return Error{ErrorKind::NotSetUp, keyProblem_};
    if (kioskId_.empty())
        return Error{ErrorKind::NotSetUp, "not set up to collect: no kiosk_id in the config"};
    return {};
}

Result<SavedPledge> PledgeRecorder::record(const form::Form& form, const form::FormState& values,
                                           const std::map<std::string, bool>& ticked,
                                           const form::PledgeContext& context) {
    if (auto ready = readiness(); !ready) return ready.error();
    form::Validation checked = form::validate(form, values, ticked);
    WipeOnExit wipe{checked.values};
    if (!checked.ok()) {
        std::string fields;
        for (const auto& problem : checked.problems)
            fields += (fields.empty() ? "" : ", ") + problem.id;
        return Error{ErrorKind::Invalid, "the form is not complete: check " + fields};
    }

    std::optional<std::string> signerEmail;
    for (const auto& field : form.fields) {
        const auto value = checked.values.find(field.id);
        if (form::kindInfo(field.kind).identifiesSigner && value != checked.values.end()) {
            signerEmail = value->second;
            break;
        }
    }
    if (signerEmail && store_.alreadySigned(context.actionId, *signerEmail)) {
        sodium_memzero(signerEmail->data(), signerEmail->size());
        return Error{ErrorKind::AlreadySigned,
                     "this e-mail address has already signed this action on this kiosk"};
    }

    const CaptureFacts facts = facts_();
    SealedPledge inside;
    inside.fields = checked.values;
    for (const auto& field : form.fields)
        inside.formFields.push_back(field.id);
    for (const auto& consent : form.consents) {
        const auto found = ticked.find(consent.id);
        inside.consents[consent.id] = found != ticked.end() && found->second;
        inside.formConsents.push_back(consent.id);
    }
    inside.consentWordingSha256 = consentWordingSha256(form, context.language);
    inside.consentLanguage = context.language;
    // The box names the record it belongs to, so the coordinator refuses it under any other uuid, kiosk,
    // sequence or action (a replay with a stolen kiosk key).
    inside.uuid = facts.uuid;
    inside.kioskId = kioskId_;
    inside.actionId = context.actionId;
    WipeOnExit wipeInside{inside.fields};

    PledgeRecord record;
    record.uuid = facts.uuid;
    record.kioskId = kioskId_;
    record.actionId = context.actionId;
    record.packId = context.packId;
    record.packVersion = context.packVersion;
    record.language = context.language;
    record.createdAtUtc = facts.createdAtUtc;
    record.clockSynced = facts.clockSynced;
    record.bootId = facts.bootId;
    record.monotonicMs = facts.monotonicMs;

    const auto sealWithSequence = [&](std::int64_t sequence) {
        inside.sequence = sequence;
        return sealPledge(inside, *coordinator_);
    };
    auto stored = store_.insert(std::move(record), signerEmail, sealWithSequence);
    if (signerEmail) sodium_memzero(signerEmail->data(), signerEmail->size());
    if (!stored) return stored.error();
    return SavedPledge{stored.value().uuid, referenceCode(stored.value().uuid), stored.value().sequence};
}

}  // namespace kiosk::pledge
