// The kiosk's behaviour: what each tap, swipe, key and passing second does to what is shown.
#include "controller/KioskController.h"

#include "screens/Screens.h"

#include <algorithm>
#include <utility>
#include <variant>

namespace kiosk {

namespace {
bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

KioskController::KioskController(const content::Pack& pack, ControllerSettings settings,
                                 layout::TextMeasurer& text, ImageMeasurer& images, Size screen, Millis now,
                                 KioskServices* services, WorkRunner* work)
    : pack_(pack), settings_(std::move(settings)), text_(text), images_(images), screen_(screen),
      nav_(screens::countsOf(pack)), services_(services ? *services : noServices_),
      work_(work ? *work : inlineWork_) {
    const auto& languages = pack_.languages;
    if (std::find(languages.begin(), languages.end(), settings_.defaultLanguage) == languages.end())
        settings_.defaultLanguage = pack_.defaultLanguage;
    language_ = settings_.defaultLanguage;
    gestures_.setMinSwipeDistance(std::max(40, std::min(screen.w, screen.h) / 8));
    lastInput_ = now;
    slideStart_ = now;
}

void KioskController::changed() {
    sceneStale_ = true;
    drawn_ = false;
}

const Scene& KioskController::scene() {
    if (!sceneStale_) return scene_;
    screens::ScreenContext context{pack_, language_, screen_, text_, images_};
    context.extras.collectionProblem = services_.collectionProblem();
    context.extras.developmentKey = services_.developmentKey();
    const ScreenId screen = nav_.view().screen;
    if (screen == ScreenId::Pledge && pledge_) {
        pledgeView_.form = currentForm();
        pledgeView_.values = &pledge_->values;
        pledgeView_.ticked = &pledge_->ticked;
        pledgeView_.focusedField = pledge_->focused;
        pledgeView_.keyboard = pledge_->keyboard;
        pledgeView_.errors = pledge_->errors;
        pledgeView_.banner = pledge_->banner;
        pledgeView_.noticePage = pledge_->noticePage;
        pledgeView_.stillThere = shownStillThere_;
        pledgeView_.countdownSeconds = shownSeconds_;
        context.extras.pledge = &pledgeView_;
    }
    if (screen == ScreenId::Thanks) context.extras.thanks = &thanks_;
    if (screen == ScreenId::AdminPin || screen == ScreenId::Admin) {
        admin_.pinDigits = static_cast<int>(pin_.size());
        context.extras.admin = &admin_;
    }
    scene_ = screens::buildScene(context, nav_.view());
    const View before = nav_.view();
    nav_.setPageCount(scene_.pageCount);
    // "The last page of the previous item" is only known now: draw that page instead.
    if (!(nav_.view() == before)) scene_ = screens::buildScene(context, nav_.view());
    int index = 0;
    for (auto& widget : scene_.widgets)
        if (widget.tappable) widget.focused = index++ == focus_;
    sceneStale_ = false;
    return scene_;
}

void KioskController::setLanguage(const std::string& language) {
    if (language == language_) return;
    if (std::find(pack_.languages.begin(), pack_.languages.end(), language) == pack_.languages.end()) return;
    language_ = language;
    changed();
}

void KioskController::touchedAt(Millis now) {
    lastInput_ = now;
    if (shownStillThere_) {
        shownStillThere_ = false;
        changed();
    }
}

void KioskController::startSlide(Millis now) {
    slideStart_ = now;
}

std::string KioskController::slideLanguage() const {
    const auto& languages = pack_.languages;
    if (languages.empty()) return settings_.defaultLanguage;
    const auto first = std::find(languages.begin(), languages.end(), settings_.defaultLanguage);
    const auto start = first == languages.end() ? 0 : first - languages.begin();
    const auto turn = start + nav_.view().item + attractLoop_;
    return languages[static_cast<std::size_t>(turn) % languages.size()];
}

void KioskController::goToAttract(Millis now) {
    nav_.toAttract();
    afterNavigation();
    attractLoop_ = 0;
    language_ = slideLanguage();
    focus_ = -1;
    fadeStart_.reset();
    startSlide(now);
    changed();
}

void KioskController::activate(std::string_view id, Millis now) {
    touchedAt(now);
    if (activatePledge(id, now) || activateAdmin(id, now)) {
        applyFinishedWork();  // at once when the work ran inline
        afterNavigation();
        changed();
        return;
    }
    const auto indexOf = [&](const auto& items, std::string_view itemId) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == itemId) return static_cast<int>(i);
        return -1;
    };
    if (id == "start") {  // a touch on the slide: home in the language the slide speaks
        nav_.home();
    } else if (startsWith(id, "begin-")) {  // a touch on one language's call: home in that language
        setLanguage(std::string(id.substr(6)));
        nav_.home();
    } else if (startsWith(id, "lang-")) {
        setLanguage(std::string(id.substr(5)));
        return;
    } else if (id == "nav-story") {
        nav_.open(ScreenId::Story);
    } else if (id == "nav-timeline") {
        nav_.open(ScreenId::Timeline);
    } else if (id == "nav-cases") {
        nav_.open(ScreenId::Cases);
    } else if (id == "nav-act") {
        nav_.open(ScreenId::Act);
    } else if (id == "nav-credits") {
        nav_.open(ScreenId::Credits);
    } else if (startsWith(id, "case-")) {
        const int index = indexOf(pack_.cases, id.substr(5));
        if (index < 0) return;
        nav_.open(ScreenId::Case, index);
    } else if (startsWith(id, "action-")) {
        const int index = indexOf(pack_.actions, id.substr(7));
        if (index < 0) return;
        nav_.open(ScreenId::Act, index);
    } else if (id == "back") {
        nav_.back();
    } else if (id == "done") {
        nav_.home();
    } else if (id == "home") {
        nav_.home();
    } else if (id == "next") {
        nav_.next();
    } else if (id == "previous") {
        nav_.previous();
    } else {
        return;
    }
    fadeStart_.reset();
    focus_ = -1;
    afterNavigation();
    changed();
}

