// ByteSource / ByteSink: the pull and push ends that age streams read from and write to, so
// files, SQLite blobs, memory and network bodies all fit; plus file and memory versions.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace amicus::crypto {

// An I/O failure of a source or sink: the errno when there is one, and a detail for logs.
struct IoError {
    int systemError = 0;
    std::string detail;
};

// Something bytes are read from, in order.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Reads up to out.size() bytes into `out` (non-empty) and returns how many; short reads
    // are allowed, and 0 means the end of the stream.
    [[nodiscard]] virtual Result<std::size_t, IoError> read(std::span<std::uint8_t> out) = 0;
    // The number of bytes left to read, when the source knows it (a regular file, memory).
    [[nodiscard]] virtual std::optional<std::uint64_t> remainingSize() const
    {
        return std::nullopt;
    }
};

// Something bytes are written to, in order.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    // Writes all of `bytes` or fails.
    [[nodiscard]] virtual Result<void, IoError> write(std::span<const std::uint8_t> bytes) = 0;
    // Announces how many bytes will be written in all, so a file can allocate its blocks up
    // front: faster writes, and a full disk reported before any work. Optional; default no-op.
    [[nodiscard]] virtual Result<void, IoError> reserve(std::uint64_t totalBytes)
    {
        (void)totalBytes;
        return {};
    }
};

// Reads a borrowed file descriptor (stdin, a pipe, a socket); does not close it.
class FdSource : public ByteSource {
public:
    explicit FdSource(int fd) : fd_(fd) {}
    [[nodiscard]] Result<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
    // Known for regular files: their size less the current offset.
    [[nodiscard]] std::optional<std::uint64_t> remainingSize() const override;

protected:
    int fd_;
};

// Writes to a borrowed file descriptor; does not close it.
class FdSink : public ByteSink {
public:
    explicit FdSink(int fd) : fd_(fd) {}
    [[nodiscard]] Result<void, IoError> write(std::span<const std::uint8_t> bytes) override;
    // Allocates the blocks of a regular file from its current offset (Linux fallocate);
    // a no-op elsewhere, for pipes and terminals, and where the file system cannot.
    [[nodiscard]] Result<void, IoError> reserve(std::uint64_t totalBytes) override;

protected:
    int fd_;
};

// Reads a file it opened and closes it when destroyed.
class FileSource : public FdSource {
public:
    [[nodiscard]] static Result<std::unique_ptr<FileSource>, IoError> open(const std::string& path);
    ~FileSource() override;
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

private:
    explicit FileSource(int fd) : FdSource(fd) {}
};

// Reads a regular file through a read-only memory mapping, so a consumer that can work on the
// mapped bytes (the pipelined encryptor) skips a copy; read() works as for any source. Pages
// already consumed are dropped from the process (the page cache keeps them), so the resident
// size stays small whatever the file size. The file must not shrink while it is read (SIGBUS).
class MappedFileSource : public ByteSource {
public:
    // Fails for anything that cannot be mapped (pipes, terminals); use FileSource for those.
    [[nodiscard]] static Result<std::unique_ptr<MappedFileSource>, IoError>
    open(const std::string& path);
    ~MappedFileSource() override;
    MappedFileSource(const MappedFileSource&) = delete;
    MappedFileSource& operator=(const MappedFileSource&) = delete;

    [[nodiscard]] Result<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
    [[nodiscard]] std::optional<std::uint64_t> remainingSize() const override
    {
        return size_ - offset_;
    }
    // Returns the next up to `count` mapped bytes and moves past them.
    [[nodiscard]] std::span<const std::uint8_t> take(std::size_t count);
    // Asks the kernel to map `bytes` in ahead of use (no page faults while they are read).
    void prefetch(std::span<const std::uint8_t> bytes) const;
    // Drops the whole pages of `bytes`, which the caller is done with, from the process.
    void release(std::span<const std::uint8_t> bytes) const;

private:
    MappedFileSource(int fd, const std::uint8_t* base, std::size_t size)
        : fd_(fd), base_(base), size_(size)
    {
    }
    int fd_;
    const std::uint8_t* base_;
    std::size_t size_;
    std::size_t offset_ = 0;
    std::size_t released_ = 0; // read(): bytes before this are already dropped
};

// Writes a file it created (mode 0600, truncated) and closes it when destroyed.
class FileSink : public FdSink {
public:
    [[nodiscard]] static Result<std::unique_ptr<FileSink>, IoError> create(const std::string& path);
    ~FileSink() override;
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;
    // Flushes the file to stable storage (fsync).
    [[nodiscard]] Result<void, IoError> sync();
    // For a large file written front to back: starts writing the bytes before `upTo` to
    // storage and waits until those before the previous call's `upTo` are written, so little
    // stays dirty in memory and the final sync() is short; the disk works while the writer
    // computes. Best effort, not a durability promise: a failure here (a file system without
    // it) is ignored, a write error surfaces at sync(). Linux only, a no-op elsewhere.
    void writeBack(std::uint64_t upTo);

private:
    explicit FileSink(int fd) : FdSink(fd) {}
    std::uint64_t writtenBack_ = 0; // start of the range the next writeBack waits for
    std::uint64_t started_ = 0;     // end of the range already being written
};

// Reads from a borrowed span of memory.
class MemorySource : public ByteSource {
public:
    explicit MemorySource(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    [[nodiscard]] Result<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
    [[nodiscard]] std::optional<std::uint64_t> remainingSize() const override
    {
        return bytes_.size() - offset_;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t offset_ = 0;
};

// Appends to a vector it owns (for small values and tests).
class VectorSink : public ByteSink {
public:
    [[nodiscard]] Result<void, IoError> write(std::span<const std::uint8_t> bytes) override;
    [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    [[nodiscard]] std::vector<std::uint8_t> take() { return std::move(bytes_); }

private:
    std::vector<std::uint8_t> bytes_;
};

} // namespace amicus::crypto
