// Frame-generation eviction and a byte budget for the texture cache.
#include "render/TextureCache.h"

#include <string.h>

namespace kiosk::render {

namespace {
std::size_t textureBytes(SDL_Texture* texture) {
    Uint32 format = 0;
    int w = 0;
    int h = 0;
    if (SDL_QueryTexture(texture, &format, nullptr, &w, &h) != 0) return 0;
    return static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * SDL_BYTESPERPIXEL(format);
}
}  // namespace

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
    const std::size_t bytes = textureBytes(raw);
    entries_.emplace(std::piecewise_construct, std::forward_as_tuple(key),
                     std::forward_as_tuple(Entry{std::move(texture), frame_, bytes}));
    bytes_ += bytes;
    if (bytes_ > budget_) trim();
    return raw;
}

// Textures of this frame stay (a draw may still be queued with them); older ones go, oldest first.
void TextureCache::trim() {
    while (bytes_ > budget_) {
        auto oldest = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.lastUsed < frame_ &&
                (oldest == entries_.end() || it->second.lastUsed < oldest->second.lastUsed))
                oldest = it;
        }
        if (oldest == entries_.end()) return;
        bytes_ -= oldest->second.bytes;
        entries_.erase(oldest);
    }
}

void TextureCache::endFrame(int keepFrames) {
    ++frame_;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (frame_ - it->second.lastUsed > static_cast<std::uint64_t>(keepFrames)) {
            bytes_ -= it->second.bytes;
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace kiosk::render
