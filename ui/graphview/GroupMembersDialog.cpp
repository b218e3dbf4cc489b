#include "GroupMembersDialog.h"

#include "EntityStyle.h"
#include "GroupMembersModel.h"
#include "PlainText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sightline::ui {

GroupMembersDialog::GroupMembersDialog(CaseContext &context, qint64 owner, EntityType type,
                                       const NeighborhoodFilter &filter, const QString &ownerName,
                                       QWidget *parent)
    : QDialog(parent), m_model(new GroupMembersModel(context, owner, type, filter, this)),
      m_table(new QTableView(this)), m_count(plainLabel())
{
    setWindowTitle(tr("%1 of %2").arg(typePluralName(type), ownerName));
    resize(760, 480);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(GroupMembersModel::CountColumn,
                                                  Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(GroupMembersModel::EntityColumn, 260);
    m_table->setColumnWidth(GroupMembersModel::RelationsColumn, 150);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *add = buttons->addButton(tr("Add to Graph"), QDialogButtonBox::ActionRole);
    add->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(add, &QPushButton::clicked, this, &GroupMembersDialog::addSelected);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { addRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, add] { add->setEnabled(m_table->selectionModel()->hasSelection()); });
    connect(m_model, &GroupMembersModel::loaded, this, &GroupMembersDialog::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GroupMembersDialog::updateCount);
    updateCount();
}

void GroupMembersDialog::addRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        emit memberChosen(m_model->member(row));
}

void GroupMembersDialog::addSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        addRow(index.row());
}

void GroupMembersDialog::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    const QLocale locale;
    m_count->setText(
        tr("%1 of %2 shown; scroll for more. Double-click a row to add it to "
           "the graph.")
            .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->total())));
}

} // namespace sightline::ui
