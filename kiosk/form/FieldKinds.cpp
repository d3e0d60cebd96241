// The rows of the field-kind table. The words of each kind's problem are our own translations for ms, zh
// and ta, awaiting native review.
#include "form/FieldKinds.h"

#include "form/EmailAddress.h"
#include "form/Form.h"
#include "form/PhoneNumber.h"

#include <algorithm>
#include <array>

namespace kiosk::form {

namespace {

std::optional<std::string> anyText(std::string_view value, const FormField&) {
    return std::string(value);
}

std::optional<std::string> anEmail(std::string_view value, const FormField&) {
    return normaliseEmail(value);
}

std::optional<std::string> aPhoneNumber(std::string_view value, const FormField&) {
    return normalisePhone(value);
}

std::optional<std::string> oneOfTheOptions(std::string_view value, const FormField& field) {
    const bool offered = std::any_of(field.options.begin(), field.options.end(),
                                     [&](const ChoiceOption& option) { return option.value == value; });
    if (!offered) return std::nullopt;
    return std::string(value);
}

constexpr std::size_t kDefaultMaxLength = 100;  // code points

constexpr std::array<FieldKindInfo, 4> kKinds = {{
    {FieldKind::Text,
     "text",
     FieldEntry::Names,
     anyText,
     Problem::Missing,
     {},
     false,
     kDefaultMaxLength,
     "Priya Raman",
     "Priya Raman",
     ""},
    {FieldKind::Email,
     "email",
     FieldEntry::Email,
     anEmail,
     Problem::BadEmail,
     {"error_bad_email", "Please enter an e-mail address like name@example.com.",
      "Sila masukkan alamat e-mel seperti nama@contoh.com.", "请输入电子邮件地址，例如 name@example.com。",
      "name@example.com போன்ற மின்னஞ்சல் முகவரியை உள்ளிடவும்."},
     true,
     kDefaultMaxLength,
     "priya@Example.COM",
     "priya@example.com",
     "priya at example.com"},
    {FieldKind::Phone,
     "phone",
     FieldEntry::PhonePad,
     aPhoneNumber,
     Problem::BadPhone,
     {"error_bad_phone", "Please enter a Malaysian phone number, e.g. 012-345 6789 or +60 12-345 6789.",
      "Sila masukkan nombor telefon Malaysia, cth. 012-345 6789 atau +60 12-345 6789.",
      "请输入马来西亚电话号码，例如 012-345 6789 或 +60 12-345 6789。",
      "மலேசியத் தொலைபேசி எண்ணை உள்ளிடவும், எ.கா. 012-345 6789 அல்லது +60 12-345 6789."},
     false,
     kDefaultMaxLength,
     "012-345 6789",
     "+60123456789",
     "12345"},
    {FieldKind::Choice,
     "choice",
     FieldEntry::Options,
     oneOfTheOptions,
     Problem::NotAnOption,
     {"error_not_an_option", "Please choose one of the options.", "Sila pilih salah satu pilihan.",
      "请从选项中选择一项。", "விருப்பங்களில் ஒன்றைத் தேர்ந்தெடுக்கவும்."},
     false,
     kDefaultMaxLength,
     "",
     "",
     "atlantis"},
}};

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kKinds.size(); ++i)
        if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
    return true;
}
static_assert(inEnumOrder(), "kKinds lists the kinds in FieldKind's order: kindInfo() indexes it");

}  // namespace

std::span<const FieldKindInfo> fieldKinds() {
    return kKinds;
}

const FieldKindInfo& kindInfo(FieldKind kind) {
    return kKinds[static_cast<std::size_t>(kind)];
}

std::optional<FieldKind> kindNamed(std::string_view packName) {
    for (const auto& row : kKinds)
        if (row.packName == packName) return row.kind;
    return std::nullopt;
}

const FieldKindInfo* kindWithProblem(Problem problem) {
    for (const auto& row : kKinds)
        if (!row.badValueWords.uiKey.empty() && row.badValue == problem) return &row;
    return nullptr;
}

}  // namespace kiosk::form
