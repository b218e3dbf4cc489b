#include "ProfilePanel.h"

#include "LinkTableView.h"
#include "PlainText.h"
#include "Roles.h"
#include "models/RowModel.h"

#include "queries/EntityEdges.h"
#include "queries/EntityLookup.h"

#include "TimeText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace sightline::ui {

ProfilePanel::ProfilePanel(const QString &title, QWidget *parent) : QGroupBox(title, parent)
{
    auto *layout = new QVBoxLayout(this);
    m_status = plainLabel({}, this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);
    m_body = new QVBoxLayout;
    m_body->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_body);
}

void ProfilePanel::showLoading()
{
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Loading…"));
    m_status->show();
}

void ProfilePanel::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_status->setText(tr("Could not load: %1").arg(message));
    m_status->show();
}

void ProfilePanel::showNote(const QString &note)
{
    m_status->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_status->setText(note);
    m_status->setVisible(!note.isEmpty());
}

Result<EntityRef> resolveEntity(Database &db, const ProfileRequest &request)
{
    EntityLookup lookup(db);
    return lookup.resolve(request.type, request.key.toStdString());
}

bool filterNarrows(const ProfileRequest &request, const EntityRef &entity)
{
    return !request.account.isEmpty() && qs(accountOf(entity)) != request.account;
}

Result<int64_t> filterAccountEntity(Database &db, const ProfileRequest &request,
                                    const EntityRef &entity)
{
    if (!filterNarrows(request, entity))
        return int64_t(0);
    EntityLookup lookup(db);
    auto account = lookup.resolve(EntityType::AwsAccount, request.account.toStdString());
    if (!account) {
        if (account.error().code == ErrorCode::NotFound)
            return int64_t(-1);
        return account.error();
    }
    return account->id;
}

std::optional<EntityInFilter> resolveInFilter(Database &db, const ProfileRequest &request,
                                              QString &error)
{
    auto entity = resolveEntity(db, request);
    if (!entity) {
        error = errorText(entity.error());
        return std::nullopt;
    }
    auto account = filterAccountEntity(db, request, *entity);
    if (!account) {
        error = errorText(account.error());
        return std::nullopt;
    }
    if (*account < 0)
        return std::nullopt;
    return EntityInFilter{std::move(*entity), *account};
}

QString errorText(const Error &error)
{
    if (error.code == ErrorCode::NotFound)
        return QCoreApplication::translate("ProfilePanel", "The case holds no such entity.");
    return qs(error.detail);
}

QString displayName(const EntityRef &entity)
{
    return entity.label.empty() ? qs(entity.key) : qs(entity.label);
}

Row entityRow(const EntityRef &entity, std::vector<RowCell> cells)
{
    Row row;
    RowCell name(displayName(entity));
    row.cells.push_back(name);
    for (RowCell &c : cells)
        row.cells.push_back(std::move(c));
    if (entity.valid()) {
        row.type = entity.type;
        row.key = qs(entity.key);
    }
    return row;
}

QLabel *makeChartAccountLabel(QWidget *parent)
{
    QLabel *label = plainLabel({}, parent);
    label->setObjectName(QStringLiteral("chartAccount"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold"));
    label->hide();
    return label;
}

void showChartAccount(QLabel *label, const ProfileRequest &request, bool narrows)
{
    if (!narrows) {
        label->clear();
        label->hide();
        return;
    }
    label->setText(QCoreApplication::translate(
                       "ProfilePanel",
                       "This chart counts every account: the case keeps this entity's totals "
                       "without a split by account, so the account filter (%1) does not narrow "
                       "it. The tables below are narrowed.")
                       .arg(request.account));
    label->show();
}

void fitTimeColumns(QTableView *view, std::initializer_list<int> columns)
{
    // A wide time (two-digit day, month and hour, milliseconds) in the chosen zone, plus the
    // cell margins.
    const QString sample = TimeText::dateTime(
        QDateTime(QDate(2026, 12, 28), QTime(20, 58, 58, 888), Qt::UTC).toMSecsSinceEpoch());
    const int width = view->fontMetrics().horizontalAdvance(sample) +
                      2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) +
                      12;
    for (int c : columns)
        view->setColumnWidth(c, width);
}

LinkTableView *makeTable(CaseContext &context, RowModel *model, QWidget *parent)
{
    auto *view = new LinkTableView(context, parent);
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSortRole(SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setSourceModel(model);
    view->setModel(proxy);
    view->setTabKeyNavigation(false); // Tab moves on to the next table
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setDefaultSectionSize(110);
    // Headers wider than the default ("Unauthorized (401)") are not clipped.
    for (int c = 0; c < model->columnCount(); ++c)
        view->setColumnWidth(c, std::max(110, view->horizontalHeader()->sectionSizeHint(c)));
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] { fitRows(view); });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, [view] { fitRows(view); });
    fitRows(view);
    return view;
}

void fitRows(LinkTableView *view, int minRows, int maxRows)
{
    const int rows = view->model() ? view->model()->rowCount() : 0;
    const int shown = std::clamp(rows, minRows, maxRows);
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    const int height = view->horizontalHeader()->sizeHint().height() + shown * rowHeight +
                       2 * view->frameWidth() + view->horizontalScrollBar()->sizeHint().height();
    view->setFixedHeight(height);
}

} // namespace sightline::ui
