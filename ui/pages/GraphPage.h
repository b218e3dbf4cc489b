#pragma once
// The relationship graph around one entity (Location::graph): the entity and its neighbours
// within the scope time, expanded, filtered and laid out by the user (graphview/). The page
// keeps the last few graphs by location, so Back returns to a graph as it was left; a graph
// loaded with another scope time is reloaded when shown, keeping what was expanded. The
// window's account filter narrows the graph: neighbours that belong to another account are
// left out (a note says how many), and a graph loaded with another filter is reloaded.
#include "Page.h"

#include <QHash>
#include <QStringList>

class QLabel;
class QStackedWidget;

namespace sightline::ui {

class GraphWidget;

class GraphPage : public Page
{
    Q_OBJECT
public:
    explicit GraphPage(CaseContext &context, QWidget *parent = nullptr);
    QString title() const override;
    bool isLoading() const override;
    // The graph of the location shown (nullptr before any).
    GraphWidget *graph() const { return m_current; }
    // The note on what the account filter left out ("" when the filter is off).
    QString accountNote() const;

protected:
    void reload() override;
    void clear() override;

private:
    struct Entry
    {
        GraphWidget *widget = nullptr;
        qint64 scopeFrom = 0, scopeTo = 0;
        QString account;
    };
    static QString keyOf(const Location &location);
    void updateHeader();

    QLabel *m_header;
    QLabel *m_accountNote;
    QStackedWidget *m_stack;
    QHash<QString, Entry> m_graphs;
    QStringList m_recent; // keys, most recent last
    GraphWidget *m_current = nullptr;
    static constexpr int kKept = 6;
};

} // namespace sightline::ui
