#include "GraphPage.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "graphview/GraphItems.h"
#include "graphview/GraphWidget.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sightline::ui {

GraphPage::GraphPage(CaseContext &context, QWidget *parent)
    : Page(context, parent), m_header(plainLabel()), m_accountNote(plainLabel()),
      m_stack(new QStackedWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    QFont font = m_header->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_header->setFont(font);
    layout->addWidget(m_header);
    m_accountNote->setVisible(false);
    layout->addWidget(m_accountNote);
    layout->addWidget(m_stack, 1);
    // An import changes what every kept graph shows.
    connect(&context, &CaseContext::caseDataChanged, this, [this] {
        for (Entry &e : m_graphs)
            e.scopeFrom = e.scopeTo = -1;
    });
}

QString GraphPage::keyOf(const Location &location)
{
    return QString::number(int(location.type)) + QLatin1Char(':') + location.key;
}

QString GraphPage::title() const
{
    if (m_current) {
        if (const VisibleNode *root = m_current->visibleGraph().find(m_current->rootId()))
            return tr("Graph: %1").arg(NodeItem::labelFor(*root));
    }
    return tr("Graph");
}

bool GraphPage::isLoading() const
{
    return m_current && m_current->isBusy();
}

void GraphPage::reload()
{
    const QString key = keyOf(location());
    Entry &entry = m_graphs[key];
    const bool fresh = entry.widget == nullptr;
    if (fresh) {
        entry.widget = new GraphWidget(m_context, m_stack);
        entry.widget->setFollowsAccount(true);
        m_stack->addWidget(entry.widget);
        connect(entry.widget, &GraphWidget::graphChanged, this, [this, w = entry.widget] {
            if (w == m_current)
                updateHeader();
        });
    }
    m_recent.removeAll(key);
    m_recent.append(key);
    while (m_recent.size() > kKept) {
        const Entry old = m_graphs.take(m_recent.takeFirst());
        delete old.widget;
    }
    m_current = entry.widget;
    m_stack->setCurrentWidget(m_current);
    const bool scopeChanged = entry.scopeFrom != m_context.scopeFrom() ||
                              entry.scopeTo != m_context.scopeTo() ||
                              entry.account != m_context.accountFilter();
    entry.scopeFrom = m_context.scopeFrom();
    entry.scopeTo = m_context.scopeTo();
    entry.account = m_context.accountFilter();
    if (fresh)
        m_current->showEntity(location().type, location().key);
    else if (scopeChanged)
        m_current->refresh();
    updateHeader();
}

void GraphPage::clear()
{
    m_current = nullptr;
    for (const Entry &e : std::as_const(m_graphs))
        delete e.widget;
    m_graphs.clear();
    m_recent.clear();
    m_header->clear();
    m_accountNote->clear();
    m_accountNote->setVisible(false);
}

QString GraphPage::accountNote() const
{
    if (!m_current || m_current->loadedAccount().isEmpty())
        return {};
    return tr("Account %1 only: %n node(s) of other accounts left out", "",
              m_current->leftOutByAccount())
        .arg(m_current->loadedAccount());
}

void GraphPage::updateHeader()
{
    QString text = tr("Relationship graph");
    if (m_current) {
        if (const VisibleNode *root = m_current->visibleGraph().find(m_current->rootId()))
            text = tr("Relationship graph of %1 %2")
                       .arg(typeDisplayName(root->type()), NodeItem::labelFor(*root));
    }
    m_header->setText(text);
    const QString note = accountNote();
    m_accountNote->setText(note);
    m_accountNote->setVisible(!note.isEmpty());
    emit titleChanged();
}

} // namespace sightline::ui
