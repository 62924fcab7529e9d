// Every test program of the app keeps its settings (QSettings: the language, the sending policy,
// the auto-lock delay) in a folder of its own process, made when its QCoreApplication starts and
// removed at exit. Without it they would all share one file (test mode's
// ~/.qttest/config/Amicus/Amicus.conf, or the build tree's XDG_CONFIG_HOME) with every other
// test process on the machine: other worktrees' and CI's runs, and this run's -j2 neighbours.
#pragma once

#include <QString>

namespace amicus::testing {

// The folder this process's settings are kept in.
[[nodiscard]] QString ownSettingsFolder();

} // namespace amicus::testing
