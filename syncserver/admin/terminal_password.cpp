#include "terminal_password.h"

#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace ruhu::server {
namespace {

void stripNewline(std::string &line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
}

// One line from the terminal without echo; nullopt at end of input.
std::optional<std::string> askHidden(std::FILE *tty, const char *prompt) {
    std::fputs(prompt, tty);
    std::fflush(tty);
    const int fd = fileno(tty);
    termios saved{};
    const bool isTerminal = tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c = 0;
    while ((c = std::fgetc(tty)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (isTerminal)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    if (c == EOF && line.empty())
        return std::nullopt;
    stripNewline(line);
    return line;
}

} // namespace

std::optional<std::string> readNewPassword(bool fromStdin) {
    if (fromStdin) {
        std::string line;
        if (!std::getline(std::cin, line)) {
            std::fputs("ruhu-syncd: 标准输入中没有密码\n", stderr);
            return std::nullopt;
        }
        stripNewline(line);
        return line;
    }
    std::FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty) {
        std::fputs("ruhu-syncd: 没有终端可输入密码；请用 --password-stdin 从标准输入提供\n", stderr);
        return std::nullopt;
    }
    auto first = askHidden(tty, "新密码：");
    auto second = first ? askHidden(tty, "再次输入新密码：") : std::nullopt;
    std::fclose(tty);
    if (!first || !second) {
        std::fputs("ruhu-syncd: 未输入密码\n", stderr);
        return std::nullopt;
    }
    if (*first != *second) {
        std::fputs("ruhu-syncd: 两次输入的密码不一致\n", stderr);
        return std::nullopt;
    }
    return first;
}

} // namespace ruhu::server
