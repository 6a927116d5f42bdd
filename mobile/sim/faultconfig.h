#pragma once

#include <QString>

// Which network faults the proxy injects, from "--faults drop=P,dup=P,reorder=P,cut=P,delay=MS".
// Probabilities are per HTTP exchange; at most one of drop/dup/reorder/cut hits an exchange, and every
// exchange may in addition be delayed by up to delayMs.
struct FaultConfig {
    double drop = 0;    // close the client connection without forwarding
    double dup = 0;     // forward the request twice, answer with the second response
    double reorder = 0; // hold the request and forward it after the next one
    double cut = 0;     // forward, let the server apply it, then cut the answer off (before or halfway)
    int delayMs = 0;    // add a random delay of up to this many ms

    bool any() const { return drop > 0 || dup > 0 || reorder > 0 || cut > 0 || delayMs > 0; }
    // Parses the option's value; false (and *error) on an unknown kind or a value out of range.
    static bool parse(const QString &text, FaultConfig *config, QString *error);
};
