#pragma once

#include <ruhu/result.h>

#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>

// The page setup every printed document of the server shares (cairo's PDF surface, pango for Chinese
// text): A4 in points, the margins, the CJK fonts named explicitly (Debian fonts-noto-cjk) and text
// layouts measured before they are drawn.
namespace ruhu::server::pdf {

inline constexpr double kPageWidth = 595.28; // A4 in points
inline constexpr double kPageHeight = 841.89;
inline constexpr double kMargin = 50.0;
inline constexpr double kContentWidth = kPageWidth - 2 * kMargin;
inline constexpr const char *kSerifFont = "Noto Serif CJK SC";
inline constexpr const char *kSansFont = "Noto Sans CJK SC";

using Layout = std::shared_ptr<PangoLayout>;

// A paragraph of `text` wrapped to `width` points (word, else character boundaries).
Layout makeLayout(cairo_t *cr, const std::string &text, const char *font, double size, bool bold,
                  double width);
double heightOf(PangoLayout *layout);

// An A4 PDF written into memory. An empty document (`sink` false) measures and counts pages only: a
// document laid out twice knows its page count ("共 m 页") before it prints.
class PdfDocument {
public:
    explicit PdfDocument(const std::string &title, bool sink = true);
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    cairo_t *cr() const { return m_cr; }
    // The PDF's bytes; Error "internal" with `failure` (Chinese) if cairo failed.
    Result<std::string> finish(const std::string &failure);

private:
    std::string m_bytes;
    cairo_surface_t *m_surface = nullptr;
    cairo_t *m_cr = nullptr;
};

} // namespace ruhu::server::pdf
