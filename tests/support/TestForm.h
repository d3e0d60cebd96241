// A pledge form like the Stop Torture one, shared by the pledge tests.
#pragma once

#include "form/Form.h"

namespace kiosk::form::test {

inline Form stopTortureForm() {
    Form form;
    form.fields = {
        {"name",
         {{"en", "Name"}, {"ms", "Nama"}, {"zh", "姓名"}, {"ta", "பெயர்"}},
         FieldKind::Text,
         true,
         60,
         {}},
        {"email", {{"en", "E-mail"}}, FieldKind::Email, true, 254, {}},
        {"phone", {{"en", "Phone"}}, FieldKind::Phone, false, 20, {}},
        {"state",
         {{"en", "State"}},
         FieldKind::Choice,
         false,
         40,
         {{"selangor", {{"en", "Selangor"}}}, {"penang", {{"en", "Penang"}}}, {"sabah", {{"en", "Sabah"}}}}},
    };
    form.consents = {
        {"sign", {{"en", "I add my name to this pledge."}, {"ms", "Saya menambah nama saya."}}, true},
        {"updates", {{"en", "Amnesty may e-mail me about this campaign."}}, false},
    };
    form.privacyNotice = {{"en", "Amnesty International Malaysia keeps your details safe."},
                          {"ms", "Amnesty International Malaysia menyimpan butiran anda dengan selamat."}};
    return form;
}

}  // namespace kiosk::form::test
