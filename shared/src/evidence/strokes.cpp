#include <ruhu/domain/rule_config.h>
#include <ruhu/evidence/strokes.h>
#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cmath>

namespace ruhu::evidence {

namespace {

Error strokeError(const std::string &field, const std::string &what) {
    return Error{"invalid_strokes", "签名笔迹 " + field + " " + what, field};
}

std::optional<double> number(const boost::json::value &value) {
    if (value.is_double())
        return value.as_double();
    if (value.is_int64())
        return static_cast<double>(value.as_int64());
    if (value.is_uint64())
        return static_cast<double>(value.as_uint64());
    return std::nullopt;
}

} // namespace

double roundForSigning(double value, int decimals) {
    if (!std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

boost::json::value strokesToJson(const SignatureStrokes &s) {
    boost::json::array data;
    for (const auto &stroke : s.strokes) {
        boost::json::array points;
        for (const auto &point : stroke) {
            boost::json::object p{
                {"x", roundForSigning(point.x, 2)}, {"y", roundForSigning(point.y, 2)}, {"t", point.t}};
            if (point.pressure)
                p["p"] = roundForSigning(*point.pressure, 3);
            points.push_back(std::move(p));
        }
        data.push_back(std::move(points));
    }
    return boost::json::object{
        {"format", s.format},
        {"canvas", boost::json::object{{"w", s.canvasWidth}, {"h", s.canvasHeight}, {"dpi", s.dpi}}},
        {"data", std::move(data)}};
}

Result<SignatureStrokes> strokesFromJson(const boost::json::value &value) {
    SignatureStrokes s;
    const auto *object = value.if_object();
    if (!object)
        return strokeError("", "必须是 JSON 对象");
    const auto *format = object->if_contains("format");
    if (!format || !format->is_string() || format->as_string() != "v1")
        return strokeError("format", "必须是 v1");
    const auto *canvas = object->if_contains("canvas");
    if (!canvas || !canvas->is_object())
        return strokeError("canvas", "缺失");
    auto intField = [&](const char *key, int &out) {
        const auto *v = canvas->as_object().if_contains(key);
        if (!v || !v->is_int64())
            return false;
        out = static_cast<int>(v->as_int64());
        return true;
    };
    if (!intField("w", s.canvasWidth) || !intField("h", s.canvasHeight) || !intField("dpi", s.dpi))
        return strokeError("canvas", "须有整数 w、h、dpi");
    const auto *data = object->if_contains("data");
    if (!data || !data->is_array())
        return strokeError("data", "必须是数组");
    for (const auto &stroke : data->as_array()) {
        if (!stroke.is_array())
            return strokeError("data", "每一笔必须是点的数组");
        std::vector<StrokePoint> points;
        for (const auto &p : stroke.as_array()) {
            const auto *po = p.if_object();
            if (!po || !po->contains("x") || !po->contains("y") || !po->contains("t"))
                return strokeError("data", "每个点须有 x、y、t");
            auto x = number(po->at("x"));
            auto y = number(po->at("y"));
            if (!x || !y || !po->at("t").is_int64())
                return strokeError("data", "x、y 须为数字，t 须为整数毫秒");
            StrokePoint point{*x, *y, po->at("t").as_int64(), std::nullopt};
            if (const auto *pressure = po->if_contains("p")) {
                point.pressure = number(*pressure);
                if (!point.pressure)
                    return strokeError("data", "p 须为数字");
            }
            points.push_back(point);
        }
        s.strokes.push_back(std::move(points));
    }
    return s;
}

std::string canonicalStrokes(const SignatureStrokes &strokes) {
    return toCanonicalJson(strokesToJson(strokes));
}

std::string strokesSha256(const SignatureStrokes &strokes) {
    return domain::sha256Hex(canonicalStrokes(strokes));
}

Status validateStrokes(const SignatureStrokes &s, const std::string &field) {
    if (s.format != "v1")
        return strokeError(field + ".format", "必须是 v1");
    if (s.canvasWidth <= 0 || s.canvasHeight <= 0 || s.dpi <= 0)
        return strokeError(field + ".canvas", "宽、高、dpi 必须为正数");
    bool anyPoint = false;
    for (std::size_t i = 0; i < s.strokes.size(); ++i) {
        const auto &stroke = s.strokes[i];
        std::string where = field + ".data[" + std::to_string(i) + "]";
        for (std::size_t j = 0; j < stroke.size(); ++j) {
            const auto &p = stroke[j];
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x < 0 || p.y < 0 || p.x > s.canvasWidth ||
                p.y > s.canvasHeight)
                return strokeError(where, "有点超出画布");
            if (p.t < 0 || (j > 0 && p.t < stroke[j - 1].t))
                return strokeError(where, "时间戳不能倒退");
            if (p.pressure && (!std::isfinite(*p.pressure) || *p.pressure < 0 || *p.pressure > 1))
                return strokeError(where, "压力须在 0 到 1 之间");
            anyPoint = true;
        }
    }
    if (!anyPoint)
        return strokeError(field, "为空，请签名");
    return okStatus();
}

} // namespace ruhu::evidence
