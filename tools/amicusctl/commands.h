// One function per amicusctl command; each returns the process exit code.
#pragma once

#include "cli.h"

namespace amicus::amicusctl {

int runInit(const Invocation& invocation);
int runImportDraft(const Invocation& invocation);
int runShow(const Invocation& invocation);
int runList(const Invocation& invocation);
int runExport(const Invocation& invocation);
int runFinalize(const Invocation& invocation);
int runSync(const Invocation& invocation);
int runStatus(const Invocation& invocation);

} // namespace amicus::amicusctl
