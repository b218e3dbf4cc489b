#include "DrillDownPanel.h"

#include "EntityStyle.h"
#include "LinkTableView.h"
#include "PlainText.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct ModeSpec
{
    const char *name;
    const char *titles[3];
    Facet second, third;
};

// Facets of the second and third tables per mode.
const ModeSpec kModes[DrillDownPanel::ModeCount] = {
    {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "By IP address → API → caller"),
     {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "IP addresses"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "APIs called from it"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "Callers of that API")},
     Facet::Api,
     Facet::Principal},
    {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "By API → IP address → access key"),
     {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "APIs by service"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "IP addresses it was called from"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "Access keys used")},
     Facet::Ip,
     Facet::AccessKey},
    {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel",
                       "By access key or resource → IP address → API"),
     {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "Access keys and resources"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "IP addresses"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "APIs called")},
     Facet::Ip,
     Facet::Api},
    {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "By caller → API → IP address"),
     {QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "Callers"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "APIs they called"),
      QT_TRANSLATE_NOOP("sightline::ui::DrillDownPanel", "IP addresses used")},
     Facet::Api,
     Facet::Ip},
};

QString apiText(const std::string &serviceColonName)
{
    const QString s = qs(serviceColonName);
    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return s;
    QString service = s.left(colon);
    service.remove(QStringLiteral(".amazonaws.com"));
    return service.isEmpty() ? s.mid(colon + 1)
                             : service + QStringLiteral(" · ") + s.mid(colon + 1);
}

Row facetRow(const FacetValue &v, qint64 ok, qint64 failed, SeenSpan seen)
{
    std::vector<RowCell> cells = {numberCell(ok + failed), numberCell(failed), timeCell(seen.first),
                                  timeCell(seen.last)};
    if (!v.api.empty()) {
        Row row;
        row.cells.push_back(RowCell(apiText(v.api)));
        for (RowCell &c : cells)
            row.cells.push_back(std::move(c));
        row.user = qs(v.api);
        return row;
    }
    if (!v.entity.valid()) {
        Row row;
        row.cells.push_back(RowCell(DrillDownPanel::tr("(none)")));
        for (RowCell &c : cells)
            row.cells.push_back(std::move(c));
        return row;
    }
    Row row = entityRow(v.entity, std::move(cells));
    row.user = QVariant::fromValue<qint64>(v.entity.id);
    return row;
}

// One row per first facet of a breakdown (its rows come grouped by it); user holds the index
// of the group's first breakdown row.
std::vector<Row> groupByFirst(const BreakdownData &b)
{
    std::vector<Row> rows;
    for (size_t i = 0; i < b.rows.size();) {
        const FacetValue &v = b.rows[i].first;
        qint64 ok = 0, failed = 0;
        SeenSpan seen{b.rows[i].seen.first, 0};
        size_t j = i;
        for (; j < b.rows.size() && !(v < b.rows[j].first) && !(b.rows[j].first < v); ++j) {
            ok += b.rows[j].successes;
            failed += b.rows[j].failures;
            seen.first = std::min(seen.first, b.rows[j].seen.first);
            seen.last = std::max(seen.last, b.rows[j].seen.last);
        }
        Row row = facetRow(v, ok, failed, seen);
        row.user = static_cast<qint64>(i);
        rows.push_back(std::move(row));
        i = j;
    }
    return rows;
}

// Runs an EventBreakdown of the request's entity (and the account filter's account when it
// narrows the entity) off the GUI thread.
Loaded<BreakdownData> loadBreakdown(Database &db, const ProfileRequest &request,
                                    BreakdownFilter filter)
{
    Loaded<BreakdownData> out;
    const auto target = resolveInFilter(db, request, out.error);
    if (!target)
        return out;
    filter.entity = target->entity.id;
    filter.account = target->account;
    auto data = EventBreakdown(db).load(filter);
    if (!data)
        out.error = errorText(data.error());
    else
        out.value = std::move(*data);
    return out;
}

} // namespace

