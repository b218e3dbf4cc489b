// The tool bar, the context menu and export of the graph widget.
#include "EntityStyle.h"
#include "GraphItems.h"
#include "GraphText.h"
#include "GraphView.h"
#include "GraphWidget.h"
#include "PlainText.h"

#include <QAction>
#include <QFileDialog>
#include <QGraphicsScene>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolBar>
#include <QToolButton>

namespace sightline::ui {

namespace {

// The drawing's extent with a margin, in scene coordinates.
QRectF exportRect(const QGraphicsScene &scene)
{
    return scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
}

} // namespace

void GraphWidget::createToolBar()
{
    m_bar = new QToolBar(this);
    m_bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->setIconSize(QSize(16, 16));
    QAction *fit = m_bar->addAction(tr("Fit"), this, [this] { m_view->fitAll(); });
    fit->setToolTip(tr("Fit the graph in the view (Ctrl+0)"));
    m_bar->addAction(tr("Zoom In"), this, [this] { m_view->zoomBy(1.25); })
        ->setToolTip(tr("Zoom in (Ctrl+=, mouse wheel)"));
    m_bar->addAction(tr("Zoom Out"), this, [this] { m_view->zoomBy(1 / 1.25); })
        ->setToolTip(tr("Zoom out (Ctrl+-, mouse wheel)"));
    m_bar->addAction(tr("Re-layout"), this, &GraphWidget::relayout)
        ->setToolTip(tr("Lay out again every node that is not pinned"));
    m_bar->addSeparator();

    auto addMenu = [this](const QString &text, QMenu *menu) {
        auto *button = new QToolButton(m_bar);
        button->setText(text);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        m_bar->addWidget(button);
    };
    m_typeMenu = new QMenu(this);
    for (int t = 1; t <= kEntityTypeCount; ++t) {
        const auto type = static_cast<EntityType>(t);
        if (type == EntityType::FindingGroup)
            continue;
        QAction *a = m_typeMenu->addAction(typeIcon(type), typePluralName(type));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(t);
        connect(a, &QAction::toggled, this, [this, type](bool on) { setTypeVisible(type, on); });
    }
    addMenu(tr("Types"), m_typeMenu);
    m_relationMenu = new QMenu(this);
    for (int r = 1; r <= kRelationCount; ++r) {
        const auto relation = static_cast<Relation>(r);
        QAction *a = m_relationMenu->addAction(relationDisplayName(relation));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(r);
        connect(a, &QAction::toggled, this,
                [this, relation](bool on) { setRelationVisible(relation, on); });
    }
    addMenu(tr("Relations"), m_relationMenu);
    m_showHidden = m_bar->addAction(tr("Show Hidden"), this, &GraphWidget::showHiddenNodes);
    m_showHidden->setEnabled(false);
    m_bar->addSeparator();
    m_pathAction =
        m_bar->addAction(tr("Shortest Paths"), this, &GraphWidget::findPathsBetweenSelected);
    m_pathAction->setToolTip(tr("Select two nodes (Ctrl+click) to show the shortest paths "
                                "between them within the scope time"));
    m_pathAction->setEnabled(false);
    m_bar->addSeparator();
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(tr("SVG…"), this, [this] { chooseExport(true); });
    exportMenu->addAction(tr("PNG…"), this, [this] { chooseExport(false); });
    addMenu(tr("Export"), exportMenu);
}

void GraphWidget::showContextMenu(qint64 id, const QPoint &globalPos)
{
    const VisibleNode *n = m_visible.find(id);
    if (!n)
        return;
    QMenu menu(this);
    if (n->isGroup()) {
        menu.addAction(tr("Show Members…"), this, [this, id] { openGroup(id); });
    } else {
        if (n->expanded)
            menu.addAction(tr("Collapse"), this, [this, id] { collapseNode(id); });
        else
            menu.addAction(tr("Expand"), this, [this, id] { expandNode(id); });
        menu.addAction(tr("Open Profile"), this, [this, id] { openNode(id); });
        const Location there = Location::graph(n->node.entity.type, qs(n->node.entity.key));
        menu.addAction(tr("New Graph From Here"), this,
                       [this, there] { m_context.navigate(there); });
        menu.addSeparator();
        QAction *pin =
            menu.addAction(tr("Pinned"), this, [this, id](bool on) { setPinned(id, on); });
        pin->setCheckable(true);
        pin->setChecked(m_pinned.contains(id));
    }
    if (!n->root)
        menu.addAction(tr("Hide"), this, [this, id] { hideNode(id); });
    if (m_pathAction->isEnabled()) {
        menu.addSeparator();
        menu.addAction(m_pathAction);
    }
    menu.exec(globalPos);
}

bool GraphWidget::exportSvg(const QString &path) const
{
    const QRectF source = exportRect(*m_scene);
    if (source.isEmpty())
        return false;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(tr("Sightline relationship graph"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    return painter.end();
}

bool GraphWidget::exportPng(const QString &path) const
{
    const QRectF source = exportRect(*m_scene);
    if (source.isEmpty())
        return false;
    // Twice the screen size for sharp text, within a sane image size.
    const qreal scale = qMin(2.0, 12000.0 / qMax(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    return image.save(path, "PNG");
}

void GraphWidget::chooseExport(bool svg)
{
    const QString path = svg ? QFileDialog::getSaveFileName(this, tr("Export Graph"), QString(),
                                                            tr("SVG images (*.svg)"))
                             : QFileDialog::getSaveFileName(this, tr("Export Graph"), QString(),
                                                            tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!(svg ? exportSvg(path) : exportPng(path)))
        QMessageBox::warning(this, tr("Export Graph"), tr("Cannot write %1.").arg(path));
}

} // namespace sightline::ui
