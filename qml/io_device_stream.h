// IoDeviceStreamBuf: a QIODevice read as a std::istream, so a file opened through the platform
// (platform/shared_files.h: a content:// URL has no path) streams into the store's std::istream
// API without being copied whole into memory first.
#pragma once

#include <QIODevice>
#include <array>
#include <ios>
#include <streambuf>

namespace amicus::app {

class IoDeviceStreamBuf : public std::streambuf {
public:
    // Reads `device` (open for reading) from where it stands; it must outlive the buffer.
    explicit IoDeviceStreamBuf(QIODevice& device) : device_(device) {}

protected:
    int_type underflow() override
    {
        if (gptr() < egptr()) {
            return traits_type::to_int_type(*gptr());
        }
        qint64 got = device_.read(buffer_.data(), static_cast<qint64>(buffer_.size()));
        // A pipe (a provider streaming the file) may have nothing yet without being at its end.
        while (got == 0 && device_.isSequential() && device_.waitForReadyRead(readWaitMs)) {
            got = device_.read(buffer_.data(), static_cast<qint64>(buffer_.size()));
        }
        if (got < 0) {
            // Thrown out of the buffer, a read error sets the stream's badbit, which the store
            // checks: a file that failed half-way is never saved as if it had ended there.
            throw std::ios_base::failure("reading the shared file failed");
        }
        if (got == 0) {
            return traits_type::eof();
        }
        setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
        return traits_type::to_int_type(*gptr());
    }

private:
    static constexpr int readWaitMs = 30'000;

    QIODevice& device_;
    std::array<char, 64 * 1024> buffer_{};
};

} // namespace amicus::app
