#include "tlspp/keylog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/hex.hpp"

namespace tlspp {
namespace {

namespace fs = std::filesystem;
using test::hex;

const std::vector<std::uint8_t> kRandom =
    hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
const std::vector<std::uint8_t> kMaster = hex(
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
const std::string kLine =
    "CLIENT_RANDOM 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f "
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf";

fs::path temp_path(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("tlspp_keylog_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path path = dir / name;
    fs::remove(path);
    return path;
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// EnvVar sets SSLKEYLOGFILE for one test and restores it after.
class EnvVar {
public:
    explicit EnvVar(const char* value) {
        if (const char* old = std::getenv("SSLKEYLOGFILE")) old_ = old, had_ = true;
        if (value) ::setenv("SSLKEYLOGFILE", value, 1);
        else ::unsetenv("SSLKEYLOGFILE");
    }
    ~EnvVar() {
        if (had_) ::setenv("SSLKEYLOGFILE", old_.c_str(), 1);
        else ::unsetenv("SSLKEYLOGFILE");
    }

private:
    std::string old_;
    bool had_ = false;
};

TEST(KeyLog, FormatsAClientRandomLineInTheNssFormat) {
    EXPECT_EQ(KeyLog::line(keylog_label::client_random, kRandom, kMaster), kLine);
}

TEST(KeyLog, FormatsTls13LabelsTheSameWay) {
    EXPECT_EQ(KeyLog::line(keylog_label::server_traffic_secret_0, hex("ff00"), hex("0a")),
              "SERVER_TRAFFIC_SECRET_0 ff00 0a");
}

TEST(KeyLog, ToFileAppendsOneLinePerSecret) {
    const fs::path path = temp_path("append.txt");
    std::ofstream(path) << "# earlier session\n";
    auto log = KeyLog::to_file(path.string());
    ASSERT_TRUE(log) << log.error().detail;
    (*log)->log(keylog_label::client_random, kRandom, kMaster);
    // Written through, not buffered: visible before the log is destroyed.
    EXPECT_EQ(read(path), "# earlier session\n" + kLine + "\n");
    (*log)->log(keylog_label::client_random, kRandom, kMaster);
    EXPECT_EQ(read(path), "# earlier session\n" + kLine + "\n" + kLine + "\n");
    fs::remove(path);
}

TEST(KeyLog, ToFileCreatesTheFileReadableByItsOwnerOnly) {
    const fs::path path = temp_path("mode.txt");
    const mode_t old_mask = ::umask(0);   // the mode must not depend on a lax umask
    auto log = KeyLog::to_file(path.string());
    ::umask(old_mask);
    ASSERT_TRUE(log);
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    fs::remove(path);
}

TEST(KeyLog, ToFileFailsWithBadConfigWhenTheFileCannotBeOpened) {
    auto log = KeyLog::to_file("/nonexistent-dir/keys.txt");
    ASSERT_FALSE(log);
    EXPECT_EQ(log.error().reason, Reason::bad_config);
    EXPECT_NE(log.error().detail.find("/nonexistent-dir/keys.txt"), std::string::npos);
}

TEST(KeyLog, WritesWholeLinesFromManyThreadsAtOnce) {
    const fs::path path = temp_path("threads.txt");
    auto log = KeyLog::to_file(path.string());
    ASSERT_TRUE(log);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) (*log)->log(keylog_label::client_random, kRandom, kMaster);
        });
    for (auto& th : threads) th.join();
    std::istringstream lines(read(path));
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        EXPECT_EQ(line, kLine);
        ++count;
    }
    EXPECT_EQ(count, 8 * 200);
    fs::remove(path);
}

TEST(KeyLog, FromEnvironmentWritesToSslKeyLogFile) {
    const fs::path path = temp_path("env.txt");
    EnvVar env(path.c_str());
    auto log = KeyLog::from_environment();
    ASSERT_NE(log, nullptr);
    log->log(keylog_label::client_random, kRandom, kMaster);
    EXPECT_EQ(read(path), kLine + "\n");
    fs::remove(path);
}

TEST(KeyLog, FromEnvironmentIsNullWhenTheVariableIsUnsetOrEmpty) {
    {
        EnvVar env(nullptr);
        EXPECT_EQ(KeyLog::from_environment(), nullptr);
    }
    {
        EnvVar env("");
        EXPECT_EQ(KeyLog::from_environment(), nullptr);
    }
}

TEST(KeyLog, FromEnvironmentIsNullWhenTheFileCannotBeOpened) {
    EnvVar env("/nonexistent-dir/keys.txt");
    EXPECT_EQ(KeyLog::from_environment(), nullptr);
}

TEST(KeyLog, ToCallbackHandsOverEachLineWithoutTheNewline) {
    std::vector<std::string> lines;
    auto log = KeyLog::to_callback([&](std::string_view line) { lines.emplace_back(line); });
    log->log(keylog_label::client_random, kRandom, kMaster);
    EXPECT_EQ(lines, std::vector<std::string>{kLine});
}

}  // namespace
}  // namespace tlspp