DrillDownPanel::DrillDownPanel(CaseContext &context, QWidget *parent)
    : ProfilePanel(tr("Drill down"), parent), m_context(context)
{
    m_modes = new QComboBox(this);
    auto *top = new QHBoxLayout;
    top->addWidget(plainLabel(tr("View:"), this));
    top->addWidget(m_modes);
    top->addStretch();
    body()->addLayout(top);
    auto *grid = new QGridLayout;
    const QStringList headers = {tr("Name"), tr("Calls"), tr("Failed"), tr("First seen"),
                                 tr("Last seen")};
    for (int level = 0; level < 3; ++level) {
        m_titles[level] = plainLabel({}, this);
        QFont bold = m_titles[level]->font();
        bold.setBold(true);
        m_titles[level]->setFont(bold);
        m_models[level] = new RowModel(headers, this);
        m_tables[level] = makeTable(context, m_models[level], this);
        m_tables[level]->setObjectName(QStringLiteral("drill%1").arg(level));
        m_tables[level]->setColumnWidth(0, 200);
        m_tables[level]->setColumnWidth(1, 60);
        m_tables[level]->setColumnWidth(2, 55);
        fitTimeColumns(m_tables[level], {3, 4});
        grid->addWidget(m_titles[level], 0, level);
        grid->addWidget(m_tables[level], 1, level, Qt::AlignTop);
        // The three tables keep one height, whatever their rows.
        connect(m_models[level], &QAbstractItemModel::modelReset, m_tables[level],
                [view = m_tables[level]] { fitRows(view, 8, 8); });
        fitRows(m_tables[level], 8, 8);
        grid->setColumnStretch(level, 1);
    }
    body()->addLayout(grid);
    connect(m_modes, &QComboBox::activated, this,
            [this](int index) { setMode(static_cast<Mode>(m_modes->itemData(index).toInt())); });
    connect(m_tables[0]->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DrillDownPanel::firstPicked);
    connect(m_tables[1]->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DrillDownPanel::secondPicked);
}

void DrillDownPanel::clearTables()
{
    cancel();
    ++m_apiSlot.latest;
    m_apiSlot.busy = false;
    m_apiReady = false;
    m_api = {};
    m_hasPending = false;
    for (RowModel *m : m_models)
        m->clear();
    m_breakdown = {};
}

bool DrillDownPanel::hasRows() const
{
    return m_modes->count() > 0;
}

void DrillDownPanel::setProfile(const ProfileData &profile, const ProfileRequest &request)
{
    const bool sameEntity = request.type == m_request.type && request.key == m_request.key;
    m_profile = profile;
    m_request = request;
    m_narrow = profile.callsAllAccounts;
    // The views whose first table has rows.
    const bool has[ModeCount] = {
        !profile.ips.rows.empty(), !profile.apis.empty(),
        !profile.accessKeys.rows.empty() || !profile.resources.rows.empty(),
        !profile.principals.rows.empty() && !isPrincipalType(request.type)};
    const Mode before = sameEntity ? m_mode : ModeCount; // a new entity: its first view
    m_modes->clear();
    for (int m = 0; m < ModeCount; ++m)
        if (has[m])
            m_modes->addItem(tr(kModes[m].name), m);
    if (m_modes->count() == 0) {
        clearTables();
        return;
    }
    const int keep = m_modes->findData(static_cast<int>(before));
    m_modes->setCurrentIndex(keep >= 0 ? keep : 0);
    m_mode = static_cast<Mode>(m_modes->currentData().toInt());
    fillFirst();
}

void DrillDownPanel::setMode(Mode mode)
{
    const int index = m_modes->findData(static_cast<int>(mode));
    if (index < 0)
        return;
    m_modes->setCurrentIndex(index);
    m_mode = mode;
    fillFirst();
}

