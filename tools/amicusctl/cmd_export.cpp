// `amicusctl export ID`: prints a draft as JSON on stdout (format in README.md).
#include "commands.h"
#include "draft_json.h"

#include <iostream>

namespace amicus::amicusctl {

int runExport(const Invocation& invocation)
{
    if (invocation.args.size() != 1) {
        return reportUsage("export takes one draft id");
    }
    const auto id = parseCount(invocation.args[0]);
    if (!id) {
        return reportUsage("export: `" + invocation.args[0] + "` is not a draft id");
    }
    int exitCode = exitOk;
    auto session = openSession(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    auto draft = session->store().draft(static_cast<std::int64_t>(*id));
    if (!draft) {
        return reportError(draft.error());
    }
    std::cout << draftToJson(*draft).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return exitOk;
}

} // namespace amicus::amicusctl
