// Frame-generation eviction for the texture cache.
#include "render/TextureCache.h"

#include <string.h>

namespace kiosk::render {

TextureCache::WipedKey::~WipedKey() {
    explicit_bzero(text.data(), text.size());
}

SDL_Texture* TextureCache::get(const std::string& key, const std::function<TexturePtr()>& make) {
    auto found = entries_.find(std::string_view(key));
    if (found != entries_.end()) {
        found->second.lastUsed = frame_;
        return found->second.texture.get();
    }
    TexturePtr texture = make();
    if (!texture) return nullptr;
    SDL_Texture* raw = texture.get();
    entries_.emplace(std::piecewise_construct, std::forward_as_tuple(key),
                     std::forward_as_tuple(Entry{std::move(texture), frame_}));
    return raw;
}

void TextureCache::endFrame(int keepFrames) {
    ++frame_;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (frame_ - it->second.lastUsed > static_cast<std::uint64_t>(keepFrames))
            it = entries_.erase(it);
        else
            ++it;
    }
}

}  // namespace kiosk::render
