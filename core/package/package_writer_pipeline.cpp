#include "package/package_writer_pipeline.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace amicus::package {

namespace {

// An attachment's plaintext moves in blocks of this size, eight at most in flight (1 MiB).
constexpr std::size_t plainBlockSize = std::size_t{128} * 1024;
constexpr std::size_t plainBlocks = 8;
// The envelope's bytes: eight blocks of 256 KiB (2 MiB).
constexpr std::size_t envelopeBlockSize = std::size_t{256} * 1024;
constexpr std::size_t envelopeBlocks = 8;
// The writer asks the disk to write every 8 MiB and waits for the 8 MiB before: at most
// 16 MiB of the envelope wait dirty in memory.
constexpr std::uint64_t writeBackStep = std::uint64_t{8} * 1024 * 1024;

} // namespace

BlockChannel::BlockChannel(std::size_t blocks, std::size_t blockSize) : storage_(blocks)
{
    for (auto& block : storage_) {
        block.resize(blockSize);
        free_.push_back(&block);
    }
}

std::vector<std::uint8_t>* BlockChannel::acquire()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || !free_.empty(); });
    if (stopped_) {
        return nullptr;
    }
    auto* block = free_.front();
    free_.pop_front();
    return block;
}

void BlockChannel::push(std::vector<std::uint8_t>* block, std::size_t used)
{
    {
        std::lock_guard guard(mutex_);
        full_.emplace_back(block, used);
    }
    changed_.notify_all();
}

void BlockChannel::finish()
{
    {
        std::lock_guard guard(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

std::pair<std::vector<std::uint8_t>*, std::size_t> BlockChannel::pop()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || finished_ || !full_.empty(); });
    if (stopped_ || full_.empty()) {
        return {nullptr, 0};
    }
    const auto next = full_.front();
    full_.pop_front();
    return next;
}

void BlockChannel::release(std::vector<std::uint8_t>* block)
{
    {
        std::lock_guard guard(mutex_);
        free_.push_back(block);
    }
    changed_.notify_all();
}

void BlockChannel::stop()
{
    {
        std::lock_guard guard(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

AttachmentReader::AttachmentReader(std::unique_ptr<crypto::ByteSource> source, std::uint64_t size,
                                   const std::optional<std::array<std::uint8_t, 32>>& sha256,
                                   std::string path)
    : source_(std::move(source)), size_(size), sha256_(sha256), path_(std::move(path)),
      channel_(plainBlocks, plainBlockSize), thread_([this] { run(); })
{
}

AttachmentReader::~AttachmentReader()
{
    channel_.stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

PackageResult<void> AttachmentReader::result()
{
    channel_.stop();
    if (thread_.joinable()) {
        thread_.join();
    }
    if (error_) {
        return fail(*error_);
    }
    return {};
}

void AttachmentReader::run()
{
    crypto::Sha256 hash;
    std::uint64_t seen = 0;
    while (true) {
        std::vector<std::uint8_t>* block = channel_.acquire();
        if (!block) {
            return; // the packer stopped: its own error (or cancel) is what counts
        }
        // Whole blocks (an age source gives one 64 KiB chunk per read): fewer hand-overs.
        std::size_t used = 0;
        bool ended = false;
        while (used < block->size()) {
            auto n = source_->read(std::span<std::uint8_t>(*block).subspan(used));
            if (!n) {
                // A vault blob that does not authenticate (a changed byte, cut short, another
                // file) differs from its record; other read errors are I/O.
                const bool changed = n.error().systemError == EBADMSG;
                error_ = PackageError{
                    changed ? PackageErrc::AttachmentChanged : PackageErrc::Io,
                    (changed ? path_ + ": does not authenticate: " : "reading " + path_ + ": ") +
                        n.error().detail,
                    n.error().systemError};
                break;
            }
            if (n.value() == 0) {
                ended = true;
                break;
            }
            used += n.value();
        }
        if (error_) {
            break;
        }
        if (used == 0) {
            channel_.release(block);
            break;
        }
        seen += used;
        if (seen > size_) {
            error_ = PackageError{PackageErrc::AttachmentChanged,
                                  path_ + ": longer than its recorded size"};
            break;
        }
        if (sha256_) {
            hash.update(std::span<const std::uint8_t>(block->data(), used));
        }
        channel_.push(block, used);
        if (ended) {
            break;
        }
    }
    if (!error_ && seen != size_) {
        error_ = PackageError{PackageErrc::AttachmentChanged,
                              path_ + ": shorter than its recorded size"};
    }
    // The last block goes to the tar before the check: the packer stops at the verdict and
    // the envelope is deleted, so bytes of a changed attachment never reach an outbox.
    if (!error_ && sha256_ && hash.finish() != *sha256_) {
        error_ = PackageError{PackageErrc::AttachmentChanged,
                              path_ + ": SHA-256 differs from its record"};
    }
    channel_.finish();
}

EnvelopeWriter::EnvelopeWriter(crypto::FileSink& file)
    : file_(file), channel_(envelopeBlocks, envelopeBlockSize), thread_([this] { run(); })
{
}

EnvelopeWriter::~EnvelopeWriter()
{
    channel_.stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

Result<void, crypto::IoError> EnvelopeWriter::firstError()
{
    std::lock_guard guard(errorMutex_);
    if (error_) {
        return fail(*error_);
    }
    return fail(crypto::IoError{0, "the envelope writer stopped"});
}

Result<void, crypto::IoError> EnvelopeWriter::write(std::span<const std::uint8_t> bytes)
{
    while (!bytes.empty()) {
        if (!current_) {
            current_ = channel_.acquire();
            used_ = 0;
            if (!current_) {
                return firstError();
            }
        }
        const std::size_t n = std::min(bytes.size(), current_->size() - used_);
        std::memcpy(current_->data() + used_, bytes.data(), n);
        used_ += n;
        bytes = bytes.subspan(n);
        if (used_ == current_->size()) {
            channel_.push(current_, used_);
            current_ = nullptr;
        }
    }
    return {};
}

Result<void, crypto::IoError> EnvelopeWriter::finish()
{
    if (current_ && used_ > 0) {
        channel_.push(current_, used_);
    } else if (current_) {
        channel_.release(current_);
    }
    current_ = nullptr;
    channel_.finish();
    thread_.join();
    std::lock_guard guard(errorMutex_);
    if (error_) {
        return fail(*error_);
    }
    return {};
}

void EnvelopeWriter::run()
{
    std::uint64_t nextWriteBack = writeBackStep;
    while (true) {
        const auto [block, used] = channel_.pop();
        if (!block) {
            return;
        }
        const std::span<const std::uint8_t> bytes(block->data(), used);
        auto written = file_.write(bytes);
        if (written && size_ + used >= nextWriteBack) {
            file_.writeBack(size_ + used);
            nextWriteBack = size_ + used + writeBackStep;
        }
        if (!written) {
            {
                std::lock_guard guard(errorMutex_);
                error_ = written.error();
            }
            channel_.stop();
            return;
        }
        hash_.update(bytes);
        size_ += used;
        channel_.release(block);
    }
}

} // namespace amicus::package
