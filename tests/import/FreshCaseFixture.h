#pragma once
// The fixture of the import behaviour and import pipeline suites: a temporary folder per test
// function, and new empty cases in it (case1.sightline, case2.sightline ...).
#include "ImportTestSupport.h"

#include <QObject>
#include <QTemporaryDir>

#include <optional>

namespace sightline::test {

class FreshCaseFixture : public QObject
{
protected:
    std::optional<QTemporaryDir> m_dir;
    std::optional<CaseFile> m_case;
    int m_caseCounter = 0;

    // A new empty case in m_case, in m_dir.
    bool newCase()
    {
        m_case.reset();
        auto c = CaseFile::openOrCreate(
            toStd(m_dir->filePath(QStringLiteral("case%1.sightline").arg(++m_caseCounter))));
        if (!c)
            return false;
        m_case.emplace(std::move(*c));
        return true;
    }

    // For the suite's init() and cleanup() slots.
    bool freshDir()
    {
        m_case.reset();
        m_dir.emplace();
        return m_dir->isValid();
    }
    void dropDir()
    {
        m_case.reset();
        m_dir.reset();
    }
};

} // namespace sightline::test
