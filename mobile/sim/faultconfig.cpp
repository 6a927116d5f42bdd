#include "faultconfig.h"

#include <QStringList>

bool FaultConfig::parse(const QString &text, FaultConfig *config, QString *error) {
    FaultConfig parsed;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = item.split(QLatin1Char('='));
        bool ok = kv.size() == 2;
        const QString name = kv.value(0).trimmed();
        if (name == QLatin1String("delay")) {
            int ms = kv.value(1).toInt(&ok);
            ok = ok && ms >= 0 && ms <= 60000;
            parsed.delayMs = ms;
        } else {
            double p = kv.value(1).toDouble(&ok);
            ok = ok && p >= 0 && p <= 1;
            if (name == QLatin1String("drop"))
                parsed.drop = p;
            else if (name == QLatin1String("dup"))
                parsed.dup = p;
            else if (name == QLatin1String("reorder"))
                parsed.reorder = p;
            else if (name == QLatin1String("cut"))
                parsed.cut = p;
            else
                ok = false;
        }
        if (!ok) {
            *error =
                QStringLiteral("bad fault \"%1\" (expected drop=P,dup=P,reorder=P,cut=P,delay=MS)").arg(item);
            return false;
        }
    }
    if (parsed.drop + parsed.dup + parsed.reorder + parsed.cut > 1) {
        *error = QStringLiteral("fault probabilities add up to more than 1");
        return false;
    }
    *config = parsed;
    return true;
}
