#include "app_setup.h"

#include "ui_language.h"

#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickStyle>

namespace amicus::app {

void configureApplication()
{
    QGuiApplication::setOrganizationName(QStringLiteral("Amicus"));
    QGuiApplication::setApplicationName(QStringLiteral("Amicus"));
    QGuiApplication::setApplicationVersion(QStringLiteral(AMICUS_VERSION));
    // The installed desktop file (packaging/org.amicus.Amicus.desktop): Wayland shells, Phosh
    // among them, find the window's icon and name through it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.amicus.Amicus"));
    QQuickStyle::setStyle(QStringLiteral("Material"));
}

void configureEngine(QQmlEngine& engine)
{
    // Qt 6.4 does not yet look in qrc:/qt/qml by default; newer Qt does, and a repeat is harmless.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    UiLanguage::installInitial();
}

} // namespace amicus::app
