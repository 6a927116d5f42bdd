#include "publicity_pdf.h"

#include "../pdf/pdf_document.h"

#include <algorithm>

namespace ruhu::server {
namespace {

using namespace pdf;

constexpr double kFooterSpace = 28; // below the content: the page number
constexpr double kBottom = kPageHeight - kMargin - kFooterSpace;
constexpr double kCellPadding = 5;
constexpr double kTableText = 10.5;
constexpr double kSignatureGap = 24;
constexpr double kClosingGap = 12;

// Draws one notice from the top of a new page; counts its pages.
class NoticeWriter {
public:
    // pages: the notice's page count for "共 m 页" (0 while counting).
    NoticeWriter(cairo_t *cr, int pages)
        : m_cr(cr)
        , m_pages(pages) {}

    int write(const PublicityNoticeRows &rows) {
        const auto &n = rows.notice;
        paragraph(exports::publicityTitle(n), 18, true, PANGO_ALIGN_CENTER);
        m_y += 8;
        paragraph(exports::publicityIntro(n, rows.entries.size()), 11.5, false, PANGO_ALIGN_LEFT, true);
        paragraph(exports::publicityPeriod(n), 11.5, true, PANGO_ALIGN_LEFT, true);
        m_y += 4;
        // Where to object and the 村民委员会 follow the table on the page of its last row: never alone.
        auto signature = layout(exports::publicitySignature(n) + "（盖章）\n" + exports::chineseDate(n.start),
                                11.5, false, kContentWidth / 2);
        pango_layout_set_alignment(signature.get(), PANGO_ALIGN_CENTER);
        const std::string objection = exports::publicityObjection(n);
        const double closing =
            kClosingGap + heightOf(paragraphLayout(objection, 11.5, false, PANGO_ALIGN_LEFT, true).get()) +
            11.5 * 0.5 + kSignatureGap + heightOf(signature.get());
        tableHeader();
        int number = 0;
        for (const auto &entry : rows.entries) {
            ++number;
            tableRow(entry, number, number == int(rows.entries.size()) ? closing : 0);
        }
        m_y += kClosingGap;
        paragraph(objection, 11.5, false, PANGO_ALIGN_LEFT, true);
        m_y += kSignatureGap;
        place(signature, kMargin + kContentWidth / 2, heightOf(signature.get()));
        footer();
        return m_page;
    }

private:
    Layout layout(const std::string &text, double size, bool bold, double width) {
        return makeLayout(m_cr, text, kSansFont, size, bold, width);
    }

    void newPage() {
        footer();
        cairo_show_page(m_cr);
        m_y = kMargin;
    }

    void footer() {
        ++m_page;
        auto line = layout(exports::pageNumberLine(m_page, m_pages), 9, false, kContentWidth);
        pango_layout_set_alignment(line.get(), PANGO_ALIGN_CENTER);
        cairo_move_to(m_cr, kMargin, kPageHeight - kMargin);
        pango_cairo_show_layout(m_cr, line.get());
    }

    // Keeps a block of `height` on one page.
    void ensureSpace(double height) {
        if (m_y + height > kBottom && m_y > kMargin)
            newPage();
    }

    void place(const Layout &l, double x, double height) {
        ensureSpace(height);
        cairo_move_to(m_cr, x, m_y);
        pango_cairo_show_layout(m_cr, l.get());
        m_y += height;
    }

    Layout paragraphLayout(const std::string &text, double size, bool bold, PangoAlignment align,
                           bool indent) {
        auto l = layout(text, size, bold, kContentWidth);
        pango_layout_set_alignment(l.get(), align);
        if (indent)
            pango_layout_set_indent(l.get(), static_cast<int>(2 * size * PANGO_SCALE));
        pango_layout_set_spacing(l.get(), static_cast<int>(size * 0.35 * PANGO_SCALE));
        return l;
    }

