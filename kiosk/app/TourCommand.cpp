// `kiosk tour`: every screen of a pack, at every size and in every language, rendered headless to PNG,
// with a contact sheet and a JSON report of what a person would see wrong.
#include "app/Commands.h"
#include "app/Graphics.h"
#include "app/TourReport.h"
#include "config/Config.h"
#include "content/PackLoader.h"
#include "platform/Window.h"
#include "qr/QrCode.h"
#include "render/FrameComposer.h"
#include "screens/AgreementCheck.h"
#include "screens/Screens.h"

#include <SDL_image.h>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {
// Millimetres a pixel across the picture: the config's panel_width_mm when given, else the panels the kiosk
// ships for, by resolution (the official 7" display: 154.21 mm for 800 px; Touch Display 2: 88.02 mm for
// 720 px). Other sizes are monitors of any size, unchecked.
std::optional<double> millimetresPerPixel(Size size, int panelWidthMm) {
    if (panelWidthMm > 0) return static_cast<double>(panelWidthMm) / size.w;
    if (size == Size{800, 480}) return 154.21 / 800;
    if (size == Size{720, 1280}) return 88.02 / 720;
    return std::nullopt;
}

// A phone scans a code from 50 cm when the code (without its quiet zone) is at least 45 mm wide on the panel.
constexpr double kMinQrMillimetres = 45.0;

// Each QR code narrower than that, measured as the renderer draws it: the square less a quiet zone of four
// modules a side.
std::vector<std::string> qrTooSmall(const Scene& scene, Size size, int panelWidthMm) {
    std::vector<std::string> problems;
    const auto mmPerPx = millimetresPerPixel(size, panelWidthMm);
    if (!mmPerPx) return problems;
    for (const auto& widget : scene.widgets) {
        if (widget.kind != WidgetKind::Qr) continue;
        const auto matrix = qr::encodeQr(widget.qr);
        if (!matrix) continue;  // the renderer reports what does not encode
        const double mm = static_cast<double>(widget.rect.w) * matrix->size / (matrix->size + 8) * *mmPerPx;
        if (mm + 1e-9 < kMinQrMillimetres) {
            char text[200];
            std::snprintf(text, sizeof text,
                          "%s: QR code %dx%d modules is %.1f mm wide on this panel, under %.0f mm: too small "
                          "to scan from 50 cm (give the screen's code more room, or the pack a shorter URL)",
                          widget.id.c_str(), matrix->size, matrix->size, mm, kMinQrMillimetres);
            problems.push_back(text);
        }
    }
    return problems;
}

struct TourScreen {
    std::string name;
    View view;
    std::string focusedField;    // pledge screens: which field has the keyboard ("" for the notice)
    bool notCollecting = false;  // act screens: as a kiosk that cannot take pledges shows them
};

// Every view of every screen in the table (screens::everyView), named as its picture is; the pledge form
// also with each kind of field focused; an action with a form also as a kiosk that cannot take pledges shows
// it (no coordinator key, storage full or not ready: the public sees one note for every reason, the volunteer
// menu names the reason).
std::vector<TourScreen> everyScreen(const content::Pack& pack) {
    std::vector<TourScreen> screens;
    for (const auto& [name, view] : screens::everyView(pack)) {
        screens.push_back({name, view, ""});
        if (view.screen == ScreenId::Act && pack.actions[static_cast<std::size_t>(view.item)].form)
            screens.push_back({name + "-not-collecting", view, "", true});
        if (view.screen != ScreenId::Pledge) continue;
        const auto& form = *pack.actions[static_cast<std::size_t>(view.item)].form;
        std::set<form::FieldKind> seen;
        for (const auto& field : form.fields)
            if (seen.insert(field.kind).second) screens.push_back({name + "-" + field.id, view, field.id});
    }
    return screens;
}

// What the stateful screens show in the tour: an empty form, a sample reference, sample figures.
struct TourExtras {
    std::optional<form::FormState> values;
    std::map<std::string, bool> ticked;
    screens::PledgeView pledge;
    screens::ThanksView thanks{"MX7D-C15R"};
    screens::AdminView admin;

