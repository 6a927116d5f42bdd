#pragma once

#include "../storage/central_store.h"

#include <ruhu/exports/national_layout.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

enum class ExportFormat { Xlsx, Csv, Pdf };

// GET /api/v1/exports/{households|members|measures|monitoring-objects}.{xlsx|csv}
//     [?region=CODE][&idNumbers=masked|full&purpose=TEXT] (docs/exports.md)
struct NationalExportRequest {
    exports::Sheet sheet = exports::Sheet::Households;
    ExportFormat format = ExportFormat::Xlsx;
    std::vector<std::string> prefixes; // region if given, else the user's whole scope
    exports::Reveal reveal = exports::Reveal::Masked;
    std::string purpose;  // why the full numbers are needed (full only), for the audit
    std::string fileName; // "households-429005103201.xlsx"
};

// The request's file (its last path segment) and parameters, checked against the user: a region inside
// the user's scope (forbidden_area), full identity numbers only for a county account that gives a purpose
// (forbidden_role, purpose_required). Errors carry stable codes and Chinese messages; not_found for a
// file that is not an export.
Result<NationalExportRequest> parseNationalExportRequest(std::string_view target, const UserAccount &user);

// GET /api/v1/exports/publicity.{xlsx|pdf}[?region=CODE][&contact=TEXT] (docs/exports.md): the 公示 notices.
struct PublicityRequest {
    ExportFormat format = ExportFormat::Pdf;
    std::vector<std::string> prefixes;
    std::string contact;  // printed as where to object (at most ~50 characters)
    std::string fileName; // "publicity-429005103201.pdf"
};
bool isPublicityTarget(std::string_view target);
// The role (mayExport), the area (exportArea), the contact's length (invalid_contact); unknown_parameter.
Result<PublicityRequest> parsePublicityRequest(std::string_view target, const UserAccount &user);

// GET /api/v1/exports/consistency.xlsx[?region=CODE]: the 三一致 list (same roles and area as the others).
struct ConsistencyRequest {
    std::vector<std::string> prefixes;
    std::string fileName; // "consistency-429005103.xlsx"
};
bool isConsistencyTarget(std::string_view target);
Result<ConsistencyRequest> parseConsistencyRequest(std::string_view target, const UserAccount &user);

// The area an export covers: `region` (6, 9 or 12 digits, inside the scope; invalid_region /
// forbidden_area) or, when empty, the user's scope.
Result<std::vector<std::string>> exportArea(const std::string &region, const UserAccount &user);

// unknown_parameter for a parameter not in `known`.
Status onlyKnownParameters(const std::map<std::string, std::string> &params,
                           std::initializer_list<std::string_view> known);

std::string_view contentTypeOf(ExportFormat format);

} // namespace ruhu::server
