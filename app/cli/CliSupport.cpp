#include "CliSupport.h"

#include "TimeUtil.h"

#include <QCoreApplication>

#include <cstdio>

namespace sightline::cli {

using namespace Qt::StringLiterals;

void out(std::string_view text)
{
    std::fflush(stderr);
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(std::string_view text)
{
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

int fail(int code, std::string_view message)
{
    err("sightline-cli: " + std::string(message) + "\n");
    return code;
}

std::string displayText(std::string_view s, bool allowNewlines)
{
    static const char hex[] = "0123456789abcdef";
    std::string o;
    o.reserve(s.size());
    auto escape = [&](unsigned char c) {
        o += "\\x";
        o += hex[c >> 4];
        o += hex[c & 15];
    };
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if ((c < 0x20 && !(allowNewlines && (c == '\n' || c == '\t'))) || c == 0x7f)
                escape(c);
            else
                o += static_cast<char>(c);
            ++i;
            continue;
        }
        // Validate one UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF).
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (c > 0xF4 || len == 0 || i + len > s.size()) {
            escape(c);
            ++i;
            continue;
        }
        uint32_t cp = c & (0x7F >> len);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            ok = ok && (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        ok = ok && !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
             !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok) {
            escape(c);
            ++i;
            continue;
        }
        if (cp >= 0x80 && cp < 0xA0) { // C1 controls
            escape(static_cast<unsigned char>(cp));
        } else {
            o.append(s.substr(i, len));
        }
        i += len;
    }
    return o;
}

std::string formatTime(int64_t ms)
{
    return ms == 0 ? std::string() : formatIso8601(ms);
}

std::string formatCount(int64_t n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string o;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            o += ',';
        o += digits[i];
    }
    return n < 0 ? "-" + o : o;
}

std::string formatBytes(int64_t bytes)
{
    const char *units[] = {"B", "KB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1000 && u < 4) {
        v /= 1000;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    return buf;
}

nlohmann::json jsonTime(int64_t ms)
{
    return ms == 0 ? nlohmann::json() : nlohmann::json(formatIso8601(ms));
}

std::string jsonDump(const nlohmann::json &doc)
{
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string toUtf8(const QString &s)
{
    return s.toStdString();
}

CommandLine::CommandLine(const QString &command, const QString &description)
    : m_command(command), m_help(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_help);
}

void CommandLine::addJson()
{
    m_parser.addOption(QCommandLineOption(u"json"_s, u"Print one JSON document on stdout."_s));
    m_hasJson = true;
}

void CommandLine::addRange()
{
    m_parser.addOption(QCommandLineOption(
        u"from"_s, u"Start of the time range (ISO 8601 UTC, inclusive)."_s, u"TIME"_s));
    m_parser.addOption(QCommandLineOption(
        u"to"_s, u"End of the time range (ISO 8601 UTC, exclusive)."_s, u"TIME"_s));
}

bool CommandLine::json() const
{
    return m_hasJson && m_parser.isSet(u"json"_s);
}

std::string CommandLine::helpText() const
{
    // QCommandLineParser names the executable only; the usage line names the command too.
    QString text = m_parser.helpText();
    const QString exe = QCoreApplication::arguments().value(0);
    const qsizetype at = text.indexOf(exe);
    if (at >= 0)
        text.replace(at, exe.size(), u"sightline-cli "_s + m_command);
    return toUtf8(text);
}

std::optional<int> CommandLine::parse(const QStringList &args, int minPositional, int maxPositional)
{
    QStringList all = args;
    all.prepend(QCoreApplication::arguments().value(0));
    if (!m_parser.parse(all))
        return fail(ExitUsage, toUtf8(m_parser.errorText()) + " (see: sightline-cli " +
                                   toUtf8(m_command) + " --help)");
    if (m_parser.isSet(m_help)) {
        out(helpText());
        return ExitOk;
    }
    const auto n = m_parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional))
        return fail(ExitUsage, std::string(n < minPositional ? "missing" : "too many") +
                                   " arguments (see: sightline-cli " + toUtf8(m_command) +
                                   " --help)");
    return std::nullopt;
}

