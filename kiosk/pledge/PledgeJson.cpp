// The canonical JSON inside a sealed pledge: a tiny writer and a strict parser for exactly that shape.
#include "core/TextEscape.h"
#include "core/Utf8.h"
#include "form/Utf8.h"
#include "pledge/Sealing.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>

namespace kiosk::pledge {
namespace {

constexpr std::size_t kMaxJsonBytes = 64 * 1024;  // a pledge is a few hundred bytes; refuse anything silly

void writeString(std::string& out, std::string_view text) {
    appendJsonString(out, text);
}

// Recursive descent over the few JSON forms a sealed pledge uses. Every read is bounds-checked; the first
// problem is remembered and everything after it fails.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::optional<SealedPledge> pledge() {
        SealedPledge result;
        std::set<std::string> seen;
        std::string format;
        const bool parsed = object([&](const std::string& key) {
            if (!seen.insert(key).second) return fail("repeated key \"" + key + "\"");
            if (key == "consent_language") return string(result.consentLanguage);
            if (key == "consent_wording_sha256") return string(result.consentWordingSha256);
            if (key == "consents") return boolObject(result.consents);
            if (key == "fields") return stringObject(result.fields);
            if (key == "form_fields") return stringArray(result.formFields);
            if (key == "form_consents") return stringArray(result.formConsents);
            if (key == "uuid") return string(result.uuid);
            if (key == "kiosk_id") return string(result.kioskId);
            if (key == "action_id") return string(result.actionId);
            if (key == "sequence") return integer(result.sequence);
            if (key == "format") {
                skipSpace();
                if (pos_ >= text_.size() || (text_[pos_] != '1' && text_[pos_] != '2'))
                    return fail("expected format 1 or 2");
                format = std::string(1, text_[pos_++]);
                return true;
            }
            return fail("unexpected key \"" + key + "\"");
        });
        skipSpace();
        if (!parsed || pos_ != text_.size()) {
            if (error_.empty()) fail("trailing bytes");
            return std::nullopt;
        }
        static const std::set<std::string> kFormat1 = {"consent_language", "consent_wording_sha256",
                                                       "consents", "fields", "format"};
        static const std::set<std::string> kFormat2 = {"action_id",
                                                       "consent_language",
                                                       "consent_wording_sha256",
                                                       "consents",
                                                       "fields",
                                                       "form_consents",
                                                       "form_fields",
                                                       "format",
                                                       "kiosk_id",
                                                       "sequence",
                                                       "uuid"};
        result.format = format == "2" ? 2 : 1;
        if (seen != (result.format == 2 ? kFormat2 : kFormat1)) {
            fail(seen.contains("format") ? "keys missing or out of place for format " + format
                                         : std::string("a required key is missing"));
            return std::nullopt;
        }
        return result;
    }

    // The flat pieces on their own (the coordinator's database keeps them so).
    template <class Value> std::optional<Value> whole(bool (Parser::*read)(Value&)) {
        Value value{};
        const bool ok = (this->*read)(value);
        skipSpace();
        if (!ok || pos_ != text_.size()) {
            if (error_.empty()) fail("trailing bytes");
            return std::nullopt;
        }
        return value;
    }

    bool stringObject(std::map<std::string, std::string>& out) {
        return object([&](const std::string& id) {
            std::string value;
            return string(value) && out.emplace(id, std::move(value)).second;
        });
    }

    bool boolObject(std::map<std::string, bool>& out) {
        return object([&](const std::string& id) {
            bool ticked = false;
            return boolean(ticked) && out.emplace(id, ticked).second;
        });
    }

    bool stringArray(std::vector<std::string>& out) {
        if (!expect('[')) return false;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return true;
        }
        while (true) {
            std::string value;
            if (!string(value)) return false;
            out.push_back(std::move(value));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            return expect(']');
        }
    }

    const std::string& error() const { return error_; }

