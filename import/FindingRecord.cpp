#include "FindingRecord.h"

#include "CloudTrailNormalizer.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace sightline {
namespace {

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

constexpr std::array<std::string_view, 5> kLabelNames = {"Informational", "Low", "Medium", "High",
                                                         "Critical"};

} // namespace

SeverityLabel guardDutySeverityLabel(double severity)
{
    if (severity >= 9.0)
        return SeverityLabel::Critical;
    if (severity >= 7.0)
        return SeverityLabel::High;
    if (severity >= 4.0)
        return SeverityLabel::Medium;
    return SeverityLabel::Low;
}

int asffSeverityLabel(std::string_view label)
{
    for (size_t i = 0; i < kLabelNames.size(); ++i) {
        if (equalsNoCase(label, kLabelNames[i]))
            return static_cast<int>(i);
    }
    return -1;
}

SeverityLabel normalizedSeverityLabel(double normalized)
{
    if (normalized >= 90)
        return SeverityLabel::Critical;
    if (normalized >= 70)
        return SeverityLabel::High;
    if (normalized >= 40)
        return SeverityLabel::Medium;
    if (normalized >= 1)
        return SeverityLabel::Low;
    return SeverityLabel::Informational;
}

std::string_view severityLabelName(int label)
{
    if (label < 0 || label >= static_cast<int>(kLabelNames.size()))
        return {};
    return kLabelNames[static_cast<size_t>(label)];
}

std::string guardDutyFindingArn(std::string_view text)
{
    if (text.substr(0, 4) != "arn:")
        return {};
    const size_t service = text.find(":guardduty:");
    if (service == std::string_view::npos ||
        text.find("/finding/", service) == std::string_view::npos)
        return {};
    std::string_view partition = text.substr(4, text.find(':', 4) - 4);
    if (partition.empty() || partition.find('/') != std::string_view::npos)
        partition = "aws";
    std::string out = "arn:";
    out.append(partition).append(":guardduty:").append(text.substr(service + 11));
    return out;
}

std::string guardDutyTypeFromAsff(std::string_view asffType)
{
    const size_t colon = asffType.find(':');
    if (colon == std::string_view::npos)
        return {};
    const size_t slash = asffType.rfind('/', colon);
    std::string type(asffType.substr(slash == std::string_view::npos ? 0 : slash + 1));
    const size_t c = type.find(':');
    // "Recon:EC2-PortProbeUnprotectedPort": the first '-' after the colon was the '/'.
    // Types that keep their '/' in ASFF ("PenTest:IAMUser/KaliLinux") are left alone.
    if (type.find('/', c) == std::string::npos) {
        const size_t dash = type.find('-', c);
        if (dash != std::string::npos)
            type[dash] = '/';
    }
    return type;
}

