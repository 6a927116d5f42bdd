import QtQuick
import QtQuick.Layouts
import Ruhu

// 排除情形核实 (§12 household.flags): the household-level facts of the exclusion rules X6, X7, X8 and X10,
// asked as the survey asks them. The 2–5类 exception's 专门说明 is written on the risk decision page.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("排除情形核实")
    note: qsTr("以下任一项为“是”，识别时不得纳入监测（X6、X7、X8、X10）。")

    SurveyYesNoField {
        record: section.record; path: "flags.largeScaleFarmer"
        label: qsTr("是否种植、养殖大户（规模经营）")
    }
    SurveyYesNoField {
        record: section.record; path: "flags.employsOthers"
        label: qsTr("是否雇佣他人从事生产经营活动")
    }
    SurveyYesNoField {
        record: section.record; path: "flags.splitMergeSuspect"
        label: qsTr("是否为享受帮扶故意分户、并户")
    }
    SurveyYesNoField { record: section.record; path: "flags.emptyHukou"; label: qsTr("是否空挂户") }
    SurveyYesNoField {
        record: section.record; path: "flags.integrityIssue"
        label: qsTr("是否有优亲厚友、弄虚作假、信息失真或纳入失信惩戒")
    }
}