bool KioskController::tap(std::string_view widgetId, Millis now) {
    const Widget* widget = scene().find(widgetId);
    if (!widget || !widget->tappable) return false;
    activate(widgetId, now);
    return true;
}

void KioskController::swipe(SwipeDirection direction, Millis now) {
    touchedAt(now);
    if (nav_.view().screen == ScreenId::Attract) {
        activate("start", now);
        return;
    }
    // The form, its thank-you and the volunteer screens are one page each: a drag across the keyboard or the
    // arrow keys must not turn to another action's title over the same form.
    const ScreenId screen = nav_.view().screen;
    if (screen == ScreenId::Pledge || screen == ScreenId::Thanks || screen == ScreenId::AdminPin ||
        screen == ScreenId::Admin)
        return;
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
        activate("start", now);
        return;
    }
    // A physical keyboard on the form types into the focused field; on the PIN pad it enters digits.
    if (nav_.view().screen == ScreenId::Pledge && pledge_ && !pledge_->focused.empty()) {
        if (key == Key::Backspace) {
            pledge_->values.backspace(pledge_->focused);
            changed();
            return;
        }
        if (key == Key::Enter || key == Key::Tab) {
            focusNextField();
            changed();
            return;
        }
    }
    if (nav_.view().screen == ScreenId::Pledge && key == Key::Escape) {
        activate("cancel", now);
        return;
    }
    if (nav_.view().screen == ScreenId::AdminPin) {
        if (key == Key::Backspace) activate("pin-back", now);
        if (key == Key::Enter) activate("pin-ok", now);
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
        activate("back", now);
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
                const std::string id = widget.id;  // the scene is rebuilt by activate
                activate(id, now);
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
                               activate("start", now);
                               return;
                           }
                           if (const Widget* widget = scene().hit(tapped->position)) {
                               const std::string id = widget->id;
                               activate(id, now);
                           }
                       } else if (const auto* swiped = std::get_if<Swipe>(&*gesture)) {
                           swipe(swiped->direction, now);
                       }
                   },
                   [&](const KeyEvent& pressed) { key(pressed.key, now); },
                   [&](const TextEvent& typed) {
                       touchedAt(now);
                       if (nav_.view().screen == ScreenId::Pledge) typeText(typed.utf8);
                       if (nav_.view().screen == ScreenId::AdminPin) {
                           for (const char c : typed.utf8)
                               if (c >= '0' && c <= '9') activate(std::string("pin-") + c, now);
                       }
                   },
               },
               event);
}

void KioskController::applyFinishedWork() {
    if (work_.applyFinished() > 0) changed();
}

