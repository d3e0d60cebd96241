// Servers on 127.0.0.1 for the push tests: a real nginx with WebDAV PUT, and listeners that misbehave.
#pragma once

#include "support/Skip.h"
#include "sync/SyncTestSupport.h"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace kiosk::sync::test {

// A socket listening on 127.0.0.1 at a port the kernel picks; closed on destruction.
class ListeningSocket {
public:
    ListeningSocket() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(fd_, 8) != 0 || ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            port_ = 0;
        else
            port_ = ntohs(address.sin_port);
    }
    ~ListeningSocket() {
        if (fd_ >= 0) ::close(fd_);
    }
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;
    int fd() const { return fd_; }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// A port that nothing listens on (the kernel picked it, then it was released).
inline int unusedPort() {
    ListeningSocket socket;
    return socket.port();
}

inline bool connectable(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

// Accepts connections and either drops each after reading `cutAfterBytes` of the request, or (when that is
// negative) reads everything and never answers. Runs on its own thread until destroyed.
class MisbehavingListener {
public:
    explicit MisbehavingListener(long cutAfterBytes) : cutAfter_(cutAfterBytes) {
        thread_ = std::thread([this] { run(); });
    }
    ~MisbehavingListener() {
        stop_ = true;
        thread_.join();
        for (int fd : held_)
            ::close(fd);
    }
    MisbehavingListener(const MisbehavingListener&) = delete;
    MisbehavingListener& operator=(const MisbehavingListener&) = delete;
    int port() const { return socket_.port(); }
    int connections() const { return connections_; }

private:
    void run() {
        while (!stop_) {
            std::vector<pollfd> fds{{socket_.fd(), POLLIN, 0}};
            for (int fd : held_)
                fds.push_back({fd, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
            if (fds[0].revents & POLLIN) {
                int client = ::accept4(socket_.fd(), nullptr, nullptr, SOCK_CLOEXEC);
                if (client >= 0) {
                    ++connections_;
                    held_.push_back(client);
                    readCounts_.push_back(0);
                }
            }
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
                char buffer[4096];
                ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
                std::size_t at = i - 1;
                if (n > 0) readCounts_[at] += n;
                bool cut = cutAfter_ >= 0 && readCounts_[at] >= cutAfter_;
                if (n <= 0 || cut) {
                    ::close(held_[at]);
                    held_[at] = -1;
                }
            }
            for (std::size_t i = 0; i < held_.size();) {
                if (held_[i] < 0) {
                    held_.erase(held_.begin() + static_cast<long>(i));
                    readCounts_.erase(readCounts_.begin() + static_cast<long>(i));
                } else {
                    ++i;
                }
            }
        }
    }

    ListeningSocket socket_;
    long cutAfter_;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::vector<int> held_;
    std::vector<long> readCounts_;
    std::thread thread_;
};

// nginx (nginx-light has the dav module) in the foreground, everything inside `root`:
//   /dav/     WebDAV PUT, folders made as needed
//   /auth/    PUT only with "Authorization: Bearer s3cret" or basic "kiosk:pa55"
//   /broken/  answers 500 to everything
//   /tiny/    PUT with a 1 KiB body limit (413 for a bundle)
class Nginx {
public:
    // KIOSK_TEST_WITHOUT_NGINX=1 acts as if it were missing, to see the skips.
    static bool installed() {
        return std::getenv("KIOSK_TEST_WITHOUT_NGINX") == nullptr && ::access("/usr/sbin/nginx", X_OK) == 0;
    }

    // `moreLocations`: further location blocks for the server, e.g. one that stalls.
    explicit Nginx(const std::filesystem::path& root, const std::string& moreLocations = "") : root_(root) {
        std::filesystem::create_directories(root / "www" / "dav");
        std::filesystem::create_directories(root / "www" / "auth");
        std::filesystem::create_directories(root / "www" / "tiny");
        std::filesystem::create_directories(root / "temp");
        port_ = unusedPort();
        std::string r = root.string();
        std::string conf = "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + r +
                           "/nginx.pid;\nerror_log " + r +
                           "/error.log warn;\nevents { worker_connections 64; }\n"
                           "http {\n  access_log " +
                           r +
                           "/access.log;\n"
                           "  client_body_temp_path " +
                           r + "/temp/body;\n  proxy_temp_path " + r +
                           "/temp/proxy;\n"
                           "  fastcgi_temp_path " +
                           r + "/temp/fastcgi;\n  uwsgi_temp_path " + r +
                           "/temp/uwsgi;\n"
                           "  scgi_temp_path " +
                           r +
                           "/temp/scgi;\n"
                           "  server {\n    listen 127.0.0.1:" +
                           std::to_string(port_) + ";\n    root " + r +
                           "/www;\n    client_max_body_size 64m;\n"
                           "    location /dav/ { dav_methods PUT; create_full_put_path on; }\n"
                           "    location /auth/ {\n"
                           "      set $ok 0;\n"
                           "      if ($http_authorization = \"Bearer s3cret\") { set $ok 1; }\n"
                           "      if ($http_authorization = \"Basic a2lvc2s6cGE1NQ==\") { set $ok 1; }\n"
                           "      if ($ok = 0) { return 401; }\n"
                           "      dav_methods PUT; create_full_put_path on;\n    }\n"
                           "    location /broken/ { return 500; }\n"
                           "    location /tiny/ { dav_methods PUT; client_max_body_size 1k; }\n" +
                           moreLocations + "  }\n}\n";
        writeFile(root / "nginx.conf", conf);
        std::string binary = "/usr/sbin/nginx";
        std::string prefix = r + "/";
        std::string confPath = r + "/nginx.conf";
        std::string errorLog = r + "/error.log";
        std::vector<char*> argv{
            binary.data(),   const_cast<char*>("-p"), prefix.data(),   const_cast<char*>("-c"),
            confPath.data(), const_cast<char*>("-e"), errorLog.data(), nullptr};
        if (::posix_spawn(&pid_, binary.c_str(), nullptr, nullptr, argv.data(), environ) != 0) pid_ = -1;
        for (int i = 0; i < 250 && pid_ > 0 && !connectable(port_); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ready_ = pid_ > 0 && connectable(port_);
    }
    ~Nginx() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    Nginx(const Nginx&) = delete;
    Nginx& operator=(const Nginx&) = delete;

    bool ready() const { return ready_; }
    std::string errorLog() const { return readFile(root_ / "error.log"); }
    std::string url(const std::string& location) const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + location;
    }
    std::filesystem::path served(const std::string& location) const { return root_ / "www" / location; }

private:
    std::filesystem::path root_;
    int port_ = 0;
    pid_t pid_ = -1;
    bool ready_ = false;
};

// Ends the test with CTest's skip code when nginx is missing; call first, before making anything.
inline void skipWithoutNginx() {
    if (!Nginx::installed())
        kiosk::testing::skipTest("nginx is not installed, and this test needs a real WebDAV server "
                                 "(scripts/install-deps.sh --test installs nginx-light)");
}

}  // namespace kiosk::sync::test