private:
    bool fail(std::string why) {
        if (error_.empty()) error_ = std::move(why) + " at byte " + std::to_string(pos_);
        return false;
    }

    void skipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    bool expect(char c) {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return fail(std::string("expected '") + c + "'");
    }

    bool literal(std::string_view word) {
        skipSpace();
        if (text_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return true;
        }
        return fail("expected " + std::string(word));
    }

    bool integer(std::int64_t& out) {
        skipSpace();
        const std::size_t start = pos_;
        std::uint64_t value = 0;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9' && pos_ - start < 18)
            value = value * 10 + static_cast<std::uint64_t>(text_[pos_++] - '0');
        if (pos_ == start || (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'))
            return fail("expected a whole number of at most 18 digits");
        if (text_[start] == '0' && pos_ - start > 1) return fail("leading zero");
        out = static_cast<std::int64_t>(value);
        return true;
    }

    bool boolean(bool& out) {
        skipSpace();
        if (text_.substr(pos_, 4) == "true") {
            pos_ += 4;
            out = true;
            return true;
        }
        if (text_.substr(pos_, 5) == "false") {
            pos_ += 5;
            out = false;
            return true;
        }
        return fail("expected true or false");
    }

    bool hex4(char32_t& out) {
        if (pos_ + 4 > text_.size()) return fail("short \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<char32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<char32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<char32_t>(c - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        return true;
    }

    bool string(std::string& out) {
        if (!expect('"')) return false;
        out.clear();
        while (pos_ < text_.size()) {
            // A run of plain characters is copied at once: most strings have no escape at all.
            std::size_t plain = pos_;
            while (plain < text_.size() && text_[plain] != '"' && text_[plain] != '\\' &&
                   static_cast<unsigned char>(text_[plain]) >= 0x20)
                ++plain;
            out.append(text_, pos_, plain - pos_);
            pos_ = plain;
            if (pos_ >= text_.size()) break;
            const char c = text_[pos_++];
            if (c == '"') {
                if (!form::utf8::countCodePoints(out)) return fail("string is not UTF-8");
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            // c is the backslash of an escape
            if (pos_ >= text_.size()) break;
            switch (const char e = text_[pos_++]) {
            case '"':
            case '\\':
            case '/':
                out.push_back(e);
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("lone low surrogate");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    char32_t low = 0;
                    if (text_.substr(pos_, 2) != "\\u") return fail("lone high surrogate");
                    pos_ += 2;
                    if (!hex4(low)) return false;
                    if (low < 0xDC00 || low > 0xDFFF) return fail("bad surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return fail("bad escape");
            }
        }
        return fail("unterminated string");
    }

    // An object whose values `member` reads, given each key.
    template <class Member> bool object(Member member) {
        if (!expect('{')) return false;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            std::string key;
            if (!string(key) || !expect(':')) return false;
            if (!member(key)) return fail("bad value for \"" + key + "\"");
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            return expect('}');
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

namespace {

void writeStringObject(std::string& out, const std::map<std::string, std::string>& values) {
    out.push_back('{');
    bool first = true;
    for (const auto& [id, value] : values) {
        if (!first) out.push_back(',');
        first = false;
        writeString(out, id);
        out.push_back(':');
        writeString(out, value);
    }
    out.push_back('}');
}

void writeBoolObject(std::string& out, const std::map<std::string, bool>& values) {
    out.push_back('{');
    bool first = true;
    for (const auto& [id, ticked] : values) {
        if (!first) out.push_back(',');
        first = false;
        writeString(out, id);
        out += ticked ? ":true" : ":false";
    }
    out.push_back('}');
}

void writeStringArray(std::string& out, const std::vector<std::string>& values) {
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out.push_back(',');
        writeString(out, values[i]);
    }
    out.push_back(']');
}

}  // namespace

std::string canonicalJson(const SealedPledge& pledge) {
    std::string out = "{";
    if (pledge.format >= 2) {
        out += "\"action_id\":";
        writeString(out, pledge.actionId);
        out.push_back(',');
    }
    out += "\"consent_language\":";
    writeString(out, pledge.consentLanguage);
    out += ",\"consent_wording_sha256\":";
    writeString(out, pledge.consentWordingSha256);
    out += ",\"consents\":";
    writeBoolObject(out, pledge.consents);
    out += ",\"fields\":";
    writeStringObject(out, pledge.fields);
    if (pledge.format < 2) return out + ",\"format\":1}";
    out += ",\"form_consents\":";
    writeStringArray(out, pledge.formConsents);
    out += ",\"form_fields\":";
    writeStringArray(out, pledge.formFields);
    out += ",\"format\":2,\"kiosk_id\":";
    writeString(out, pledge.kioskId);
    out += ",\"sequence\":" + std::to_string(pledge.sequence) + ",\"uuid\":";
    writeString(out, pledge.uuid);
    out.push_back('}');
    return out;
}

std::string jsonObjectOfStrings(const std::map<std::string, std::string>& values) {
    std::string out;
    writeStringObject(out, values);
    return out;
}

std::string jsonObjectOfBooleans(const std::map<std::string, bool>& values) {
    std::string out;
    writeBoolObject(out, values);
    return out;
}

std::string jsonArrayOfStrings(const std::vector<std::string>& values) {
    std::string out;
    writeStringArray(out, values);
    return out;
}

Result<std::map<std::string, std::string>> parseJsonObjectOfStrings(std::string_view json) {
    Parser parser(json);
    auto parsed = parser.whole(&Parser::stringObject);
    if (!parsed) return Error{ErrorKind::Invalid, "not a JSON object of strings: " + parser.error()};
    return std::move(*parsed);
}

Result<std::map<std::string, bool>> parseJsonObjectOfBooleans(std::string_view json) {
    Parser parser(json);
    auto parsed = parser.whole(&Parser::boolObject);
    if (!parsed) return Error{ErrorKind::Invalid, "not a JSON object of booleans: " + parser.error()};
    return std::move(*parsed);
}

Result<std::vector<std::string>> parseJsonArrayOfStrings(std::string_view json) {
    Parser parser(json);
    auto parsed = parser.whole(&Parser::stringArray);
    if (!parsed) return Error{ErrorKind::Invalid, "not a JSON array of strings: " + parser.error()};
    return std::move(*parsed);
}

Result<SealedPledge> parseSealedPledgeJson(std::string_view json) {
    if (json.size() > kMaxJsonBytes) return Error{ErrorKind::Invalid, "sealed pledge is too large to be one"};
    Parser parser(json);
    auto pledge = parser.pledge();
    if (!pledge)
        return Error{ErrorKind::Invalid, "sealed pledge is not in the expected form: " + parser.error()};
    return std::move(*pledge);
}

}  // namespace kiosk::pledge