void DrillDownPanel::fillFirst()
{
    cancel();
    m_firstNote.clear();
    for (int level = 0; level < 3; ++level)
        m_titles[level]->setText(tr(kModes[m_mode].titles[level]));
    std::vector<Row> rows;
    auto addPeers = [&rows](const PeerList &list) {
        for (const PeerStat &s : list.rows) {
            FacetValue v;
            v.entity = s.entity;
            Row row = facetRow(v, s.fromRelations ? s.calls : s.successes,
                               s.fromRelations ? 0 : s.failures, s.seen);
            rows.push_back(std::move(row));
        }
    };
    switch (m_mode) {
    case ByIp:
        addPeers(m_profile.ips);
        break;
    case ByApi:
        if (m_narrow) { // the aggregates count every account: read the account's events
            showNarrowedApis();
            return;
        }
        for (const ApiStat &a : m_profile.apis) {
            FacetValue v;
            v.api = a.service + ":" + a.name;
            rows.push_back(facetRow(v, a.successes, a.failures, a.seen));
        }
        break;
    case ByKeyOrResource:
        addPeers(m_profile.accessKeys);
        addPeers(m_profile.resources);
        break;
    case ByCaller:
        addPeers(m_profile.principals);
        break;
    case ModeCount:
        break;
    }
    setFirstRows(std::move(rows));
    showNote(m_profile.breakdownByDay
                 ? tr("Pick a row to drill down. First table: whole UTC days at the edges of the "
                      "scope time.")
                 : tr("Pick a row to drill down."));
}

void DrillDownPanel::setFirstRows(std::vector<Row> rows)
{
    m_models[0]->setRows(std::move(rows));
    m_models[1]->clear();
    m_models[2]->clear();
    m_tables[0]->sortByColumn(1, Qt::DescendingOrder);
    // Start with the busiest row picked, so the next tables show something at once.
    if (m_models[0]->rowCount() > 0)
        m_tables[0]->setCurrentIndex(m_tables[0]->model()->index(0, 0));
}

void DrillDownPanel::prefetch(const ProfileRequest &request)
{
    ++m_apiSlot.latest;
    m_apiSlot.busy = false;
    m_apiReady = false;
    m_api = {};
    m_hasPending = false;
    if (request.account.isEmpty())
        return;
    BreakdownFilter first;
    first.range = request.range();
    first.first = Facet::Api;
    first.second = Facet::Principal;
    first.cap = kFirstCap;
    BreakdownFilter second;
    second.range = request.range();
    second.first = kModes[ByApi].second;
    second.second = kModes[ByApi].third;
    second.cap = kCap;
    m_context.runner().run<NarrowedApis>(
        this, m_apiSlot,
        [request, first, second](Database &db) {
            NarrowedApis out;
            auto entity = resolveEntity(db, request);
            if (!entity) {
                out.error = errorText(entity.error());
                return out;
            }
            if (!filterNarrows(request, *entity))
                return out; // its aggregates are the account's: the profile's table serves
            out.narrowed = true;
            Loaded<BreakdownData> apis = loadBreakdown(db, request, first);
            if (!apis.ok()) {
                out.error = apis.error;
                return out;
            }
            out.apis = std::move(apis.value);
            if (out.apis.rows.empty())
                return out;
            // The busiest API's breakdown, which the panel shows first.
            BreakdownFilter f = second;
            f.api = out.apis.rows.front().first.api;
            Loaded<BreakdownData> busiest = loadBreakdown(db, request, f);
            if (!busiest.ok()) {
                out.error = busiest.error;
                return out;
            }
            out.busiestApi = f.api;
            out.busiest = std::move(busiest.value);
            return out;
        },
        [this, request](NarrowedApis &&result) {
            m_api = std::move(result);
            m_apiReady = true;
            if (m_narrow && m_mode == ByApi && m_modes->count() > 0)
                showNarrowedApis();
        },
        [this](const QString &message) {
            m_api = {};
            m_api.error = message;
            m_apiReady = true;
            if (m_narrow && m_mode == ByApi && m_modes->count() > 0)
                showNarrowedApis();
        });
}

void DrillDownPanel::showNarrowedApis()
{
    cancel();
    m_models[0]->clear();
    m_models[1]->clear();
    m_models[2]->clear();
    if (!m_apiReady) { // the job started with the profile brings them
        showLoading();
        return;
    }
    if (!m_api.error.isEmpty()) {
        showError(m_api.error);
        return;
    }
    std::vector<Row> rows = groupByFirst(m_api.apis);
    for (Row &row : rows) // the API itself is what the next tables filter on
        row.user = qs(m_api.apis.rows[static_cast<size_t>(row.user.toLongLong())].first.api);
    m_firstNote = firstNarrowedNote(m_api.apis, m_request);
    m_hasPending = !m_api.busiestApi.empty();
    m_pendingApi = m_api.busiestApi;
    m_pending = m_api.busiest;
    setFirstRows(std::move(rows)); // picks the busiest row: its breakdown is shown at once
    m_hasPending = false;
    if (m_models[0]->rowCount() == 0)
        showNote(m_firstNote);
}

