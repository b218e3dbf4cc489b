#include "KubernetesPanel.h"

#include "LinkTableView.h"
#include "PlainText.h"
#include "queries/KubernetesActivity.h"

#include <QLocale>
#include <QVBoxLayout>

namespace sightline::ui {

KubernetesPanel::KubernetesPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Kubernetes API activity"), parent), m_context(context)
{
    m_model = new RowModel({tr("Call"), tr("Successful"), tr("Failed"), tr("Unauthorized (401)"),
                            tr("Forbidden (403)"), tr("First seen"), tr("Last seen")},
                           this);
    m_table = makeTable(context, m_model, this);
    m_table->setObjectName(QStringLiteral("kubernetes"));
    m_table->setColumnWidth(0, 220);
    fitTimeColumns(m_table, {5, 6});
    body()->addWidget(m_table);
}

void KubernetesPanel::clearCalls()
{
    cancel();
    m_model->clear();
}

void KubernetesPanel::load(const ProfileRequest &request)
{
    showLoading();
    struct K8sLoad
    {
        KubernetesActivityData data;
        bool allAccounts = false; // the account filter cannot narrow these aggregates
    };
    m_context.runner().run<Loaded<K8sLoad>>(
        this, slot(),
        [request](Database &db) {
            Loaded<K8sLoad> out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            auto data = KubernetesActivity(db).load(entity->id, request.range(), 200);
            if (!data) {
                out.error = errorText(data.error());
            } else {
                out.value.data = std::move(*data);
                out.value.allAccounts = filterNarrows(request, *entity);
            }
            return out;
        },
        [this](Loaded<K8sLoad> &&loaded) {
            if (!loaded.ok()) {
                showError(loaded.error);
                return;
            }
            const KubernetesActivityData &k = loaded.value.data;
            std::vector<Row> rows;
            for (const KubernetesCall &c : k.calls) {
                Row row;
                row.cells = {RowCell(qs(c.name)),     numberCell(c.successes),
                             numberCell(c.failures),  numberCell(c.unauthorized),
                             numberCell(c.forbidden), timeCell(c.seen.first),
                             timeCell(c.seen.last)};
                rows.push_back(std::move(row));
            }
            m_model->setRows(std::move(rows));
            QString note =
                tr("%1 successful and %2 failed Kubernetes API calls in the scope time.")
                    .arg(QLocale().toString(k.successes), QLocale().toString(k.failures));
            if (k.failures > 0)
                note +=
                    QLatin1Char(' ') +
                    tr("Of the failed calls, %1 were unauthorized (401) and %2 forbidden (403).")
                        .arg(QLocale().toString(k.unauthorized), QLocale().toString(k.forbidden));
            if (k.callTotal > static_cast<int64_t>(k.calls.size()))
                note += QLatin1Char(' ') + tr("The %1 busiest of %2 calls are listed.")
                                               .arg(QLocale().toString(qint64(k.calls.size())),
                                                    QLocale().toString(k.callTotal));
            if (k.breakdownByDay)
                note += QLatin1Char(' ') + tr("Per-call counts cover whole UTC days.");
            if (loaded.value.allAccounts)
                note += QLatin1Char(' ') + tr("These counts cover every account: the account "
                                              "filter does not narrow them.");
            showNote(note);
            emit dataReady(!k.empty());
        },
        [this](const QString &message) { showError(message); });
}

} // namespace sightline::ui
