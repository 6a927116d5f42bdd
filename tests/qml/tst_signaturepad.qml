import QtQuick
import QtQuick.Window
import QtTest
import Ruhu

// The signature pad records what the pen did: drawn with real mouse events, the strokes hold every
// sampled point, in pad coordinates, with t (ms since the first pen-down) never decreasing; undo and
// clear work stroke by stroke.
TestCase {
    id: testCase
    name: "SignaturePad"
    when: windowShown

    // Mouse events reach items in a window of their own (as the other tests use Main's window).
    Component {
        id: windowComponent
        Window {
            property alias pad: pad
            width: 900
            height: 360
            visible: true
            SignaturePad {
                id: pad
                width: 800
                height: 300
            }
        }
    }

    property var window: null
    property var pad: null

    function initTestCase() {
        window = windowComponent.createObject(testCase);
        verify(window);
        waitForRendering(window.contentItem);
        pad = window.pad;
    }

    function cleanupTestCase() {
        if (window)
            window.destroy();
    }

    // One stroke through the given points, with a pause between samples so timestamps advance.
    function drawStroke(points) {
        mousePress(pad, points[0][0], points[0][1], Qt.LeftButton, Qt.NoModifier, 20);
        for (let i = 1; i < points.length; ++i)
            mouseMove(pad, points[i][0], points[i][1], 20, Qt.LeftButton);
        const last = points[points.length - 1];
        mouseRelease(pad, last[0], last[1], Qt.LeftButton, Qt.NoModifier, 20);
    }

    function init() {
        pad.clear();
    }

    function test_drawnStrokesAreStored() {
        compare(pad.strokeCount, 0);
        verify(pad.empty);
        const first = [[50, 200], [90, 120], [140, 80], [190, 150], [230, 220]];
        const second = [[300, 100], [360, 110], [420, 130]];
        drawStroke(first);
        drawStroke(second);

        compare(pad.strokeCount, 2);
        compare(pad.pointCount, first.length + second.length);
        const strokes = pad.strokeData();
        compare(strokes.length, 2);
        compare(strokes[0].length, first.length);
        compare(strokes[1].length, second.length);
        for (let i = 0; i < first.length; ++i) {
            compare(strokes[0][i].x, first[i][0]);
            compare(strokes[0][i].y, first[i][1]);
        }
        compare(strokes[1][2].x, 420);
        compare(strokes[0][0].t, 0, "t counts from the first pen-down");
        let previous = 0;
        for (const stroke of strokes)
            for (const point of stroke) {
                verify(point.t >= previous, "t never decreases");
                previous = point.t;
                verify(point.p === undefined, "a mouse reports no pressure");
            }
        verify(previous > 0, "time advanced while drawing");
    }

    function test_undoAndClear() {
        drawStroke([[40, 40], [80, 60], [120, 80]]);
        drawStroke([[200, 40], [240, 60]]);
        compare(pad.strokeCount, 2);
        pad.undoStroke();
        compare(pad.strokeCount, 1);
        compare(pad.pointCount, 3);
        pad.clear();
        compare(pad.strokeCount, 0);
        compare(pad.pointCount, 0);
        verify(pad.empty);
    }

    function test_pointsOutsideAreClampedToThePad() {
        drawStroke([[700, 250], [790, 290]]);
        mousePress(pad, 780, 280);
        mouseMove(pad, 900, 400, 20, Qt.LeftButton); // the pen slides off the pad
        mouseRelease(pad, 900, 400);
        const strokes = pad.strokeData();
        const last = strokes[1][strokes[1].length - 1];
        verify(last.x <= pad.width && last.y <= pad.height);
    }
}
