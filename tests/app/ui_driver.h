// UiDriver: acts on the app's real window as a user does — finds items by objectName, scrolls
// them into view with the mouse wheel, clicks their centre, types on the keyboard — and
// refuses to touch what a user could not (hidden or disabled items).
#pragma once

#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <chrono>
#include <functional>

// Waits until `done` holds, handling events meanwhile. The budget counts this process's CPU
// time (every thread), not the wall clock: on a machine loaded by other work the app gets
// fewer seconds of CPU per second, and a wait on the wall clock fails while the app is only
// slower. `wallCap` still ends a wait for something that never comes (an idle process uses
// almost no CPU). True when `done` held in time.
[[nodiscard]] bool waitWhileWorking(const std::function<bool()>& done,
                                    std::chrono::milliseconds cpuBudget,
                                    std::chrono::milliseconds wallCap = std::chrono::minutes(2));

class UiDriver {
public:
    explicit UiDriver(QQuickWindow* window) : window_(window) {}

    // The visible item with this objectName (nullptr if none is visible): the window's items,
    // including popups and the items of every screen still on the stack.
    [[nodiscard]] QQuickItem* find(const QString& objectName) const;
    // Any item with this objectName, visible or not.
    [[nodiscard]] QQuickItem* findAny(const QString& objectName) const;

    // Scrolls the enclosing list or page with the wheel until `item` is inside its viewport;
    // false when it cannot be brought into view.
    [[nodiscard]] bool scrollIntoView(QQuickItem* item) const;
    // Clicks the centre of the visible, enabled item `objectName` after scrolling it into view;
    // false (with the reason in `why`) when a user could not click it.
    [[nodiscard]] bool click(const QString& objectName, QString* why = nullptr) const;
    [[nodiscard]] bool clickItem(QQuickItem* item, QString* why = nullptr) const;
    // Clicks the field and types `text` at the end of it, key by key.
    [[nodiscard]] bool type(const QString& objectName, const QString& text,
                            QString* why = nullptr) const;

    // Types `text` key by key into whatever has the keyboard focus.
    void typeText(const QString& text) const;

    [[nodiscard]] QQuickWindow* window() const { return window_; }

private:
    QPointer<QQuickWindow> window_;
};
