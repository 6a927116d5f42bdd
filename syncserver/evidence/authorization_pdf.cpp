#include "authorization_pdf.h"

#include "../pdf/pdf_document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ruhu::server {
namespace {

using pdf::kContentWidth;
using pdf::kMargin;
using pdf::kPageHeight;
constexpr const char *kTableSeparator = "｜";

std::vector<std::string> split(const std::string &text, const std::string &separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        size_t at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos)
            return parts;
        start = at + separator.size();
    }
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Lays text out top-down on A4 pages, starting a new page when the next block does not fit.
class LetterWriter {
public:
    // footer: printed at the bottom of every page with the page number (each sheet names the letter).
    LetterWriter(cairo_t *cr, std::string footer)
        : m_cr(cr)
        , m_footer(std::move(footer)) {}

    // Starts a new page first unless `height` more points fit on this one (keeps a block together).
    void keepTogether(double height) { ensureSpace(height); }

    // Prints the footer and ends the page.
    void finishPage() {
        ++m_page;
        auto layout =
            makeLayout(m_footer + "　第 " + std::to_string(m_page) + " 页", 8, false, kContentWidth);
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        cairo_move_to(m_cr, kMargin, kPageHeight - kMargin + 14);
        pango_cairo_show_layout(m_cr, layout.get());
        cairo_show_page(m_cr);
        m_y = kMargin;
    }

    // A paragraph of wrapped text; returns its height.
    double paragraph(const std::string &text, double size = 10.5, bool bold = false,
                     PangoAlignment align = PANGO_ALIGN_LEFT, double indent = 0,
                     double width = kContentWidth) {
        auto layout = makeLayout(text, size, bold, width - indent);
        pango_layout_set_alignment(layout.get(), align);
        const double height = heightOf(layout.get());
        ensureSpace(height);
        cairo_move_to(m_cr, kMargin + indent, m_y);
        pango_cairo_show_layout(m_cr, layout.get());
        m_y += height + size * 0.45;
        return height;
    }

    // One row of a table with cells split from a "｜"-separated line; widths are fractions of the line.
    void tableRow(const std::vector<std::string> &cells, const std::vector<double> &fractions, bool header) {
        std::vector<pdf::Layout> layouts;
        double height = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
            layouts.push_back(makeLayout(cells[i], 9.5, header, fractions[i] * kContentWidth - 8));
            height = std::max(height, heightOf(layouts.back().get()));
        }
        height += 8;
        ensureSpace(height);
        double x = kMargin;
        cairo_set_line_width(m_cr, 0.6);
        for (size_t i = 0; i < cells.size(); ++i) {
            const double w = fractions[i] * kContentWidth;
            cairo_rectangle(m_cr, x, m_y, w, height);
            cairo_stroke(m_cr);
            cairo_move_to(m_cr, x + 4, m_y + 4);
            pango_cairo_show_layout(m_cr, layouts[i].get());
            x += w;
        }
        m_y += height;
    }

    void gap(double points) { m_y += points; }

    // Reserves a block of the given height (on a new page if needed) and returns its top.
    double block(double height) {
        ensureSpace(height);
        const double top = m_y;
        m_y += height;
        return top;
    }

    pdf::Layout makeLayout(const std::string &text, double size, bool bold, double width) {
        return pdf::makeLayout(m_cr, text, pdf::kSerifFont, size, bold, width);
    }

    static double heightOf(PangoLayout *layout) { return pdf::heightOf(layout); }

    cairo_t *cr() const { return m_cr; }

private:
    void ensureSpace(double height) {
        if (m_y + height <= kPageHeight - kMargin || m_y <= kMargin)
            return;
        finishPage();
    }

    cairo_t *m_cr;
    std::string m_footer;
    double m_y = kMargin;
    int m_page = 0;
};

