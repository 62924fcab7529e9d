// The two stages PackageWriter runs beside its own thread, so that decrypting and hashing an
// attachment, packing and encrypting it, and hashing and writing the envelope overlap (on a
// phone's several cores, as `tar | age` does in two processes). Each stage hands fixed blocks
// through a BlockChannel: memory stays constant whatever the size.
#pragma once

#include "crypto/byte_stream.h"
#include "crypto/sha256.h"
#include "package/package_error.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace amicus::package {

// A bounded FIFO of byte blocks between one producer and one consumer thread. The blocks are
// allocated once; a full channel makes the producer wait, which paces it to the consumer.
class BlockChannel {
public:
    BlockChannel(std::size_t blocks, std::size_t blockSize);

    // Producer: an empty block to fill (size() is its capacity), or nullptr once stopped.
    [[nodiscard]] std::vector<std::uint8_t>* acquire();
    // Producer: hands over `block` holding `used` bytes.
    void push(std::vector<std::uint8_t>* block, std::size_t used);
    // Producer: no more blocks; the consumer's pop() returns nullptr after the last one.
    void finish();

    // Consumer: the next filled block and its byte count, or {nullptr, 0} at the end or once
    // stopped.
    [[nodiscard]] std::pair<std::vector<std::uint8_t>*, std::size_t> pop();
    // Consumer: gives a block back for reuse.
    void release(std::vector<std::uint8_t>* block);

    // Either side: wakes the other and makes every later call return nullptr.
    void stop();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::vector<std::uint8_t>> storage_;
    std::deque<std::vector<std::uint8_t>*> free_;
    std::deque<std::pair<std::vector<std::uint8_t>*, std::size_t>> full_;
    bool finished_ = false;
    bool stopped_ = false;
};

// Reads an attachment's plaintext in a thread of its own, checking it against its record
// (size, and SHA-256 unless none is given because the source authenticates itself) on the
// way; the caller pops the blocks and finally asks for the verdict.
class AttachmentReader {
public:
    AttachmentReader(std::unique_ptr<crypto::ByteSource> source, std::uint64_t size,
                     const std::optional<std::array<std::uint8_t, 32>>& sha256, std::string path);
    // Stops the thread (if still running) and waits for it.
    ~AttachmentReader();
    AttachmentReader(const AttachmentReader&) = delete;
    AttachmentReader& operator=(const AttachmentReader&) = delete;

    [[nodiscard]] BlockChannel& channel() { return channel_; }
    // After pop() returned the end: the reader's verdict (a read error, AttachmentChanged).
    [[nodiscard]] PackageResult<void> result();

private:
    void run();

    std::unique_ptr<crypto::ByteSource> source_;
    std::uint64_t size_;
    std::optional<std::array<std::uint8_t, 32>> sha256_;
    std::string path_;
    BlockChannel channel_;
    std::optional<PackageError> error_; // written by the thread, read after join
    std::thread thread_;
};

// The envelope's bytes as a ByteSink that returns at once: a thread of its own hashes them,
// counts them, writes them to the file and keeps the disk busy with what is written
// (FileSink::writeBack), so the final sync is short and the progress follows the disk.
class EnvelopeWriter : public crypto::ByteSink {
public:
    explicit EnvelopeWriter(crypto::FileSink& file);
    // Stops the thread (if finish() was not called) and waits for it.
    ~EnvelopeWriter() override;
    EnvelopeWriter(const EnvelopeWriter&) = delete;
    EnvelopeWriter& operator=(const EnvelopeWriter&) = delete;

    // Fails with the writer thread's first error once it has one.
    Result<void, crypto::IoError> write(std::span<const std::uint8_t> bytes) override;
    // Hands over the last bytes and waits until every byte is in the file.
    [[nodiscard]] Result<void, crypto::IoError> finish();

    // Valid after finish().
    [[nodiscard]] std::uint64_t size() const { return size_; }
    [[nodiscard]] crypto::Sha256Digest digest() { return hash_.finish(); }
    // The file error that stopped the writer, if any (to tell a full disk from the rest).
    [[nodiscard]] const std::optional<crypto::IoError>& lastError() const { return error_; }

private:
    void run();
    [[nodiscard]] Result<void, crypto::IoError> firstError();

    crypto::FileSink& file_;
    BlockChannel channel_;
    std::vector<std::uint8_t>* current_ = nullptr;
    std::size_t used_ = 0;
    crypto::Sha256 hash_;
    std::uint64_t size_ = 0;
    std::mutex errorMutex_;
    std::optional<crypto::IoError> error_;
    std::thread thread_;
};

} // namespace amicus::package
