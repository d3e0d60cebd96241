// The sample pack: two slides, two story sections (one long enough for several pages), three timeline
// entries, two cases, two actions.
#include "support/SamplePack.h"

namespace kiosk::testing {

namespace {
content::LocalText all(const std::string& en) {
    return {{{"en", en}, {"ms", "BM " + en}, {"zh", "中文" + en}, {"ta", "தமிழ் " + en}}};
}

std::string longText() {
    std::string text;
    for (int paragraph = 0; paragraph < 6; ++paragraph) {
        for (int sentence = 0; sentence < 5; ++sentence)
            text += "Safeguards protect people held by the police. ";
        text += "\n\n";
    }
    return text;
}
}  // namespace

form::Form sampleForm() {
    const auto text = [](const std::string& en) { return all(en).byLanguage; };
    form::Form form;
    form.fields = {{"name", text("Name"), form::FieldKind::Text, true, 20, {}},
                   {"email", text("E-mail"), form::FieldKind::Email, true, 254, {}},
                   {"phone", text("Phone"), form::FieldKind::Phone, false, 20, {}},
                   {"state",
                    text("State"),
                    form::FieldKind::Choice,
                    false,
                    40,
                    {{"johor", text("Johor")}, {"selangor", text("Selangor")}, {"sabah", text("Sabah")}}}};
    form.consents = {{"sign", text("I add my name."), true}, {"updates", text("Send me updates."), false}};
    form.privacyNotice = text("Your details are sealed at once.");
    return form;
}

content::Pack samplePack() {
    content::Pack pack;
    pack.id = "sample";
    pack.version = "1.0.0";
    pack.title = all("Stop Torture");
    pack.languages = {"en", "ms", "zh", "ta"};
    pack.defaultLanguage = "en";
    pack.languageNames = {{"en", "English"}, {"ms", "Bahasa Melayu"}, {"zh", "中文"}, {"ta", "தமிழ்"}};
    for (const auto& key : content::kRequiredUiStrings)
        pack.ui[key] = all(key == "touch_to_begin" ? "Touch to begin" : key);
    pack.slides = {{"one", 8000, all("Article 1"), all("All human beings are born free."), "", ""},
                   {"two", 6000, all("141 countries"), all("in five years"), "/img/globe.svg", ""}};
    pack.story = {{"short", all("Why torture persists"), all("Laws alone are not enough."), "", ""},
                  {"long", all("The barrier"), all(longText()), "/img/barrier.svg", ""}};
    pack.timeline = {
        {"1948-12-10", all("Universal Declaration"), all("Article 1."), "", "https://www.un.org/"},
        {"1984-12-10", all("Convention adopted"), all("UNCAT."), "", "https://www.ohchr.org/"},
        {"2014-05-13", all("Stop Torture"), all("Campaign launched."), "", "https://www.amnesty.org/"}};
    pack.cases = {{"yecenia-armenta",
                   all("Yecenia Armenta"),
                   all("Mexico"),
                   all("Released in 2016."),
                   all("Her story."),
                   all("Write to the authorities."),
                   "/img/yecenia.svg",
                   "https://example.org/yecenia",
                   {}},
                  {"dave-enriquez",
                   all("Dave Enriquez"),
                   all("Philippines"),
                   all("Seeks justice."),
                   all("His story."),
                   all("Add your name."),
                   "/img/dave.svg",
                   "https://example.org/dave",
                   {}}};
    content::Action ratify;
    ratify.id = "ratify-uncat";
    ratify.title = all("Urge Malaysia to ratify");
    ratify.text = all("Sign the pledge.");
    ratify.url = "https://example.org/ratify?utm_source=kiosk";
    ratify.form = sampleForm();
    ratify.submitLabel = all("Sign the pledge");
    content::Action learn;
    learn.id = "learn-more";
    learn.title = all("Learn more");
    learn.text = all("Read the report.");
    learn.url = "https://example.org/learn";
    pack.actions = {ratify, learn};
    pack.credits = {
        all("Sources and credits"), all("Made by volunteers."), {{all("UN"), "https://www.un.org/"}}};
    return pack;
}

}  // namespace kiosk::testing
