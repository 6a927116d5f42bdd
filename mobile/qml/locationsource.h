#pragma once

#include <QGeoPositionInfo>
#include <QObject>

#include <boost/json/object.hpp>

class QGeoPositionInfoSource;

// Where the tablet is, for the photo record's gps field (QtPositioning). Runs only while a capture page
// is open. On a desktop or without a fix the position is recorded as unavailable, never guessed.
class LocationSource : public QObject {
    Q_OBJECT
public:
    explicit LocationSource(QObject *parent = nullptr);

    void start();
    void stop();
    // {"status":"ok","lat":..,"lon":..,"accuracyM":..,"at":..} or {"status":"unavailable"}.
    boost::json::object currentGps() const;
    bool hasFix() const { return m_last.isValid() && m_last.coordinate().isValid(); }

Q_SIGNALS:
    void changed();

private:
    QGeoPositionInfoSource *m_source = nullptr;
    QGeoPositionInfo m_last;
    bool m_triedCreate = false;
};
