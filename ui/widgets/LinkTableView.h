#pragma once
// A read-only, sortable table whose rows can stand for entities (EntityTypeRole and
// EntityKeyRole on any cell of the row, usually column 0). Double-click or Enter on such a
// row asks the context to open that entity; other rows emit rowActivated.
#include "CaseContext.h"

#include <QTableView>

namespace sightline::ui {

class LinkTableView : public QTableView
{
    Q_OBJECT
public:
    explicit LinkTableView(CaseContext &context, QWidget *parent = nullptr);

    // Which column carries the entity roles (default 0); -1 = any column of the row, the
    // clicked one first (tables where several columns are entities).
    void setEntityColumn(int column) { m_entityColumn = column; }

signals:
    // Emitted for every activation, after opening the entity when the row has one.
    void rowActivated(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void activate(const QModelIndex &index);
    CaseContext &m_context;
    int m_entityColumn = 0;
};

} // namespace sightline::ui
