// The kiosk's behaviour: what each tap, swipe, key and passing second does to what is shown. The attract
// loop, the pledge flow and the volunteer menu each handle their own actions and timers; this file routes
// input to them, moves between the visitors' screens and keeps the scene.
#include "controller/KioskController.h"

#include "content/Schedule.h"
#include "screens/FieldText.h"
#include "screens/Screens.h"

#include <algorithm>
#include <utility>
#include <variant>

namespace kiosk {

namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

KioskController::KioskController(const content::Pack& pack, ControllerSettings settings,
                                 layout::TextMeasurer& text, ImageMeasurer& images, Size screen, Millis now,
                                 KioskServices* services, WorkRunner* work)
    : pack_(pack), settings_(std::move(settings)), text_(text), images_(images), screen_(screen),
      nav_(screens::countsOf(pack)), services_(services ? *services : noServices_),
      attract_(pack, settings_.crossfade, settings_.frameInterval),
      pledge_(pack, services_,
              {settings_.pledgeIdleQuestion, settings_.pledgeIdleClear, settings_.thanksTimeout}),
      menu_(services_, work) {
    const auto& languages = pack_.languages;
    if (std::find(languages.begin(), languages.end(), settings_.defaultLanguage) == languages.end())
        settings_.defaultLanguage = pack_.defaultLanguage;
    language_ = settings_.defaultLanguage;
    gestures_.setMinSwipeDistance(std::max(40, std::min(screen.w, screen.h) / 8));
    lastInput_ = now;
    refreshSchedule(now);
    nav_.toAttract();  // the first slide shown today
    attract_.restart(now);
}

void KioskController::refreshSchedule(Millis now) {
    scheduleReadAt_ = now;
    const ClockReading reading = settings_.clock ? settings_.clock(now) : ClockReading{};
    HiddenItems hidden = content::outOfDate(pack_, reading);
    if (hidden == nav_.hidden()) return;
    nav_.setHidden(std::move(hidden));
    changed();
}

void KioskController::changed() {
    sceneStale_ = true;
    drawn_ = false;
}

screens::ScreenContext KioskController::screenContext(const std::string& language) const {
    screens::ScreenContext context{pack_, language, screen_, text_, images_};
    context.extras.collecting = services_.collection().ready();
    context.extras.developmentKey = services_.developmentKey();
    context.hidden = &nav_.hidden();
    return context;
}

void KioskController::markFocus(Scene& scene) const {
    int index = 0;
    for (auto& widget : scene.widgets)
        if (widget.tappable) widget.focused = index++ == focus_;
}

const Scene& KioskController::scene() {
    if (!sceneStale_) return scene_;
    screens::ScreenContext context = screenContext(language_);
    const ScreenId screen = nav_.view().screen;
    if (screen == ScreenId::Pledge) context.extras.pledge = pledge_.pledgeView();
    if (screen == ScreenId::Thanks) context.extras.thanks = &pledge_.thanksView();
    if (screenInfo(screen).family == ScreenFamily::Volunteer) context.extras.admin = &menu_.view();
    scene_ = screens::buildScene(context, nav_.view());
    const View before = nav_.view();
    nav_.setPageCount(scene_.pageCount);
    // "The last page of the previous item" is only known now: draw that page instead.
    if (!(nav_.view() == before)) scene_ = screens::buildScene(context, nav_.view());
    markFocus(scene_);
    sceneStale_ = false;
    return scene_;
}

std::optional<Scene> KioskController::upcomingSlide() {
    if (nav_.view().screen != ScreenId::Attract || attract_.fading()) return std::nullopt;
    Navigator next = nav_;
    const bool wrapped = next.nextSlide();
    const std::string language =
        attract_.slideLanguage(next.view(), settings_.defaultLanguage, wrapped ? 1 : 0);
    Scene upcoming = screens::buildScene(screenContext(language), next.view());
    markFocus(upcoming);
    return upcoming;
}

EngagementMoment KioskController::engagementMoment() const {
    EngagementMoment moment{nav_.view().screen, nav_.view().item, language_, "", false};
    if (const auto progress = pledge_.progress()) {
        moment.focusedField = progress->focusedField;
        moment.signPressed = progress->signPressed;
    }
    return moment;
}

void KioskController::setLanguage(const std::string& language) {
    if (language == language_) return;
    if (std::find(pack_.languages.begin(), pack_.languages.end(), language) == pack_.languages.end()) return;
    language_ = language;
    changed();
}

void KioskController::touchedAt(Millis now) {
    lastInput_ = now;
    if (pledge_.touched()) changed();
}

// Whatever was left behind (a form, a PIN) is forgotten by the part that owned it.
void KioskController::afterNavigation() {
    const ScreenId screen = nav_.view().screen;
    pledge_.afterNavigation(screen);
    menu_.afterNavigation(screen);
}

void KioskController::goToAttract(Millis now) {
    refreshSchedule(now);
    nav_.toAttract();
    afterNavigation();
    attract_.restart(now);
    language_ = attract_.slideLanguage(nav_.view(), settings_.defaultLanguage);
    focus_ = -1;
    changed();
}

void KioskController::openAdmin(Millis now) {
    touchedAt(now);
    menu_.open(nav_, now);
    afterNavigation();
    changed();
}

void KioskController::activate(const Action& action, Millis now) {
    touchedAt(now);
    if (pledge_.activate(action, nav_, language_) || menu_.activate(action, nav_, now)) {
        menu_.applyFinishedWork();  // at once when the work ran inline
        afterNavigation();
        changed();
        return;
    }
    const auto languageAt = [&](int index) {
        return index >= 0 && index < static_cast<int>(pack_.languages.size())
                   ? pack_.languages[static_cast<std::size_t>(index)]
                   : std::string();
    };
    switch (action.kind) {
    case ActionKind::Start:  // a touch on the slide: home in the language the slide speaks
        nav_.home();
        break;
    case ActionKind::Begin:  // a touch on one language's call: home in that language
        setLanguage(languageAt(action.index));
        nav_.home();
        break;
    case ActionKind::Language:
        setLanguage(languageAt(action.index));
        return;
    case ActionKind::Open:
        if (action.index < 0 || action.index >= kScreenCount) return;
        nav_.open(static_cast<ScreenId>(action.index));
        break;
    case ActionKind::Case:
        if (action.index < 0 || action.index >= static_cast<int>(pack_.cases.size())) return;
        nav_.open(ScreenId::Case, action.index);
        break;
    case ActionKind::ActionTab:
        if (action.index < 0 || action.index >= static_cast<int>(pack_.actions.size())) return;
        nav_.open(ScreenId::Act, action.index);
        break;
    case ActionKind::Back:
        nav_.back();
        break;
    case ActionKind::Done:
    case ActionKind::Home:
        nav_.home();
        break;
    case ActionKind::Next:
        nav_.next();
        break;
    case ActionKind::Previous:
        nav_.previous();
        break;
    default:
        return;
    }
    attract_.stopFade();
    focus_ = -1;
    afterNavigation();
    changed();
}

bool KioskController::tap(std::string_view widgetId, Millis now) {
    const Widget* widget = scene().find(widgetId);
    if (!widget || !widget->tappable) return false;
    activate(widget->action, now);
    return true;
}

void KioskController::swipe(SwipeDirection direction, Millis now) {
    touchedAt(now);
    if (nav_.view().screen == ScreenId::Attract) {
        activate({ActionKind::Start}, now);
        return;
    }
    // The form, its thank-you and the volunteer screens are one page each: a drag across the keyboard or the
    // arrow keys must not turn to another action's title over the same form.
    if (screenInfo(nav_.view().screen).family != ScreenFamily::Visitor) return;
    bool moved = false;
    if (direction == SwipeDirection::Left) moved = nav_.next();
    if (direction == SwipeDirection::Right) moved = nav_.previous();
    if (moved) changed();
}

void KioskController::moveFocus(int delta) {
    const Scene& current = scene();
    const int count = static_cast<int>(std::count_if(current.widgets.begin(), current.widgets.end(),
                                                     [](const Widget& w) { return w.tappable; }));
    if (count == 0) return;
    focus_ = focus_ < 0 ? (delta > 0 ? 0 : count - 1) : (focus_ + delta + count) % count;
    changed();
}

void KioskController::key(Key key, Millis now) {
    touchedAt(now);
    if (nav_.view().screen == ScreenId::Attract) {
        activate({ActionKind::Start}, now);
        return;
    }
    // A physical keyboard on the form types into the focused field; on the PIN pad it enters digits.
    if (pledge_.key(key, nav_)) {
        changed();
        return;
    }
    if (nav_.view().screen == ScreenId::Pledge && key == Key::Escape) {
        activate({ActionKind::Cancel}, now);
        return;
    }
    if (nav_.view().screen == ScreenId::AdminPin) {
        if (key == Key::Backspace) activate({ActionKind::PinBack}, now);
        if (key == Key::Enter) activate({ActionKind::PinOk}, now);
        if (key == Key::Backspace || key == Key::Enter) return;
    }
    switch (key) {
    case Key::Left:
        swipe(SwipeDirection::Right, now);
        break;
    case Key::Right:
        swipe(SwipeDirection::Left, now);
        break;
    case Key::Escape:
        activate({ActionKind::Back}, now);
        break;
    case Key::Tab:
    case Key::Down:
        moveFocus(+1);
        break;
    case Key::Up:
        moveFocus(-1);
        break;
    case Key::Enter:
    case Key::Space: {
        if (focus_ < 0) break;
        int index = 0;
        const int keep = focus_;
        for (const auto& widget : scene().widgets) {
            if (!widget.tappable) continue;
            if (index++ == keep) {
                const Action action = widget.action;  // the scene is rebuilt by activate
                activate(action, now);
                // Keyboard users keep a focus ring on the new screen.
                focus_ = 0;
                changed();
                break;
            }
        }
        break;
    }
    default:
        break;
    }
}

void KioskController::handle(const InputEvent& event, Millis now) {
    std::visit(Overloaded{
                   [&](const PointerEvent& pointer) {
                       touchedAt(now);
                       const auto gesture = gestures_.feed(pointer, now);
                       if (!gesture) return;
                       if (const auto* tapped = std::get_if<Tap>(&*gesture)) {
                           if (nav_.view().screen == ScreenId::Attract) {
                               activate({ActionKind::Start}, now);
                               return;
                           }
                           if (const Widget* widget = scene().hit(tapped->position)) {
                               const Action action = widget->action;
                               // A tap in a field's typed text puts the caret there (after focusing it).
                               const auto caret =
                                   action.kind == ActionKind::Field
                                       ? screens::caretOffsetAt(*widget, tapped->position.x, text_)
                                       : std::nullopt;
                               activate(action, now);
                               if (caret && nav_.view().screen == ScreenId::Pledge) {
                                   pledge_.placeCaret(action.index, *caret);
                                   changed();
                               }
                           }
                       } else if (const auto* swiped = std::get_if<Swipe>(&*gesture)) {
                           swipe(swiped->direction, now);
                       }
                   },
                   [&](const KeyEvent& pressed) { key(pressed.key, now); },
                   [&](const TextEvent& typed) {
                       touchedAt(now);
                       if (nav_.view().screen == ScreenId::Pledge && pledge_.typeText(typed.utf8)) changed();
                       if (nav_.view().screen == ScreenId::AdminPin) {
                           for (const char c : typed.utf8)
                               if (c >= '0' && c <= '9') activate({ActionKind::PinDigit, c - '0'}, now);
                       }
                   },
               },
               event);
}

void KioskController::tick(Millis now) {
    if (menu_.tick(now)) changed();
    if (const auto gesture = gestures_.poll(now)) {
        if (const auto* held = std::get_if<LongPress>(&*gesture)) {
            const int corner = std::max(48, std::min(screen_.w, screen_.h) / 8);
            const Point p = held->position;
            const bool nearX = p.x < corner || p.x >= screen_.w - corner;
            const bool nearY = p.y < corner || p.y >= screen_.h - corner;
            if (nearX && nearY) openAdmin(now);
        }
    }
    if (attract_.endFade(now)) drawn_ = false;  // one more frame at full opacity
    if (nav_.view().screen == ScreenId::Attract) {
        // Between visitors: a day that begins or ends changes the loop.
        if (now - scheduleReadAt_ >= kScheduleReadInterval) refreshSchedule(now);
        if (attract_.tick(now, nav_, [this]() -> const Scene& { return scene(); })) {
            language_ = attract_.slideLanguage(nav_.view(), settings_.defaultLanguage);
            changed();
        }
        return;
    }
    const auto pledge = pledge_.tick(now, lastInput_, nav_);
    if (pledge == PledgeFlow::Tick::Leave) {
        goToAttract(now);
        return;
    }
    if (nav_.view().screen == ScreenId::Pledge) {  // the form has its own idle question instead
        if (pledge == PledgeFlow::Tick::Changed) changed();
        return;
    }
    if (now - lastInput_ >= settings_.idleTimeout) goToAttract(now);
}

std::optional<Transition> KioskController::transition(Millis now) {
    const auto fade = attract_.fade(now);
    if (!fade) return std::nullopt;
    return Transition{fade->first, fade->second};
}

bool KioskController::needsRedraw(Millis) const {
    return !drawn_ || attract_.fading();
}

void KioskController::markDrawn(Millis) {
    drawn_ = true;
}

std::optional<Millis> KioskController::nextDeadline(Millis now) const {
    std::optional<Millis> next;
    const auto consider = [&](std::optional<Millis> at) {
        if (at) next = next ? std::min(*next, *at) : *at;
    };
    const View& view = nav_.view();
    consider(attract_.nextDeadline(now, view));
    consider(menu_.nextDeadline(now));
    consider(gestures_.nextDeadline());
    if (view.screen == ScreenId::Pledge || view.screen == ScreenId::Thanks)
        consider(pledge_.nextDeadline(now, lastInput_, nav_));
    else if (view.screen != ScreenId::Attract)
        consider(lastInput_ + settings_.idleTimeout);
    return next;
}

void KioskController::resize(Size screen) {
    if (screen == screen_) return;
    screen_ = screen;
    gestures_.setMinSwipeDistance(std::max(40, std::min(screen.w, screen.h) / 8));
    changed();
}

}  // namespace kiosk
