#pragma once
// The case at a glance, within the scope time and the account filter (Amazon Detective's
// summary in spirit): findings by severity (each opens the Findings page filtered to it),
// the principals with the most API calls and the instances with the most flow traffic, each
// with a sparkline over the scope, the case's time range and sources, and entity counts by
// type. Reads aggregates only (CaseSummary, CaseInfo).
#include "Page.h"
#include "queries/CaseInfo.h"
#include "queries/CaseSummary.h"

#include <array>

class QAbstractItemModel;
class QLabel;
class QToolButton;

namespace sightline::ui {

template <typename Row> class RowTableModel;
class LinkTableView;

class SummaryPage : public Page
{
    Q_OBJECT
public:
    explicit SummaryPage(CaseContext &context, QWidget *parent = nullptr);
    ~SummaryPage() override;
    QString title() const override;
    bool isLoading() const override { return m_slot.busy; }

    // For tests: the tables and the severity buttons (0 informational .. 4 critical).
    QAbstractItemModel *principalsModel() const;
    QAbstractItemModel *instancesModel() const;
    QAbstractItemModel *entityTypesModel() const;
    QAbstractItemModel *sourcesModel() const;
    QToolButton *severityButton(int label) const { return m_severity[size_t(label)]; }
    // The line with the case's data range and the scope time.
    QLabel *rangeLabel() const { return m_range; }

    struct FormatRow
    {
        QString format;
        qint64 files = 0, events = 0, records = 0, errors = 0;
    };

protected:
    void reload() override;
    void clear() override;

private:
    struct Loaded
    {
        Result<CaseOverview> overview = Error{};
        Result<CaseSummaryData> summary = Error{};
    };
    void show(Loaded &&loaded);

    JobSlot m_slot;
    QLabel *m_header = nullptr, *m_range = nullptr, *m_findingsNote = nullptr,
           *m_principalsNote = nullptr, *m_instancesNote = nullptr, *m_status = nullptr;
    std::array<QToolButton *, 5> m_severity{};
    RowTableModel<SummaryEntity> *m_principals = nullptr, *m_instances = nullptr;
    RowTableModel<std::pair<EntityType, int64_t>> *m_types = nullptr;
    RowTableModel<FormatRow> *m_formats = nullptr;
    LinkTableView *m_principalsView = nullptr, *m_instancesView = nullptr, *m_typesView = nullptr,
                  *m_formatsView = nullptr;
};

} // namespace sightline::ui
