#include "SearchBox.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "Roles.h"
#include "TimeText.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QScreen>
#include <QTreeWidget>

namespace sightline::ui {

namespace {
constexpr int kLimit = 200;
constexpr int kMaxQueryLength = 1024;
} // namespace

SearchBox::SearchBox(CaseContext &context, QWidget *parent) : QLineEdit(parent), m_context(context)
{
    setPlaceholderText(tr("Search IP, CIDR, ARN, name, access key, instance, bucket… (Ctrl+K)"));
    setClearButtonEnabled(true);
    setMaxLength(kMaxQueryLength);
    setMinimumWidth(260);

    m_popup = new QTreeWidget(this);
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setFocusProxy(this);
    m_popup->setColumnCount(3);
    m_popup->setHeaderLabels({tr("Entity"), tr("Account"), tr("Last seen")});
    m_popup->setRootIsDecorated(false);
    m_popup->setUniformRowHeights(true);
    m_popup->setTextElideMode(Qt::ElideMiddle);
    m_popup->header()->setStretchLastSection(false);
    m_popup->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_popup->installEventFilter(this);
    connect(m_popup, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { openItem(item); });

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, [this] { search(false); });
    connect(this, &QLineEdit::textEdited, this, [this] {
        if (text().trimmed().isEmpty()) {
            m_popup->hide();
            m_debounce.stop();
            ++m_slot.latest; // drop a running search
            m_slot.busy = false;
        } else {
            m_debounce.start();
        }
    });
    connect(&context, &CaseContext::caseChanged, this, [this] {
        clear();
        m_popup->hide();
    });
}

void SearchBox::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_debounce.stop();
        search(true);
        return;
    case Qt::Key_Down:
        if (m_popup->topLevelItemCount() > 0) {
            placePopup();
            m_popup->show();
            return;
        }
        break;
    case Qt::Key_Escape:
        m_popup->hide();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

void SearchBox::search(bool openSingle)
{
    const QString query = text().trimmed();
    if (query.isEmpty() || !m_context.hasCase())
        return;
    const std::string q = query.toStdString();
    m_context.runner().run<Result<SearchResult>>(
        this, m_slot, [q](Database &db) { return EntitySearch(db).run(q, kLimit); },
        [this, query, openSingle](Result<SearchResult> &&result) {
            if (!result.ok()) {
                m_popup->clear();
                auto *item = new QTreeWidgetItem(m_popup);
                item->setText(0, tr("Cannot search: %1").arg(qs(result.error().detail)));
                item->setFlags(Qt::ItemIsEnabled);
                placePopup();
                m_popup->show();
                emit resultsShown();
                return;
            }
            showResults(query, std::move(result.value()), openSingle);
        });
}

void SearchBox::showResults(const QString &query, SearchResult &&result, bool openSingle)
{
    m_last = std::move(result);
    m_popup->clear();
    if (m_last.hits.empty()) {
        auto *item = new QTreeWidgetItem(m_popup);
        item->setText(0, tr("Nothing matches \"%1\"").arg(query));
        item->setFlags(Qt::ItemIsEnabled);
    }
    if (openSingle && m_last.total == 1 && m_last.hits.size() == 1) {
        const auto &e = m_last.hits.front().entity;
        m_popup->hide();
        m_context.navigate(Location::entity(e.type, qs(e.key)));
        emit resultsShown();
        return;
    }
    // Groups in the order of the counts (entity type order); exact hits are listed first
    // inside each group because the query returns them first.
    QTreeWidgetItem *first = nullptr;
    for (const auto &[type, count] : m_last.countsByType) {
        auto *header = new QTreeWidgetItem(m_popup);
        header->setText(0, tr("%1 (%2)").arg(typePluralName(type)).arg(count));
        header->setIcon(0, typeIcon(type));
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        header->setFlags(Qt::ItemIsEnabled);
        int shown = 0;
        for (const auto &hit : m_last.hits) {
            if (hit.entity.type != type)
                continue;
            auto *item = new QTreeWidgetItem(m_popup);
            const QString key = qs(hit.entity.key);
            const QString label = qs(hit.entity.label);
            item->setText(0, QStringLiteral("    ") + (label.isEmpty() || label == key
                                                           ? key
                                                           : label + QStringLiteral(" — ") + key));
            item->setToolTip(0, plainToolTip(key));
            item->setText(1, qs(hit.entity.account));
            item->setText(2, TimeText::dateTime(hit.seen.last));
            item->setData(0, EntityTypeRole, static_cast<int>(type));
            item->setData(0, EntityKeyRole, key);
            if (!first)
                first = item;
            ++shown;
        }
        if (shown < count) {
            auto *more = new QTreeWidgetItem(m_popup);
            more->setText(0, tr("    … %n more, refine the search", nullptr,
                                static_cast<int>(count - shown)));
            more->setFlags(Qt::ItemIsEnabled);
        }
    }
    if (first)
        m_popup->setCurrentItem(first);
    placePopup();
    m_popup->show();
    emit resultsShown();
}

void SearchBox::placePopup()
{
    const int rows = qMin(18, qMax(1, m_popup->topLevelItemCount()));
    const int rowHeight =
        m_popup->sizeHintForRow(0) > 0 ? m_popup->sizeHintForRow(0) : fontMetrics().height() + 4;
    const int width = qMax(this->width(), 560);
    const QPoint below = mapToGlobal(QPoint(0, height()));
    m_popup->setGeometry(below.x(), below.y(), width,
                         rows * rowHeight + m_popup->header()->height() + 6);
}

void SearchBox::openItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QVariant type = item->data(0, EntityTypeRole);
    if (!type.isValid())
        return;
    m_popup->hide();
    m_context.navigate(Location::entity(static_cast<EntityType>(type.toInt()),
                                        item->data(0, EntityKeyRole).toString()));
}

bool SearchBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_popup || event->type() != QEvent::KeyPress)
        return QLineEdit::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        openItem(m_popup->currentItem());
        return true;
    case Qt::Key_Escape:
        m_popup->hide();
        setFocus();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return false; // the tree moves its current item
    default:
        // Typing goes on in the field.
        QLineEdit::keyPressEvent(key);
        if (key->key() != Qt::Key_Shift && key->key() != Qt::Key_Control) {
            if (text().trimmed().isEmpty())
                m_popup->hide();
            else
                m_debounce.start();
        }
        return true;
    }
}

} // namespace sightline::ui
