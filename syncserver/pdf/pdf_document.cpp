#include "pdf_document.h"

#include <cairo-pdf.h>

namespace ruhu::server::pdf {
namespace {

cairo_status_t appendToString(void *closure, const unsigned char *data, unsigned int length) {
    if (closure)
        static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

Layout makeLayout(cairo_t *cr, const std::string &text, const char *font, double size, bool bold,
                  double width) {
    Layout layout(pango_cairo_create_layout(cr), g_object_unref);
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> description(
        pango_font_description_from_string(font), pango_font_description_free);
    pango_font_description_set_absolute_size(description.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(description.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), description.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

double heightOf(PangoLayout *layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return double(h) / PANGO_SCALE;
}

PdfDocument::PdfDocument(const std::string &title, bool sink) {
    m_surface = cairo_pdf_surface_create_for_stream(appendToString, sink ? &m_bytes : nullptr, kPageWidth,
                                                    kPageHeight);
    cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "ruhu-syncd");
    m_cr = cairo_create(m_surface);
    cairo_set_source_rgb(m_cr, 0, 0, 0);
}

PdfDocument::~PdfDocument() {
    if (m_cr)
        cairo_destroy(m_cr);
    if (m_surface)
        cairo_surface_destroy(m_surface);
}

Result<std::string> PdfDocument::finish(const std::string &failure) {
    const cairo_status_t drawn = cairo_status(m_cr);
    cairo_destroy(m_cr);
    m_cr = nullptr;
    cairo_surface_finish(m_surface);
    if (drawn != CAIRO_STATUS_SUCCESS || cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
        return Error{"internal", failure, ""};
    return std::move(m_bytes);
}

} // namespace ruhu::server::pdf
