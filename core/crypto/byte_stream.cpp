#include "crypto/byte_stream.h"

#include "common/write_all.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::crypto {

namespace {
IoError systemError(const char* what)
{
    const int code = errno;
    return IoError{code, std::string(what) + ": " + std::strerror(code)};
}
} // namespace

Result<std::size_t, IoError> FdSource::read(std::span<std::uint8_t> out)
{
    while (true) {
        const ssize_t n = ::read(fd_, out.data(), out.size());
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) {
            return fail(systemError("read"));
        }
    }
}

std::optional<std::uint64_t> FdSource::remainingSize() const
{
    struct stat info {};
    if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
        return std::nullopt;
    }
    const off_t offset = ::lseek(fd_, 0, SEEK_CUR);
    if (offset < 0 || offset > info.st_size) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(info.st_size - offset);
}

Result<void, IoError> FdSink::reserve(std::uint64_t totalBytes)
{
#ifdef __linux__
    struct stat info {};
    if (totalBytes == 0 || ::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
        return {};
    }
    const off_t offset = ::lseek(fd_, 0, SEEK_CUR);
    if (offset < 0) {
        return {};
    }
    if (::fallocate(fd_, FALLOC_FL_KEEP_SIZE, offset, static_cast<off_t>(totalBytes)) != 0) {
        if (errno == ENOSPC || errno == EFBIG) {
            return fail(systemError("fallocate"));
        }
        // Not supported here (tmpfs on old kernels, FUSE...): write without reserving.
    }
#else
    (void)totalBytes;
#endif
    return {};
}

Result<void, IoError> FdSink::write(std::span<const std::uint8_t> bytes)
{
    if (!writeAll(fd_, bytes)) {
        return fail(systemError("write"));
    }
    return {};
}

Result<std::unique_ptr<FileSource>, IoError> FileSource::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(systemError(("open " + path).c_str()));
    }
    return std::unique_ptr<FileSource>(new FileSource(fd));
}

FileSource::~FileSource()
{
    ::close(fd_);
}

Result<std::unique_ptr<MappedFileSource>, IoError> MappedFileSource::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(systemError(("open " + path).c_str()));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(IoError{EINVAL, path + " is not a regular file"});
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    const std::uint8_t* base = nullptr;
    if (size > 0) {
        void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
        if (mapped == MAP_FAILED) {
            const IoError error = systemError(("mmap " + path).c_str());
            ::close(fd);
            return fail(error);
        }
        ::madvise(mapped, size, MADV_SEQUENTIAL);
        base = static_cast<const std::uint8_t*>(mapped);
    }
    return std::unique_ptr<MappedFileSource>(new MappedFileSource(fd, base, size));
}

MappedFileSource::~MappedFileSource()
{
    if (base_ != nullptr) {
        ::munmap(const_cast<std::uint8_t*>(base_), size_);
    }
    ::close(fd_);
}

std::span<const std::uint8_t> MappedFileSource::take(std::size_t count)
{
    const std::size_t n = std::min(count, size_ - offset_);
    std::span<const std::uint8_t> bytes(base_ + offset_, n);
    offset_ += n;
    return bytes;
}

namespace {
// The whole pages inside [begin, end) of a mapping starting at `base` (page aligned), with
// the end allowed to reach the last, partial page of the mapping.
std::pair<std::uint8_t*, std::size_t> wholePages(const std::uint8_t* base, std::size_t mapped,
                                                 const std::uint8_t* begin, const std::uint8_t* end)
{
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t from = (static_cast<std::size_t>(begin - base) + page - 1) / page * page;
    std::size_t to = static_cast<std::size_t>(end - base);
    to = to == mapped ? (to + page - 1) / page * page : to / page * page;
    if (to <= from) {
        return {nullptr, 0};
    }
    return {const_cast<std::uint8_t*>(base) + from, to - from};
}
} // namespace

void MappedFileSource::prefetch(std::span<const std::uint8_t> bytes) const
{
    if (bytes.empty()) {
        return;
    }
    const auto [start, length] =
        wholePages(base_, size_, bytes.data(), bytes.data() + bytes.size());
    if (length > 0) {
#ifdef MADV_POPULATE_READ
        ::madvise(start, length, MADV_POPULATE_READ);
#else
        ::madvise(start, length, MADV_WILLNEED);
#endif
    }
}

void MappedFileSource::release(std::span<const std::uint8_t> bytes) const
{
    if (bytes.empty()) {
        return;
    }
    const auto [start, length] =
        wholePages(base_, size_, bytes.data(), bytes.data() + bytes.size());
    if (length > 0) {
        ::madvise(start, length, MADV_DONTNEED);
    }
}

Result<std::size_t, IoError> MappedFileSource::read(std::span<std::uint8_t> out)
{
    const auto bytes = take(out.size());
    if (bytes.empty()) {
        return std::size_t{0};
    }
    std::memcpy(out.data(), bytes.data(), bytes.size());
    if (offset_ - released_ >= (1u << 20) || offset_ == size_) {
        release(std::span(base_ + released_, offset_ - released_));
        released_ = offset_;
    }
    return bytes.size();
}

Result<std::unique_ptr<FileSink>, IoError> FileSink::create(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(systemError(("create " + path).c_str()));
    }
    return std::unique_ptr<FileSink>(new FileSink(fd));
}

FileSink::~FileSink()
{
    ::close(fd_);
}

Result<void, IoError> FileSink::sync()
{
    if (::fsync(fd_) != 0) {
        return fail(systemError("fsync"));
    }
    return {};
}

void FileSink::writeBack(std::uint64_t upTo)
{
#ifdef __linux__
    if (upTo <= started_) {
        return;
    }
    if (started_ > writtenBack_ &&
        ::sync_file_range(fd_, static_cast<off64_t>(writtenBack_),
                          static_cast<off64_t>(started_ - writtenBack_),
                          SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                              SYNC_FILE_RANGE_WAIT_AFTER) != 0) {
        return; // not supported here: leave it all to sync()
    }
    writtenBack_ = started_;
    if (::sync_file_range(fd_, static_cast<off64_t>(started_),
                          static_cast<off64_t>(upTo - started_), SYNC_FILE_RANGE_WRITE) != 0) {
        return;
    }
    started_ = upTo;
#else
    (void)upTo;
#endif
}

Result<std::size_t, IoError> MemorySource::read(std::span<std::uint8_t> out)
{
    const std::size_t n = std::min(out.size(), bytes_.size() - offset_);
    std::copy_n(bytes_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
}

Result<void, IoError> VectorSink::write(std::span<const std::uint8_t> bytes)
{
    bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
    return {};
}

} // namespace amicus::crypto
