import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 车辆 (§12 household.vehicles, set-union by id): a 消费型 car of 3万元以上 bought within a year is
// exclusion X3. A removed vehicle stays as a tombstone so the removal survives the merge.
SurveySection {
    id: section
    required property SurveyRecord record
    readonly property var vehicles: record.revision >= 0 ? record.elements("vehicles") : []
    title: qsTr("车辆（%1辆）").arg(vehicles.length)
    note: qsTr("近一年内购买3万元以上的消费型机动车属于排除情形X3。")

    Repeater {
        // by count: a saved price or date must not rebuild the rows (the next field keeps its focus)
        model: section.vehicles.length
        delegate: Pane {
            id: vehicle
            required property int index
            readonly property var modelData: section.vehicles[index] || ({})
            readonly property string vehicleId: modelData.id
            Layout.fillWidth: true
            Layout.columnSpan: section.columns
            padding: 12
            background: Rectangle { radius: 8; color: Theme.surfaceAlt; border.color: Theme.divider }

            component VehicleField: LabeledField {
                id: vf
                property string key
                property string type: "text"
                readonly property string path: "vehicles." + vehicle.vehicleId + "." + key
                Layout.fillWidth: true
                Layout.preferredWidth: 150
                error: section.record.errors[path] || ""
            }

            GridLayout {
                width: parent.width
                columns: section.width >= 900 ? 5 : 2
                columnSpacing: 10
                rowSpacing: 6
                Repeater {
                    model: [["type", qsTr("类型")], ["use", qsTr("用途")]]
                    VehicleField {
                        id: choiceField
                        required property var modelData
                        key: modelData[0]
                        label: modelData[1]
                        readonly property var choices: section.record.choices("vehicles." + modelData[0])
                        AppComboBox {
                            model: choiceField.choices
                            currentIndex: choiceField.choices.indexOf(vehicle.modelData[choiceField.key] || "")
                            displayText: currentIndex < 0 ? qsTr("请选择") : currentText
                            onActivated: (i) => section.record.commitElementText("vehicles", vehicle.vehicleId,
                                                                                 choiceField.key, choiceField.choices[i])
                        }
                    }
                }
                VehicleField {
                    id: priceField
                    key: "price"
                    label: qsTr("购买价格（元）")
                    AppTextField {
                        objectName: "vehiclePrice_" + vehicle.index
                        text: vehicle.modelData.price !== undefined ? (vehicle.modelData.price / 100).toFixed(2) : ""
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        horizontalAlignment: TextInput.AlignRight
                        hasError: priceField.error.length > 0
                        onEditingFinished: section.record.commitElementText("vehicles", vehicle.vehicleId, "price", text, "money")
                    }
                }
                VehicleField {
                    id: dateField
                    key: "purchaseDate"
                    label: qsTr("购买日期")
                    AppTextField {
                        text: vehicle.modelData.purchaseDate || ""
                        placeholderText: qsTr("例如 2024-04-01")
                        inputMethodHints: Qt.ImhPreferNumbers
                        hasError: dateField.error.length > 0
                        onEditingFinished: section.record.commitElementText("vehicles", vehicle.vehicleId, "purchaseDate", text, "date")
                    }
                }
                AppButton {
                    text: qsTr("删除")
                    textColor: Theme.error
                    Layout.alignment: Qt.AlignBottom
                    onClicked: section.record.removeElement("vehicles", vehicle.vehicleId)
                }
            }
        }
    }
    AppButton {
        objectName: "addVehicleButton"
        text: qsTr("添加车辆")
        icon.source: "icons/add.svg"
        Layout.columnSpan: section.columns
        onClicked: section.record.addElement("vehicles", { type: "轿车", use: "消费", source: "自报" })
    }
}
