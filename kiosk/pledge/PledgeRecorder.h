// Turning a filled-in form into a stored pledge: validate, seal to the coordinator, store durably, give a
// code.
#pragma once

#include "form/Form.h"
#include "form/FormState.h"
#include "form/PledgeContext.h"
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "pledge/Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace kiosk::pledge {

struct SavedPledge {
    std::string uuid;
    std::string referenceCode;  // "K7Q2-M9XA", shown to the signer
    std::int64_t sequence = 0;
};

class PledgeRecorder {
public:
    // `coordinatorPublicKey` is the config's base64 value; empty or malformed leaves the kiosk unable to
    // collect (see readiness()). `facts` reads the clock and such; tests pass their own.
    PledgeRecorder(PledgeStore& store, std::string kioskId, const std::string& coordinatorPublicKey,
                   std::function<CaptureFacts()> facts = captureFacts);

    // ok() when pledges can be recorded; otherwise an error saying what to configure, for the admin screen.
    Result<void> readiness() const;

    // Validates, seals (with the SHA-256 of the consent wording shown in context.language) and stores in one
    // transaction. Errors: NotSetUp, Invalid (validate() says which fields), AlreadySigned, StorageFull,
    // WriteFailed; on any error nothing is stored and the same form can be recorded again.
    Result<SavedPledge> record(const form::Form& form, const form::FormState& values,
                               const std::map<std::string, bool>& ticked, const form::PledgeContext& context);

private:
    PledgeStore& store_;
    std::string kioskId_;
    std::optional<PublicKey> coordinator_;
    std::string keyProblem_;
    std::function<CaptureFacts()> facts_;
};

}  // namespace kiosk::pledge
