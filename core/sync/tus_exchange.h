// One tus request and its answer, as TusUpload's steps (tus_upload.cpp), its transfer over
// libcurl (tus_transfer.cpp) and the reading of its answers (tus_answers.cpp) share it.
// Internal to amicus_sync.
#pragma once

#include "net/http_client.h"
#include "sync/tus_upload.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace amicus::sync {

// The request (method, URL, headers, the PATCH body's place in the envelope file), the live
// state of its transfer, and the answer (status, headers, body: the HttpResponse part).
struct TusUpload::Exchange : net::HttpResponse {
    enum class Method { Head, Post, Patch, Delete, Get };
    Method method = Method::Get;
    std::string url;
    std::vector<std::string> requestHeaders;
    // PATCH body: bytes [bodyOffset, bodyOffset + bodyLength) of fd.
    int fd = -1;
    std::uint64_t bodyOffset = 0;
    std::uint64_t bodyLength = 0;
    std::uint64_t bodySent = 0;
    std::uint64_t rewindLimit = 0; // see onSeek in tus_transfer.cpp
    // Body bytes written to the connection: libcurl's count for the try under way (as its
    // progress callback last reported it), and those of earlier tries of this request, which
    // libcurl's own count forgets when it sends the request again (see onProgress).
    std::uint64_t writtenThisTry = 0;
    std::uint64_t writtenEarlierTries = 0;
    std::uint64_t totalSize = 0;
    int readErrno = 0;
    bool readFailed = false;
    TusUpload* owner = nullptr;
    std::chrono::steady_clock::time_point started;
    // Stall watch: when the byte counts last moved. libcurl's own low-speed check averages
    // over several seconds, so after a fast burst it notices a dead link late.
    std::chrono::steady_clock::time_point lastMove;
    std::uint64_t lastBytes = 0;
    std::chrono::milliseconds stallWindow{0};
    bool stalled = false;
    double seconds = 0;
};

} // namespace amicus::sync
