// ageEncryptPipelined: reading, sealing and writing overlap in three threads, handing fixed
// 256 KiB blocks around two small rings, so a large file costs about the slowest of the three
// rather than their sum, in constant memory.
#include "crypto/age_stream_nonce.h"
#include "crypto/age_writer.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace amicus::crypto {

namespace {

constexpr std::size_t chunksPerBlock = 4;
constexpr std::size_t plainBlockSize = chunksPerBlock * ageChunkSize;
constexpr std::size_t sealedBlockSize = chunksPerBlock * ageSealedChunkSize;
constexpr std::size_t blocksPerRing = 3;

struct Block {
    std::vector<std::uint8_t> bytes;
    std::span<const std::uint8_t> plain; // the block's plaintext: in `bytes`, or mapped
    std::size_t size = 0;
    bool endOfInput = false;
};

// A closable FIFO of blocks between two threads; pop() returns nullptr once closed.
class BlockQueue {
public:
    void push(Block* block)
    {
        {
            std::lock_guard guard(mutex_);
            blocks_.push_back(block);
        }
        ready_.notify_one();
    }
    Block* pop()
    {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return closed_ || !blocks_.empty(); });
        if (blocks_.empty()) {
            return nullptr;
        }
        Block* block = blocks_.front();
        blocks_.pop_front();
        return block;
    }
    void close()
    {
        {
            std::lock_guard guard(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Block*> blocks_;
    bool closed_ = false;
};

} // namespace

Result<void, AgeError> ageEncryptPipelined(ByteSource& source,
                                           std::span<const AgeRecipient* const> recipients,
                                           ByteSink& sink, StreamControl control)
{
    auto start = beginAgeEncryption(recipients);
    if (!start) {
        return fail(start.error());
    }
    if (const auto size = source.remainingSize()) {
        if (auto r = sink.reserve(start->headerAndNonce.size() + agePayloadSize(*size)); !r) {
            return fail(AgeError{AgeErrorCode::Io, r.error().detail});
        }
    }
    if (auto w = sink.write(start->headerAndNonce); !w) {
        return fail(AgeError{AgeErrorCode::Io, w.error().detail});
    }
    ChaCha20Poly1305& aead = start->payload;

    std::vector<Block> plainBlocks(blocksPerRing);
    std::vector<Block> sealedBlocks(blocksPerRing);
    BlockQueue freePlain, fullPlain, freeSealed, fullSealed;
    const bool sealInPlace = dynamic_cast<MappedFileSource*>(&source) != nullptr;
    for (auto& block : plainBlocks) {
        if (!sealInPlace) {
            block.bytes.resize(plainBlockSize);
        }
        freePlain.push(&block);
    }
    for (auto& block : sealedBlocks) {
        block.bytes.resize(sealedBlockSize);
        freeSealed.push(&block);
    }

    std::mutex errorMutex;
    std::optional<AgeError> error;
    auto record = [&](AgeError e) {
        std::lock_guard guard(errorMutex);
        if (!error) {
            error = std::move(e);
        }
    };
    auto stopAll = [&] {
        freePlain.close();
        fullPlain.close();
        freeSealed.close();
        fullSealed.close();
    };

    // A mapped file is sealed in place: the reader thread only maps pages in ahead.
    auto* mapped = dynamic_cast<MappedFileSource*>(&source);
    std::thread reader([&] {
        while (Block* block = freePlain.pop()) {
            if (mapped != nullptr) {
                block->plain = mapped->take(plainBlockSize);
                mapped->prefetch(block->plain);
                block->size = block->plain.size();
                block->endOfInput = block->size < plainBlockSize;
                fullPlain.push(block);
                if (block->endOfInput) {
                    return;
                }
                continue;
            }
            std::size_t size = 0;
            bool end = false;
            while (size < block->bytes.size()) {
                auto n = source.read(std::span(block->bytes).subspan(size));
                if (!n) {
                    record(AgeError{AgeErrorCode::Io, n.error().detail});
                    stopAll();
                    return;
                }
                if (*n == 0) {
                    end = true;
                    break;
                }
                size += *n;
            }
            block->plain = std::span(block->bytes).first(size);
            block->size = size;
            block->endOfInput = end;
            fullPlain.push(block);
            if (end) {
                return;
            }
        }
    });
    std::thread writer([&] {
        while (Block* block = fullSealed.pop()) {
            if (block->endOfInput) { // the end marker: everything is written
                return;
            }
            auto written = sink.write(std::span(block->bytes).first(block->size));
            if (!written) {
                record(AgeError{AgeErrorCode::Io, written.error().detail});
                stopAll();
                return;
            }
            freeSealed.push(block);
        }
    });

    // Sealing, on the calling thread. A block's last chunk is final only if the input ends
    // with it, which a full block learns from the next block: hold one block of look-ahead.
    std::uint64_t counter = 0;
    std::uint64_t processed = 0;
    Block endMarker;
    endMarker.endOfInput = true;
    Block* current = fullPlain.pop();
    while (current != nullptr) {
        if (control.isCancelled && control.isCancelled()) {
            record(AgeError{AgeErrorCode::Cancelled, "encryption cancelled"});
            break;
        }
        Block* next = current->endOfInput ? nullptr : fullPlain.pop();
        if (!current->endOfInput && next == nullptr) {
            break; // stopped by an I/O error
        }
        const bool endsHere = current->endOfInput || (next->endOfInput && next->size == 0);
        if (current->size == 0 && counter > 0) {
            break; // an empty block after full ones: the previous block sealed the end
        }
        Block* sealed = freeSealed.pop();
        if (sealed == nullptr) {
            break;
        }
        sealed->size = 0;
        sealed->endOfInput = false;
        std::size_t offset = 0;
        bool failed = false;
        do {
            const std::size_t n = std::min(ageChunkSize, current->size - offset);
            const bool last = endsHere && offset + n == current->size;
            const auto nonce = ageStreamNonce(counter, last);
            if (!aead.seal(nonce, current->plain.subspan(offset, n), {},
                           std::span(sealed->bytes).subspan(sealed->size, n + ageTagSize))) {
                record(AgeError{AgeErrorCode::Backend, "ChaCha20-Poly1305 seal"});
                failed = true;
                break;
            }
            ++counter;
            offset += n;
            sealed->size += n + ageTagSize;
        } while (offset < current->size);
        if (failed) {
            break;
        }
        processed += current->size;
        fullSealed.push(sealed);
        if (mapped != nullptr) {
            mapped->release(current->plain);
        }
        freePlain.push(current);
        if (control.onProgress) {
            control.onProgress(processed);
        }
        if (endsHere) {
            if (next != nullptr) {
                freePlain.push(next);
            }
            fullSealed.push(&endMarker);
            current = nullptr;
            break;
        }
        current = next;
    }
    if (current != nullptr || error) {
        stopAll();
    }
    reader.join();
    writer.join();
    for (auto& block : plainBlocks) {
        wipe(std::span(block.bytes));
    }
    if (error) {
        return fail(*error);
    }
    return {};
}

} // namespace amicus::crypto
