#include "export_request.h"

#include "../api/query.h"
#include "../api/scope.h"

#include <algorithm>

namespace ruhu::server {
namespace {

constexpr std::string_view kPrefix = "/api/v1/exports/";
constexpr size_t kMaxPurposeBytes = 300; // about 100 Chinese characters
constexpr size_t kMaxContactBytes = 150; // about 50 Chinese characters
constexpr std::string_view kPublicityStem = "publicity";
constexpr std::string_view kConsistencyStem = "consistency";

bool allDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool hasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::optional<exports::Sheet> sheetOf(std::string_view stem) {
    for (auto sheet : {exports::Sheet::Households, exports::Sheet::MonitoringObjects, exports::Sheet::Members,
                       exports::Sheet::Measures}) {
        if (exports::sheetFileStem(sheet) == stem)
            return sheet;
    }
    return std::nullopt;
}

} // namespace

Status onlyKnownParameters(const std::map<std::string, std::string> &params,
                           std::initializer_list<std::string_view> known) {
    for (const auto &[key, value] : params) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            return Error{"unknown_parameter", "不支持的参数“" + key.substr(0, 40) + "”", key.substr(0, 40)};
    }
    return okStatus();
}

Result<std::vector<std::string>> exportArea(const std::string &region, const UserAccount &user) {
    if (region.empty())
        return user.scope;
    if (!allDigits(region) || (region.size() != 6 && region.size() != 9 && region.size() != 12))
        return Error{"invalid_region", "region 应为 6 位（县）、9 位（乡镇）或 12 位（村）行政区划代码",
                     "region"};
    if (!inScope(region, user.scope))
        return Error{"forbidden_area", "地区 " + region + " 不在您的工作范围内，不能导出", "region"};
    return std::vector<std::string>{region};
}

Result<NationalExportRequest> parseNationalExportRequest(std::string_view target, const UserAccount &user) {
    const std::string_view file = pathOf(target).substr(kPrefix.size());
    const size_t dot = file.rfind('.');
    const auto sheet = dot == std::string_view::npos ? std::nullopt : sheetOf(file.substr(0, dot));
    const std::string_view extension = dot == std::string_view::npos ? "" : file.substr(dot + 1);
    if (!sheet || (extension != "xlsx" && extension != "csv"))
        return Error{
            "not_found",
            "没有这种导出文件（可导出 households、members、measures、monitoring-objects 的 .xlsx 或 .csv）",
            ""};

    auto params = queryParams(target);
    if (!params)
        return params.error();
    if (auto st = onlyKnownParameters(*params, {"region", "idNumbers", "purpose"}); !st)
        return st.error();
    if (!exports::mayExport(user.role))
        return Error{"forbidden_role", "该账号不能导出监测数据（仅村、乡镇、县级账号可以）", ""};

    NationalExportRequest request;
    request.sheet = *sheet;
    request.format = extension == "xlsx" ? ExportFormat::Xlsx : ExportFormat::Csv;
    const std::string region = (*params)["region"];
    auto area = exportArea(region, user);
    if (!area)
        return area.error();
    request.prefixes = std::move(*area);

    const std::string idNumbers = (*params)["idNumbers"];
    request.purpose = (*params)["purpose"];
    if (idNumbers == "full") {
        if (!exports::mayRevealIdentity(user.role))
            return Error{"forbidden_role", "只有县级账号可以导出完整证件号码，请导出脱敏版本", "idNumbers"};
        if (request.purpose.find_first_not_of(' ') == std::string::npos)
            return Error{"purpose_required", "导出完整证件号码须说明用途（purpose），用途将记入访问记录",
                         "purpose"};
        if (request.purpose.size() > kMaxPurposeBytes || hasControlCharacter(request.purpose))
            return Error{"invalid_purpose", "用途说明过长（最多约 100 字）或含有控制字符", "purpose"};
        request.reveal = exports::Reveal::Full;
    } else if (!idNumbers.empty() && idNumbers != "masked") {
        return Error{"invalid_id_numbers", "idNumbers 只能是 masked（脱敏，默认）或 full（完整，仅县级）",
                     "idNumbers"};
    } else if (!request.purpose.empty()) {
        return Error{"invalid_purpose", "只有导出完整证件号码（idNumbers=full）时才需要说明用途", "purpose"};
    }
    request.fileName = std::string(exports::sheetFileStem(*sheet)) + "-" +
                       (region.empty() ? std::string("all") : region) + "." + std::string(extension);
    return request;
}

bool isPublicityTarget(std::string_view target) {
    const std::string_view file = pathOf(target).substr(kPrefix.size());
    return file.substr(0, file.rfind('.')) == kPublicityStem;
}

Result<PublicityRequest> parsePublicityRequest(std::string_view target, const UserAccount &user) {
    const std::string_view file = pathOf(target).substr(kPrefix.size());
    const std::string_view extension = file.substr(kPublicityStem.size());
    if (extension != ".pdf" && extension != ".xlsx")
        return Error{"not_found", "公示名单只能导出为 publicity.pdf 或 publicity.xlsx", ""};
    auto params = queryParams(target);
    if (!params)
        return params.error();
    if (auto st = onlyKnownParameters(*params, {"region", "contact"}); !st)
        return st.error();
    if (!exports::mayExport(user.role))
        return Error{"forbidden_role", "该账号不能导出公示名单（仅村、乡镇、县级账号可以）", ""};
    PublicityRequest request;
    request.format = extension == ".pdf" ? ExportFormat::Pdf : ExportFormat::Xlsx;
    const std::string region = (*params)["region"];
    auto area = exportArea(region, user);
    if (!area)
        return area.error();
    request.prefixes = std::move(*area);
    request.contact = (*params)["contact"];
    if (request.contact.size() > kMaxContactBytes || hasControlCharacter(request.contact))
        return Error{"invalid_contact", "异议联系方式过长（最多约 50 字）或含有控制字符", "contact"};
    request.fileName = std::string(kPublicityStem) + "-" + (region.empty() ? std::string("all") : region) +
                       std::string(extension);
    return request;
}

bool isConsistencyTarget(std::string_view target) {
    const std::string_view file = pathOf(target).substr(kPrefix.size());
    return file.substr(0, file.rfind('.')) == kConsistencyStem;
}

Result<ConsistencyRequest> parseConsistencyRequest(std::string_view target, const UserAccount &user) {
    const std::string_view file = pathOf(target).substr(kPrefix.size());
    if (file.substr(kConsistencyStem.size()) != ".xlsx")
        return Error{"not_found", "三一致核对清单只能导出为 consistency.xlsx", ""};
    auto params = queryParams(target);
    if (!params)
        return params.error();
    if (auto st = onlyKnownParameters(*params, {"region"}); !st)
        return st.error();
    if (!exports::mayExport(user.role))
        return Error{"forbidden_role", "该账号不能导出三一致核对清单（仅村、乡镇、县级账号可以）", ""};
    const std::string region = (*params)["region"];
    auto area = exportArea(region, user);
    if (!area)
        return area.error();
    return ConsistencyRequest{std::move(*area), std::string(kConsistencyStem) + "-" +
                                                    (region.empty() ? std::string("all") : region) + ".xlsx"};
}

std::string_view contentTypeOf(ExportFormat format) {
    switch (format) {
    case ExportFormat::Xlsx:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ExportFormat::Csv:
        return "text/csv; charset=utf-8";
    case ExportFormat::Pdf:
        break;
    }
    return "application/pdf";
}

} // namespace ruhu::server
