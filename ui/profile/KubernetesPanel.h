#pragma once
// Kubernetes API activity of a cluster, pod, subject, address or the IAM identity behind a
// subject (KubernetesActivity): totals and a table of "<verb> <resource>" calls. Hidden when
// the entity made no Kubernetes calls.
#include "ProfilePanel.h"

namespace sightline::ui {

class KubernetesPanel : public ProfilePanel
{
    Q_OBJECT
public:
    KubernetesPanel(CaseContext &context, QWidget *parent = nullptr);
    void load(const ProfileRequest &request);
    void clearCalls();
    LinkTableView *table() const { return m_table; }
    RowModel *model() const { return m_model; }

signals:
    void dataReady(bool hasData);

private:
    CaseContext &m_context;
    RowModel *m_model = nullptr;
    LinkTableView *m_table = nullptr;
};

} // namespace sightline::ui
