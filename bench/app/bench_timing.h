// Timing helpers the app benchmarks share: a thread's own CPU time and percentiles of samples.
#pragma once

#include <algorithm>
#include <cstddef>
#include <ctime>
#include <vector>

namespace amicus::bench {

// CPU time of the calling thread, in milliseconds.
inline double threadCpuMs()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// The p-th percentile (0..1) of values, interpolated between the two nearest ranks.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto low = static_cast<std::size_t>(rank);
    const auto high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

} // namespace amicus::bench
