// The tour's outputs: tour.json for checks, index.html as a contact sheet for people.
#pragma once

#include "content/Pack.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiosk::app {

struct TourProblem {
    std::string screen;
    std::string language;
    std::string size;
    std::string what;
};

struct TourShot {
    std::string screen;
    std::string language;
    std::string size;
    std::string file;  // relative to the tour folder
};

struct TourReport {
    std::vector<std::string> screens;  // in order of first appearance
    std::vector<std::string> languages;
    std::vector<std::string> sizes;
    std::vector<TourShot> shots;
    std::vector<TourProblem> problems;
    std::vector<TourProblem> hints;  // reads badly but fits: for the people who write the pack
    // The pack's translation status by language ("awaiting native review"): for its writers, never the
    // public.
    std::map<std::string, std::string> translationStatus;

    void addScreen(const std::string& name);
    void write(const std::filesystem::path& folder, const content::Pack& pack) const;
    std::string json() const;
    std::string html(const content::Pack& pack) const;

private:
    std::set<std::string> seen_;
};

}  // namespace kiosk::app
