#include "FindingsPanel.h"

#include "EntityStyle.h"
#include "LinkTableView.h"
#include "PlainText.h"
#include "queries/FindingQuery.h"

#include <QLocale>
#include <QVBoxLayout>

namespace sightline::ui {

FindingsPanel::FindingsPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Associated findings"), parent), m_context(context)
{
    m_model = new RowModel(
        {tr("Title"), tr("Severity"), tr("Type"), tr("Product"), tr("First seen"), tr("Last seen")},
        this);
    m_table = makeTable(context, m_model, this);
    m_table->setObjectName(QStringLiteral("findings"));
    m_table->setColumnWidth(0, 360);
    m_table->setColumnWidth(1, 90);
    m_table->setColumnWidth(2, 260);
    fitTimeColumns(m_table, {4, 5});
    body()->addWidget(m_table);
}

void FindingsPanel::clearFindings()
{
    cancel();
    m_model->clear();
}

void FindingsPanel::load(const ProfileRequest &request)
{
    showLoading();
    m_context.runner().run<Loaded<FindingPage>>(
        this, slot(),
        [request](Database &db) {
            Loaded<FindingPage> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            FindingFilter filter;
            filter.entity = entity->id;
            filter.range = request.range();
            filter.account = request.account.toStdString();
            filter.limit = 200;
            auto page = FindingQuery(db).list(filter);
            if (!page)
                out.error = errorText(page.error());
            else
                out.value = std::move(*page);
            return out;
        },
        [this, request](Loaded<FindingPage> &&loaded) {
            if (!loaded.ok()) {
                showError(loaded.error);
                return;
            }
            std::vector<Row> rows;
            for (const FindingSummary &f : loaded.value.findings) {
                RowCell severity(severityName(f.severityLabel));
                severity.sort = f.severity;
                Row row;
                row.cells = {RowCell(qs(f.title.empty() ? f.finding.key : f.title)),
                             severity,
                             RowCell(qs(f.type)),
                             RowCell(qs(f.product)),
                             timeCell(f.seen.first),
                             timeCell(f.seen.last)};
                row.type = EntityType::Finding;
                row.key = qs(f.finding.key);
                rows.push_back(std::move(row));
            }
            const bool any = !rows.empty();
            m_model->setRows(std::move(rows));
            m_table->sortByColumn(1, Qt::DescendingOrder);
            QString note = loaded.value.more ? tr("%1 findings; the first %2 are listed.")
                                                   .arg(QLocale().toString(loaded.value.total))
                                                   .arg(m_model->rowCount())
                                             : QString();
            if (!request.account.isEmpty())
                note += (note.isEmpty() ? QString() : QStringLiteral(" ")) +
                        tr("Account filter: findings of account %1 only.").arg(request.account);
            showNote(note);
            emit dataReady(any);
        },
        [this](const QString &message) { showError(message); });
}

} // namespace sightline::ui
