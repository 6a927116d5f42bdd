import QtQuick
import Ruhu

// 户主不在户内的父母、配偶、子女 (§12 household.externalRelatives): a 国家公职人员 among them is an
// exclusion the rule engine checks.
SurveyElementList {
    title: qsTr("不在本户的父母、配偶、子女")
    note: qsTr("其中有国家公职人员的，请选“是”。")
    listName: "externalRelatives"
    addText: qsTr("添加亲属")
    newElement: ({ relation: "子" })
    columnsSpec: [
        { key: "relation", label: qsTr("关系"), type: "choice", choices: ["父", "母", "配偶", "子", "女"] },
        { key: "name", label: qsTr("姓名"), type: "text" },
        { key: "isPublicServant", label: qsTr("国家公职人员"), type: "bool" }
    ]
}
