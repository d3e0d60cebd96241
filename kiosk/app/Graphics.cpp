// Building the font library from the theme's families.
#include "app/Graphics.h"

namespace kiosk::app {

std::unique_ptr<TextAndImages> TextAndImages::create(const content::ThemeFonts& fonts, std::string& error) {
    text::FontFamilies families;
    families.latin = fonts.latin;
    families.han = fonts.han;
    families.tamil = fonts.tamil;
    auto library = text::FontLibrary::create(families);
    if (!library) {
        error = library.error().message;
        return nullptr;
    }
    return std::make_unique<TextAndImages>(std::move(library).value());
}

}  // namespace kiosk::app
