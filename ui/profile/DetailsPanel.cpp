#include "DetailsPanel.h"

#include "PlainText.h"
#include "TimeText.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>

namespace sightline::ui {

namespace {

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d))
                                                        : QString::number(d);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent) : ProfilePanel(tr("Details"), parent)
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight);
    body()->addLayout(m_form);
}

void DetailsPanel::clearDetails()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

void DetailsPanel::addRow(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return;
    QLabel *label = plainLabel(value, this);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setMinimumWidth(80);
    label->setObjectName(field);
    m_form->addRow(plainLabel(field + QLatin1Char(':'), this), label);
}

QString DetailsPanel::value(const QString &field) const
{
    for (int r = 0; r < m_form->rowCount(); ++r) {
        auto *name =
            qobject_cast<QLabel *>(m_form->itemAt(r, QFormLayout::LabelRole)
                                       ? m_form->itemAt(r, QFormLayout::LabelRole)->widget()
                                       : nullptr);
        auto *val = qobject_cast<QLabel *>(m_form->itemAt(r, QFormLayout::FieldRole)
                                               ? m_form->itemAt(r, QFormLayout::FieldRole)->widget()
                                               : nullptr);
        if (name && val && name->text() == field + QLatin1Char(':'))
            return val->text();
    }
    return {};
}

void DetailsPanel::setProfile(const ProfileData &p)
{
    clearDetails();
    const QString approx = p.seenApproximate ? tr(" (hour precision)") : QString();
    addRow(tr("First seen"), p.seen.first ? TimeText::dateTime(p.seen.first) + approx : QString());
    addRow(tr("Last seen"), p.seen.last ? TimeText::dateTime(p.seen.last) + approx : QString());
    addRow(tr("Account"), qs(p.entity.account));

    QJsonObject attrs;
    if (!p.attrs.empty())
        attrs = QJsonDocument::fromJson(QByteArray::fromStdString(p.attrs)).object();
    QString arn = attrs.value(QStringLiteral("arn")).toString();
    if (arn.isEmpty() && p.entity.key.rfind("arn:", 0) == 0)
        arn = qs(p.entity.key);
    addRow(tr("ARN"), arn);
    if (p.successes + p.failures > 0) {
        QString calls = tr("%1 successful, %2 failed")
                            .arg(QLocale().toString(p.successes), QLocale().toString(p.failures));
        if (p.totalsApproximate)
            calls += tr(" (whole hours)");
        if (p.callsAllAccounts)
            calls += tr(" (every account: the account filter does not narrow these counts)");
        addRow(tr("API calls in scope"), calls);
    }

    // Geolocation (reported by findings on addresses).
    QStringList place;
    for (const char *k : {"city", "country"})
        if (const QString v = attrs.value(QLatin1String(k)).toString(); !v.isEmpty())
            place << v;
    QString geo = place.join(QStringLiteral(", "));
    const QString asn = jsonText(attrs.value(QStringLiteral("asn")));
    const QString org = attrs.value(QStringLiteral("asnOrg")).toString();
    if (!asn.isEmpty() || !org.isEmpty()) {
        const QString as = tr("AS%1 %2").arg(asn, org).trimmed();
        geo = geo.isEmpty() ? as : geo + QStringLiteral(" — ") + as;
    }
    addRow(tr("Geolocation"), geo);

    // Everything else the importers recorded (creation information among it).
    const QStringList shown = {QStringLiteral("arn"), QStringLiteral("city"),
                               QStringLiteral("country"), QStringLiteral("asn"),
                               QStringLiteral("asnOrg")};
    for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        if (shown.contains(it.key()))
            continue;
        addRow(it.key(), jsonText(it.value()));
    }
    showNote(m_form->rowCount() == 0 ? tr("Nothing is known about this entity in the scope time.")
                                     : QString());
}

} // namespace sightline::ui