QString DrillDownPanel::firstNarrowedNote(const BreakdownData &b, const ProfileRequest &request)
{
    return b.partial ? tr("First table: the APIs of the %1 most recent events in account %2 "
                          "(the entity's call counts cover every account).")
                           .arg(QLocale().toString(qint64(b.events)), request.account)
                     : tr("First table: the APIs of all %1 events in account %2 (the entity's "
                          "call counts cover every account).")
                           .arg(QLocale().toString(qint64(b.events)), request.account);
}

int DrillDownPanel::sourceRow(int level) const
{
    const QModelIndex current = m_tables[level]->currentIndex();
    if (!current.isValid())
        return -1;
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(m_tables[level]->model());
    return proxy ? proxy->mapToSource(current).row() : current.row();
}

void DrillDownPanel::firstPicked()
{
    const int r = sourceRow(0);
    m_models[1]->clear();
    m_models[2]->clear();
    if (r < 0)
        return;
    const Row &row = m_models[0]->row(r);
    BreakdownFilter filter;
    if (row.user.typeId() == QMetaType::QString)
        filter.api = row.user.toString().toStdString();
    else if (row.user.isValid())
        filter.other = row.user.toLongLong();
    else
        return; // "(none)"
    const ProfileRequest request = m_request;
    if (m_hasPending && !filter.api.empty() && filter.api == m_pendingApi) {
        // Read with the first table (the busiest API of the account's events).
        m_hasPending = false;
        cancel();
        showBreakdown(std::move(m_pending), request);
        return;
    }
    filter.range = m_request.range();
    filter.first = kModes[m_mode].second;
    filter.second = kModes[m_mode].third;
    filter.cap = kCap;
    showLoading();
    m_context.runner().run<Loaded<BreakdownData>>(
        this, slot(),
        [request, filter](Database &db) { return loadBreakdown(db, request, filter); },
        [this, request](Loaded<BreakdownData> &&loaded) {
            if (!loaded.ok()) {
                showError(loaded.error);
                return;
            }
            showBreakdown(std::move(loaded.value), request);
        },
        [this](const QString &message) { showError(message); });
}

void DrillDownPanel::showBreakdown(BreakdownData &&data, const ProfileRequest &request)
{
    m_breakdown = std::move(data);
    // Second table: per first facet of the breakdown.
    m_models[1]->setRows(groupByFirst(m_breakdown));
    m_tables[1]->sortByColumn(1, Qt::DescendingOrder);
    if (m_models[1]->rowCount() > 0)
        m_tables[1]->setCurrentIndex(m_tables[1]->model()->index(0, 0));
    QString note = m_breakdown.partial
                       ? tr("The second and third tables count the %1 most recent events of "
                            "the picked row; it has more in the scope time.")
                             .arg(QLocale().toString(qint64(m_breakdown.events)))
                       : tr("The second and third tables count all %1 events of the picked "
                            "row in the scope time.")
                             .arg(QLocale().toString(qint64(m_breakdown.events)));
    if (m_narrow)
        note +=
            QLatin1Char(' ') + tr("Account filter: only events in account %1 or by its principals.")
                                   .arg(request.account);
    if (!m_firstNote.isEmpty())
        note = m_firstNote + QLatin1Char(' ') + note;
    showNote(note);
}

void DrillDownPanel::secondPicked()
{
    const int r = sourceRow(1);
    m_models[2]->clear();
    if (r < 0)
        return;
    const auto start = static_cast<size_t>(m_models[1]->row(r).user.toLongLong());
    if (start >= m_breakdown.rows.size())
        return;
    const FacetValue group = m_breakdown.rows[start].first;
    std::vector<Row> rows;
    for (size_t i = start; i < m_breakdown.rows.size(); ++i) {
        const BreakdownRow &b = m_breakdown.rows[i];
        if (group < b.first || b.first < group)
            break;
        rows.push_back(facetRow(b.second, b.successes, b.failures, b.seen));
    }
    m_models[2]->setRows(std::move(rows));
    m_tables[2]->sortByColumn(1, Qt::DescendingOrder);
}

} // namespace sightline::ui