// The signature as the pen drew it, scaled into the box (vector paths, no image file).
void drawStrokes(cairo_t *cr, const evidence::SignatureStrokes &s, double x, double y, double w, double h) {
    if (s.canvasWidth <= 0 || s.canvasHeight <= 0)
        return;
    const double scale = std::min(w / s.canvasWidth, h / s.canvasHeight);
    const double offsetX = x + (w - s.canvasWidth * scale) / 2;
    const double offsetY = y + (h - s.canvasHeight * scale) / 2;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.25);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const auto &stroke : s.strokes) {
        if (stroke.empty())
            continue;
        if (stroke.size() == 1) {
            cairo_arc(cr, offsetX + stroke[0].x * scale, offsetY + stroke[0].y * scale, 0.8, 0, 2 * M_PI);
            cairo_fill(cr);
            continue;
        }
        for (size_t i = 1; i < stroke.size(); ++i) {
            const auto &a = stroke[i - 1];
            const auto &b = stroke[i];
            cairo_set_line_width(cr, 0.6 + 1.2 * b.pressure.value_or(0.5));
            cairo_move_to(cr, offsetX + a.x * scale, offsetY + a.y * scale);
            cairo_line_to(cr, offsetX + b.x * scale, offsetY + b.y * scale);
            cairo_stroke(cr);
        }
    }
    cairo_restore(cr);
}

// Width and height from a JPEG's start-of-frame segment; nullopt if it is not a baseline/progressive JPEG.
std::optional<std::pair<int, int>> jpegSize(const std::string &jpeg) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(jpeg[i]); };
    if (jpeg.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8)
        return std::nullopt;
    size_t i = 2;
    while (i + 9 < jpeg.size()) {
        if (byte(i) != 0xFF)
            return std::nullopt;
        const unsigned char marker = byte(i + 1);
        const size_t length = (size_t(byte(i + 2)) << 8) | byte(i + 3);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            const int height = (byte(i + 5) << 8) | byte(i + 6);
            const int width = (byte(i + 7) << 8) | byte(i + 8);
            if (width <= 0 || height <= 0 || width > 8192 || height > 8192)
                return std::nullopt;
            return std::pair{width, height};
        }
        i += 2 + length;
    }
    return std::nullopt;
}

