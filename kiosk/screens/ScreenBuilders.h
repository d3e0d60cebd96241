// One builder a screen, `buildName` for each row of core/ScreenTable.h; Screens.cpp picks the one for the
// current view.
#pragma once

#include "core/Navigator.h"
#include "screens/SceneWriter.h"
#include "screens/Screens.h"

namespace kiosk::screens {

// Each returns the number of pages its current item needs.
using ScreenBuilder = int (*)(SceneWriter& out, const ScreenContext& context, const View& view);
#define KIOSK_SCREEN_BUILDER(id, name, items, family)                                                        \
    int build##id(SceneWriter& out, const ScreenContext& context, const View& view);
KIOSK_SCREENS(KIOSK_SCREEN_BUILDER)
#undef KIOSK_SCREEN_BUILDER
// Drawn over any screen: the idle question before the form is cleared.
void addStillThere(SceneWriter& out, const ScreenContext& context, int seconds);

// The volunteer screens' palette, whatever the campaign's theme.
const Palette& adminPalette();

// "3 / 14"
std::string positionLabel(int item, int count);

}  // namespace kiosk::screens