    screens::ScreenExtras forScreen(const content::Pack& pack, const TourScreen& screen) {
        screens::ScreenExtras extras;
        if (screen.notCollecting)
            extras.collecting = false;  // as with no coordinator_public_key in the config
        if (screen.view.screen == ScreenId::Pledge) {
            const auto& form = *pack.actions[static_cast<std::size_t>(screen.view.item)].form;
            values.reset();
            values.emplace(form);
            pledge = {};
            pledge.form = &form;
            pledge.values = &*values;
            pledge.ticked = &ticked;
            pledge.focusedField = screen.focusedField;
            pledge.noticePage = screen.view.page;
            extras.pledge = &pledge;
        }
        if (screen.view.screen == ScreenId::Thanks) extras.thanks = &thanks;
        if (screen.view.screen == ScreenId::AdminPin || screen.view.screen == ScreenId::Admin) {
            admin.pinDigits = 4;
            admin.status = {};
            admin.status.today = 12;
            admin.status.total = 340;
            admin.status.unsynced = 57;
            admin.status.pack = pack.id + " " + pack.version;
            admin.status.freeBytes = 12'300'000'000;
            admin.status.clock = "2026-11-26 10:00";
            for (std::size_t hour = 9; hour < 18; ++hour)
                admin.status.perHour[hour] = static_cast<long long>(hour % 5 + 1);
            admin.status.packId = pack.id;
            admin.status.packVersion = pack.version;
            admin.status.packSigner = {reports::PackSigner::Kind::Named, "campaign-2026"};
            admin.status.updateChecked = "2026-11-26 09:58";
            reports::UpdateFinding upToDate;
            upToDate.where = "https://sync.example.org";
            admin.status.lastUpdate.findings = {upToDate};
            extras.admin = &admin;
        }
        return extras;
    }
};

// Every state of a form a signer can reach (each field focused, none with each page, none with every
// problem shown), checked without drawing: a consent that can be ticked shows its whole words.
std::vector<std::string> agreementProblems(const content::Pack& pack, screens::ScreenContext context,
                                           int item) {
    const auto& form = *pack.actions[static_cast<std::size_t>(item)].form;
    form::FormState values(form);
    const std::map<std::string, bool> ticked;
    std::vector<screens::PledgeView> states;
    screens::PledgeView blank;
    blank.form = &form;
    blank.values = &values;
    blank.ticked = &ticked;
    for (const auto& field : form.fields) {
        states.push_back(blank);
        states.back().focusedField = field.id;
    }
    screens::PledgeView withProblems = blank;
    for (const auto& field : form.fields)
        withProblems.errors[field.id] = pack.uiText("error_missing", context.language);
    for (const auto& consent : form.consents)
        withProblems.errors[consent.id] = pack.uiText("error_consent_required", context.language);
    std::vector<std::string> problems;
    for (const screens::PledgeView& start : {blank, withProblems}) {
        screens::PledgeView state = start;
        auto first = context;
        first.extras.pledge = &state;
        const int pages = screens::buildScene(first, {ScreenId::Pledge, item, 0}).pageCount;
        for (int page = 0; page < pages; ++page) {
            state.noticePage = page;
            states.push_back(state);
        }
    }
    for (const auto& state : states) {
        context.extras.pledge = &state;
        const Scene scene = screens::buildScene(context, {ScreenId::Pledge, item, 0});
        const std::string where =
            (state.focusedField.empty() ? "form page " + std::to_string(state.noticePage + 1)
                                        : "typing in " + state.focusedField) +
            (state.errors.empty() ? "" : " with problems");
        for (const auto& problem : scene.problems)
            problems.push_back(where + ": " + problem.widgetId + ": " + problem.what);
        for (const auto& problem : screens::agreementProblems(scene, form, context.language, context.size))
            problems.push_back(where + ": " + problem.widgetId + ": " + problem.what);
    }
    return problems;
}

std::string sizeName(Size s) {
    return std::to_string(s.w) + "x" + std::to_string(s.h);
}
}  // namespace

