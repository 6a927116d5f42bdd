#pragma once

#include <QObject>
#include <QString>

class LocalStore;

// For the kill test (tests/mobile/tst_autosave_kill.cpp): the real app enters survey fields of the demo
// household hh-0002 through SurveyRecord — the same calls the section fields make when they are left —
// one every 40 ms, and prints "committed <path>\t<text>" once each is stored. The test SIGKILLs the process
// mid-entry, starts it again with --report-entry and compares what this prints: "value <path>\t<text>".
class ScriptedEntry : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kHousehold = "hh-0002";

    ScriptedEntry(LocalStore &store, int count, QObject *parent = nullptr);
    void start();
    // Prints every scripted path's stored value and returns.
    static void report(LocalStore &store);

private:
    void enterNext();

    LocalStore &m_store;
    int m_count;
    int m_done = 0;
};
