import QtQuick
import QtQuick.Controls
import Ruhu

// One filter of the household list: "all" first, then the options ({value, label}); `value` is the
// chosen option's value, empty for "all".
AppComboBox {
    id: control

    property string allLabel
    property var options: []
    readonly property string value: currentIndex > 0 ? options[currentIndex - 1].value : ""

    function choose(value) {
        for (let i = 0; i < options.length; ++i) {
            if (options[i].value === value) {
                currentIndex = i + 1;
                return;
            }
        }
        currentIndex = 0;
    }

    model: [allLabel].concat(options.map(o => o.label))
    font.bold: currentIndex > 0
}
