// Textures kept while they are on screen and freed a few frames after they are not: text, images, QR codes.
#pragma once

#include "render/SdlPtr.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

namespace kiosk::render {

class TextureCache {
public:
    // The texture for `key`, made by `make` on a miss (which may return null: then nothing is cached).
    SDL_Texture* get(const std::string& key, const std::function<TexturePtr()>& make);
    // Call once a frame: entries unused for `keepFrames` frames are destroyed.
    void endFrame(int keepFrames = 3);
    std::size_t size() const { return entries_.size(); }
    void clear() { entries_.clear(); }

private:
    struct Entry {
        TexturePtr texture;
        std::uint64_t lastUsed = 0;
    };
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t frame_ = 0;
};

}  // namespace kiosk::render
