// How amicusctl and amicus-intake tell the user what went wrong: "TOOL: MESSAGE" on standard
// error. A message may quote a file name, an upload or a catalog, so its control characters
// are never printed as they are.
#pragma once

#include <string_view>

namespace amicus::cli {

void printDiagnostic(std::string_view tool, std::string_view message);

} // namespace amicus::cli
