#include "PeersPanel.h"

#include "LinkTableView.h"
#include "PlainText.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace sightline::ui {

PeersPanel::PeersPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Seen with"), parent)
{
    m_grid = new QGridLayout;
    body()->addLayout(m_grid);
    const QStringList headers = {tr("Entity"), tr("Calls"), tr("Failed"), tr("First seen"),
                                 tr("Last seen")};
    for (int i = 0; i < ListCount; ++i) {
        m_titles[i] = plainLabel({}, this);
        QFont bold = m_titles[i]->font();
        bold.setBold(true);
        m_titles[i]->setFont(bold);
        QStringList h = headers;
        if (i == Principals)
            h[0] = tr("Caller");
        m_models[i] = new RowModel(h, this);
        m_tables[i] = makeTable(context, m_models[i], this);
        m_tables[i]->setColumnWidth(0, 190);
        m_tables[i]->setColumnWidth(1, 55);
        m_tables[i]->setColumnWidth(2, 50);
        fitTimeColumns(m_tables[i], {3, 4});
        m_tables[i]->sortByColumn(1, Qt::DescendingOrder);
        m_tables[i]->setObjectName(QStringLiteral("peers%1").arg(i));
        // Two tables a row.
        m_grid->addWidget(m_titles[i], (i / 2) * 2, i % 2);
        m_grid->addWidget(m_tables[i], (i / 2) * 2 + 1, i % 2, Qt::AlignTop);
    }
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
}

void PeersPanel::clearLists()
{
    for (int i = 0; i < ListCount; ++i) {
        m_models[i]->clear();
        m_titles[i]->hide();
        m_tables[i]->hide();
    }
}

bool PeersPanel::hasRows() const
{
    for (RowModel *m : m_models)
        if (m->rowCount() > 0)
            return true;
    return false;
}

void PeersPanel::setProfile(const ProfileData &p)
{
    const PeerList *lists[ListCount] = {&p.principals, &p.ips,      &p.userAgents,
                                        &p.accessKeys, &p.accounts, &p.resources};
    const QString names[ListCount] = {tr("Callers"),     tr("IP addresses"), tr("User agents"),
                                      tr("Access keys"), tr("Accounts"),     tr("Resources")};
    int shown = 0;
    for (int i = 0; i < ListCount; ++i) {
        std::vector<Row> rows;
        for (const PeerStat &s : lists[i]->rows) {
            rows.push_back(
                entityRow(s.entity, {numberCell(s.calls),
                                     s.fromRelations ? RowCell() : numberCell(s.failures),
                                     timeCell(s.seen.first), timeCell(s.seen.last)}));
        }
        const bool any = !rows.empty();
        m_models[i]->setRows(std::move(rows));
        QString title = names[i];
        if (lists[i]->total > static_cast<int64_t>(lists[i]->rows.size()))
            title = tr("%1 (%2 of %3)")
                        .arg(names[i], QLocale().toString(qint64(lists[i]->rows.size())),
                             QLocale().toString(lists[i]->total));
        m_titles[i]->setText(title);
        m_titles[i]->setVisible(any);
        m_tables[i]->setVisible(any);
        // Keep the visible tables two a row, in order.
        if (any) {
            m_grid->addWidget(m_titles[i], (shown / 2) * 2, shown % 2);
            m_grid->addWidget(m_tables[i], (shown / 2) * 2 + 1, shown % 2, Qt::AlignTop);
            ++shown;
        }
    }
    QString note;
    if (p.peersPartial)
        note = tr("This entity has more peers than were read: the lists are incomplete.");
    else if (p.breakdownByDay)
        note = tr("Counts cover whole UTC days at the edges of the scope time.");
    showNote(note);
}

} // namespace sightline::ui
