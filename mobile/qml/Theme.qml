pragma Singleton
import QtQuick
import Ruhu

// Colours and sizes for a cadre reading outdoors: dark text on light surfaces, large type, touch
// targets of at least 48 px (56 px for the main ones).
QtObject {
    readonly property string fontFamily: "Noto Sans CJK SC"

    readonly property color primary: "#1C5AA6"
    readonly property color primaryDark: "#15467F"
    readonly property color primaryText: "#FFFFFF"
    readonly property color primaryTextSoft: "#D6E4F5"
    readonly property color background: "#EEF1F5"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceAlt: "#F6F8FA"
    readonly property color text: "#1A1D21"
    readonly property color textSecondary: "#4A525C"
    readonly property color divider: "#D5DAE1"
    readonly property color error: "#B3261E"
    readonly property color errorBackground: "#FCEBEA"
    readonly property color success: "#1B7335"
    readonly property color successBackground: "#E6F4EA"
    readonly property color warning: "#8C4B00"
    readonly property color warningBackground: "#FFF1DC"
    readonly property color neutralChip: "#E4EAF2"

    // The text size chosen in 设置 (1.0, 1.15 or 1.3) scales every font; touch targets stay as they are.
    readonly property real textScale: AppSettings.textScale
    readonly property int fontSmall: Math.round(17 * textScale)
    readonly property int fontBody: Math.round(20 * textScale)
    readonly property int fontLarge: Math.round(22 * textScale)
    readonly property int fontTitle: Math.round(26 * textScale)
    readonly property int fontHero: Math.round(56 * textScale)

    readonly property int touch: 56
    readonly property int margin: 24
    readonly property int spacing: 16
    readonly property int radius: 10
}
