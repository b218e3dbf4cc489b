#include "QueryRunner.h"

#include "CaseFile.h"

#include <QCoreApplication>
#include <QRunnable>

#include <optional>
#include <string>

namespace sightline::ui {

namespace {

// The connection of one pool thread.
struct ThreadConnection
{
    quint64 generation = 0;
    std::string path;
    std::optional<CaseFile> file;
    QString error;
};
thread_local ThreadConnection t_connection;

} // namespace

QueryRunner::QueryRunner(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    m_pool.setExpiryTimeout(10000);
}

QueryRunner::~QueryRunner()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void QueryRunner::setCasePath(const QString &path)
{
    m_pool.clear();
    m_path = path;
    ++m_generation;
}

void QueryRunner::waitForIdle()
{
    m_pool.waitForDone();
}

void QueryRunner::submit(Task task)
{
    const quint64 gen = m_generation.load();
    const std::string path = m_path.toStdString();
    m_pool.start([task = std::move(task), gen, path]() {
        ThreadConnection &c = t_connection;
        if (c.generation != gen || c.path != path) {
            c.file.reset();
            c.error.clear();
            c.generation = gen;
            c.path = path;
            if (path.empty()) {
                c.error = QCoreApplication::translate("QueryRunner", "No case is open.");
            } else {
                auto opened = CaseFile::open(path, CaseFile::Access::ReadOnly);
                if (opened.ok())
                    c.file.emplace(std::move(opened.value()));
                else
                    c.error = QCoreApplication::translate("QueryRunner", "Cannot read %1: %2")
                                  .arg(QString::fromStdString(path),
                                       QString::fromStdString(opened.error().detail));
            }
        }
        task(c.file ? &c.file->db() : nullptr, gen, c.error);
    });
}

} // namespace sightline::ui
