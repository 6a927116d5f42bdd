#pragma once

// Starts the real ruhu-syncd for a benchmark: `args[0]` is the binary; its stderr (the JSON-lines log) goes
// to `logFile`. Returns the child's pid, or -1 when fork fails.

#include <cstdio>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

inline pid_t spawnServer(std::vector<std::string> args, const std::string &logFile) {
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return -1;
    }
    if (pid == 0) {
        int fd = open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        std::vector<char *> argvChild;
        for (auto &a : args)
            argvChild.push_back(a.data());
        argvChild.push_back(nullptr);
        execv(argvChild[0], argvChild.data());
        std::perror("execv");
        _exit(127);
    }
    return pid;
}
