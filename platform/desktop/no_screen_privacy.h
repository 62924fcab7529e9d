// NoScreenPrivacy: the desktop's ScreenPrivacy. A desktop shows no snapshot of the app in a
// task switcher that the app could blank, so it says so and does nothing.
#pragma once

#include "screen_privacy.h"

namespace amicus::platform {

class NoScreenPrivacy : public ScreenPrivacy {
public:
    [[nodiscard]] bool canHideContent() const override { return false; }
    void setContentHidden(bool /*hidden*/) override {}
    [[nodiscard]] bool contentHidden() const override { return false; }
};

} // namespace amicus::platform