std::optional<TimeRange> CommandLine::range() const
{
    TimeRange r;
    for (const QString &name : {u"from"_s, u"to"_s}) {
        if (!m_parser.isSet(name))
            continue;
        const std::string text = toUtf8(m_parser.value(name));
        const auto ms = parseIso8601(text);
        if (!ms) {
            fail(ExitUsage, "invalid time '" + displayText(text) + "' for --" + toUtf8(name) +
                                ": use ISO 8601 UTC, e.g. 2026-10-14T12:00:00Z, "
                                "2026-10-14T12:00Z or 2026-10-14");
            return std::nullopt;
        }
        (name == u"from"_s ? r.from : r.to) = *ms;
    }
    if (r.from && r.to && *r.from >= *r.to) {
        fail(ExitUsage, "--from must be before --to");
        return std::nullopt;
    }
    return r;
}

std::optional<size_t> CommandLine::count(const QString &name, size_t fallback) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const qulonglong v = m_parser.value(name).toULongLong(&ok);
    if (!ok) {
        fail(ExitUsage, "--" + toUtf8(name) + " needs a non-negative number, not '" +
                            displayText(toUtf8(m_parser.value(name))) + "'");
        return std::nullopt;
    }
    return static_cast<size_t>(v);
}

std::string describeCaseError(const std::string &path, const Error &e)
{
    std::string why;
    switch (e.code) {
    case ErrorCode::NotACase:
        why = "not a Sightline case file";
        break;
    case ErrorCode::NewerVersion:
        why = "written by a newer Sightline; upgrade to open it";
        break;
    case ErrorCode::Corrupt:
        why = "the case file is damaged";
        break;
    case ErrorCode::CannotOpen:
        why = "cannot open";
        break;
    default:
        why = "cannot use the case file";
    }
    std::string msg = "'" + path + "': " + why;
    std::string_view detail = e.detail;
    if (detail.substr(0, path.size() + 2) == path + ": ")
        detail.remove_prefix(path.size() + 2);
    if (!detail.empty() && detail != path)
        msg += " (" + std::string(detail) + ")";
    return displayText(msg);
}

std::optional<CaseFile> openCase(const QString &path, int &exitCode)
{
    const std::string p = toUtf8(path);
    auto c = CaseFile::open(p, CaseFile::Access::ReadOnly);
    if (!c) {
        exitCode = fail(ExitCase, describeCaseError(p, c.error()));
        return std::nullopt;
    }
    return std::move(*c);
}

std::optional<EntityType> parseType(const QString &name)
{
    if (auto t = entityTypeFromName(toUtf8(name)))
        return t;
    std::string valid;
    for (int i = 1; i <= kEntityTypeCount; ++i)
        valid += (i > 1 ? ", " : "") + std::string(entityTypeName(static_cast<EntityType>(i)));
    fail(ExitUsage, "unknown entity type '" + displayText(toUtf8(name)) + "'; one of: " + valid);
    return std::nullopt;
}

std::optional<EntityRef> resolveEntity(EntityLookup &lookup, const QString &type,
                                       const QString &key, int &exitCode)
{
    const auto t = parseType(type);
    if (!t) {
        exitCode = ExitUsage;
        return std::nullopt;
    }
    auto ref = lookup.resolve(*t, toUtf8(key));
    if (!ref) {
        const ErrorCode c = ref.error().code;
        const bool notFound = c == ErrorCode::NotFound || c == ErrorCode::InvalidArgument;
        exitCode =
            fail(notFound ? ExitNotFound : ExitFailure, displayText(ref.error().detail, true));
        return std::nullopt;
    }
    return std::move(*ref);
}

std::string entityDisplay(const EntityRef &e)
{
    if (!e.valid())
        return {};
    if (e.label.empty() || e.label == e.key)
        return displayText(e.key);
    return displayText(e.label) + " (" + displayText(e.key) + ")";
}

nlohmann::json entityJson(const EntityRef &e)
{
    if (!e.valid())
        return nullptr;
    nlohmann::json j = {{"type", std::string(entityTypeName(e.type))}, {"key", e.key}};
    j["label"] = e.label.empty() ? nlohmann::json() : nlohmann::json(e.label);
    j["account"] = e.account.empty() ? nlohmann::json() : nlohmann::json(e.account);
    return j;
}

} // namespace sightline::cli
