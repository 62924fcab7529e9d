#include "diagnostics.h"

#include "package/printable_text.h"

#include <cstdio>
#include <string>

namespace amicus::cli {

void printDiagnostic(std::string_view tool, std::string_view message)
{
    const std::string shown = package::printableText(std::string(message), 2000);
    std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(tool.size()), tool.data(), shown.c_str());
}

} // namespace amicus::cli