int runTour(const TourOptions& options) {
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    render::ImageLoader probe;
    const auto loaded = content::loadPack(options.content, &probe);
    if (!loaded.pack) {
        for (const auto& diagnostic : loaded.diagnostics)
            std::cerr << diagnostic.format() << '\n';
        std::cerr << "kiosk tour: the pack did not load; fix the errors above (kiosk validate "
                  << options.content.string() << ")\n";
        return 1;
    }
    const content::Pack& pack = *loaded.pack;
    const auto languages = options.languages.empty() ? pack.languages : options.languages;
    // A language the pack does not declare would be drawn in its default language and pass as checked.
    for (std::size_t i = 0; i < languages.size(); ++i) {
        if (std::find(pack.languages.begin(), pack.languages.end(), languages[i]) != pack.languages.end())
            continue;
        std::string declared;
        for (const auto& language : pack.languages)
            declared += (declared.empty() ? "" : ", ") + language;
        std::cerr << "kiosk tour: --langs item " << i + 1 << ", \"" << languages[i]
                  << "\", is not a language of the pack (" << declared
                  << ", its pack.toml [pack] languages); tour those, or add it to the pack first\n";
        return 2;
    }

    int panelWidthMm = 0;
    if (!options.config.empty()) {
        const auto settings = config::loadConfig(options.config);
        for (const auto& diagnostic : settings.diagnostics)
            std::cerr << diagnostic.format() << '\n';
        panelWidthMm = settings.config.panelWidthMm;
    }

    platform::WindowOptions windowOptions;
    windowOptions.headless = true;
    windowOptions.windowed = true;
    auto session = platform::SdlSession::start(windowOptions);
    if (!session) {
        std::cerr << "kiosk tour: " << session.error().message << '\n';
        return 1;
    }
    std::string error;
    auto graphics = TextAndImages::create(pack.theme.fonts, error, std::move(probe));
    if (!graphics) {
        std::cerr << "kiosk tour: " << error << '\n';
        return 1;
    }

    TourReport report;
    report.languages = languages;
    report.translationStatus = pack.translationStatus;
    std::error_code ignored;
    fs::create_directories(options.outDir, ignored);
    for (const Size size : options.sizes) {
        report.sizes.push_back(sizeName(size));
        windowOptions.size = size;
        auto window = platform::DisplayWindow::create(*session, windowOptions);
        if (!window) {
            std::cerr << "kiosk tour: " << window.error().message << '\n';
            return 1;
        }
        render::SceneRenderer scenes(window->renderer(), graphics->rasterizer(), graphics->images());
        render::FrameComposer composer(window->renderer(), size, {{0, 0, float(size.w), float(size.h)}, 0});
        for (const auto& language : languages) {
            const fs::path folder = options.outDir / sizeName(size) / language;
            fs::create_directories(folder, ignored);
            TourExtras tourExtras;
            for (const auto& screen : everyScreen(pack)) {
                screens::ScreenContext context{pack, language, size, graphics->measurer(),
                                               graphics->images()};
                context.extras = tourExtras.forScreen(pack, screen);
                View view = screen.view;
                int pages = 1;
                for (view.page = 0; view.page < pages; ++view.page) {
                    if (screen.view.screen == ScreenId::Pledge) tourExtras.pledge.noticePage = view.page;
                    const Scene scene = screens::buildScene(context, view);
                    pages = scene.pageCount;
                    const std::string name =
                        screen.name + (view.page > 0 ? "-p" + std::to_string(view.page + 1) : "");
                    report.addScreen(name);
                    scenes.clearProblems();
                    composer.compose(scenes, scene);
                    scenes.endFrame();
                    const auto frame = composer.capture();
                    const fs::path file = folder / (name + ".png");
                    if (!frame || IMG_SavePNG(frame.get(), file.c_str()) != 0) {
                        report.problems.push_back(
                            {name, language, sizeName(size), "could not write " + file.string()});
                        continue;
                    }
                    report.shots.push_back(
                        {name, language, sizeName(size), fs::relative(file, options.outDir).string()});
                    for (const auto& problem : scene.problems)
                        report.problems.push_back(
                            {name, language, sizeName(size), problem.widgetId + ": " + problem.what});
                    for (const auto& hint : scene.hints)
                        report.hints.push_back(
                            {name, language, sizeName(size), hint.widgetId + ": " + hint.what});
                    for (const auto& problem : scenes.problems())
                        report.problems.push_back({name, language, sizeName(size), problem});
                    for (const auto& problem : qrTooSmall(scene, size, panelWidthMm))
                        report.problems.push_back({name, language, sizeName(size), problem});
                }
                if (screen.view.screen == ScreenId::Pledge && screen.focusedField.empty())
                    for (const auto& problem : agreementProblems(pack, context, screen.view.item))
                        report.problems.push_back({screen.name, language, sizeName(size), problem});
            }
        }
    }
    report.write(options.outDir, pack);
    std::cout << "tour: " << report.shots.size() << " images, " << report.problems.size() << " problems, "
              << report.hints.size() << " hints (tour.json), in " << options.outDir.string()
              << "/index.html\n";
    for (const auto& problem : report.problems)
        std::cout << "  " << problem.size << " " << problem.language << " " << problem.screen << ": "
                  << problem.what << '\n';
    return report.problems.empty() ? 0 : 1;
}

}  // namespace kiosk::app
