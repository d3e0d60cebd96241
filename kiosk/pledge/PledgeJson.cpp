// The canonical JSON inside a sealed pledge: a tiny writer and a strict parser for exactly that shape.
#include "core/TextEscape.h"
#include "core/Utf8.h"
#include "pledge/Sealing.h"
#include "pledge/Utf8.h"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace kiosk::pledge {
namespace {

constexpr int kFormatVersion = 1;
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
        bool haveLanguage = false, haveHash = false, haveConsents = false, haveFields = false,
             haveFormat = false;
        const bool parsed = object([&](const std::string& key) {
            if (key == "consent_language" && !haveLanguage) {
                haveLanguage = true;
                return string(result.consentLanguage);
            }
            if (key == "consent_wording_sha256" && !haveHash) {
                haveHash = true;
                return string(result.consentWordingSha256);
            }
            if (key == "consents" && !haveConsents) {
                haveConsents = true;
                return object([&](const std::string& id) {
                    bool ticked = false;
                    return boolean(ticked) && result.consents.emplace(id, ticked).second;
                });
            }
            if (key == "fields" && !haveFields) {
                haveFields = true;
                return object([&](const std::string& id) {
                    std::string value;
                    return string(value) && result.fields.emplace(id, std::move(value)).second;
                });
            }
            if (key == "format" && !haveFormat) {
                haveFormat = true;
                return literal("1");
            }
            return fail("unexpected or repeated key \"" + key + "\"");
        });
        skipSpace();
        if (!parsed || pos_ != text_.size()) {
            if (error_.empty()) fail("trailing bytes");
            return std::nullopt;
        }
        if (!(haveLanguage && haveHash && haveConsents && haveFields && haveFormat)) {
            fail("a required key is missing");
            return std::nullopt;
        }
        return result;
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
            const char c = text_[pos_++];
            if (c == '"') {
                if (!utf8::countCodePoints(out)) return fail("string is not UTF-8");
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
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

std::string canonicalJson(const SealedPledge& pledge) {
    std::string out = "{\"consent_language\":";
    writeString(out, pledge.consentLanguage);
    out += ",\"consent_wording_sha256\":";
    writeString(out, pledge.consentWordingSha256);
    out += ",\"consents\":{";
    bool first = true;
    for (const auto& [id, ticked] : pledge.consents) {
        if (!first) out.push_back(',');
        first = false;
        writeString(out, id);
        out += ticked ? ":true" : ":false";
    }
    out += "},\"fields\":{";
    first = true;
    for (const auto& [id, value] : pledge.fields) {
        if (!first) out.push_back(',');
        first = false;
        writeString(out, id);
        out.push_back(':');
        writeString(out, value);
    }
    out += "},\"format\":" + std::to_string(kFormatVersion) + "}";
    return out;
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
