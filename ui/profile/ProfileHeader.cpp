#include "ProfileHeader.h"

#include "EntityStyle.h"
#include "PlainText.h"
#include "SightlineLink.h"
#include "TimeText.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QPushButton>

namespace sightline::ui {

ProfileHeader::ProfileHeader(CaseContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_icon = new QLabel(this);
    m_icon->setFixedSize(40, 40);
    layout->addWidget(m_icon, 0, Qt::AlignTop);

    auto *text = new QGridLayout;
    text->setVerticalSpacing(1);
    m_typeName = plainLabel({}, this);
    m_title = plainLabel({}, this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_key = plainLabel({}, this);
    m_scope = plainLabel({}, this);
    for (QLabel *l : {m_typeName, m_title, m_key, m_scope}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setMinimumWidth(40);
    }
    m_typeName->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_key->setStyleSheet(QStringLiteral("color: palette(mid)"));
    text->addWidget(m_typeName, 0, 0);
    text->addWidget(m_title, 1, 0);
    text->addWidget(m_key, 2, 0);
    text->addWidget(m_scope, 3, 0);
    text->setColumnStretch(0, 1);
    layout->addLayout(text, 1);

    auto *buttons = new QVBoxLayout;
    m_copy = new QPushButton(tr("Copy Link"), this);
    m_copy->setToolTip(tr("Copy a sightline:// link to this profile and scope time"));
    m_graph = new QPushButton(tr("Show in Graph"), this);
    m_graph->setToolTip(tr("Open the relationship graph around this entity"));
    buttons->addWidget(m_copy);
    buttons->addWidget(m_graph);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(link());
        emit m_context.statusMessage(tr("Link copied"));
    });
    connect(m_graph, &QPushButton::clicked, this,
            [this] { m_context.navigate(Location::graph(m_type, m_keyText)); });
}

void ProfileHeader::showEntity(EntityType type, const QString &key, const QString &label)
{
    m_type = type;
    m_keyText = key;
    m_icon->setPixmap(typePixmap(type, 40));
    m_typeName->setText(typeDisplayName(type));
    setLabel(label);
    QString scope = tr("Scope: %1 – %2 %3")
                        .arg(TimeText::hour(m_context.scopeFrom()),
                             TimeText::hour(m_context.scopeTo()), TimeText::zoneName());
    const QString account = m_context.accountFilter();
    if (!account.isEmpty()) {
        scope += QStringLiteral(" · ") + tr("Account %1 only").arg(account);
        m_scope->setToolTip(
            tr("The account filter leaves out the events, findings, callers, keys and other "
               "entities of other accounts; addresses, user agents and other entities of no "
               "account stay."));
    } else {
        m_scope->setToolTip(QString());
    }
    m_scope->setText(scope);
}

void ProfileHeader::setLabel(const QString &label)
{
    const bool both = !label.isEmpty() && label != m_keyText;
    m_title->setText(both ? label : m_keyText);
    m_key->setText(both ? m_keyText : QString());
    m_key->setVisible(both);
    m_title->setToolTip(plainToolTip(m_keyText));
}

QString ProfileHeader::link() const
{
    SightlineLink l;
    l.casePath = m_context.casePath();
    l.location = Location::entity(m_type, m_keyText);
    l.from = m_context.scopeFrom();
    l.to = m_context.scopeTo();
    return l.toUrl().toString(QUrl::FullyEncoded);
}

} // namespace sightline::ui
