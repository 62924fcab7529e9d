// Navigator: which screens the window shows, as a typed route — the screen at the root for the
// vault's state (set-up, unlock, home), the screens pushed over it with what they show (a call,
// a draft) and home's tab. The window's StackView carries out what it asks (the *Requested
// signals) and every move goes through it, so the route is always the stack's. At a lock it
// keeps the route (screen kinds and ids only, never text; the screens themselves go) and, at
// the next unlock, asks for it again: the user is back in the draft they were typing in.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <vector>

class QJSEngine;
class QQmlEngine;

namespace amicus::app {
class AppContext;
class AppServices;
} // namespace amicus::app

class Navigator : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // The screens on the stack, the root included.
    Q_PROPERTY(int depth READ depth NOTIFY routeChanged)
    Q_PROPERTY(Screen top READ top NOTIFY routeChanged)

public:
    enum class Screen { Setup, Unlock, Home, Call, Editor, Review };
    Q_ENUM(Screen)
    // Home's tabs, in the order the tab bar shows them.
    enum class Tab { Calls, Drafts, Outbox, Settings };
    Q_ENUM(Tab)

    explicit Navigator(amicus::app::AppContext& context, QObject* parent = nullptr);
    // The engine's one Navigator, over the services it was handed (AppServices::provideTo).
    static Navigator* create(QQmlEngine* engine, QJSEngine* scriptEngine);

    // The QML file of `screen`, relative to Main.qml (compiled on first use).
    Q_INVOKABLE static QString fileOf(Navigator::Screen screen);
    // The objectName of `tab`'s button on the home screen.
    Q_INVOKABLE static QString tabName(Navigator::Tab tab);

    int depth() const { return 1 + static_cast<int>(route_.size()); }
    Screen top() const
    {
        return route_.empty() ? root_.value_or(rootScreen()) : route_.back().screen;
    }
    // The root screen for the vault's state now.
    Screen rootScreen() const;

    // The stack becomes the root screen for the vault's state (the window calls this once it
    // is ready; the navigator calls it itself when the state changes).
    Q_INVOKABLE void showRoot();
    // Opens call `callId`, draft `draftId` in the editor, or its review, over what is shown.
    Q_INVOKABLE void openCall(const QString& callId);
    Q_INVOKABLE void openDraft(int draftId);
    Q_INVOKABLE void openReview(int draftId);
    // The top screen becomes the editor of `draftId` (a draft just started from a call).
    Q_INVOKABLE void replaceWithDraft(int draftId);
    // One screen back; false on the root screen (the OS does as usual then).
    Q_INVOKABLE bool back();
    // Back to the home screen, on `tab`.
    Q_INVOKABLE void home(Navigator::Tab tab);
    // The user chose another tab on the home screen (remembered for after a lock).
    Q_INVOKABLE void tabShown(Navigator::Tab tab);

    // For `amicus --screenshot FILE --screen NAME`: shows the screen that NAME (as `--help`
    // lists them) names; the editor and review (and "export") show draft `draftId`, the call
    // screen call `callId`. False when NAME names no screen or a draft is needed and missing.
    Q_INVOKABLE bool showNamed(const QString& name, int draftId, const QString& callId);

signals:
    void routeChanged();
    // The window's stack becomes `screen` alone, without a transition.
    void resetRequested(Navigator::Screen screen);
    // The window pushes `screen` made with `properties` (a transition unless `immediate`).
    void pushRequested(Navigator::Screen screen, const QVariantMap& properties, bool immediate);
    // The window replaces its top screen with `screen` made with `properties`.
    void replaceTopRequested(Navigator::Screen screen, const QVariantMap& properties);
    // The window pops `count` screens.
    void popRequested(int count);
    // The home screen shows `tab`.
    void tabRequested(Navigator::Tab tab);

private:
    struct Step {
        Screen screen = Screen::Home;
        int draftId = -1;
        QString callId;
    };
    static QVariantMap propertiesOf(const Step& step);
    void push(Step step, bool immediate = false);
    void reset(Screen root);
    void vaultStateChanged();

    amicus::app::AppContext& context_;
    // The screens above the root, bottom first; the root is rootScreen() (or root_ while the
    // window shows one the state does not imply: the screenshot command's set-up and unlock).
    std::vector<Step> route_;
    std::optional<Screen> root_;
    Tab tab_ = Tab::Calls;
    // What the stack held when the vault locked, until it opens again.
    std::optional<std::pair<std::vector<Step>, Tab>> routeAtLock_;
    Screen lastRoot_ = Screen::Setup;
};
