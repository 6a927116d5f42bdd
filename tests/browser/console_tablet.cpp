// console-tablet: a headless tablet for the console's browser tests and screenshots. It is the app's own
// DeviceReplica + SyncClient (mobile/core), one replica directory per tablet, driven from the command line:
//   console-tablet --server URL --dir DIR --user NAME [--password P] sync
//   console-tablet --dir DIR households VILLAGE             prints the village's household ids
//   console-tablet --dir DIR edit KIND ID FIELD VALUE        an offline edit (VALUE as JSON if it parses)
//   console-tablet --dir DIR get KIND ID FIELD               prints the field's value as JSON
//   console-tablet --dir DIR device-id                       prints the tablet's device id
// Exit code 0 on success; the error on stderr otherwise.
#include "syncclient.h"

#include <ruhu/store/device_replica.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>

namespace {

int fail(const std::string &message) {
    std::fprintf(stderr, "console-tablet: %s\n", message.c_str());
    return 1;
}

// Runs the client until one of the two signals; the failure's message, or empty on success.
template <class Done, class Failed>
QString waitFor(SyncClient &client, Done done, Failed failed, auto start) {
    QEventLoop loop;
    QString error;
    QObject::connect(&client, done, &loop, &QEventLoop::quit);
    QObject::connect(&client, failed, &loop, [&](const QString &message) {
        error = message.isEmpty() ? QStringLiteral("failed") : message;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, [&] {
        error = QStringLiteral("timeout");
        loop.quit();
    });
    start();
    loop.exec();
    return error;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString server, dir, user, password = QStringLiteral("ruhu2024");
    while (args.size() >= 2 && args.first().startsWith(QStringLiteral("--"))) {
        const QString option = args.takeFirst();
        const QString value = args.takeFirst();
        if (option == QStringLiteral("--server"))
            server = value;
        else if (option == QStringLiteral("--dir"))
            dir = value;
        else if (option == QStringLiteral("--user"))
            user = value;
        else if (option == QStringLiteral("--password"))
            password = value;
        else
            return fail("unknown option " + option.toStdString());
    }
    if (dir.isEmpty() || args.isEmpty())
        return fail("usage: console-tablet [--server URL --user NAME] --dir DIR COMMAND …");
    QDir().mkpath(dir);
    auto key = ruhu::loadOrCreateDeviceKey(QDir(dir).filePath("device.key").toStdString());
    if (!key)
        return fail(key.error().message);
    auto replica = ruhu::DeviceReplica::open(QDir(dir).filePath("replica.sqlite3").toStdString(), *key);
    if (!replica)
        return fail(replica.error().message);
    const QString command = args.takeFirst();

    if (command == QStringLiteral("sync")) {
        SyncClient client(**replica);
        client.setServerUrl(QUrl(server));
        QString error = waitFor(client, &SyncClient::loggedIn, &SyncClient::loginFailed,
                                [&] { client.login(user, password); });
        if (error.isEmpty())
            error =
                waitFor(client, &SyncClient::syncFinished, &SyncClient::syncFailed, [&] { client.sync(); });
        return error.isEmpty() ? 0 : fail(error.toStdString());
    }
    if (command == QStringLiteral("device-id")) {
        std::printf("%s\n", (*replica)->deviceId().c_str());
        return 0;
    }
    if (command == QStringLiteral("households") && args.size() == 1) {
        for (const auto &household : (*replica)->households(args.first().toStdString()))
            std::printf("%s\n", household.id.c_str());
        return 0;
    }
    if (command == QStringLiteral("edit") && args.size() == 4) {
        const std::string kind = args[0].toStdString(), id = args[1].toStdString();
        auto current = (*replica)->record(kind, id);
        if (!current)
            return fail("no record " + kind + "/" + id);
        boost::system::error_code ec;
        boost::json::value value = boost::json::parse(args[3].toStdString(), ec);
        if (ec)
            value = boost::json::value(args[3].toStdString());
        auto edited = (*replica)->edit(kind, id, current->householdId.empty() ? id : current->householdId,
                                       current->regionCode, {{args[2].toStdString(), value}});
        return edited ? 0 : fail(edited.error().message);
    }
    if (command == QStringLiteral("get") && args.size() == 3) {
        auto current = (*replica)->record(args[0].toStdString(), args[1].toStdString());
        if (!current)
            return fail("no record");
        const auto *value = current->fields.if_contains(args[2].toStdString());
        std::printf("%s\n", value ? boost::json::serialize(*value).c_str() : "null");
        return 0;
    }
    return fail("unknown command " + command.toStdString());
}
