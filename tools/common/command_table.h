// The sub-commands of a command line (`TOOL COMMAND ARGS...`): a table each tool fills in, the
// look-up of the command the user named, and the command list its help prints.
#pragma once

#include <algorithm>
#include <ostream>
#include <span>
#include <string_view>

namespace amicus::cli {

// `Run` is the tool's command function type: what a command receives differs by tool.
template <typename Run>
struct Command {
    std::string_view name;
    std::string_view usage;   // the argument synopsis
    std::string_view summary; // one line
    Run run;
};

// The command named `name`, nullptr when the table has none.
template <typename Run>
[[nodiscard]] const Command<Run>* findCommand(std::span<const Command<Run>> table,
                                              std::string_view name)
{
    const auto it = std::find_if(table.begin(), table.end(), [name](const Command<Run>& command) {
        return command.name == name;
    });
    return it == table.end() ? nullptr : &*it;
}

// "  NAME USAGE" and under it "      SUMMARY", one command after the other.
template <typename Run>
void printCommandList(std::ostream& out, std::span<const Command<Run>> table)
{
    for (const auto& command : table) {
        out << "  " << command.name;
        if (!command.usage.empty()) {
            out << " " << command.usage;
        }
        out << "\n      " << command.summary << "\n";
    }
}

} // namespace amicus::cli
