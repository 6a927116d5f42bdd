#include "../api/audit.h"
#include "../api/auth.h"
#include "../api/handlers.h"
#include "../api/query.h"
#include "../api/replies.h"
#include "area_directory.h"
#include "consistency_export.h"
#include "csv_sink.h"
#include "export_request.h"
#include "national_export.h"
#include "publicity_export.h"
#include "xlsx_sink.h"

#include <ruhu/exports/consistency.h>

namespace ruhu::server {
namespace {

Result<std::unique_ptr<TableSink>> openSink(ExportFormat format, exports::Sheet sheet) {
    if (format == ExportFormat::Csv) {
        auto sink = CsvSink::open();
        if (!sink)
            return sink.error();
        return std::unique_ptr<TableSink>(std::move(*sink));
    }
    auto sink = XlsxSink::open(exports::sheetTitle(sheet));
    if (!sink)
        return sink.error();
    return std::unique_ptr<TableSink>(std::move(*sink));
}

// What the audit row says was read: the file, the area and, for full numbers, the stated purpose.
std::string auditTarget(const NationalExportRequest &request) {
    std::string target = request.fileName;
    if (request.reveal == exports::Reveal::Full)
        target += " idNumbers=full purpose=" + request.purpose;
    return target;
}

ApiReply fileReply(ExportFile file, std::string_view contentType, const std::string &fileName) {
    ApiReply reply;
    reply.file = FileSlice{std::move(file.reader), 0, file.size, false, {}};
    reply.contentType = std::string(contentType);
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    return reply;
}

ApiReply nationalExport(const Request &request, const ApiContext &context, const UserAccount &user) {
    const std::string_view target(request.target().data(), request.target().size());
    auto parsed = parseNationalExportRequest(target, user);
    if (!parsed)
        return errorReply(parsed.error());
    auto areas = AreaDirectory::load(context.store);
    if (!areas)
        return errorReply(areas.error());
    auto sink = openSink(parsed->format, parsed->sheet);
    if (!sink)
        return errorReply(sink.error());
    auto rows = writeNationalSheet(context.store, *areas,
                                   NationalExport{parsed->sheet, parsed->prefixes, parsed->reveal}, **sink);
    if (!rows)
        return errorReply(rows.error());
    auto file = (*sink)->finish();
    if (!file)
        return errorReply(file.error());
    const std::string result = parsed->reveal == exports::Reveal::Full ? "full" : "masked";
    if (auto st = auditRead(request, context, user, "export", auditTarget(*parsed), result,
                            std::move(rows->households));
        !st)
        return errorReply(st.error());
    return fileReply(std::move(*file), contentTypeOf(parsed->format), parsed->fileName);
}

Result<ApiReply> publicityXlsx(const PublicityList &list, const std::string &fileName) {
    auto sink = XlsxSink::open(exports::kPublicitySheetTitle);
    if (!sink)
        return sink.error();
    if (auto st = (*sink)->writeRow(exports::publicitySheetHeaders()); !st)
        return st.error();
    for (const auto &notice : list.notices) {
        int number = 0;
        for (const auto &entry : notice.entries) {
            if (auto st = (*sink)->writeRow(exports::publicitySheetRow(entry, ++number)); !st)
                return st.error();
        }
    }
    auto file = (*sink)->finish();
    if (!file)
        return file.error();
    return fileReply(std::move(*file), contentTypeOf(ExportFormat::Xlsx), fileName);
}

Result<ApiReply> publicityPdf(const PublicityList &list, const std::string &fileName) {
    auto pdf = renderPublicityPdf(list.notices, "本区域当前没有处于公示期的拟纳入监测对象");
    if (!pdf)
        return pdf.error();
    ApiReply reply;
    reply.contentType = std::string(contentTypeOf(ExportFormat::Pdf));
    reply.rawBody = std::move(*pdf);
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    return reply;
}

// The 公示 notices (docs/exports.md): audited like every export, before anything is sent.
ApiReply publicityExport(const Request &request, const ApiContext &context, const UserAccount &user) {
    const std::string_view target(request.target().data(), request.target().size());
    auto parsed = parsePublicityRequest(target, user);
    if (!parsed)
        return errorReply(parsed.error());
    auto areas = AreaDirectory::load(context.store);
    if (!areas)
        return errorReply(areas.error());
    auto list = collectPublicity(context.store, *areas, parsed->prefixes, parsed->contact);
    if (!list)
        return errorReply(list.error());
    auto reply = parsed->format == ExportFormat::Pdf ? publicityPdf(*list, parsed->fileName)
                                                     : publicityXlsx(*list, parsed->fileName);
    if (!reply)
        return errorReply(reply.error());
    if (auto st = auditRead(request, context, user, "export", parsed->fileName, "publicity",
                            std::move(list->households));
        !st)
        return errorReply(st.error());
    return std::move(*reply);
}

// 三一致: the households whose case and record disagree (docs/exports.md), as XLSX, audited.
ApiReply consistencyExport(const Request &request, const ApiContext &context, const UserAccount &user) {
    const std::string_view target(request.target().data(), request.target().size());
    auto parsed = parseConsistencyRequest(target, user);
    if (!parsed)
        return errorReply(parsed.error());
    auto areas = AreaDirectory::load(context.store);
    if (!areas)
        return errorReply(areas.error());
    auto sink = XlsxSink::open(exports::kConsistencySheetTitle);
    if (!sink)
        return errorReply(sink.error());
    auto households = writeConsistencySheet(context.store, *areas, parsed->prefixes, **sink);
    if (!households)
        return errorReply(households.error());
    auto file = (*sink)->finish();
    if (!file)
        return errorReply(file.error());
    if (auto st = auditRead(request, context, user, "export", parsed->fileName, "consistency",
                            std::move(*households));
        !st)
        return errorReply(st.error());
    return fileReply(std::move(*file), contentTypeOf(ExportFormat::Xlsx), parsed->fileName);
}

} // namespace

// GET /api/v1/exports/…: the national-system-shaped files (docs/exports.md). The session runs it off the
// I/O threads (isExportRequest): a county-wide export takes seconds.
ApiReply handleExports(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    const std::string_view target(request.target().data(), request.target().size());
    ApiReply reply = isPublicityTarget(target)     ? publicityExport(request, context, *user)
                     : isConsistencyTarget(target) ? consistencyExport(request, context, *user)
                                                   : nationalExport(request, context, *user);
    reply.user = user->username;
    return reply;
}

bool isExportRequest(http::verb method, std::string_view target) {
    return method == http::verb::get && pathOf(target).starts_with("/api/v1/exports/");
}

} // namespace ruhu::server
