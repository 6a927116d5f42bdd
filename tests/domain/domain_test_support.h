#pragma once
// Shared helpers for the domain test suites: fixture loading and rule configurations.

#include <ruhu/domain/household_document.h>
#include <ruhu/domain/rule_config.h>

#include <QString>

#include <boost/json/object.hpp>

#include <functional>
#include <string>

namespace ruhu::domain::test {

std::string sourceDir();                          // RUHU_SOURCE_DIR, set by ruhu_add_qt_test
std::string fixturePath(const std::string &name); // tests/domain/data/<name>.json
boost::json::value loadJsonFile(const std::string &path);
HouseholdDocument loadFixture(const std::string &name); // QFAIL-free: throws std::runtime_error on error

// The shipped default configuration, optionally with its "parameters" edited (the hash is recomputed).
RuleConfig defaultConfig(const std::function<void(boost::json::object &parameters)> &edit = {});

CivilDate date(const char *text);

inline QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace ruhu::domain::test
