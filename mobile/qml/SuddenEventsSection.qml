import QtQuick
import Ruhu

// 突发事件 (§12 household.suddenEvents): a 重大变故 feeds the risk flags and the soft-exclusion exception.
SurveyElementList {
    title: qsTr("突发事件")
    note: qsTr("如自然灾害、重大疾病、意外事故等，写明发生日期。")
    listName: "suddenEvents"
    addText: qsTr("添加突发事件")
    newElement: ({ type: "其他" })
    columnsSpec: [
        { key: "type", label: qsTr("事件类型"), type: "text", placeholder: qsTr("例如 洪涝灾害") },
        { key: "date", label: qsTr("发生日期"), type: "date", placeholder: qsTr("例如 2026-07-10") },
        { key: "note", label: qsTr("说明"), type: "text" }
    ]
}
