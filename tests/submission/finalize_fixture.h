// A real vault with one finalize recipient and the built-in call, for the tests that change a
// vault's files or rows and expect finalize to refuse them.
#pragma once

#include "calls/builtin_catalog.h"
#include "crypto/age_keys.h"
#include "store/vault_session.h"
#include "test_temp_dir.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <utility>

namespace amicus::submission::testing {

class FinalizeFixture : public ::testing::Test {
protected:
    explicit FinalizeFixture(const char* tempName) : root_(tempName) {}

    void SetUp() override
    {
        crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        auto session = store::VaultSession::create(root_ / "data", "finalize test words", options);
        ASSERT_TRUE(session.ok());
        session_ = std::move(session).value();
        auto identity = crypto::X25519Identity::generate();
        ASSERT_TRUE(identity.ok());
        recipient_ = identity->recipient().toString();
        call_ = &calls::builtinCatalog().calls.front();
    }

    // A draft of the call with consent given and its first question answered: ready to finalize.
    std::int64_t draft()
    {
        auto& store = session_->store();
        const auto id = store.drafts().create(call_->id).value();
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Consent, "public").ok());
        EXPECT_TRUE(store.drafts().saveAnswer(id, call_->questions.front().id, "Text.").ok());
        return id;
    }

    test_support::TempDir root_; // declared first: it outlives the session
    std::unique_ptr<store::VaultSession> session_;
    std::string recipient_;
    const calls::Call* call_ = nullptr;
};

} // namespace amicus::submission::testing
