#pragma once
// The raw record of one event as it was in the evidence (RawRecordReader), pretty-printed
// when it is JSON, read-only, with its source file and line and a Copy button. Loads off the
// GUI thread.
#include "CaseContext.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace sightline::ui {

class RawRecordDialog : public QDialog
{
    Q_OBJECT
public:
    RawRecordDialog(CaseContext &context, qint64 eventId, QWidget *parent = nullptr);

    bool isLoading() const { return m_slot.busy; }
    QString text() const;
    QString sourcePath() const { return m_path; }
    qint64 line() const { return m_line; }
    QLabel *sourceLabel() const { return m_source; }

    // Indented JSON when text is a JSON object or array, else the text as it is.
    static QString prettyJson(const QByteArray &text);

private:
    CaseContext &m_context;
    JobSlot m_slot;
    QLabel *m_source = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QString m_path;
    qint64 m_line = 0;
};

} // namespace sightline::ui
