#include "slow_sync_vfs.h"

#include <atomic>
#include <sqlite3.h>
#include <thread>

namespace amicus::testing {

namespace {

std::atomic<long long> gDelayMs{0};
sqlite3_vfs* gBase = nullptr;
sqlite3_vfs gSlow;
sqlite3_io_methods gMethods;
const sqlite3_io_methods* gBaseMethods = nullptr;

// Our file: the base VFS's file, with our methods in front of its own.
struct SlowFile {
    sqlite3_file base; // pMethods points at gMethods
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

sqlite3_file* realOf(sqlite3_file* file)
{
    return reinterpret_cast<SlowFile*>(file)->real();
}

int slowSync(sqlite3_file* file, int flags)
{
    if (const long long ms = gDelayMs.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
    return realOf(file)->pMethods->xSync(realOf(file), flags);
}

int slowOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    sqlite3_file* real = realOf(file);
    const int rc = gBase->xOpen(gBase, name, real, flags, outFlags);
    if (rc != SQLITE_OK || !real->pMethods) {
        file->pMethods = nullptr;
        return rc;
    }
    if (!gBaseMethods) {
        // Every method forwards to the base file; only xSync sleeps first.
        gBaseMethods = real->pMethods;
        gMethods = *gBaseMethods;
        gMethods.xClose = [](sqlite3_file* f) { return realOf(f)->pMethods->xClose(realOf(f)); };
        gMethods.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
            return realOf(f)->pMethods->xRead(realOf(f), b, n, o);
        };
        gMethods.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
            return realOf(f)->pMethods->xWrite(realOf(f), b, n, o);
        };
        gMethods.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) {
            return realOf(f)->pMethods->xTruncate(realOf(f), s);
        };
        gMethods.xSync = slowSync;
        gMethods.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) {
            return realOf(f)->pMethods->xFileSize(realOf(f), s);
        };
        gMethods.xLock = [](sqlite3_file* f, int l) {
            return realOf(f)->pMethods->xLock(realOf(f), l);
        };
        gMethods.xUnlock = [](sqlite3_file* f, int l) {
            return realOf(f)->pMethods->xUnlock(realOf(f), l);
        };
        gMethods.xCheckReservedLock = [](sqlite3_file* f, int* r) {
            return realOf(f)->pMethods->xCheckReservedLock(realOf(f), r);
        };
        gMethods.xFileControl = [](sqlite3_file* f, int op, void* a) {
            return realOf(f)->pMethods->xFileControl(realOf(f), op, a);
        };
        gMethods.xSectorSize = [](sqlite3_file* f) {
            return realOf(f)->pMethods->xSectorSize(realOf(f));
        };
        gMethods.xDeviceCharacteristics = [](sqlite3_file* f) {
            return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
        };
        gMethods.xShmMap = [](sqlite3_file* f, int p, int s, int e, void volatile** m) {
            return realOf(f)->pMethods->xShmMap(realOf(f), p, s, e, m);
        };
        gMethods.xShmLock = [](sqlite3_file* f, int o, int n, int fl) {
            return realOf(f)->pMethods->xShmLock(realOf(f), o, n, fl);
        };
        gMethods.xShmBarrier = [](sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); };
        gMethods.xShmUnmap = [](sqlite3_file* f, int d) {
            return realOf(f)->pMethods->xShmUnmap(realOf(f), d);
        };
        gMethods.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
            return realOf(f)->pMethods->xFetch(realOf(f), o, n, p);
        };
        gMethods.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
            return realOf(f)->pMethods->xUnfetch(realOf(f), o, p);
        };
    }
    file->pMethods = &gMethods;
    return SQLITE_OK;
}

} // namespace

void slowDownSqliteSync(std::chrono::milliseconds delay)
{
    gDelayMs = delay.count();
    if (gBase) {
        return;
    }
    sqlite3_initialize();
    gBase = sqlite3_vfs_find(nullptr);
    gSlow = *gBase;
    gSlow.zName = "amicus-slow-sync";
    gSlow.pNext = nullptr;
    gSlow.szOsFile = static_cast<int>(sizeof(SlowFile)) + gBase->szOsFile;
    gSlow.xOpen = slowOpen;
    sqlite3_vfs_register(&gSlow, 1);
}

} // namespace amicus::testing
