#!/usr/bin/env bash
# Fails, naming the files, when a tracked C++ file differs from .clang-format's output.
set -euo pipefail
clang_format=${1:-clang-format}
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find core platform qml tools tests bench -name '*.cpp' -o -name '*.h')
unformatted=()
for file in "${files[@]}"; do
    [ -f "$file" ] || continue
    if ! "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1; then
        unformatted+=("$file")
    fi
done
if [ ${#unformatted[@]} -gt 0 ]; then
    echo "Not formatted with .clang-format (run clang-format -i on them):"
    printf '  %s\n' "${unformatted[@]}"
    exit 1
fi
echo "${#files[@]} C++ files formatted"
