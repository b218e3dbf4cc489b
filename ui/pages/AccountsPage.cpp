#include "AccountsPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "TimeText.h"
#include "models/Format.h"
#include "models/RowTableModel.h"
#include "widgets/LinkTableView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

using Row = AccountOverview;

QVariant number(qint64 n, int role)
{
    if (role == Qt::DisplayRole)
        return countText(n);
    if (role == SortRole)
        return n;
    return {};
}

QVariant timeCell(qint64 ms, int role)
{
    if (role == Qt::DisplayRole)
        return TimeText::dateTime(ms);
    if (role == SortRole)
        return ms;
    return {};
}

QString sourceList(const Row &r)
{
    QStringList paths;
    for (const AccountSource &s : r.sources)
        paths << qs(s.path);
    return paths.join(QLatin1Char('\n'));
}

QString regionList(const Row &r, const QString &separator)
{
    QStringList regions;
    for (const std::string &region : r.regions)
        regions << qs(region);
    return regions.join(separator);
}

} // namespace

AccountsPage::AccountsPage(CaseContext &context, QWidget *parent) : Page(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_note = plainLabel({}, this);
    m_note->setWordWrap(true);
    bar->addWidget(m_note, 1);
    m_all = new QPushButton(tr("All Accounts"), this);
    m_all->setToolTip(tr("Clear the account filter"));
    bar->addWidget(m_all);
    layout->addLayout(bar);

    m_model = new RowTableModel<Row>(
        {
            {tr("Account"),
             [](const Row &r, int role) -> QVariant {
                 switch (role) {
                 case Qt::DisplayRole:
                     if (r.account.label.empty() || r.account.label == r.account.key)
                         return qs(r.account.key);
                     return QString(qs(r.account.label) + QStringLiteral(" (") + qs(r.account.key) +
                                    QLatin1Char(')'));
                 case Qt::DecorationRole:
                     return typeIcon(EntityType::AwsAccount);
                 case EntityTypeRole:
                     return static_cast<int>(EntityType::AwsAccount);
                 case EntityKeyRole:
                     return qs(r.account.key);
                 }
                 return {};
             }},
            {tr("API calls"), [](const Row &r, int role) { return number(r.apiCalls, role); },
             kNumberAlignment, tr("API calls in the scope time")},
            {tr("Failed"), [](const Row &r, int role) { return number(r.failedCalls, role); },
             kNumberAlignment},
            {tr("Principals"), [](const Row &r, int role) { return number(r.principals, role); },
             kNumberAlignment, tr("Principals of the account active in the scope time")},
            {tr("Findings"), [](const Row &r, int role) { return number(r.findings, role); },
             kNumberAlignment, tr("Active findings of the account in the scope time")},
            {tr("Regions"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return QString(regionList(r, QStringLiteral(", ")) +
                                    (r.sampled ? QStringLiteral(" …") : QString()));
                 if (role == Qt::ToolTipRole && !r.regions.empty())
                     return plainToolTip(
                         regionList(r, QStringLiteral("\n")) +
                         (r.sampled ? QStringLiteral("\n\n") +
                                          tr("Read from a sample of the account's events.")
                                    : QString()));
                 if (role == SortRole)
                     return qint64(r.regions.size());
                 return {};
             }},
            {tr("Sources"),
             [](const Row &r, int role) -> QVariant {
                 if (role == Qt::DisplayRole)
                     return QString(countText(qint64(r.sources.size())) +
                                    (r.sampled ? QStringLiteral(" …") : QString()));
                 if (role == Qt::ToolTipRole && !r.sources.empty())
                     return plainToolTip(sourceList(r));
                 if (role == SortRole)
                     return qint64(r.sources.size());
                 return {};
             },
             kNumberAlignment, tr("Files holding events of the account in the scope time")},
            {tr("First seen"), [](const Row &r, int role) { return timeCell(r.seen.first, role); }},
            {tr("Last seen"), [](const Row &r, int role) { return timeCell(r.seen.last, role); }},
        },
        this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_proxy = proxy;
    m_view = new LinkTableView(context, this);
    m_view->setModel(proxy);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->sortByColumn(1, Qt::DescendingOrder);
    m_view->horizontalHeader()->resizeSection(0, 220);
    m_view->horizontalHeader()->resizeSection(5, 300);
    m_view->horizontalHeader()->resizeSection(7, 170);
    layout->addWidget(m_view, 1);
    m_details = plainLabel({}, this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid()) {
                    m_details->clear();
                    return;
                }
                const Row &r = m_model->row(m_proxy->mapToSource(current).row());
                QString text = tr("Account %1: %2 regions, %3 source files.")
                                   .arg(qs(r.account.key))
                                   .arg(r.regions.size())
                                   .arg(r.sources.size());
                if (r.sampled)
                    text += QLatin1Char(' ') +
                            tr("Regions and files were read from a sample of its events; "
                               "others may exist.");
                m_details->setText(text);
            });
    // Only the user's choice sets the filter (not the view making a row current on focus).
    connect(m_view, &QAbstractItemView::clicked, this, &AccountsPage::chooseCurrent);
    m_view->installEventFilter(this);
    connect(m_all, &QPushButton::clicked, this, [this] { m_context.setAccountFilter({}); });
    connect(&context, &CaseContext::accountFilterChanged, this, &AccountsPage::selectFiltered);
}

void AccountsPage::chooseCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_selecting)
        return;
    m_context.setAccountFilter(qs(m_model->row(m_proxy->mapToSource(current).row()).account.key));
}

bool AccountsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_Space:
            QTimer::singleShot(0, this, &AccountsPage::chooseCurrent);
            break;
        default:
            break;
        }
    }
    return Page::eventFilter(watched, event);
}

QString AccountsPage::title() const
{
    return tr("Accounts");
}

QAbstractItemModel *AccountsPage::model() const
{
    return m_model;
}

void AccountsPage::clear()
{
    m_model->setRows({});
    m_note->clear();
    m_details->clear();
}

void AccountsPage::reload()
{
    const TimeRange range = m_context.scope();
    m_note->setText(tr("Loading…"));
    m_context.runner().run<Result<std::vector<AccountOverview>>>(
        this, m_slot, [range](Database &db) { return CaseAccounts(db).load(range, 200000); },
        [this](Result<std::vector<AccountOverview>> &&result) {
            if (!result.ok()) {
                m_note->setText(tr("Cannot read the accounts: %1").arg(qs(result.error().detail)));
                return;
            }
            m_selecting = true;
            m_model->setRows(std::move(*result));
            m_selecting = false;
            selectFiltered();
        },
        [this](const QString &message) { m_note->setText(message); });
}

void AccountsPage::selectFiltered()
{
    const QString filter = m_context.accountFilter();
    m_note->setText(
        filter.isEmpty()
            ? tr("Accounts: %1. Select one to narrow every page to it.").arg(m_model->rowCount())
            : tr("Every page shows account %1 only.").arg(filter));
    m_all->setEnabled(!filter.isEmpty());
    m_selecting = true;
    QModelIndex found;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (qs(m_model->row(row).account.key) == filter) {
            found = m_proxy->mapFromSource(m_model->index(row, 0));
            break;
        }
    }
    if (found.isValid())
        m_view->setCurrentIndex(found);
    else {
        m_view->clearSelection();
        m_view->setCurrentIndex({});
    }
    m_selecting = false;
}

} // namespace sightline::ui
