// A SQLite VFS over the default one whose every sync (fsync of the database or its WAL) first
// sleeps for a set time: a phone's slow flash, for the autosave's kill -9 test and benchmark.
// Everything else is the default VFS's, so durability is unchanged (the real fsync still runs).
#pragma once

#include <chrono>

namespace amicus::testing {

// Makes every connection opened from now on in this process use the slowed VFS (registered as
// the default). Call again to change the delay; zero makes syncs as fast as the disk.
void slowDownSqliteSync(std::chrono::milliseconds delay);

} // namespace amicus::testing
