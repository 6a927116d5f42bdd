#pragma once

#include <ruhu/result.h>

#include <QByteArray>
#include <QString>

// How a photo is stored: the long edge in pixels and the JPEG quality (issue 7: 1600 px, 85).
struct PhotoOptions {
    int longEdge = 1600;
    int jpegQuality = 85;
    qint64 maxInputBytes = 64LL * 1024 * 1024;   // a camera JPEG is a few MB; anything bigger is not a photo
    qint64 maxInputPixels = 120LL * 1000 * 1000; // decoding more would exhaust a tablet's memory
    bool decodeScaled = true; // let libjpeg decode at 1/2, 1/4, 1/8 (off only to measure the difference)
};

// A photo as the tablet keeps it: upright, at most longEdge pixels on its long side, re-encoded as JPEG
// (which drops EXIF, GPS tags, comments and every other piece of the camera's metadata).
struct ProcessedPhoto {
    QByteArray jpeg;
    int width = 0;
    int height = 0;
    QString sha256; // lowercase hex of jpeg
};

// Decodes (applying the EXIF orientation), scales smoothly and re-encodes. Errors are Chinese sentences
// that tell the cadre what to do.
ruhu::Result<ProcessedPhoto> processPhotoFile(const QString &path, const PhotoOptions &options = {});
ruhu::Result<ProcessedPhoto> processPhotoBytes(const QByteArray &bytes, const PhotoOptions &options = {});