void KioskController::tick(Millis now) {
    applyFinishedWork();
    if (admin_.working != screens::AdminWork::None) {
        const int seconds = static_cast<int>((now - workStart_).count() / 1000);
        if (seconds != admin_.workingSeconds) {
            admin_.workingSeconds = seconds;
            changed();
        }
    }
    if (const auto gesture = gestures_.poll(now)) {
        if (const auto* held = std::get_if<LongPress>(&*gesture)) {
            const int corner = std::max(48, std::min(screen_.w, screen_.h) / 8);
            const Point p = held->position;
            const bool nearX = p.x < corner || p.x >= screen_.w - corner;
            const bool nearY = p.y < corner || p.y >= screen_.h - corner;
            if (nearX && nearY) openAdmin(now);
        }
    }
    if (fadeStart_ && now - *fadeStart_ >= settings_.crossfade) {
        fadeStart_.reset();
        drawn_ = false;  // one more frame at full opacity
    }
    if (nav_.view().screen == ScreenId::Attract) {
        if (pack_.slides.empty()) return;
        const auto& slide = pack_.slides[static_cast<std::size_t>(nav_.view().item) % pack_.slides.size()];
        if (now - slideStart_ >= Millis(slide.durationMs)) {
            fadingFrom_ = scene();
            nav_.nextSlide();
            if (nav_.view().item == 0) ++attractLoop_;
            language_ = slideLanguage();
            fadeStart_ = now;
            startSlide(now);
            changed();
        }
        return;
    }
    const ScreenId screen = nav_.view().screen;
    if (screen == ScreenId::Pledge) {
        // "Still there?" with a countdown, then the form is cleared and the loop resumes.
        if (now - lastInput_ >= settings_.pledgeIdleClear) {
            goToAttract(now);
            return;
        }
        const bool asking = stillThere(now);
        const int seconds = asking ? secondsLeft(now) : 0;
        if (asking != shownStillThere_ || seconds != shownSeconds_) {
            shownStillThere_ = asking;
            shownSeconds_ = seconds;
            changed();
        }
        return;
    }
    if (screen == ScreenId::Thanks && now - lastInput_ >= settings_.thanksTimeout) {
        goToAttract(now);
        return;
    }
    if (now - lastInput_ >= settings_.idleTimeout) goToAttract(now);
}

std::optional<Transition> KioskController::transition(Millis now) {
    if (!fadeStart_) return std::nullopt;
    const float progress = std::clamp(static_cast<float>((now - *fadeStart_).count()) /
                                          static_cast<float>(settings_.crossfade.count()),
                                      0.0f, 1.0f);
    return Transition{&fadingFrom_, progress};
}

bool KioskController::needsRedraw(Millis) const {
    return !drawn_ || fadeStart_.has_value();
}

void KioskController::markDrawn(Millis) {
    drawn_ = true;
}

std::optional<Millis> KioskController::nextDeadline(Millis now) const {
    std::optional<Millis> next;
    const auto consider = [&](Millis at) { next = next ? std::min(*next, at) : at; };
    if (fadeStart_) consider(now + settings_.frameInterval);
    // Work under way: look for its outcome four times a second (a worker also wakes the loop when done), and
    // turn the seconds shown on the volunteer menu.
    if (work_.unfinished() > 0) consider(now + Millis(250));
    if (const auto press = gestures_.nextDeadline()) consider(*press);
    if (nav_.view().screen == ScreenId::Attract) {
        if (!pack_.slides.empty()) {
            const auto& slide =
                pack_.slides[static_cast<std::size_t>(nav_.view().item) % pack_.slides.size()];
            consider(slideStart_ + Millis(slide.durationMs));
        }
    } else if (nav_.view().screen == ScreenId::Pledge) {
        if (stillThere(now))
            consider(now + Millis(1000 - (now - lastInput_ - settings_.pledgeIdleQuestion).count() % 1000));
        else
            consider(lastInput_ + settings_.pledgeIdleQuestion);
        consider(lastInput_ + settings_.pledgeIdleClear);
    } else if (nav_.view().screen == ScreenId::Thanks) {
        consider(lastInput_ + settings_.thanksTimeout);
    } else {
        consider(lastInput_ + settings_.idleTimeout);
    }
    return next;
}

void KioskController::resize(Size screen) {
    if (screen == screen_) return;
    screen_ = screen;
    gestures_.setMinSwipeDistance(std::max(40, std::min(screen.w, screen.h) / 8));
    changed();
}

}  // namespace kiosk
