#include "navigator.h"

#include "app_context.h"
#include "app_services.h"

#include <QQmlEngine>

using amicus::app::AppContext;
using amicus::app::AppServices;

Navigator::Navigator(AppContext& context, QObject* parent) : QObject(parent), context_(context)
{
    lastRoot_ = rootScreen();
    connect(&context_, &AppContext::sessionChanged, this, &Navigator::vaultStateChanged);
}

Navigator* Navigator::create(QQmlEngine* engine, QJSEngine*)
{
    AppServices* services = AppServices::of(engine);
    Q_ASSERT_X(services, "Navigator", "the engine was handed no AppServices");
    return new Navigator(services->context());
}

QString Navigator::fileOf(Screen screen)
{
    switch (screen) {
    case Screen::Setup:
        return QStringLiteral("screens/setup/SetupScreen.qml");
    case Screen::Unlock:
        return QStringLiteral("screens/unlock/UnlockScreen.qml");
    case Screen::Home:
        return QStringLiteral("screens/home/HomeScreen.qml");
    case Screen::Call:
        return QStringLiteral("screens/calls/CallScreen.qml");
    case Screen::Editor:
        return QStringLiteral("screens/editor/DraftEditorScreen.qml");
    case Screen::Review:
        return QStringLiteral("screens/review/ReviewScreen.qml");
    }
    return {};
}

QString Navigator::tabName(Tab tab)
{
    switch (tab) {
    case Tab::Calls:
        return QStringLiteral("callsTab");
    case Tab::Drafts:
        return QStringLiteral("draftsTab");
    case Tab::Outbox:
        return QStringLiteral("outboxTab");
    case Tab::Settings:
        return QStringLiteral("settingsTab");
    }
    return {};
}

Navigator::Screen Navigator::rootScreen() const
{
    switch (context_.vaultState()) {
    case AppContext::VaultState::Open:
        return Screen::Home;
    case AppContext::VaultState::Locked:
        return Screen::Unlock;
    case AppContext::VaultState::None:
        break;
    }
    return Screen::Setup;
}

QVariantMap Navigator::propertiesOf(const Step& step)
{
    switch (step.screen) {
    case Screen::Call:
        return {{QStringLiteral("callId"), step.callId}};
    case Screen::Editor:
    case Screen::Review:
        return {{QStringLiteral("draftId"), step.draftId}};
    default:
        return {};
    }
}

void Navigator::reset(Screen root)
{
    route_.clear();
    root_ = root == rootScreen() ? std::nullopt : std::optional(root);
    tab_ = Tab::Calls;
    emit resetRequested(root);
    emit routeChanged();
}

void Navigator::push(Step step, bool immediate)
{
    route_.push_back(step);
    emit pushRequested(step.screen, propertiesOf(step), immediate);
    emit routeChanged();
}

void Navigator::showRoot()
{
    lastRoot_ = rootScreen();
    reset(lastRoot_);
}

void Navigator::openCall(const QString& callId)
{
    push({Screen::Call, -1, callId});
}

void Navigator::openDraft(int draftId)
{
    push({Screen::Editor, draftId, {}});
}

void Navigator::openReview(int draftId)
{
    push({Screen::Review, draftId, {}});
}

void Navigator::replaceWithDraft(int draftId)
{
    if (route_.empty()) {
        openDraft(draftId);
        return;
    }
    route_.back() = {Screen::Editor, draftId, {}};
    emit replaceTopRequested(Screen::Editor, propertiesOf(route_.back()));
    emit routeChanged();
}

bool Navigator::back()
{
    if (route_.empty()) {
        return false;
    }
    route_.pop_back();
    emit popRequested(1);
    emit routeChanged();
    return true;
}

void Navigator::home(Tab tab)
{
    if (!route_.empty()) {
        const int count = static_cast<int>(route_.size());
        route_.clear();
        emit popRequested(count);
        emit routeChanged();
    }
    tabShown(tab);
    emit tabRequested(tab);
}

void Navigator::tabShown(Tab tab)
{
    tab_ = tab;
}

bool Navigator::showNamed(const QString& name, int draftId, const QString& callId)
{
    static const QHash<QString, Tab> tabs{{QStringLiteral("calls"), Tab::Calls},
                                          {QStringLiteral("drafts"), Tab::Drafts},
                                          {QStringLiteral("outbox"), Tab::Outbox},
                                          {QStringLiteral("settings"), Tab::Settings}};
    if (name == QStringLiteral("first")) {
        return true;
    }
    if (name == QStringLiteral("setup")) {
        reset(Screen::Setup);
        return true;
    }
    if (name == QStringLiteral("unlock")) {
        reset(Screen::Unlock);
        return true;
    }
    if (tabs.contains(name)) {
        reset(Screen::Home);
        home(tabs.value(name));
        return true;
    }
    if (name == QStringLiteral("call")) {
        reset(Screen::Home);
        push({Screen::Call, -1, callId}, true);
        return true;
    }
    const bool editor = name == QStringLiteral("editor");
    if (editor || name == QStringLiteral("review") || name == QStringLiteral("export")) {
        if (draftId <= 0) {
            return false;
        }
        reset(Screen::Home);
        push({editor ? Screen::Editor : Screen::Review, draftId, {}}, true);
        return true;
    }
    return false;
}

void Navigator::vaultStateChanged()
{
    const Screen root = rootScreen();
    if (root == lastRoot_) {
        return;
    }
    const Screen previous = lastRoot_;
    lastRoot_ = root;
    // Only screen kinds and ids are kept, never text; the screens themselves go now.
    if (previous == Screen::Home && root == Screen::Unlock) {
        routeAtLock_.emplace(route_, tab_);
    }
    auto restore = root == Screen::Home ? std::exchange(routeAtLock_, std::nullopt) : std::nullopt;
    if (root != Screen::Home && root != Screen::Unlock) {
        routeAtLock_.reset();
    }
    reset(root);
    if (restore) {
        tab_ = restore->second;
        emit tabRequested(tab_);
        for (const Step& step : restore->first) {
            push(step, true);
        }
    }
}
