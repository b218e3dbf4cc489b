#pragma once
// Runs read-only queries off the GUI thread. Each pool thread keeps its own read-only
// connection to the open case (DESIGN.md: each reader thread opens its own connection),
// opened on first use and reopened when the case changes. Results come back as values on
// the thread of a context object, and only while they are still wanted: a JobSlot drops
// every result but the one from the slot's latest job (the user has moved on), and results
// computed for a case that has since been closed are dropped too.
#include "Database.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace sightline::ui {

// One per panel or query purpose, owned by the widget that shows the results.
struct JobSlot
{
    quint64 latest = 0;
    bool busy = false; // a job of this slot is running and still wanted
};

class QueryRunner : public QObject
{
    Q_OBJECT
public:
    explicit QueryRunner(QObject *parent = nullptr);
    ~QueryRunner() override;

    // Points the runner at a case file ("" closes). Jobs queued for the old case are dropped.
    void setCasePath(const QString &path);
    QString casePath() const { return m_path; }
    quint64 generation() const { return m_generation.load(); }

    // Runs work(db) on a pool thread; then done(result) on context's thread, unless a newer
    // job was started in slot, the case changed, or context was destroyed. When the case
    // cannot be opened, failed(message) runs instead (or the failed() signal is emitted).
    template <typename R>
    void run(QObject *context, JobSlot &slot, std::function<R(Database &)> work,
             std::function<void(R &&)> done, std::function<void(const QString &)> failed = {})
    {
        const quint64 ticket = ++slot.latest;
        slot.busy = true;
        JobSlot *slotPtr = &slot;
        auto deliverOk = [this, context, slotPtr, ticket, done](quint64 gen,
                                                                std::shared_ptr<R> value) {
            QMetaObject::invokeMethod(
                context,
                [this, slotPtr, ticket, gen, done, value]() {
                    if (slotPtr->latest != ticket)
                        return; // a newer job of the slot runs: it clears busy
                    if (gen != m_generation.load()) {
                        slotPtr->busy = false; // computed for a case since closed
                        return;
                    }
                    slotPtr->busy = false;
                    done(std::move(*value));
                },
                Qt::QueuedConnection);
        };
        auto deliverFail = [this, context, slotPtr, ticket, failed](quint64 gen, QString message) {
            QMetaObject::invokeMethod(
                context,
                [this, slotPtr, ticket, gen, failed, message]() {
                    if (slotPtr->latest != ticket)
                        return; // a newer job of the slot runs: it clears busy
                    if (gen != m_generation.load()) {
                        slotPtr->busy = false; // computed for a case since closed
                        return;
                    }
                    slotPtr->busy = false;
                    if (failed)
                        failed(message);
                    else
                        emit queryFailed(message);
                },
                Qt::QueuedConnection);
        };
        submit([work, deliverOk, deliverFail](Database *db, quint64 gen, const QString &error) {
            if (!db) {
                deliverFail(gen, error);
                return;
            }
            deliverOk(gen, std::make_shared<R>(work(*db)));
        });
    }

    // Like run(), for work that splits: work(db, part) runs for each part in [0, parts) at the
    // same time on up to that many pool threads, each with its own connection (the parts
    // share out the items themselves, e.g. through an atomic counter); then done(results,
    // one per part in part order) runs once on context's thread after the last part ends,
    // under the same conditions as run(). failed(message) runs instead when a part could
    // not open the case.
    template <typename R>
    void runSplit(QObject *context, JobSlot &slot, int parts,
                  std::function<R(Database &, int part)> work,
                  std::function<void(std::vector<R> &&)> done,
                  std::function<void(const QString &)> failed = {})
    {
        parts = std::max(parts, 1);
        const quint64 ticket = ++slot.latest;
        slot.busy = true;
        JobSlot *slotPtr = &slot;
        struct Shared
        {
            std::mutex mutex;
            std::vector<R> results;
            int remaining = 0;
            QString error;
            bool failed = false;
        };
        auto shared = std::make_shared<Shared>();
        shared->results.resize(static_cast<size_t>(parts));
        shared->remaining = parts;
        auto deliver = [this, context, slotPtr, ticket, done, failed, shared](quint64 gen) {
            QMetaObject::invokeMethod(
                context,
                [this, slotPtr, ticket, gen, done, failed, shared]() {
                    if (slotPtr->latest != ticket)
                        return; // a newer job of the slot runs: it clears busy
                    slotPtr->busy = false;
                    if (gen != m_generation.load())
                        return; // computed for a case since closed
                    if (!shared->failed)
                        done(std::move(shared->results));
                    else if (failed)
                        failed(shared->error);
                    else
                        emit queryFailed(shared->error);
                },
                Qt::QueuedConnection);
        };
        for (int part = 0; part < parts; ++part) {
            submit([work, deliver, shared, part](Database *db, quint64 gen, const QString &error) {
                R value{};
                if (db)
                    value = work(*db, part);
                bool last = false;
                {
                    std::lock_guard<std::mutex> lock(shared->mutex);
                    if (db) {
                        shared->results[static_cast<size_t>(part)] = std::move(value);
                    } else {
                        shared->failed = true;
                        shared->error = error;
                    }
                    last = --shared->remaining == 0;
                }
                if (last)
                    deliver(gen);
            });
        }
    }

    // Waits until every running job has finished (tests, shutdown).
    void waitForIdle();
    QThreadPool &pool() { return m_pool; }

signals:
    void queryFailed(const QString &message);

private:
    using Task = std::function<void(Database *, quint64, const QString &)>;
    void submit(Task task);

    QString m_path;
    std::atomic<quint64> m_generation{1};
    QThreadPool m_pool;
};

} // namespace sightline::ui
