#include "RelationsPanel.h"

#include "EntityStyle.h"
#include "LinkTableView.h"
#include "PlainText.h"

#include <QVBoxLayout>

namespace sightline::ui {

QString relationText(Relation r, bool out)
{
    switch (r) {
    case Relation::CalledFrom:
        return out ? RelationsPanel::tr("called from") : RelationsPanel::tr("was the address of");
    case Relation::UsedAgent:
        return out ? RelationsPanel::tr("used agent") : RelationsPanel::tr("was used by");
    case Relation::UsesKey:
        return out ? RelationsPanel::tr("used key") : RelationsPanel::tr("was used by");
    case Relation::Assumed:
        return out ? RelationsPanel::tr("assumed") : RelationsPanel::tr("was assumed by");
    case Relation::ActedOn:
        return out ? RelationsPanel::tr("acted on") : RelationsPanel::tr("was acted on by");
    case Relation::SessionOf:
        return out ? RelationsPanel::tr("is a session of") : RelationsPanel::tr("has session");
    case Relation::InAccount:
        return out ? RelationsPanel::tr("in account") : RelationsPanel::tr("holds");
    case Relation::Owns:
        return out ? RelationsPanel::tr("owns") : RelationsPanel::tr("is owned by");
    case Relation::IssuedKey:
        return out ? RelationsPanel::tr("was issued key") : RelationsPanel::tr("was issued to");
    case Relation::TalkedTo:
        return out ? RelationsPanel::tr("talked to") : RelationsPanel::tr("was talked to by");
    case Relation::Involves:
        return out ? RelationsPanel::tr("involves") : RelationsPanel::tr("is involved in");
    case Relation::Created:
        return out ? RelationsPanel::tr("created") : RelationsPanel::tr("was created by");
    case Relation::QueriedBy:
        return out ? RelationsPanel::tr("was queried by") : RelationsPanel::tr("queried");
    case Relation::RunsIn:
        return out ? RelationsPanel::tr("runs in") : RelationsPanel::tr("runs");
    case Relation::UsesImage:
        return out ? RelationsPanel::tr("uses image") : RelationsPanel::tr("is the image of");
    case Relation::RunsAs:
        return out ? RelationsPanel::tr("runs as") : RelationsPanel::tr("is the identity of");
    case Relation::AuthenticatedAs:
        return out ? RelationsPanel::tr("authenticated as") : RelationsPanel::tr("authenticated");
    case Relation::ResolvesTo:
        return out ? RelationsPanel::tr("resolves to") : RelationsPanel::tr("is an answer for");
    }
    return {};
}

RelationsPanel::RelationsPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Resource interaction"), parent)
{
    m_model = new RowModel(
        {tr("Relation"), tr("Entity"), tr("Type"), tr("Count"), tr("First seen"), tr("Last seen")},
        this);
    m_table = makeTable(context, m_model, this);
    m_table->setEntityColumn(-1);
    m_table->setColumnWidth(0, 160);
    m_table->setColumnWidth(1, 320);
    m_table->setColumnWidth(2, 130);
    m_table->setColumnWidth(3, 70);
    fitTimeColumns(m_table, {4, 5});
    m_table->setObjectName(QStringLiteral("relations"));
    body()->addWidget(m_table);
}

bool RelationsPanel::hasRows() const
{
    return m_model->rowCount() > 0;
}

void RelationsPanel::setProfile(const ProfileData &p)
{
    std::vector<Row> rows;
    for (const EdgeInfo &e : p.edges.edges) {
        // Callers, addresses, agents, keys, accounts and findings have their own tables.
        switch (e.relation) {
        case Relation::CalledFrom:
        case Relation::UsedAgent:
        case Relation::UsesKey:
        case Relation::InAccount:
        case Relation::Involves:
            continue;
        default:
            break;
        }
        Row row;
        row.cells = {RowCell(relationText(e.relation, e.outgoing)),
                     RowCell(displayName(e.other)),
                     RowCell(typeDisplayName(e.other.type)),
                     numberCell(e.count),
                     timeCell(e.seen.first),
                     timeCell(e.seen.last)};
        if (e.other.valid()) {
            row.type = e.other.type;
            row.key = qs(e.other.key);
        }
        rows.push_back(std::move(row));
    }
    m_model->setRows(std::move(rows));
}

} // namespace sightline::ui
