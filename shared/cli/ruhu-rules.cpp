// ruhu-rules: evaluates household documents with the rule engine (monitoring-domain.md §13).
//
//   ruhu-rules evaluate [--config FILE] [--on YYYY-MM-DD] HOUSEHOLD.json
//   ruhu-rules evaluate [--config FILE] [--on YYYY-MM-DD] --batch FILE.jsonl
//   ruhu-rules config-hash FILE
//
// Prints one JSON object per household. Bad input (document, config, date, usage) exits with code 2 and a
// message naming the field and the problem. See docs/data-model.md.
#include <ruhu/domain/household_json.h>
#include <ruhu/domain/rules.h>
#include <ruhu/json/canonical_json.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace ruhu;
using namespace ruhu::domain;

constexpr int exitOk = 0;
constexpr int exitBadInput = 2;

void printUsage(std::ostream &out) {
    out << "用法:\n"
           "  ruhu-rules evaluate [--config FILE] [--on YYYY-MM-DD] HOUSEHOLD.json\n"
           "  ruhu-rules evaluate [--config FILE] [--on YYYY-MM-DD] --batch FILE.jsonl\n"
           "  ruhu-rules config-hash FILE\n"
           "--config 默认为 "
#ifdef RUHU_ASSETS_DIR
        << RUHU_ASSETS_DIR "/rules/ruhu-rules-default.json"
#else
        << "（未编译默认路径，必须指定）"
#endif
        << "；--on 默认为今天。\n";
}

int fail(const Error &e) {
    std::cerr << "错误";
    if (!e.field.empty())
        std::cerr << "（" << e.field << "）";
    std::cerr << "：" << e.message << " [" << e.code << "]\n";
    return exitBadInput;
}

bool readFile(const std::string &path, std::string &out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

Result<Evaluation> evaluateText(std::string_view text, const RuleConfig &config, const CivilDate &on) {
    auto json = parseJson(text);
    if (!json)
        return Error{json.error().code, "不是有效的JSON：" + json.error().message, json.error().field};
    auto doc = parseHouseholdDocument(*json);
    if (!doc)
        return doc.error();
    return evaluateHousehold(*doc, config, on);
}

std::string errorLine(size_t line, const Error &e) {
    boost::json::object o{
        {"line", line},
        {"error", boost::json::object{{"code", e.code}, {"field", e.field}, {"message", e.message}}}};
    return toCanonicalJson(o);
}

int evaluate(const std::vector<std::string> &args) {
    std::string configPath;
#ifdef RUHU_ASSETS_DIR
    configPath = RUHU_ASSETS_DIR "/rules/ruhu-rules-default.json";
#endif
    std::string batchPath;
    std::string documentPath;
    CivilDate on = CivilDate::today();
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](const char *name) -> const std::string * {
            if (i + 1 >= args.size()) {
                std::cerr << "错误：" << name << " 需要一个参数\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--config") {
            const auto *v = value("--config");
            if (!v)
                return exitBadInput;
            configPath = *v;
        } else if (a == "--on") {
            const auto *v = value("--on");
            if (!v)
                return exitBadInput;
            auto d = CivilDate::parse(*v);
            if (!d)
                return fail(Error{"invalid_date", "评估日期应为YYYY-MM-DD，当前为“" + *v + "”", "--on"});
            on = *d;
        } else if (a == "--batch") {
            const auto *v = value("--batch");
            if (!v)
                return exitBadInput;
            batchPath = *v;
        } else if (a == "-h" || a == "--help") {
            printUsage(std::cout);
            return exitOk;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            std::cerr << "错误：未知选项 " << a << "\n";
            printUsage(std::cerr);
            return exitBadInput;
        } else if (documentPath.empty()) {
            documentPath = a;
        } else {
            std::cerr << "错误：只能指定一个户文档（多户请用 --batch）\n";
            return exitBadInput;
        }
    }
    if (batchPath.empty() == documentPath.empty()) {
        std::cerr << "错误：请指定一个户文档或 --batch 文件（二者之一）\n";
        printUsage(std::cerr);
        return exitBadInput;
    }
    if (configPath.empty())
        return fail(Error{"missing_config", "未编译默认规则配置路径，请用 --config 指定", "--config"});
    auto config = loadRuleConfigFile(configPath);
    if (!config)
        return fail(config.error());

    if (!documentPath.empty()) {
        std::string text;
        if (documentPath == "-") {
            std::stringstream buffer;
            buffer << std::cin.rdbuf();
            text = buffer.str();
        } else if (!readFile(documentPath, text)) {
            return fail(Error{"file_not_found", "无法读取户文档：" + documentPath, "HOUSEHOLD.json"});
        }
        auto ev = evaluateText(text, *config, on);
        if (!ev)
            return fail(ev.error());
        std::cout << toCanonicalJson(evaluationToJson(*ev)) << '\n';
        return exitOk;
    }

    std::ifstream in(batchPath, std::ios::binary);
    if (!in)
        return fail(Error{"file_not_found", "无法读取批量文件：" + batchPath, "--batch"});
    std::string line;
    size_t lineNo = 0;
    size_t failures = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto ev = evaluateText(line, *config, on);
        if (ev) {
            std::cout << toCanonicalJson(evaluationToJson(*ev)) << '\n';
        } else {
            ++failures;
            std::cout << errorLine(lineNo, ev.error()) << '\n';
            std::cerr << "第" << lineNo << "行：";
            fail(ev.error());
        }
    }
    return failures == 0 ? exitOk : exitBadInput;
}

int configHash(const std::vector<std::string> &args) {
    if (args.size() != 1) {
        printUsage(std::cerr);
        return exitBadInput;
    }
    std::string text;
    if (!readFile(args[0], text))
        return fail(Error{"file_not_found", "无法读取规则配置文件：" + args[0], "FILE"});
    auto json = parseJson(text);
    if (!json)
        return fail(json.error());
    std::cout << ruleConfigHash(*json) << '\n';
    auto config = parseRuleConfig(*json);
    if (!config)
        return fail(config.error());
    return exitOk;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return exitBadInput;
    }
    std::string command = args.front();
    args.erase(args.begin());
    if (command == "evaluate")
        return evaluate(args);
    if (command == "config-hash")
        return configHash(args);
    if (command == "-h" || command == "--help") {
        printUsage(std::cout);
        return exitOk;
    }
    std::cerr << "错误：未知命令 " << command << "\n";
    printUsage(std::cerr);
    return exitBadInput;
}
