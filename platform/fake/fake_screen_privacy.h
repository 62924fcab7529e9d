// FakeScreenPrivacy: a ScreenPrivacy that can hide (as a phone's) and records each change.
#pragma once

#include "screen_privacy.h"

#include <QList>

namespace amicus::platform {

class FakeScreenPrivacy : public ScreenPrivacy {
public:
    [[nodiscard]] bool canHideContent() const override { return true; }
    void setContentHidden(bool hidden) override
    {
        if (hidden != hidden_) {
            hidden_ = hidden;
            changes_.append(hidden);
        }
    }
    [[nodiscard]] bool contentHidden() const override { return hidden_; }
    // Each change of contentHidden(), oldest first.
    [[nodiscard]] const QList<bool>& changes() const { return changes_; }

private:
    bool hidden_ = false;
    QList<bool> changes_;
};

} // namespace amicus::platform
