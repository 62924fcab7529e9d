// ScreenPrivacy: keeping personal text out of the task switcher's snapshot and of screenshots
// where the OS allows it (Android FLAG_SECURE, a cover view over the window on iOS before the
// snapshot; docs/mobile.md). The desktop offers nothing of the kind.
#pragma once

namespace amicus::platform {

// One implementation per OS, a fake for tests.
class ScreenPrivacy {
public:
    ScreenPrivacy() = default;
    ScreenPrivacy(const ScreenPrivacy&) = delete;
    ScreenPrivacy& operator=(const ScreenPrivacy&) = delete;
    virtual ~ScreenPrivacy() = default;

    // True when this OS can keep the window's content out of snapshots.
    [[nodiscard]] virtual bool canHideContent() const = 0;
    // Hides (or shows again) the window's content from snapshots; the app hides it while a
    // vault is unlocked and when it leaves the screen. A no-op where canHideContent() is false.
    virtual void setContentHidden(bool hidden) = 0;
    [[nodiscard]] virtual bool contentHidden() const = 0;
};

} // namespace amicus::platform
