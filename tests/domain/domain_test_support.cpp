#include "domain_test_support.h"

#include <ruhu/domain/household_json.h>
#include <ruhu/json/canonical_json.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ruhu::domain::test {

std::string sourceDir() {
    const char *dir = std::getenv("RUHU_SOURCE_DIR");
    if (!dir)
        throw std::runtime_error("RUHU_SOURCE_DIR is not set (run through ctest)");
    return dir;
}

std::string fixturePath(const std::string &name) {
    return sourceDir() + "/tests/domain/data/" + name + ".json";
}

boost::json::value loadJsonFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto json = parseJson(buffer.str());
    if (!json)
        throw std::runtime_error(path + ": " + json.error().message);
    return *json;
}

HouseholdDocument loadFixture(const std::string &name) {
    auto doc = parseHouseholdDocument(loadJsonFile(fixturePath(name)));
    if (!doc)
        throw std::runtime_error(name + ": " + doc.error().field + " " + doc.error().message);
    return *doc;
}

RuleConfig defaultConfig(const std::function<void(boost::json::object &)> &edit) {
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    if (edit) {
        edit(json.as_object()["parameters"].as_object());
        json.as_object().erase("hash");
        json.as_object()["id"] = "test-variant";
    }
    auto config = parseRuleConfig(json);
    if (!config)
        throw std::runtime_error("config: " + config.error().message);
    return *config;
}

CivilDate date(const char *text) {
    auto d = CivilDate::parse(text);
    if (!d)
        throw std::runtime_error(std::string("bad date ") + text);
    return *d;
}

} // namespace ruhu::domain::test
