#pragma once

#include "serverprocess.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// What the export tests share: reading a downloaded XLSX with a real reader and the store as a pull
// sees it.
namespace exporttest {

using Table = QList<QStringList>;

// The workbook's only sheet, read with python3-openpyxl (read_xlsx.py) from `bytes` written to `path`;
// its title into `title`. Empty when the file is not one readable single-sheet workbook.
Table readXlsx(const QByteArray &bytes, const QString &path, QString *title = nullptr);

// Every change a pull with `token` returns (all records in the token's scope, tombstones included).
QList<QJsonObject> pullEverything(const ServerProcess &server, const QByteArray &token);

} // namespace exporttest
