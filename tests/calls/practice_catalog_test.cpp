// The practice re-issue of a catalog (the demo secretariat's, and what tests that send use):
// open, labelled in every language, never pointing at the real secretariat's mailbox.
#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"

#include <gtest/gtest.h>

namespace amicus::calls {
namespace {

TEST(PracticeCatalog, FormatsInstantsAsTheParserReadsThem)
{
    EXPECT_EQ(rfc3339Utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(rfc3339Utc(1796083200), "2026-12-01T00:00:00Z");
    EXPECT_EQ(rfc3339Utc(951825599), "2000-02-29T11:59:59Z");
    EXPECT_EQ(rfc3339Utc(-1), "1969-12-31T23:59:59Z");
}

TEST(PracticeCatalog, ReissuesTheClosedSeedCallOpenAndLabelled)
{
    PracticeOptions options;
    options.sequence = 1'765'000'000;
    options.issuedAtUnixSeconds = 1796083200;
    options.deadlineUnixSeconds = 1796083200 + 28 * 86400;
    const auto bytes = practiceCatalogJson(builtinCatalogBytes(), options);
    ASSERT_TRUE(bytes.ok());
    const auto parsed = parseCatalog(*bytes);
    ASSERT_TRUE(parsed.ok()) << catalogErrorName(parsed.error().code) << " " << parsed.error().path;
    EXPECT_EQ(parsed->sequence, 1'765'000'000u);
    EXPECT_EQ(parsed->issuedAt.text, "2026-12-01T00:00:00Z");
    ASSERT_EQ(parsed->calls.size(), 1u);
    const Call& call = parsed->calls[0];
    const Call& seed = builtinCatalog().calls[0];
    EXPECT_EQ(call.id, seed.id); // drafts of the practice call are drafts of the same call
    EXPECT_EQ(call.status, CallStatus::Open);
    EXPECT_FALSE(call.inputsPublished);
    EXPECT_FALSE(call.contact.has_value());
    ASSERT_TRUE(call.deadline.has_value());
    EXPECT_EQ(call.deadline->text, "2026-12-29T00:00:00Z");
    EXPECT_EQ(call.title.text(Language::En), "Practice call – " + seed.title.text(Language::En));
    EXPECT_EQ(call.title.text(Language::Fr).rfind("Appel d’essai – ", 0), 0u);
    EXPECT_EQ(call.title.text(Language::Es).rfind("Convocatoria de práctica – ", 0), 0u);
    ASSERT_TRUE(call.summary.has_value());
    for (Language language : allLanguages) {
        EXPECT_FALSE(call.summary->isFallback(language));
    }
    EXPECT_EQ(call.questions.size(), seed.questions.size());
}

TEST(PracticeCatalog, RefusesWhatIsNotACatalog)
{
    const auto result = practiceCatalogJson("{\"format\": \"amicus-catalog/1\"}", {});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CatalogErrorCode::MissingField);
}

TEST(PracticeCatalog, BuiltinPracticeCatalogIsOpenUntilDaysAhead)
{
    const Catalog catalog = builtinPracticeCatalog(1'800'000'000, 10);
    const Call& call = catalog.calls.at(0);
    EXPECT_TRUE(call.acceptsSubmissionsAt(1'800'000'000));
    EXPECT_FALSE(call.deadlinePassedAt(1'800'000'000 + 10 * 86400 - 1));
    EXPECT_TRUE(call.deadlinePassedAt(1'800'000'000 + 10 * 86400));
}

} // namespace
} // namespace amicus::calls
