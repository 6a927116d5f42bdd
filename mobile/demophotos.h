#pragma once

#include <ruhu/result.h>

class PhotoLibrary;

// Screenshot mode: painted stand-ins for a cadre's photos of hh-0002 (the house from the front and the
// side, the yard), run through the real pipeline (processed, sealed, recorded, queued for upload), so the
// gallery strip, the viewer and the sync page's 照片上传 section have something to show.
ruhu::Status seedDemoPhotos(PhotoLibrary &library);
