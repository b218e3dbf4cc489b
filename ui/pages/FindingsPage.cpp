#include "FindingsPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "models/FindingTableModel.h"
#include "models/Format.h"
#include "widgets/LinkTableView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

constexpr size_t kRowLimit = 50000;

// Severity choices: (minimum label, exact).
struct SeverityChoice
{
    int minimum;
    bool exact;
};

int encode(SeverityChoice c)
{
    return c.minimum * 2 + (c.exact ? 1 : 0);
}

SeverityChoice decode(int v)
{
    return {v < 0 ? -1 : v / 2, v >= 0 && (v % 2) == 1};
}

} // namespace

FindingsPage::FindingsPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Severity:"), this));
    m_severity = new QComboBox(this);
    m_severity->addItem(tr("Any severity"), -1);
    m_severity->addItem(severityName(4), encode({4, true}));
    for (int label = 3; label >= 1; --label)
        m_severity->addItem(tr("%1 or higher").arg(severityName(label)), encode({label, false}));
    m_severity->insertSeparator(m_severity->count());
    for (int label = 3; label >= 0; --label)
        m_severity->addItem(tr("%1 only").arg(severityName(label)), encode({label, true}));
    for (int i = 0; i < m_severity->count(); ++i) {
        const QVariant v = m_severity->itemData(i);
        if (v.isValid() && v.toInt() >= 0)
            m_severity->setItemData(i,
                                    QVariant::fromValue(severityColor(decode(v.toInt()).minimum)),
                                    Qt::DecorationRole);
    }
    bar->addWidget(m_severity);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter by type, title, resource, account, region…"));
    m_text->setClearButtonEnabled(true);
    bar->addWidget(m_text, 1);
    m_archived = new QCheckBox(tr("Show archived"), this);
    bar->addWidget(m_archived);
    m_count = plainLabel({}, this);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    m_model = new FindingTableModel(this);
    m_proxy = new FindingFilterProxy(m_model, this);
    m_view = new LinkTableView(context, this);
    m_view->setModel(m_proxy);
    m_view->sortByColumn(FindingTableModel::Severity, Qt::DescendingOrder);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(FindingTableModel::Severity, 120);
    header->resizeSection(FindingTableModel::Type, 250);
    header->resizeSection(FindingTableModel::Title, 320);
    header->resizeSection(FindingTableModel::Resources, 220);
    header->resizeSection(FindingTableModel::FirstSeen, 170);
    header->resizeSection(FindingTableModel::LastSeen, 170);
    header->resizeSection(FindingTableModel::Account, 110);
    header->resizeSection(FindingTableModel::Region, 100);
    layout->addWidget(m_view, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, &FindingsPage::applySeverity);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_archived, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setShowArchived(on);
        updateCount();
    });
    connect(&context, &CaseContext::timeDisplayChanged, m_model,
            &FindingTableModel::timeDisplayChanged);
}

QString FindingsPage::title() const
{
    return tr("Findings");
}

void FindingsPage::applySeverity()
{
    const SeverityChoice c = decode(m_severity->currentData().toInt());
    m_proxy->setSeverity(c.minimum, c.exact);
    updateCount();
}

void FindingsPage::clear()
{
    m_model->setRows({});
    m_total = 0;
    m_truncated = false;
    m_count->clear();
}

void FindingsPage::reload()
{
    // "severity=N" from the Summary page: that severity only.
    const QString key = location().key;
    if (key.startsWith(QLatin1String("severity="))) {
        bool ok = false;
        const int label = key.mid(9).toInt(&ok);
        if (ok && label >= 0 && label <= 4) {
            const int index = m_severity->findData(encode({label, true}));
            if (index >= 0)
                m_severity->setCurrentIndex(index);
        }
    }
    FindingTableFilter filter;
    filter.range = m_context.scope();
    filter.account = m_context.accountFilter().toStdString();
    filter.archived = true; // the check box filters in the proxy
    filter.limit = kRowLimit;
    m_count->setText(tr("Loading…"));
    m_context.runner().run<Result<FindingTableData>>(
        this, m_slot, [filter](Database &db) { return FindingTable(db).load(filter); },
        [this](Result<FindingTableData> &&result) {
            if (!result.ok()) {
                m_count->setText(tr("Cannot read the findings: %1").arg(qs(result.error().detail)));
                return;
            }
            m_total = result->total;
            m_truncated = result->total > qint64(result->rows.size());
            m_model->setRows(std::move(result->rows));
            updateCount();
        },
        [this](const QString &message) { m_count->setText(message); });
}

void FindingsPage::updateCount()
{
    if (m_slot.busy)
        return;
    QString text =
        tr("%1 of %2 findings").arg(countText(m_proxy->rowCount()), countText(m_model->rowCount()));
    if (m_truncated)
        text +=
            QStringLiteral(" · ") + tr("the first %1 of %2 are listed")
                                        .arg(countText(m_model->rowCount()), countText(m_total));
    m_count->setText(text);
}

} // namespace sightline::ui
