#include "ScopeBar.h"

#include "PlainText.h"
#include "TimeText.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace sightline::ui {

namespace {

Qt::TimeSpec shownSpec()
{
    return TimeText::local() ? Qt::LocalTime : Qt::UTC;
}

} // namespace

ScopeBar::ScopeBar(CaseContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *label = new QLabel(tr("Scope:"), this);
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:00"));
        edit->setCalendarPopup(true);
        edit->setKeyboardTracking(false);
        connect(edit, &QDateTimeEdit::editingFinished, this, &ScopeBar::commitEdits);
    }
    m_from->setToolTip(tr("Start of the scope time (whole hours)"));
    m_to->setToolTip(tr("End of the scope time (exclusive, whole hours)"));
    m_zone = plainLabel(QString(), this);
    m_presets = new QToolButton(this);
    m_presets->setText(tr("Presets"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_presets);
    menu->addAction(tr("Whole case"), this, [this] { applyPreset(WholeCase); });
    menu->addAction(tr("Last 24 hours of data"), this, [this] { applyPreset(Last24Hours); });
    menu->addAction(tr("Last 7 days of data"), this, [this] { applyPreset(Last7Days); });
    QAction *finding =
        menu->addAction(tr("The finding's window"), this, [this] { applyPreset(FindingWindow); });
    finding->setEnabled(false);
    connect(&context, &CaseContext::findingWindowChanged, this, [this, finding] {
        finding->setEnabled(m_context.findingTo() > m_context.findingFrom());
        finding->setText(m_context.findingTitle().isEmpty()
                             ? tr("The finding's window")
                             : tr("The finding's window (%1)").arg(m_context.findingTitle()));
    });
    m_presets->setMenu(menu);

    layout->addWidget(label);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_zone);
    layout->addWidget(m_presets);

    connect(&context, &CaseContext::scopeChanged, this, &ScopeBar::showScope);
    connect(&context, &CaseContext::timeDisplayChanged, this, &ScopeBar::showScope);
    connect(&context, &CaseContext::caseChanged, this, &ScopeBar::showScope);
    showScope();
}

void ScopeBar::showScope()
{
    m_updating = true;
    const bool open = m_context.hasCase() && m_context.scopeTo() > m_context.scopeFrom();
    setEnabled(open);
    const Qt::TimeSpec zone = shownSpec();
    m_from->setTimeSpec(zone);
    m_to->setTimeSpec(zone);
    if (open) {
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(m_context.scopeFrom(), zone));
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(m_context.scopeTo(), zone));
    }
    m_zone->setText(TimeText::zoneName());
    m_updating = false;
}

void ScopeBar::commitEdits()
{
    if (m_updating || !m_context.hasCase())
        return;
    const qint64 from = m_from->dateTime().toMSecsSinceEpoch();
    const qint64 to = m_to->dateTime().toMSecsSinceEpoch();
    if (to <= from) {
        emit m_context.statusMessage(tr("The scope must end after it starts."));
        showScope();
        return;
    }
    m_context.setScope(from, to);
}

void ScopeBar::applyPreset(int preset)
{
    if (!m_context.hasCase())
        return;
    const qint64 end = m_context.caseTo();
    switch (preset) {
    case Last24Hours:
        m_context.setScope(qMax(m_context.caseFrom(), end - 24 * kHourMs), end);
        break;
    case Last7Days:
        m_context.setScope(qMax(m_context.caseFrom(), end - 7 * 24 * kHourMs), end);
        break;
    case FindingWindow:
        if (m_context.findingTo() > m_context.findingFrom())
            m_context.setScope(m_context.findingFrom(), m_context.findingTo());
        break;
    default:
        m_context.setScopeToWholeCase();
        break;
    }
}

} // namespace sightline::ui
