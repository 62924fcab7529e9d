// The application-wide set-up shared by the amicus executable and the QML tests.
#pragma once

class QQmlEngine;

namespace amicus::app {

// Names the application (for settings paths) and picks the Material style.
// Call after constructing QGuiApplication, before creating a QML engine.
void configureApplication();

// Makes the statically linked Amicus QML module importable from this engine and puts the
// UI language in place. Call before loading any QML.
void configureEngine(QQmlEngine& engine);

} // namespace amicus::app
