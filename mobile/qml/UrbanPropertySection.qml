import QtQuick
import Ruhu

// 城镇房产 (§12 household.housing.urbanProperty, set-union by id inside the housing group): a 商品房, 自建房,
// 门面房 or 经营用房 in a town is exclusion X4.
SurveyElementList {
    id: section
    title: qsTr("城镇房产")
    note: qsTr("在城镇拥有商品房、自建房、门面房或经营用房属于排除情形X4。")
    listName: "housing.urbanProperty"
    addText: qsTr("添加城镇房产")
    newElement: ({ type: "商品房", location: "城镇", source: "自报" })
    columnsSpec: [
        { key: "type", label: qsTr("房产类型"), type: "choice", choices: section.record.choices("housing.urbanProperty.type") },
        { key: "location", label: qsTr("所在地"), type: "choice", choices: section.record.choices("housing.urbanProperty.location") },
        { key: "source", label: qsTr("信息来源"), type: "choice", choices: section.record.choices("housing.urbanProperty.source") }
    ]
}
