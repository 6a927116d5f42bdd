#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The console's HTML templates (docs/console.md): a template is a string literal with "{}" holes; every
// value put into a hole is HTML-escaped unless it is already Markup (the result of another template).
// So escaping is the default and unescaped text can only come from a literal in the source.
namespace ruhu::server::console {

// HTML that is safe to send as is: built only by html(), join() or the named constructors below.
class Markup {
public:
    Markup() = default;
    const std::string &str() const { return m_text; }
    bool empty() const { return m_text.empty(); }
    Markup &operator+=(const Markup &other) {
        m_text += other.m_text;
        return *this;
    }

    // For the embedded, checksummed asset files only (they are not templates).
    static Markup fromTrustedFile(std::string text) { return Markup(std::move(text)); }

private:
    explicit Markup(std::string text)
        : m_text(std::move(text)) {}
    friend class MarkupBuilder;
    std::string m_text;
};

// &, <, >, " and ' as entities: safe in element content and in quoted attribute values.
std::string escapeHtml(std::string_view text);

void failPlaceholderCount(); // not constexpr: calling it in a constant expression fails the build

// A template literal with exactly N "{}" holes, checked at compile time.
template <size_t N> struct Template {
    std::string_view text;
    consteval Template(const char *literal)
        : text(literal) {
        size_t holes = 0;
        for (size_t i = 0; i + 1 < text.size(); ++i) {
            if (text[i] == '{' && text[i + 1] == '}')
                ++holes;
        }
        if (holes != N)
            failPlaceholderCount();
    }
};

class MarkupBuilder {
public:
    void literal(std::string_view text) { m_out += text; }
    void value(const Markup &markup) { m_out += markup.str(); }
    void value(std::string_view text) { m_out += escapeHtml(text); }
    void value(const std::string &text) { m_out += escapeHtml(text); }
    void value(const char *text) { m_out += escapeHtml(text); }
    template <std::integral I> void value(I number) { m_out += std::to_string(number); }
    Markup done() { return Markup(std::move(m_out)); }

private:
    std::string m_out;
};

template <class... Args> Markup html(Template<sizeof...(Args)> tmpl, const Args &...args) {
    MarkupBuilder out;
    std::string_view rest = tmpl.text;
    auto fill = [&](const auto &arg) {
        const size_t hole = rest.find("{}");
        out.literal(rest.substr(0, hole));
        out.value(arg);
        rest.remove_prefix(hole + 2);
    };
    (fill(args), ...);
    out.literal(rest);
    return out.done();
}

// The pieces one after another.
Markup join(const std::vector<Markup> &parts);

// An attribute that is there or not: html(R"(<option{}>)", attributeIf(selected, "selected")).
Markup attributeIf(bool on, const char *name);

} // namespace ruhu::server::console
