#include "EventsPanel.h"

#include "LinkTableView.h"
#include "PlainText.h"
#include "Roles.h"
#include "queries/RecentEvents.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sightline::ui {

EventsPanel::EventsPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Events"), parent), m_context(context)
{
    m_model = new RowModel({tr("Time"), tr("Event"), tr("Result"), tr("Caller"), tr("IP address"),
                            tr("Access key"), tr("User agent"), tr("Region"), tr("Source")},
                           this);
    m_table = makeTable(context, m_model, this);
    m_table->setObjectName(QStringLiteral("events"));
    m_table->setColumnWidth(0, 170);
    m_table->setColumnWidth(1, 230);
    m_table->setColumnWidth(2, 110);
    m_table->setColumnWidth(3, 160);
    m_table->setColumnWidth(4, 120);
    m_table->setColumnWidth(5, 170);
    m_table->setColumnWidth(6, 160);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->setToolTip(tr("Double-click or press Enter on an event to see its raw record"));
    body()->addWidget(m_table);
    auto *row = new QHBoxLayout;
    m_moreButton = new QPushButton(tr("Load more"), this);
    m_moreButton->hide();
    row->addWidget(m_moreButton);
    row->addStretch();
    body()->addLayout(row);
    connect(m_moreButton, &QPushButton::clicked, this, &EventsPanel::loadMore);
    connect(m_table, &LinkTableView::rowActivated, this, [this](const QModelIndex &index) {
        const qint64 id = index.siblingAtColumn(0).data(EventIdRole).toLongLong();
        if (id)
            emit rawRecordRequested(id);
    });
}

void EventsPanel::clearEvents()
{
    cancel();
    m_model->clear();
    m_more = false;
    m_moreButton->hide();
}

void EventsPanel::load(const ProfileRequest &request)
{
    m_request = request;
    fetch(false);
}

void EventsPanel::loadMore()
{
    if (m_more && !busy())
        fetch(true);
}

void EventsPanel::fetch(bool append)
{
    showLoading();
    m_moreButton->setEnabled(false);
    const ProfileRequest request = m_request;
    const size_t offset = append ? static_cast<size_t>(m_model->rowCount()) : 0;
    m_context.runner().run<Loaded<EventPage>>(
        this, slot(),
        [request, offset](Database &db) {
            Loaded<EventPage> out;
            // The account filter: only events that also involve the account (its own or its
            // principals' calls), unless they all do (an entity of that account).
            const auto target = resolveInFilter(db, request, out.error);
            if (!target)
                return out;
            RecentFilter filter;
            filter.entities = {target->entity.id};
            if (target->account > 0)
                filter.entities.push_back(target->account);
            filter.range = request.range();
            filter.limit = kPage;
            filter.offset = offset;
            auto page = RecentEvents(db).run(filter);
            if (!page)
                out.error = errorText(page.error());
            else
                out.value = std::move(*page);
            return out;
        },
        [this, append, request](Loaded<EventPage> &&result) {
            m_moreButton->setEnabled(true);
            if (!result.ok()) {
                showError(result.error);
                return;
            }
            std::vector<Row> rows;
            for (const EventRecord &e : result.value.events) {
                Row row;
                QString service = qs(e.service);
                service.remove(QStringLiteral(".amazonaws.com"));
                RowCell outcome(e.error.empty() ? tr("Success") : qs(e.error));
                RowCell source(qs(e.sourcePath) +
                               (e.line ? QStringLiteral(":%1").arg(e.line) : QString()));
                row.cells = {timeCell(e.time),
                             RowCell(service.isEmpty()
                                         ? qs(e.name)
                                         : service + QStringLiteral(" · ") + qs(e.name)),
                             outcome,
                             RowCell(e.principal.valid() ? displayName(e.principal) : QString()),
                             RowCell(qs(e.ip.key)),
                             RowCell(qs(e.accessKey.key)),
                             RowCell(qs(e.userAgent.key)),
                             RowCell(qs(e.region)),
                             source};
                row.eventId = e.id;
                rows.push_back(std::move(row));
            }
            if (append)
                m_model->appendRows(std::move(rows));
            else
                m_model->setRows(std::move(rows));
            m_more = result.value.more;
            m_moreButton->setVisible(m_more);
            QString note = m_more ? tr("The %1 most recent events in the scope time; older ones "
                                       "follow with Load more.")
                                        .arg(QLocale().toString(m_model->rowCount()))
                                  : tr("%1 events in the scope time.")
                                        .arg(QLocale().toString(m_model->rowCount()));
            if (!request.account.isEmpty())
                note += QLatin1Char(' ') +
                        tr("Account filter: only events in account %1 or by its principals.")
                            .arg(request.account);
            showNote(note);
            emit dataReady(m_model->rowCount() > 0);
        },
        [this](const QString &message) {
            m_moreButton->setEnabled(true);
            showError(message);
        });
}

} // namespace sightline::ui