bool parseNumber(std::string_view text, double &out)
{
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

void FindingRecord::clear()
{
    interfaces.clear();
    product.clear();
    id.clear();
    key.clear();
    type.clear();
    title.clear();
    account.clear();
    region.clear();
    updatedAt.clear();
    createdAt.clear();
    firstSeen.clear();
    lastSeen.clear();
    fallbackTime.clear();
    severity = 0;
    hasSeverity = false;
    label = -1;
    count = 1;
    archived = false;
    parties.clear();
    links.clear();
    principal = ip = accessKey = userAgent = -1;
    m_attrs.clear();
}

int FindingRecord::party(EntityType t, std::string_view k, std::string_view l, std::string_view a,
                         std::string_view attrs, bool isPrincipal)
{
    if (k.empty())
        return -1;
    for (size_t i = 0; i < parties.size(); ++i) {
        FindingParty &p = parties[i];
        if (p.type == t && p.key == k) {
            if (p.label.empty())
                p.label = l;
            if (p.account.empty())
                p.account = a;
            if (p.attrs.empty())
                p.attrs = attrs;
            return static_cast<int>(i);
        }
    }
    if (parties.size() >= 256) // a finding involves a handful; a hostile one is capped
        return -1;
    parties.push_back(FindingParty{t, std::string(k), std::string(l), std::string(a),
                                   std::string(attrs), isPrincipal});
    return static_cast<int>(parties.size() - 1);
}

int FindingRecord::ipParty(std::string_view text, std::string_view attrs)
{
    if (text.empty() || !isIpAddress(text))
        return -1;
    return party(EntityType::IpAddress, text, {}, {}, attrs);
}

int FindingRecord::domainParty(std::string_view name)
{
    while (!name.empty() && (name.back() == '.' || name.back() == ' '))
        name.remove_suffix(1);
    while (!name.empty() && name.front() == ' ')
        name.remove_prefix(1);
    std::string key(name.substr(0, 1020));
    for (char &c : key)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return party(EntityType::Domain, key, key);
}

void FindingRecord::link(int from, Relation relation, int to)
{
    if (from < 0 || to < 0 || from == to)
        return;
    for (const FindingLink &l : links) {
        if (l.from == from && l.to == to && l.relation == relation)
            return;
    }
    links.push_back(FindingLink{from, relation, to});
}

FindingRecord::Attr *FindingRecord::findAttr(std::string_view name)
{
    for (Attr &a : m_attrs) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

void FindingRecord::attr(std::string_view name, std::string_view text)
{
    if (text.empty() || findAttr(name))
        return;
    constexpr size_t kMax = 4096; // descriptions; identifiers are far shorter
    if (text.size() > kMax) {
        size_t n = kMax;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
            --n; // never cut a UTF-8 sequence
        text = text.substr(0, n);
    }
    m_attrs.push_back(Attr{std::string(name), jsonString(text), false});
}

void FindingRecord::attrNumber(std::string_view name, std::string_view number)
{
    double d = 0;
    if (!parseNumber(number, d) || findAttr(name))
        return;
    if (number.front() == '"')
        number = number.substr(1, number.size() - 2);
    m_attrs.push_back(Attr{std::string(name), std::string(number), false});
}

void FindingRecord::attrBool(std::string_view name, bool value)
{
    if (!findAttr(name))
        m_attrs.push_back(Attr{std::string(name), value ? "true" : "false", false});
}

void FindingRecord::attrAppend(std::string_view name, std::string_view jsonValue)
{
    Attr *a = findAttr(name);
    if (!a) {
        m_attrs.push_back(Attr{std::string(name), std::string(jsonValue), true});
        return;
    }
    if (!a->array)
        return;
    // Distinct values only, and a bounded list.
    size_t n = 1;
    for (size_t pos = 0; (pos = a->json.find(jsonValue, pos)) != std::string::npos;
         pos += jsonValue.size()) {
        const size_t end = pos + jsonValue.size();
        if ((pos == 0 || a->json[pos - 1] == ',') && (end == a->json.size() || a->json[end] == ','))
            return;
    }
    for (char c : a->json)
        n += c == ',';
    if (n >= 64)
        return;
    a->json.push_back(',');
    a->json.append(jsonValue);
}

std::string FindingRecord::attrsJson() const
{
    if (m_attrs.empty())
        return {};
    std::string out = "{";
    for (size_t i = 0; i < m_attrs.size(); ++i) {
        if (i)
            out.push_back(',');
        appendJsonQuoted(out, m_attrs[i].name);
        out.push_back(':');
        if (m_attrs[i].array)
            out.append("[").append(m_attrs[i].json).append("]");
        else
            out.append(m_attrs[i].json);
    }
    out.push_back('}');
    return out;
}

void JsonObjectText::add(std::string_view name, std::string_view value)
{
    if (!value.empty())
        addRaw(name, jsonString(value));
}

void JsonObjectText::addRaw(std::string_view name, std::string_view json)
{
    if (json.empty())
        return;
    m_text.push_back(m_text.empty() ? '{' : ',');
    appendJsonQuoted(m_text, name);
    m_text.push_back(':');
    m_text.append(json);
}

std::string JsonObjectText::take()
{
    if (!m_text.empty())
        m_text.push_back('}');
    return std::move(m_text);
}

void appendJsonQuoted(std::string &out, std::string_view s)
{
    out.push_back('"');
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

std::string jsonString(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    appendJsonQuoted(out, s);
    return out;
}

} // namespace sightline
