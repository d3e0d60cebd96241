// Frame-generation eviction for the texture cache.
#include "render/TextureCache.h"

namespace kiosk::render {

SDL_Texture* TextureCache::get(const std::string& key, const std::function<TexturePtr()>& make) {
    auto found = entries_.find(key);
    if (found != entries_.end()) {
        found->second.lastUsed = frame_;
        return found->second.texture.get();
    }
    TexturePtr texture = make();
    if (!texture) return nullptr;
    SDL_Texture* raw = texture.get();
    entries_.emplace(key, Entry{std::move(texture), frame_});
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
