// Which call a `--sample` screenshot answers: the built-in call as published (closed, its
// inputs published), or a labelled practice copy of it, open with a deadline four weeks
// ahead, as scripts/run.sh's demo secretariat issues it. Only an open call can be written to,
// reviewed and sent, so the screens of writing and sending show the practice call.
#pragma once

#include "calls/catalog.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <optional>

namespace amicus::app {

enum class SampleCall { Published, Practice };

// "published" or "practice"; nullopt for anything else.
[[nodiscard]] std::optional<SampleCall> sampleCallNamed(const QString& name);

// Practice for the screens that only an open call reaches (editor, review, export, envelope,
// outbox), the call as published for the others.
[[nodiscard]] SampleCall defaultSampleCall(const QString& screen);

// The catalog to show: the built-in one, or its practice copy issued at `nowUnixSeconds`.
[[nodiscard]] std::shared_ptr<const calls::Catalog> sampleCatalog(SampleCall call,
                                                                  std::int64_t nowUnixSeconds);

} // namespace amicus::app
