// One builder a screen; Screens.cpp picks the one for the current view.
#pragma once

#include "core/Navigator.h"
#include "screens/SceneWriter.h"
#include "screens/Screens.h"

namespace kiosk::screens {

// Each returns the number of pages its current item needs.
int buildAttract(SceneWriter& out, const ScreenContext& context, const View& view);
int buildHome(SceneWriter& out, const ScreenContext& context);
int buildStory(SceneWriter& out, const ScreenContext& context, const View& view);
int buildTimeline(SceneWriter& out, const ScreenContext& context, const View& view);
int buildCases(SceneWriter& out, const ScreenContext& context, const View& view);
int buildCase(SceneWriter& out, const ScreenContext& context, const View& view);
int buildAct(SceneWriter& out, const ScreenContext& context, const View& view);
int buildCredits(SceneWriter& out, const ScreenContext& context, const View& view);
int buildPledge(SceneWriter& out, const ScreenContext& context, const View& view);
int buildThanks(SceneWriter& out, const ScreenContext& context, const View& view);
int buildAdminPin(SceneWriter& out, const ScreenContext& context);
int buildAdmin(SceneWriter& out, const ScreenContext& context);
// Drawn over any screen: the idle question before the form is cleared.
void addStillThere(SceneWriter& out, const ScreenContext& context, int seconds);

// The volunteer screens' palette, whatever the campaign's theme.
const Palette& adminPalette();

// "3 / 14"
std::string positionLabel(int item, int count);

}  // namespace kiosk::screens
