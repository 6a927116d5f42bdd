import QtQuick
import Ruhu

// 注册公司企业 (§12 household.companies, set-union by id): whether a company is registered and still
// operating decides an exclusion rule, so both facts are asked for each one.
SurveyElementList {
    title: qsTr("家庭成员注册的公司企业")
    note: qsTr("有在营的注册公司企业属于排除情形，请如实登记。")
    listName: "companies"
    addText: qsTr("添加公司企业")
    newElement: ({ registered: true })
    columnsSpec: [
        { key: "name", label: qsTr("企业名称"), type: "text" },
        { key: "registered", label: qsTr("已工商注册"), type: "bool" },
        { key: "activelyOperating", label: qsTr("正常经营"), type: "bool" }
    ]
}
