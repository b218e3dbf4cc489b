#include "GroupsPage.h"

#include "PlainText.h"
#include "Roles.h"
#include "graphview/FindingGroupsModel.h"
#include "widgets/LinkTableView.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct GroupsResult
{
    QString error;
    std::vector<FindingGroup> groups;
};

} // namespace

GroupsPage::GroupsPage(CaseContext &context, QWidget *parent)
    : Page(context, parent), m_summary(plainLabel()), m_model(new FindingGroupsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new LinkTableView(context, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = plainLabel(tr("Finding groups"));
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    heading->setFont(font);
    layout->addWidget(heading);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setModel(m_proxy);
    m_table->setEntityColumn(-1);
    m_table->sortByColumn(FindingGroupsModel::SeverityColumn, Qt::DescendingOrder);
    m_table->setColumnWidth(FindingGroupsModel::SeverityColumn, 110);
    m_table->setColumnWidth(FindingGroupsModel::TitleColumn, 300);
    m_table->setColumnWidth(FindingGroupsModel::TacticsColumn, 260);
    m_table->setColumnWidth(FindingGroupsModel::FirstSeenColumn, 170);
    m_table->setColumnWidth(FindingGroupsModel::LastSeenColumn, 170);
    layout->addWidget(m_table, 1);
    connect(m_table, &LinkTableView::rowActivated, this, [this](const QModelIndex &index) {
        const QString key = index.data(FindingGroupsModel::GroupKeyRole).toString();
        if (!key.isEmpty())
            m_context.navigate({Location::Page::Group, EntityType::FindingGroup, key});
    });
}

QString GroupsPage::title() const
{
    return tr("Finding groups");
}

void GroupsPage::clear()
{
    m_model->setGroups({});
    m_summary->clear();
}

void GroupsPage::reload()
{
    m_summary->setText(tr("Loading…"));
    FindingGroupOptions options;
    options.range = m_context.scope();
    m_context.runner().run<GroupsResult>(
        this, m_slot,
        [options](Database &db) {
            GroupsResult out;
            auto groups = FindingGroups(db).build(options);
            if (groups)
                out.groups = std::move(*groups);
            else
                out.error = qs(groups.error().detail);
            return out;
        },
        [this](GroupsResult &&r) {
            m_model->setGroups(std::move(r.groups));
            if (!r.error.isEmpty())
                m_summary->setText(tr("Cannot list the finding groups: %1").arg(r.error));
            else
                m_summary->setText(
                    tr("%n group(s) of findings that involve one same entity (not an account "
                       "or a user agent) within 24 hours of each other, within the scope "
                       "time. Open a group to see its findings and entities in a graph.",
                       "", m_model->rowCount()));
        });
}

} // namespace sightline::ui
