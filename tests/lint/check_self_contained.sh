#!/usr/bin/env bash
# Fails, naming file and line, when a tracked file refers to something outside the repository:
# the team's folder beside our checkouts, or an absolute path of a build machine. A person who
# clones the repository has nothing else, so every test input and document must be inside it.
set -euo pipefail
# The patterns are split so this script does not match itself.
outside='\.\./'"shared"'|(^|[^A-Za-z0-9_.-])/'"work"'/|(^|[^A-Za-z0-9_.-])/'"root"'/'
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files)
else
    mapfile -t files < <(find . -path ./.git -prune -o -path './build*' -prune \
                             -o -name node_modules -prune -o -type f -print)
fi
found=0
for file in "${files[@]}"; do
    [ -f "$file" ] || continue
    # Binary files (screenshots, test vectors) cannot hold a path anyone reads.
    grep -Iq . "$file" 2>/dev/null || continue
    if grep -nHE "$outside" "$file"; then
        found=1
    fi
done
if [ "$found" = 1 ]; then
    echo "These tracked files refer to something outside the repository (see above): carry what"
    echo "they need inside it, or describe it without a machine's path."
    exit 1
fi
echo "${#files[@]} files checked: none refers outside the repository"
