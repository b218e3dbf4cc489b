#pragma once
// The search field that is always at hand (Ctrl+K / Ctrl+F): any identifier, * and ?
// wildcards, or an IPv4 CIDR. Results drop down grouped by entity type with counts, exact
// matches first; Up / Down choose, Enter opens the profile, Escape closes. Searching runs
// off the GUI thread; results of queries the user has typed past are dropped.
#include "CaseContext.h"
#include "queries/EntitySearch.h"

#include <QLineEdit>
#include <QTimer>

class QTreeWidget;
class QTreeWidgetItem;

namespace sightline::ui {

class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchBox(CaseContext &context, QWidget *parent = nullptr);

    QTreeWidget *popup() const { return m_popup; }
    // The last results shown (tests).
    const SearchResult &lastResult() const { return m_last; }
    bool isSearching() const { return m_slot.busy; }

signals:
    void resultsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search(bool openSingle);
    void showResults(const QString &query, SearchResult &&result, bool openSingle);
    void openItem(QTreeWidgetItem *item);
    void placePopup();

    CaseContext &m_context;
    QTreeWidget *m_popup = nullptr;
    QTimer m_debounce;
    JobSlot m_slot;
    SearchResult m_last;
};

} // namespace sightline::ui
