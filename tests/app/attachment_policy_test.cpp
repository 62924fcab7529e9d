// AttachmentPolicy: how many files a call takes, which sizes are taken in, and when only a
// photo's smaller copy can be sent.
#include "attachment_policy.h"

#include <gtest/gtest.h>
#include <limits>

using amicus::app::AttachmentPolicy;

namespace {

AttachmentPolicy policy(std::uint64_t bytes, std::uint64_t files)
{
    amicus::calls::CallLimits limits;
    limits.bytesPerAttachment = bytes;
    limits.attachmentsPerSubmission = files;
    return AttachmentPolicy(limits);
}

} // namespace

TEST(AttachmentPolicy, countsFilesAgainstTheCallsLimit)
{
    const auto three = policy(1000, 3);
    EXPECT_TRUE(three.allowsAnother(0));
    EXPECT_TRUE(three.allowsAnother(2));
    EXPECT_FALSE(three.allowsAnother(3));
    EXPECT_TRUE(policy(1000, 0).allowsAnother(500)); // 0: no limit
}

TEST(AttachmentPolicy, takesInAPhotoOverTheLimitForItsSmallerCopy)
{
    const auto small = policy(5'000'000, 5);
    EXPECT_EQ(small.largestImport(false), 5'000'000u);
    EXPECT_EQ(small.largestImport(true), AttachmentPolicy::largestPhotoBytes);
    EXPECT_FALSE(small.onlySmallerCopyFits(5'000'000));
    EXPECT_TRUE(small.onlySmallerCopyFits(5'000'001));
    // A limit above the photo bound stays the bound for photos too.
    const auto large = policy(200ull << 20, 5);
    EXPECT_EQ(large.largestImport(true), 200ull << 20);
}

TEST(AttachmentPolicy, noCallMeansNoLimit)
{
    const AttachmentPolicy none;
    EXPECT_EQ(none.bytesPerAttachment(), std::numeric_limits<std::uint64_t>::max());
    EXPECT_FALSE(none.onlySmallerCopyFits(std::numeric_limits<std::uint64_t>::max()));
    EXPECT_TRUE(none.allowsAnother(1000));
}
