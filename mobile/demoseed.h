#pragma once

#include <ruhu/result.h>

namespace ruhu {
class DeviceReplica;
}

// Screenshot mode: fills a fresh replica as if cadre1 (马家村) had logged in and synced the demo county,
// with one edit the server rejected so the sync page has something to show.
ruhu::Status seedDemoReplica(ruhu::DeviceReplica &replica);
