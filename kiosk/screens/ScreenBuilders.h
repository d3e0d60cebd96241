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
int buildCases(SceneWriter& out, const ScreenContext& context);
int buildCase(SceneWriter& out, const ScreenContext& context, const View& view);
int buildAct(SceneWriter& out, const ScreenContext& context, const View& view);
int buildCredits(SceneWriter& out, const ScreenContext& context, const View& view);

// "3 / 14"
std::string positionLabel(int item, int count);

} // namespace kiosk::screens
