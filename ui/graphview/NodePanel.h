#pragma once
// The side panel of the graph: the selected node's type, label and key, first / last seen
// and call counts within the scope time, and its findings; buttons to open its profile,
// expand or collapse, pin and hide. For a group node: how many it stands for and a button
// to its table. Loads off the GUI thread.
#include "CaseContext.h"
#include "GraphState.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace sightline::ui {

class NodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NodePanel(CaseContext &context, QWidget *parent = nullptr);

    // node null: nothing selected.
    void showNode(const VisibleNode *node, bool pinned = false,
                  const NeighborhoodFilter &filter = {});
    bool isBusy() const { return m_slot.busy; }
    qint64 nodeId() const { return m_id; }
    // The details shown (tests).
    QString detailText() const;
    int findingCount() const;

signals:
    void openRequested(qint64 id);
    void expandRequested(qint64 id);
    void collapseRequested(qint64 id);
    void hideRequested(qint64 id);
    void pinRequested(qint64 id);
    void membersRequested(qint64 id);

private:
    void openFinding(QListWidgetItem *item);

    CaseContext &m_context;
    QLabel *m_icon, *m_type, *m_title, *m_key, *m_details, *m_findingsTitle;
    QListWidget *m_findings;
    QPushButton *m_open, *m_expand, *m_pin, *m_hide, *m_members;
    qint64 m_id = 0;
    bool m_expanded = false;
    JobSlot m_slot;
};

} // namespace sightline::ui
