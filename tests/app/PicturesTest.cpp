// What a person sees, checked on the PNGs that `kiosk play ... --shots` writes: not blank, the same every
// time.
#include <SDL.h>
#include <SDL_image.h>
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace {

// A fresh folder under the build folder for one test, removed afterwards.
class TempDir {
public:
    TempDir() {
        fs::create_directories(KIOSK_BINARY_DIR "/tmp");
        std::string pattern = KIOSK_BINARY_DIR "/tmp/app-pictures-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

struct Rgb {
    int r, g, b;
};

// A PNG as RGBA bytes, whatever format SDL_image hands back.
class Picture {
public:
    explicit Picture(const fs::path& file) {
        SurfacePtr loaded(IMG_Load(file.c_str()));
        if (!loaded) throw std::runtime_error("cannot load " + file.string() + ": " + IMG_GetError());
        surface_.reset(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_RGBA32, 0));
        if (!surface_) throw std::runtime_error("cannot convert " + file.string() + ": " + SDL_GetError());
    }
    int width() const { return surface_->w; }
    int height() const { return surface_->h; }
    Rgb at(int x, int y) const {
        const auto* row = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch;
        return {row[x * 4], row[x * 4 + 1], row[x * 4 + 2]};
    }
    int distinctColours() const {
        std::set<std::uint32_t> colours;
        forEach([&](Rgb c) {
            colours.insert(std::uint32_t(c.r) << 16 | std::uint32_t(c.g) << 8 | std::uint32_t(c.b));
        });
        return static_cast<int>(colours.size());
    }
    // Pixels within `tolerance` per channel of `colour`.
    int count(Rgb colour, int tolerance = 2) const {
        int n = 0;
        forEach([&](Rgb c) { n += near(c, colour, tolerance) ? 1 : 0; });
        return n;
    }
    static bool near(Rgb a, Rgb b, int tolerance) {
        return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
               std::abs(a.b - b.b) <= tolerance;
    }

private:
    template <typename F> void forEach(F f) const {
        for (int y = 0; y < height(); ++y)
            for (int x = 0; x < width(); ++x)
                f(at(x, y));
    }
    SurfacePtr surface_;
};

// How two pictures of one size differ: pixels past the tolerance, and the largest channel difference.
struct Difference {
    int pixels = 0;
    int largest = 0;
};

Difference compare(const Picture& a, const Picture& b, int tolerance) {
    Difference d;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const Rgb p = a.at(x, y);
            const Rgb q = b.at(x, y);
            d.largest = std::max({d.largest, std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
            if (!Picture::near(p, q, tolerance)) ++d.pixels;
        }
    }
    return d;
}

std::string quoted(const fs::path& path) {
    std::string text = "'";
    for (const char c : path.string())
        text += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return text + "'";
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs `kiosk play` on the given script lines in a fresh process and returns the folder of its shots.
fs::path play(const TempDir& dir, const std::string& name, const std::string& script,
              const std::string& size = "800x480") {
    const fs::path scriptFile = dir.path() / (name + ".play");
    std::ofstream(scriptFile) << script;
    const fs::path shots = dir.path() / name;
    const fs::path log = dir.path() / (name + ".log");
    const std::string command = quoted(KIOSK_PROGRAM) + " play " + quoted(scriptFile) + " --content " +
                                quoted(KIOSK_SOURCE_DIR "/content-pack/stop-torture") + " --shots " +
                                quoted(shots) + " --size " + size + " >" + quoted(log) + " 2>&1";
    const int status = std::system(command.c_str());
    INFO(command << "\n" << readFile(log));
    REQUIRE(status == 0);
    return shots;
}

constexpr Rgb kBackground{0xff, 0xfd, 0xf5};  // the pack's theme: background, accent, text
constexpr Rgb kAccent{0xff, 0xe6, 0x00};
constexpr Rgb kText{0x11, 0x11, 0x11};

}  // namespace

TEST_CASE("The attract screen shows a picture, words and a yellow call to touch in every language") {
    TempDir dir;
    const Picture attract(play(dir, "attract", "shot attract\n") / "attract.png");
    REQUIRE(attract.width() == 800);
    REQUIRE(attract.height() == 480);
    // Anti-aliased text and the illustration give hundreds of colours; a blank or one-colour frame has one.
    CHECK(attract.distinctColours() > 200);
    // Four calls of about 183x64 px of accent yellow; the words are near-black on the warm background.
    CHECK(attract.count(kAccent) > 4 * 8000);
    CHECK(attract.count(kText) > 3000);
    CHECK(attract.count(kBackground) > 800 * 480 / 3);
    // The calls run along the bottom, one a language: the left edge of each is yellow.
    for (const int x : {20, 215, 410, 605}) {
        INFO("x " << x);
        CHECK(Picture::near(attract.at(x, 432), kAccent, 2));
    }
}

TEST_CASE("Two renders of the same screens are identical within 2/255 per channel") {
    TempDir dir;
    const std::string script = "shot attract\n"
                               "tap start\nshot home\n"
                               "tap nav-act\nshot act\n"
                               "tap home\ntap lang-ta\ntap nav-story\nshot story-ta\n";
    const fs::path first = play(dir, "first", script);
    const fs::path second = play(dir, "second", script);
    for (const char* name : {"attract", "home", "act", "story-ta"}) {
        INFO(name);
        const Picture a(first / (std::string(name) + ".png"));
        const Picture b(second / (std::string(name) + ".png"));
        REQUIRE(a.width() == b.width());
        REQUIRE(a.height() == b.height());
        const Difference d = compare(a, b, 2);
        INFO("largest channel difference " << d.largest);
        CHECK(d.pixels == 0);
    }
}

TEST_CASE("Changing the language changes the picture, and changing it back restores it") {
    TempDir dir;
    const fs::path shots =
        play(dir, "languages", "tap start\nshot en\ntap lang-ms\nshot ms\ntap lang-en\nshot en-again\n");
    const Picture en(shots / "en.png");
    const Picture ms(shots / "ms.png");
    const Picture enAgain(shots / "en-again.png");
    // Every label on the home screen is re-drawn in Malay: a large share of the text pixels move.
    CHECK(compare(en, ms, 2).pixels > 2000);
    CHECK(compare(en, enAgain, 2).pixels == 0);
}

TEST_CASE("Each screen is drawn at the size asked for, portrait too") {
    TempDir dir;
    const fs::path shots =
        play(dir, "portrait", "shot attract\ntap start\ntap nav-cases\nshot cases\n", "720x1280");
    for (const char* name : {"attract", "cases"}) {
        INFO(name);
        const Picture picture(shots / (std::string(name) + ".png"));
        CHECK(picture.width() == 720);
        CHECK(picture.height() == 1280);
        CHECK(picture.distinctColours() > 200);
        // The theme's background and surface are near-white up to every edge: a frame drawn smaller than the
        // window, or turned the wrong way, leaves black bands there.
        for (const auto& [x, y] :
             {std::pair{0, 0}, {719, 0}, {0, 1279}, {719, 1279}, {0, 640}, {719, 640}, {360, 1279}}) {
            INFO("pixel " << x << "," << y);
            const Rgb edge = picture.at(x, y);
            CHECK(std::min({edge.r, edge.g, edge.b}) > 0xe0);
        }
    }
}
