// Textures kept while they are on screen and freed a few frames after they are not, within a memory budget:
// text, images, QR codes.
#pragma once

#include "render/SdlPtr.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kiosk::render {

class TextureCache {
public:
    // A text line at 1920x1080 is up to a megabyte; a screen of them, and the screen before it, fit.
    static constexpr std::size_t kDefaultBudgetBytes = 12u << 20;

    explicit TextureCache(std::size_t budgetBytes = kDefaultBudgetBytes) : budget_(budgetBytes) {}

    // The texture for `key`, made by `make` on a miss (which may return null: then nothing is cached). When
    // the cache would go over its budget, textures not used in this frame go first, least recently used
    // first.
    SDL_Texture* get(const std::string& key, const std::function<TexturePtr()>& make);
    // Call once a frame: entries unused for `keepFrames` frames are destroyed.
    void endFrame(int keepFrames = 3);
    std::size_t size() const { return entries_.size(); }
    std::size_t bytes() const { return bytes_; }
    void clear() {
        entries_.clear();
        bytes_ = 0;
    }

private:
    // Keys carry what visitors typed ("lang|px|colour|text"): zeroed when the entry goes, not just freed.
    struct WipedKey {
        std::string text;
        explicit WipedKey(std::string_view key) : text(key) {}
        WipedKey(const WipedKey&) = delete;
        WipedKey& operator=(const WipedKey&) = delete;
        ~WipedKey();
    };
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
        std::size_t operator()(const WipedKey& key) const { return (*this)(std::string_view(key.text)); }
    };
    struct KeyEqual {
        using is_transparent = void;
        static std::string_view view(std::string_view key) { return key; }
        static std::string_view view(const WipedKey& key) { return key.text; }
        template <class A, class B> bool operator()(const A& a, const B& b) const {
            return view(a) == view(b);
        }
    };
    struct Entry {
        TexturePtr texture;
        std::uint64_t lastUsed = 0;
        std::size_t bytes = 0;
    };
    void trim();

    std::unordered_map<WipedKey, Entry, KeyHash, KeyEqual> entries_;
    std::uint64_t frame_ = 0;
    std::size_t budget_;
    std::size_t bytes_ = 0;
};

}  // namespace kiosk::render
