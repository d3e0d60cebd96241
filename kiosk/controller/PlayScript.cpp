// Parsing and running play scripts, one command a line; `#` starts a comment.
#include "controller/PlayScript.h"

#include <algorithm>
#include <sstream>

namespace kiosk {

namespace {
std::string trim(const std::string& text) {
    const auto start = text.find_first_not_of(" \t\r");
    if (start == std::string::npos) return "";
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(start, end - start + 1);
}

std::optional<Key> keyNamed(const std::string& name) {
    static const std::pair<const char*, Key> keys[] = {
        {"left", Key::Left},   {"right", Key::Right},         {"up", Key::Up},         {"down", Key::Down},
        {"enter", Key::Enter}, {"return", Key::Enter},        {"escape", Key::Escape}, {"tab", Key::Tab},
        {"space", Key::Space}, {"backspace", Key::Backspace},
    };
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const auto& [keyName, key] : keys)
        if (lower == keyName) return key;
    return std::nullopt;
}

const char* kindName(WidgetKind kind) {
    switch (kind) {
    case WidgetKind::Box:
        return "box";
    case WidgetKind::Text:
        return "text";
    case WidgetKind::Button:
        return "button";
    case WidgetKind::Image:
        return "image";
    case WidgetKind::Qr:
        return "qr";
    }
    return "?";
}
}  // namespace

PlayScriptRunner::PlayScriptRunner(KioskController& controller, std::ostream& out, std::ostream& err,
                                   PlayHooks hooks)
    : controller_(controller), out_(out), err_(err), hooks_(std::move(hooks)) {
    // One flushed line a durably stored pledge, so a test that kills the run knows what must survive.
    controller_.onPledgeSaved(
        [this](const std::string& uuid) { out_ << "pledge-saved " << uuid << std::endl; });
}

void PlayScriptRunner::advanceTo(Millis target) {
    // Jump from deadline to deadline: waits cost no real time, and every timer fires at its moment.
    while (now_ < target) {
        const auto next = controller_.nextDeadline(now_);
        now_ = next && *next > now_ ? std::min(*next, target) : target;
        controller_.tick(now_);
        if (hooks_.afterStep) hooks_.afterStep(now_);
    }
}

void PlayScriptRunner::dump() {
    for (const auto& w : controller_.scene().widgets) {
        if (w.id.empty() && w.text.empty()) continue;
        out_ << (w.id.empty() ? "-" : w.id) << ' ' << kindName(w.kind) << ' ' << w.rect.x << ',' << w.rect.y
             << ' ' << w.rect.w << 'x' << w.rect.h;
        if (!w.text.empty()) out_ << " \"" << w.text << '"';
        out_ << '\n';
    }
    out_.flush();
}

std::string PlayScriptRunner::step(const std::string& rawLine) {
    const std::string line = trim(rawLine);
    if (line.empty() || line[0] == '#') return "";
    std::istringstream words(line);
    std::string command;
    words >> command;
    std::string rest;
    std::getline(words, rest);
    rest = trim(rest);
    const Size screen = [&] {
        Size s{0, 0};
        for (const auto& w : controller_.scene().widgets) {
            s.w = std::max(s.w, w.rect.right());
            s.h = std::max(s.h, w.rect.bottom());
        }
        return s;
    }();

    std::string error;
    if (command == "tap") {
        std::istringstream args(rest);
        int x = 0;
        int y = 0;
        if (args >> x >> y) {
            controller_.handle(PointerEvent{PointerPhase::Down, {x, y}}, now_);
            advanceTo(now_ + Millis(80));
            controller_.handle(PointerEvent{PointerPhase::Up, {x, y}}, now_);
        } else if (rest.empty()) {
            return "tap needs a widget id or X Y";
        } else if (rest == "admin") {
            return step("admin");
        } else if (!controller_.tap(rest, now_)) {
            return "no tappable widget \"" + rest + "\" on screen " +
                   std::string(screenName(controller_.view().screen));
        }
    } else if (command == "swipe") {
        const int cx = screen.w / 2;
        const int cy = screen.h / 2;
        const int dx = screen.w * 2 / 5;
        const int dy = screen.h * 2 / 5;
        Point to{cx, cy};
        if (rest == "left")
            to.x -= dx;
        else if (rest == "right")
            to.x += dx;
        else if (rest == "up")
            to.y -= dy;
        else if (rest == "down")
            to.y += dy;
        else
            return "swipe needs left, right, up or down";
        controller_.handle(PointerEvent{PointerPhase::Down, {cx, cy}}, now_);
        advanceTo(now_ + Millis(60));
        controller_.handle(PointerEvent{PointerPhase::Move, to}, now_);
        advanceTo(now_ + Millis(60));
        controller_.handle(PointerEvent{PointerPhase::Up, to}, now_);
    } else if (command == "type") {
        // As a physical keyboard would send it: into the focused field.
        controller_.handle(TextEvent{rest}, now_);
    } else if (command == "key") {
        const auto key = keyNamed(rest);
        if (!key)
            return "unknown key \"" + rest +
                   "\" (use left, right, up, down, enter, escape, tab, space, backspace)";
        controller_.handle(KeyEvent{*key}, now_);
    } else if (command == "wait") {
        char* end = nullptr;
        const long ms = std::strtol(rest.c_str(), &end, 10);
        if (rest.empty() || *end != '\0' || ms < 0) return "wait needs milliseconds, e.g. wait 1500";
        advanceTo(now_ + Millis(ms));
    } else if (command == "expect") {
        std::istringstream args(rest);
        std::string what;
        args >> what;
        std::string value;
        std::getline(args, value);
        value = trim(value);
        if (what == "screen") {
            const std::string actual(screenName(controller_.view().screen));
            if (actual != value) return "expected screen " + value + ", but the screen is " + actual;
        } else if (what == "text") {
            const auto& widgets = controller_.scene().widgets;
            const bool found = std::any_of(widgets.begin(), widgets.end(), [&](const Widget& w) {
                return w.text.find(value) != std::string::npos;
            });
            if (!found) return "expected text \"" + value + "\" on screen, but it is not shown";
        } else {
            return "expect needs screen NAME or text TEXT";
        }
    } else if (command == "admin") {
        // The hidden gesture: press and hold the top-left corner for three seconds.
        controller_.handle(PointerEvent{PointerPhase::Down, {2, 2}}, now_);
        advanceTo(now_ + Millis(3100));
        controller_.handle(PointerEvent{PointerPhase::Up, {2, 2}}, now_);
    } else if (command == "shot") {
        if (rest.empty()) return "shot needs a name";
        if (hooks_.shot && !hooks_.shot(rest)) return "could not write shot " + rest;
    } else if (command == "dump") {
        dump();
    } else if (hooks_.extension && hooks_.extension(command, rest, now_, error)) {
        return error;
    } else {
        return "unknown command \"" + command + "\"";
    }
    if (hooks_.afterStep) hooks_.afterStep(now_);
    return "";
}

int PlayScriptRunner::run(std::istream& script, const std::string& scriptName) {
    std::string line;
    int number = 0;
    while (std::getline(script, line)) {
        ++number;
        const std::string error = step(line);
        if (!error.empty()) {
            err_ << scriptName << ':' << number << ": " << error << "\n  " << trim(line) << '\n';
            return 1;
        }
    }
    return 0;
}

}  // namespace kiosk
