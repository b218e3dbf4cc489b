#pragma once
// A panel of the entity profile: a titled box with a status line ("Loading…", an error, or
// a note) above its content, and the JobSlot its query runs in. Panels without data for the
// entity are hidden by their owner. Also the table helpers the panels share.
#include "CaseContext.h"
#include "Database.h"
#include "QueryRunner.h"
#include "Result.h"
#include "models/RowModel.h"
#include "queries/ResultTypes.h"

#include <QGroupBox>

#include <initializer_list>
#include <optional>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QVBoxLayout;

namespace sightline::ui {

class LinkTableView;
class RowModel;

// What a profile shows: one entity within the scope time (and account filter).
struct ProfileRequest
{
    EntityType type = EntityType::AwsAccount;
    QString key;
    qint64 from = 0, to = 0; // the scope, epoch ms
    QString account;
    TimeRange range() const
    {
        TimeRange r;
        if (to > from) {
            r.from = from;
            r.to = to;
        }
        return r;
    }
};

class ProfilePanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit ProfilePanel(const QString &title, QWidget *parent = nullptr);

    JobSlot &slot() { return m_slot; }
    bool busy() const { return m_slot.busy; }
    // Drops whatever job is running (its result will be ignored).
    void cancel()
    {
        ++m_slot.latest;
        m_slot.busy = false;
    }

    void showLoading();
    void showError(const QString &message);
    void showNote(const QString &note); // "" hides the status line
    QVBoxLayout *body() const { return m_body; }
    QLabel *statusLabel() const { return m_status; }

private:
    JobSlot m_slot;
    QLabel *m_status = nullptr;
    QVBoxLayout *m_body = nullptr;
};

// A query's outcome as a panel receives it: the value, or the error text.
template <typename T> struct Loaded
{
    T value{};
    QString error; // "" on success
    bool ok() const { return error.isEmpty(); }
};

// The entity a request names (NotFound when the case has no such entity).
Result<EntityRef> resolveEntity(Database &db, const ProfileRequest &request);

// Whether the request's account filter narrows what the entity's own aggregates count: a
// filter is set and the entity is not of that account (an address, a user agent, or an entity
// of another account). Entities of the filtered account keep all of their events.
bool filterNarrows(const ProfileRequest &request, const EntityRef &entity);
// The AwsAccount entity every listed event must also involve to honour the account filter:
// 0 when nothing is narrowed (see filterNarrows), -1 when the case holds no such account (no
// event matches).
Result<int64_t> filterAccountEntity(Database &db, const ProfileRequest &request,
                                    const EntityRef &entity);
// The request's entity and its filterAccountEntity() (0 or an account entity's id). Nothing
// when either lookup fails (error says why) or when the case holds no account of the filter
// (error stays empty: no event matches).
struct EntityInFilter
{
    EntityRef entity;
    int64_t account = 0;
};
std::optional<EntityInFilter> resolveInFilter(Database &db, const ProfileRequest &request,
                                              QString &error);
QString errorText(const Error &error);

// "christophe" for an entity with a label, else its key.
QString displayName(const EntityRef &entity);
// A row standing for entity: its name in column 0 (then cells).
Row entityRow(const EntityRef &entity, std::vector<RowCell> cells = {});

// The line a chart panel shows above its chart when the account filter cannot narrow the
// chart (the case keeps the entity's totals without a split by account): plain text, hidden
// until a panel sets it.
QLabel *makeChartAccountLabel(QWidget *parent);
// Shows on label that the chart counts every account when the filter narrows the entity;
// hides it otherwise.
void showChartAccount(QLabel *label, const ProfileRequest &request, bool narrows);

// A sortable link table over model (through a proxy sorting on SortRole).
LinkTableView *makeTable(CaseContext &context, RowModel *model, QWidget *parent);
// Sets the columns of view that hold times (timeCell) wide enough for a whole time in the
// chosen time zone, so that none is elided.
void fitTimeColumns(QTableView *view, std::initializer_list<int> columns);
// Sizes a table to show its rows (between minRows and maxRows) without its own scrolling
// where possible: the profile scrolls as a whole.
void fitRows(LinkTableView *view, int minRows = 3, int maxRows = 10);

} // namespace sightline::ui
