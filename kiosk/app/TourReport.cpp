// Writing tour.json and the contact sheet.
#include "app/TourReport.h"

#include "core/TextEscape.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace kiosk::app {

void TourReport::addScreen(const std::string& name) {
    if (seen_.insert(name).second) screens.push_back(name);
}

namespace {
std::string jsonList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + jsonString(items[i]);
    return out + "]";
}
}  // namespace

std::string TourReport::json() const {
    std::ostringstream out;
    const auto list = [&](const char* name, const std::vector<TourProblem>& items) {
        out << ",\n  \"" << name << "\": [";
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& p = items[i];
            out << (i ? "," : "") << "\n    {\"screen\": " << jsonString(p.screen)
                << ", \"language\": " << jsonString(p.language) << ", \"size\": " << jsonString(p.size)
                << ", \"what\": " << jsonString(p.what) << "}";
        }
        out << (items.empty() ? "]" : "\n  ]");
    };
    out << "{\n  \"screens\": " << jsonList(screens) << ",\n  \"languages\": " << jsonList(languages)
        << ",\n  \"sizes\": " << jsonList(sizes) << ",\n  \"images\": " << shots.size();
    list("problems", problems);
    list("hints", hints);
    out << ",\n  \"translation_status\": {";
    std::size_t i = 0;
    for (const auto& [language, status] : translationStatus)
        out << (i++ ? ", " : "") << jsonString(language) << ": " << jsonString(status);
    out << "}";
    out << "\n}\n";
    return out.str();
}

std::string TourReport::html(const content::Pack& pack) const {
    std::ostringstream out;
    out << "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Tour of " << htmlEscape(pack.id)
        << " " << htmlEscape(pack.version)
        << "</title>\n<style>body{font-family:sans-serif;margin:1em;background:#eee}"
        << "figure{display:inline-block;margin:6px;vertical-align:top;background:#fff;padding:4px}"
        << "img{max-width:320px;max-height:320px;border:1px solid #999}figcaption{font-size:12px}"
        << ".problem{color:#a00}</style></head><body>\n<h1>" << htmlEscape(pack.id) << " "
        << htmlEscape(pack.version) << ": " << shots.size() << " screens, " << problems.size()
        << " problems</h1>\n";
    if (!problems.empty()) {
        out << "<ul>\n";
        for (const auto& p : problems)
            out << "<li class=\"problem\">"
                << htmlEscape(p.size + " " + p.language + " " + p.screen + ": " + p.what) << "</li>\n";
        out << "</ul>\n";
    }
    for (const auto& size : sizes) {
        for (const auto& language : languages) {
            out << "<h2>" << htmlEscape(size + " " + language) << "</h2>\n";
            for (const auto& shot : shots) {
                if (shot.size != size || shot.language != language) continue;
                out << "<figure><a href=\"" << htmlEscape(shot.file) << "\"><img loading=\"lazy\" src=\""
                    << htmlEscape(shot.file) << "\" alt=\"" << htmlEscape(shot.screen)
                    << "\"></a><figcaption>" << htmlEscape(shot.screen) << "</figcaption></figure>\n";
            }
        }
    }
    out << "</body></html>\n";
    return out.str();
}

void TourReport::write(const std::filesystem::path& folder, const content::Pack& pack) const {
    std::ofstream(folder / "tour.json") << json();
    std::ofstream(folder / "index.html") << html(pack);
}

}  // namespace kiosk::app
