#include "FindingProbe.h"

#include "FindingJson.h"

#include <algorithm>

namespace sightline {
namespace {

using fjson::keyIs;
using fjson::value;

void readKeys(fjson::Walk &w, value &v, FindingProbe &p)
{
    w.fields(v, [&](std::string_view k, value &c) {
        std::string lower(k.substr(0, 64));
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        p.keys.push_back(lower);
        if (lower == "arn")
            p.arn = fjson::text(c);
        else if (lower == "productarn")
            p.productArn = fjson::text(c);
        else if (lower == "service")
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "servicename"))
                    p.serviceName = fjson::text(c2);
            });
    });
}

} // namespace

bool FindingProbe::has(std::string_view lowerKey) const
{
    return std::find(keys.begin(), keys.end(), lowerKey) != keys.end();
}

FindingProbe probeFinding(std::string_view text)
{
    FindingProbe p;
    std::string buffer;
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    if (parser.iterate(json::padded(text, buffer)).get(doc))
        return p;
    value root;
    if (doc.get_value().get(root) || !json::isObject(root))
        return p;
    p.object = true;
    fjson::Walk w;
    bool hasDetail = false;
    w.fields(root, [&](std::string_view k, value &c) {
        if (k == "source") {
            p.pattern = p.pattern || json::isArray(c);
            p.source = fjson::text(c);
        } else if (k == "detail-type") {
            p.pattern = p.pattern || json::isArray(c);
            p.detailType = fjson::text(c);
        } else if (k == "detail" && json::isObject(c)) {
            hasDetail = true;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (k2 == "findings" && json::isArray(c2)) {
                    p.detailFindings = true;
                    bool first = true;
                    w.elements(c2, [&](value &f) {
                        if (first)
                            readKeys(w, f, p);
                        first = false;
                    });
                }
            });
        }
    });
    if (w.failed())
        return FindingProbe{}; // damaged: no verdict from this record
    p.envelope = hasDetail && !p.detailType.empty();
    if (!hasDetail || !p.detailFindings) {
        // Read the finding object's keys (the record itself or its detail): parse again.
        simdjson::ondemand::document doc2;
        value again;
        if (parser.iterate(json::padded(text, buffer)).get(doc2) || doc2.get_value().get(again))
            return p;
        if (hasDetail) {
            w.reset();
            w.fields(again, [&](std::string_view k, value &c) {
                if (k == "detail")
                    readKeys(w, c, p);
            });
        } else {
            w.reset();
            readKeys(w, again, p);
        }
    }
    return p;
}

} // namespace sightline
