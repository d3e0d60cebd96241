// Lookups over a scene's widgets.
#include "core/Scene.h"

namespace kiosk {

const Widget* Scene::find(std::string_view id) const {
    for (const auto& w : widgets)
        if (w.id == id) return &w;
    return nullptr;
}

const Widget* Scene::hit(Point p) const {
    for (auto it = widgets.rbegin(); it != widgets.rend(); ++it)
        if (it->tappable && it->rect.contains(p)) return &*it;
    return nullptr;
}

}  // namespace kiosk
