// conn/keylog.cpp: NSS key log lines, written to a file or handed to a callback.
#include "tlspp/keylog.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include <fcntl.h>
#include <unistd.h>

namespace tlspp {

namespace {

void append_hex(std::string& out, std::span<const std::uint8_t> bytes) {
    constexpr char digits[] = "0123456789abcdef";
    for (std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
}

class FileKeyLog final : public KeyLog {
public:
    explicit FileKeyLog(int fd) : fd_(fd) {}
    ~FileKeyLog() override { ::close(fd_); }
    FileKeyLog(const FileKeyLog&) = delete;
    FileKeyLog& operator=(const FileKeyLog&) = delete;

    void log(std::string_view label, std::span<const std::uint8_t> client_random,
             std::span<const std::uint8_t> secret) override {
        std::string text = line(label, client_random, secret);
        text += '\n';
        std::lock_guard lock(mutex_);
        // One write per line: with O_APPEND the line lands whole at the end.
        // A short write (disk full) leaves a partial line; nothing more is
        // tried, as a key log must never block or fail a connection.
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        // Secrets must not linger in freed memory longer than needed.
        volatile char* p = text.data();
        for (std::size_t i = 0; i < text.size(); ++i) p[i] = 0;
    }

private:
    const int fd_;
    std::mutex mutex_;
};

class CallbackKeyLog final : public KeyLog {
public:
    explicit CallbackKeyLog(std::function<void(std::string_view)> callback) : callback_(std::move(callback)) {}
    void log(std::string_view label, std::span<const std::uint8_t> client_random,
             std::span<const std::uint8_t> secret) override {
        std::string text = line(label, client_random, secret);
        callback_(text);
        volatile char* p = text.data();
        for (std::size_t i = 0; i < text.size(); ++i) p[i] = 0;
    }

private:
    std::function<void(std::string_view)> callback_;
};

}  // namespace

std::string KeyLog::line(std::string_view label, std::span<const std::uint8_t> client_random,
                         std::span<const std::uint8_t> secret) {
    std::string out;
    out.reserve(label.size() + 2 + 2 * (client_random.size() + secret.size()));
    out += label;
    out += ' ';
    append_hex(out, client_random);
    out += ' ';
    append_hex(out, secret);
    return out;
}

Result<std::shared_ptr<KeyLog>> KeyLog::to_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(Reason::bad_config, "key log " + path + ": " + std::strerror(errno));
    return std::shared_ptr<KeyLog>(std::make_shared<FileKeyLog>(fd));
}

std::shared_ptr<KeyLog> KeyLog::from_environment() {
    const char* path = std::getenv("SSLKEYLOGFILE");
    if (!path || !*path) return nullptr;
    auto log = to_file(path);
    if (!log) {
        std::fprintf(stderr, "tlspp: SSLKEYLOGFILE: %s; not logging keys\n", log.error().detail.c_str());
        return nullptr;
    }
    return *log;
}

std::shared_ptr<KeyLog> KeyLog::to_callback(std::function<void(std::string_view line)> callback) {
    return std::make_shared<CallbackKeyLog>(std::move(callback));
}

}  // namespace tlspp
