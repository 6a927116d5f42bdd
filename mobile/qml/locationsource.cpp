#include "locationsource.h"

#include <ruhu/domain/beijing_time.h>

#include <QGeoPositionInfoSource>

namespace {
constexpr int kFreshMs = 10 * 60 * 1000; // an older fix says little about where this photo was taken
}

LocationSource::LocationSource(QObject *parent)
    : QObject(parent) {}

void LocationSource::start() {
    if (!m_triedCreate) {
        m_triedCreate = true;
        m_source = QGeoPositionInfoSource::createDefaultSource(this);
        if (m_source) {
            connect(m_source, &QGeoPositionInfoSource::positionUpdated, this,
                    [this](const QGeoPositionInfo &info) {
                        m_last = info;
                        Q_EMIT changed();
                    });
            connect(m_source, &QGeoPositionInfoSource::errorOccurred, this, [this] { Q_EMIT changed(); });
        }
    }
    if (m_source)
        m_source->startUpdates();
}

void LocationSource::stop() {
    if (m_source)
        m_source->stopUpdates();
}

boost::json::object LocationSource::currentGps() const {
    if (!hasFix() || m_last.timestamp().msecsTo(QDateTime::currentDateTimeUtc()) > kFreshMs)
        return {{"status", "unavailable"}};
    boost::json::object gps{{"status", "ok"},
                            {"lat", m_last.coordinate().latitude()},
                            {"lon", m_last.coordinate().longitude()},
                            {"at", ruhu::domain::beijingTime(m_last.timestamp().toMSecsSinceEpoch())}};
    if (m_last.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
        gps["accuracyM"] = m_last.attribute(QGeoPositionInfo::HorizontalAccuracy);
    return gps;
}
