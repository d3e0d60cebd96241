// Validation of the pledge form, with its messages in the kiosk's four languages.
#include "form/Validation.h"

#include "form/Utf8.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk::form {
namespace {

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool validDomain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    std::size_t labels = 0;
    std::string_view lastLabel;
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = std::min(domain.find('.', start), domain.size());
        const std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            const auto u = static_cast<unsigned char>(c);
            // Letters, digits, hyphens; bytes >= 0x80 let internationalised names through.
            if (!(std::isalnum(u) || c == '-' || u >= 0x80)) return false;
        }
        lastLabel = label;
        ++labels;
        start = dot + 1;
    }
    // The top-level domain: at least two characters, not all digits.
    return labels >= 2 && lastLabel.size() >= 2 && !std::all_of(lastLabel.begin(), lastLabel.end(), isDigit);
}

bool validLocalPart(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    if (local.find("..") != std::string_view::npos) return false;
    return std::none_of(local.begin(), local.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x21 || u == 0x7F || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
               c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\';
    });
}

// Lengths of Malaysian national significant numbers (after the trunk 0 or +60) by their first digit.
bool plausibleMalaysianNumber(std::string_view national) {
    if (national.empty()) return false;
    const std::size_t n = national.size();
    switch (national.front()) {
    case '1':
        return n == 9 || n == 10;  // mobile: 012-345 6789, 011-1234 5678
    case '3':
        return n == 9;  // Klang Valley: 03-1234 5678
    case '4':
    case '5':
    case '6':
    case '7':
    case '9':
        return n == 8;  // 04-123 4567
    case '8':
        return n == 8 || n == 9;  // Sabah and Sarawak: 082-123 456
    default:
        return false;
    }
}

// Messages, indexed by Problem, in one language.
using Messages = std::array<std::string, 6>;

// FIXME: the ms, zh and ta messages are our own translations, awaiting native review.
const std::map<std::string, Messages>& allMessages() {
    static const std::map<std::string, Messages> messages = {
        {"en",
         {"Please fill in this field.", "Please enter an e-mail address like name@example.com.",
          "Please enter a Malaysian phone number, e.g. 012-345 6789 or +60 12-345 6789.",
          "Please choose one of the options.", "This is too long.", "Please tick this box to continue."}},
        {"ms",
         {"Sila isi ruangan ini.", "Sila masukkan alamat e-mel seperti nama@contoh.com.",
          "Sila masukkan nombor telefon Malaysia, cth. 012-345 6789 atau +60 12-345 6789.",
          "Sila pilih salah satu pilihan.", "Ini terlalu panjang.",
          "Sila tandakan kotak ini untuk meneruskan."}},
        {"zh",
         {"请填写此栏。", "请输入电子邮件地址，例如 name@example.com。",
          "请输入马来西亚电话号码，例如 012-345 6789 或 +60 12-345 6789。", "请从选项中选择一项。",
          "内容过长。", "请勾选此框以继续。"}},
        {"ta",
         {"இந்தப் புலத்தை நிரப்பவும்.", "name@example.com போன்ற மின்னஞ்சல் முகவரியை உள்ளிடவும்.",
          "மலேசியத் தொலைபேசி எண்ணை உள்ளிடவும், எ.கா. 012-345 6789 அல்லது +60 12-345 6789.",
          "விருப்பங்களில் ஒன்றைத் தேர்ந்தெடுக்கவும்.", "இது மிக நீளமாக உள்ளது.", "தொடர, இந்தப் பெட்டியில் குறியிடவும்."}},
    };
    return messages;
}

}  // namespace

std::optional<Problem> Validation::problemFor(const std::string& id) const {
    const auto found =
        std::find_if(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.id == id; });
    if (found == problems.end()) return std::nullopt;
    return found->problem;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isAsciiSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<std::string> normaliseEmail(std::string_view text) {
    const std::string_view email = trim(text);
    if (email.size() > 254 || !utf8::countCodePoints(email)) return std::nullopt;
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
        return std::nullopt;
    if (!validLocalPart(email.substr(0, at)) || !validDomain(email.substr(at + 1))) return std::nullopt;
    std::string normalised(email);
    // Domains are case-insensitive; the local part is kept as typed.
    std::transform(normalised.begin() + static_cast<std::ptrdiff_t>(at), normalised.end(),
                   normalised.begin() + static_cast<std::ptrdiff_t>(at), asciiLower);
    return normalised;
}

std::string signerEmailKey(std::string_view email) {
    std::string key(trim(email));
    std::transform(key.begin(), key.end(), key.begin(), asciiLower);
    return key;
}

std::optional<std::string> normalisePhone(std::string_view text) {
    std::string_view phone = trim(text);
    bool international = false;
    if (!phone.empty() && phone.front() == '+') {
        international = true;
        phone.remove_prefix(1);
    }
    std::string digits;
    for (char c : phone) {
        if (isDigit(c)) {
            digits.push_back(c);
        } else if (c != ' ' && c != '-') {
            return std::nullopt;
        }
    }
    std::string national;
    if (international) {
        if (digits.rfind("60", 0) != 0) return std::nullopt;
        national = digits.substr(2);
        // "+60 012-345 6789": people often keep the trunk 0; it is never part of the number.
        if (!national.empty() && national.front() == '0') national.erase(0, 1);
    } else {
        if (digits.empty() || digits.front() != '0') return std::nullopt;
        national = digits.substr(1);
    }
    if (!plausibleMalaysianNumber(national)) return std::nullopt;
    return "+60" + national;
}

Validation validate(const Form& form, const FormState& state, const std::map<std::string, bool>& ticked) {
    Validation result;
    for (const auto& field : form.fields) {
        const std::string_view value = trim(state.value(field.id));
        if (value.empty()) {
            if (field.required) result.problems.push_back({field.id, Problem::Missing});
            continue;
        }
        const auto length = utf8::countCodePoints(value);
        if (!length || *length > field.maxLength) {
            result.problems.push_back({field.id, Problem::TooLong});
            continue;
        }
        std::optional<std::string> normalised;
        Problem problem = Problem::Missing;
        switch (field.kind) {
        case FieldKind::Text:
            normalised = std::string(value);
            break;
        case FieldKind::Email:
            normalised = normaliseEmail(value);
            problem = Problem::BadEmail;
            break;
        case FieldKind::Phone:
            normalised = normalisePhone(value);
            problem = Problem::BadPhone;
            break;
        case FieldKind::Choice:
            if (std::any_of(field.options.begin(), field.options.end(),
                            [&](const ChoiceOption& option) { return option.value == value; })) {
                normalised = std::string(value);
            }
            problem = Problem::NotAnOption;
            break;
        }
        if (normalised) {
            result.values.emplace(field.id, std::move(*normalised));
        } else {
            result.problems.push_back({field.id, problem});
        }
    }
    for (const auto& consent : form.consents) {
        const auto found = ticked.find(consent.id);
        const bool isTicked = found != ticked.end() && found->second;
        if (consent.required && !isTicked) result.problems.push_back({consent.id, Problem::ConsentRequired});
    }
    return result;
}

const std::string& problemMessage(Problem problem, const std::string& language) {
    const auto& messages = allMessages();
    auto found = messages.find(language);
    if (found == messages.end()) found = messages.find("en");
    return found->second.at(static_cast<std::size_t>(problem));
}

}  // namespace kiosk::form