// The JPEG as it is (cairo's PDF surface embeds the bytes, DCT-encoded), scaled into the box. The image
// surface only carries the size; its pixels are never drawn into the PDF.
bool drawJpeg(cairo_t *cr, const std::string &jpeg, double x, double y, double w, double h) {
    const auto size = jpegSize(jpeg);
    if (!size)
        return false;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> image(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, size->first, size->second), cairo_surface_destroy);
    auto *copy = new std::string(jpeg);
    if (cairo_surface_set_mime_data(
            image.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char *>(copy->data()),
            copy->size(), [](void *data) { delete static_cast<std::string *>(data); },
            copy) != CAIRO_STATUS_SUCCESS) {
        delete copy;
        return false;
    }
    const double scale = std::min(w / size->first, h / size->second);
    cairo_save(cr);
    cairo_translate(cr, x + (w - size->first * scale) / 2, y + (h - size->second * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    return true;
}

std::string tick(bool on) {
    return on ? "☑" : "☐";
}

void writeText(LetterWriter &out, const evidence::Authorization &a) {
    const auto lines = split(a.renderedText, "\n");
    bool first = true;
    bool tableStarted = false; // the template's member table opens with its header row
    for (const auto &line : lines) {
        if (line.empty())
            continue;
        if (first) {
            out.paragraph(line, 16, true, PANGO_ALIGN_CENTER);
            out.gap(6);
            first = false;
            continue;
        }
        if (line.find(kTableSeparator) != std::string::npos) {
            auto cells = split(line, kTableSeparator);
            std::vector<double> fractions(cells.size(), 1.0 / cells.size());
            if (cells.size() == 4)
                fractions = {0.22, 0.2, 0.2, 0.38};
            out.tableRow(cells, fractions, !tableStarted);
            tableStarted = true;
            continue;
        }
        out.paragraph(line);
    }
    out.gap(4);
    out.paragraph("签署时的单独勾选：" + tick(a.consents.queryAssets) + " 同意查询家庭资产和收支信息　" +
                  tick(a.consents.sensitivePI) + " 同意处理敏感个人信息　" + tick(a.consents.photos) +
                  " 同意拍照并记录地点");
}

void writeSigners(LetterWriter &out, const evidence::Authorization &a, const LetterStatus &status) {
    constexpr double kBoxHeight = 70;
    out.gap(4);
    out.keepTogether(30 + kBoxHeight); // the heading with the first signer
    out.paragraph("签署人", 12, true);
    constexpr double kSignatureWidth = 200;
    for (const auto &s : a.signers) {
        std::string details = "姓名：" + s.name + "　身份：" + s.role + "　方式：" + s.method;
        if (!s.idNoMasked.empty())
            details += "\n代表成员身份证号：" + s.idNoMasked;
        if (s.proxy)
            details += "\n代填人：" + s.proxy->name + "（" + s.proxy->role + "），原因：" + s.proxy->reason +
                       (s.proxy->readAloudConfirmed ? "，已向申请人宣读" : "，未确认宣读");
        details += "\n签署时间：" + s.signedAt;
        const double top = out.block(kBoxHeight + 8);
        cairo_t *cr = out.cr();
        cairo_set_line_width(cr, 0.5);
        cairo_rectangle(cr, kMargin, top, kSignatureWidth, kBoxHeight);
        cairo_stroke(cr);
        if (s.strokes) {
            drawStrokes(cr, *s.strokes, kMargin + 4, top + 4, kSignatureWidth - 8, kBoxHeight - 8);
        } else {
            std::string label = "手印照片";
            if (s.fingerprintPhoto)
                label += " " + s.fingerprintPhoto->sha256.substr(0, 8);
            const auto photo =
                s.fingerprintPhoto ? status.photos.find(s.fingerprintPhoto->sha256) : status.photos.end();
            const bool drawn =
                photo != status.photos.end() &&
                drawJpeg(cr, photo->second, kMargin + 4, top + 4, kSignatureWidth / 2 - 8, kBoxHeight - 8);
            auto layout = out.makeLayout(label, drawn ? 8 : 10, false,
                                         drawn ? kSignatureWidth / 2 : kSignatureWidth - 8);
            cairo_move_to(cr, drawn ? kMargin + kSignatureWidth / 2 : kMargin + 6, top + kBoxHeight / 2 - 7);
            pango_cairo_show_layout(cr, layout.get());
        }
        auto layout = out.makeLayout(details, 9.5, false, kContentWidth - kSignatureWidth - 12);
        cairo_move_to(cr, kMargin + kSignatureWidth + 10, top + 2);
        pango_cairo_show_layout(cr, layout.get());
    }
}

void writeEvidence(LetterWriter &out, const evidence::Authorization &a, const LetterStatus &status) {
    out.gap(6);
    out.keepTogether(220); // the section below, so it does not split across pages
    out.paragraph("签署与验证信息", 12, true);
    out.paragraph("签署时间：" + a.signedAt);
    std::string gps = "签署地点（GPS）：北纬 " + fixed(a.gps.lat, 6) + "，东经 " + fixed(a.gps.lng, 6) +
                      "，精度 " + fixed(a.gps.accuracyM, 0) + " 米，定位时间 " + a.gps.fixAt + "，来源 " +
                      a.gps.provider;
    if (a.gps.mock)
        gps += "（警告：设备报告为模拟定位）";
    out.paragraph(gps);
    out.paragraph("授权书编号：" + a.id + "　模板：" + a.templateRef.id + " 第" +
                  std::to_string(a.templateRef.version) + "版");
    out.paragraph("绑定哈希（SHA-256）：" + a.bindingHash, 9);
    out.paragraph("设备密钥指纹：" + status.keyFingerprint + "　服务器验证时间：" + status.verifiedAt, 9);
    out.paragraph("验证码：" + status.verificationCode, 14, true);
    out.paragraph("验证状态：" + status.statusText, 10.5, true);
    out.paragraph("打印时间：" + status.printedAt + "。凭验证码可向县级乡村振兴部门核验本授权书。", 9);
}

} // namespace

Result<std::string> renderAuthorizationPdf(const evidence::Authorization &a, const LetterStatus &status) {
    pdf::PdfDocument document(a.kind);
    LetterWriter out(document.cr(), a.kind + " " + a.id + "　验证码 " + status.verificationCode);
    writeText(out, a);
    writeSigners(out, a, status);
    writeEvidence(out, a, status);
    out.finishPage();
    return document.finish("授权书PDF生成失败");
}

} // namespace ruhu::server
