#include "../storage/database_url.h"
#include "../storage/open_central_store.h"
#include "area_csv.h"
#include "commands.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace ruhu::server {
namespace {

constexpr const char *kUsage =
    "usage: ruhu-syncd areas import FILE.csv --data-dir DIR | --database URL\n"
    "  FILE.csv: 行政区划代码,名称,上级 per line (UTF-8, BOM optional, header optional)\n";
constexpr std::streamsize kMaxFileBytes = 64 * 1024 * 1024;

int fail(const std::string &message) {
    std::fprintf(stderr, "ruhu-syncd: %s\n", message.c_str());
    return 1;
}

} // namespace

int runAreasCommand(int argc, char **argv) {
    const std::string_view where = argc == 5 ? argv[3] : "";
    if (argc != 5 || std::string_view(argv[1]) != "import" ||
        (where != "--data-dir" && where != "--database")) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::ifstream file(argv[2], std::ios::binary);
    if (!file)
        return fail(std::string("无法读取 ") + argv[2]);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (buffer.str().size() > static_cast<size_t>(kMaxFileBytes))
        return fail("文件过大");
    auto areas = parseAreaCsv(buffer.str());
    if (!areas)
        return fail(areas.error().message);

    auto store = openCentralStore(where == "--database" ? argv[4] : sqliteDatabaseUrl(argv[4]));
    if (!store)
        return fail(store.error().message);
    // A parent must be known: in the file or already in the table.
    auto known = (*store)->areas();
    if (!known)
        return fail(known.error().message);
    std::set<std::string> codes;
    for (const auto &a : *known)
        codes.insert(a.code);
    for (const auto &a : *areas)
        codes.insert(a.code);
    for (const auto &a : *areas) {
        if (!a.parent.empty() && !codes.contains(a.parent))
            return fail("上级代码 " + a.parent + "（" + a.code + " " + a.name +
                        " 的上级）不在文件或区划表中");
    }
    auto tx = (*store)->beginWrite();
    if (!tx)
        return fail(tx.error().message);
    for (const auto &a : *areas) {
        if (auto st = (*tx)->putArea(a); !st)
            return fail(st.error().message);
    }
    if (auto st = (*tx)->commit(); !st)
        return fail(st.error().message);
    std::printf("已导入 %zu 个行政区划\n", areas->size());
    return 0;
}

} // namespace ruhu::server