    void paragraph(const std::string &text, double size, bool bold, PangoAlignment align,
                   bool indent = false) {
        auto l = paragraphLayout(text, size, bold, align, indent);
        place(l, kMargin, heightOf(l.get()) + size * 0.5);
    }

    void cells(const std::vector<std::string> &texts, bool header) {
        const auto &columns = exports::publicityColumns();
        std::vector<Layout> layouts;
        double height = 0;
        for (size_t i = 0; i < columns.size(); ++i) {
            auto l =
                layout(texts[i], kTableText, header, columns[i].width * kContentWidth - 2 * kCellPadding);
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
            height = std::max(height, heightOf(l.get()));
            layouts.push_back(std::move(l));
        }
        height += 2 * kCellPadding;
        double x = kMargin;
        cairo_set_line_width(m_cr, 0.7);
        for (size_t i = 0; i < columns.size(); ++i) {
            const double w = columns[i].width * kContentWidth;
            if (header) {
                cairo_set_source_rgb(m_cr, 0.9, 0.9, 0.9);
                cairo_rectangle(m_cr, x, m_y, w, height);
                cairo_fill(m_cr);
                cairo_set_source_rgb(m_cr, 0, 0, 0);
            }
            cairo_rectangle(m_cr, x, m_y, w, height);
            cairo_stroke(m_cr);
            const double textHeight = heightOf(layouts[i].get());
            cairo_move_to(m_cr, x + kCellPadding, m_y + (height - textHeight) / 2);
            pango_cairo_show_layout(m_cr, layouts[i].get());
            x += w;
        }
        m_y += height;
    }

    double rowHeight(const std::vector<std::string> &texts, bool header) {
        const auto &columns = exports::publicityColumns();
        double height = 0;
        for (size_t i = 0; i < columns.size(); ++i)
            height = std::max(height, heightOf(layout(texts[i], kTableText, header,
                                                      columns[i].width * kContentWidth - 2 * kCellPadding)
                                                   .get()));
        return height + 2 * kCellPadding;
    }

    std::vector<std::string> headers() const {
        std::vector<std::string> texts;
        for (const auto &column : exports::publicityColumns())
            texts.emplace_back(column.header);
        return texts;
    }

    void tableHeader() {
        const auto texts = headers();
        ensureSpace(rowHeight(texts, true) + 30); // never a header alone at the foot of a page
        cells(texts, true);
    }

    // `after`: what must fit below the row on the same page (the closing, for the last row).
    void tableRow(const exports::PublicityEntry &entry, int number, double after) {
        std::vector<std::string> texts;
        for (const auto &column : exports::publicityColumns())
            texts.push_back(column.cell(entry, number));
        const double height = rowHeight(texts, false);
        if (m_y + height + after > kBottom) {
            newPage();
            cells(headers(), true);
        }
        cells(texts, false);
    }

    cairo_t *m_cr;
    int m_pages;
    int m_page = 0;
    double m_y = kMargin;
};

int countPages(const PublicityNoticeRows &rows) {
    PdfDocument scratch("", false);
    return NoticeWriter(scratch.cr(), 0).write(rows);
}

} // namespace

Result<std::string> renderPublicityPdf(const std::vector<PublicityNoticeRows> &notices,
                                       const std::string &emptyTitle) {
    PdfDocument document(notices.empty() ? emptyTitle : exports::publicityTitle(notices.front().notice));
    cairo_t *cr = document.cr();
    if (notices.empty()) {
        auto l = makeLayout(cr, emptyTitle, kSansFont, 14, true, kContentWidth);
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
        cairo_move_to(cr, kMargin, kMargin);
        pango_cairo_show_layout(cr, l.get());
        cairo_show_page(cr);
    }
    for (const auto &rows : notices) {
        NoticeWriter(cr, countPages(rows)).write(rows);
        cairo_show_page(cr);
    }
    return document.finish("公示名单PDF生成失败");
}

} // namespace ruhu::server
