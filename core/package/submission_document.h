// The files a package holds besides the attachments: submission.json, the readable
// rendering, and the safe tar names of the attachments. Pure functions, so tests can check
// each rule apart from the streaming.
#pragma once

#include "package/submission_package.h"

#include <string>
#include <string_view>
#include <vector>

namespace amicus::package {

// Paths inside the tar.
inline constexpr std::string_view manifestPath = "submission.json";
inline constexpr std::string_view renderingPath = "submission.md";
inline constexpr std::string_view attachmentsDir = "attachments";

// A file name safe on every file system the secretariat may extract to: the last path
// component only, no control, bidi-override or reserved characters, no leading dots, no
// device names, valid UTF-8 (other bytes become '_'), at most 200 bytes, never empty.
[[nodiscard]] std::string sanitizeFileName(std::string_view name);

// Sanitized names, one per input, made unique (ASCII case-insensitively) by a " (2)", " (3)"…
// before the extension.
[[nodiscard]] std::vector<std::string> uniqueFileNames(const std::vector<std::string>& names);

// submission.json for `submission`, whose attachments sit at `attachmentNames` (from
// uniqueFileNames) under attachments/. UTF-8, ends with a newline.
[[nodiscard]] std::string buildManifest(const SubmissionPackage& submission,
                                        const std::vector<std::string>& attachmentNames);

// submission.md: layoutToMarkdown(layoutSubmission(...)) (see readable_layout.h), labels in the
// submission's language (English for a language we do not know).
[[nodiscard]] std::string renderSubmission(const SubmissionPackage& submission,
                                           const std::vector<std::string>& attachmentNames);

// "YYYY-MM-DDTHH:MM:SSZ".
[[nodiscard]] std::string formatUtc(std::chrono::system_clock::time_point time);

} // namespace amicus::package
