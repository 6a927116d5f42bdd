#pragma once

#include <optional>
#include <string>

namespace ruhu::server {

// A password for the `user` commands: with fromStdin, the first line of standard input; otherwise asked
// twice on the terminal (/dev/tty) with echo off. nullopt (and a message on stderr) when there is no
// terminal, the input ended or the two entries differ.
std::optional<std::string> readNewPassword(bool fromStdin);

} // namespace ruhu::server
