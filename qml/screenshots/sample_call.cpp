#include "sample_call.h"

#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"

#include <QStringList>

namespace amicus::app {

namespace {

// As long as scripts/run.sh's practice call stays open.
constexpr int kPracticeDaysAhead = 28;

} // namespace

std::optional<SampleCall> sampleCallNamed(const QString& name)
{
    if (name == QStringLiteral("published")) {
        return SampleCall::Published;
    }
    if (name == QStringLiteral("practice")) {
        return SampleCall::Practice;
    }
    return std::nullopt;
}

SampleCall defaultSampleCall(const QString& screen)
{
    static const QStringList openOnly{QStringLiteral("editor"), QStringLiteral("review"),
                                      QStringLiteral("export"), QStringLiteral("envelope"),
                                      QStringLiteral("outbox")};
    return openOnly.contains(screen) ? SampleCall::Practice : SampleCall::Published;
}

std::shared_ptr<const calls::Catalog> sampleCatalog(SampleCall call, std::int64_t nowUnixSeconds)
{
    if (call == SampleCall::Practice) {
        return std::make_shared<const calls::Catalog>(
            calls::builtinPracticeCatalog(nowUnixSeconds, kPracticeDaysAhead));
    }
    // The built-in catalog lives as long as the program: a holder without ownership.
    return {std::shared_ptr<const calls::Catalog>(), &calls::builtinCatalog()};
}

} // namespace amicus::app
