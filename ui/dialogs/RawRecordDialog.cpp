#include "RawRecordDialog.h"

#include "PlainText.h"
#include "queries/RawRecordReader.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sightline::ui {

namespace {

struct RawOutcome
{
    RawRecord record;
    QString error;
};

} // namespace

QString RawRecordDialog::prettyJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray()))
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(text);
}

RawRecordDialog::RawRecordDialog(CaseContext &context, qint64 eventId, QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setWindowTitle(tr("Raw record"));
    resize(760, 620);
    auto *layout = new QVBoxLayout(this);
    m_source = plainLabel(tr("Loading…"), this);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_source);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    m_copy->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });

    context.runner().run<RawOutcome>(
        this, m_slot,
        [eventId](Database &db) {
            RawOutcome out;
            auto record = RawRecordReader(db).fetch(eventId);
            if (!record)
                out.error = qs(record.error().detail);
            else
                out.record = std::move(*record);
            return out;
        },
        [this](RawOutcome &&outcome) {
            if (!outcome.error.isEmpty()) {
                m_source->setText(tr("Could not read the raw record: %1").arg(outcome.error));
                return;
            }
            const RawRecord &r = outcome.record;
            m_path = qs(r.sourcePath);
            m_line = r.line;
            m_source->setText(r.line ? tr("Source: %1, line %2").arg(m_path).arg(r.line)
                                     : tr("Source: %1, byte offset %2").arg(m_path).arg(r.offset));
            if (r.text.empty()) {
                m_text->setPlainText(tr("The case holds no raw record for this event."));
                return;
            }
            m_text->setPlainText(prettyJson(QByteArray::fromStdString(r.text)));
            m_copy->setEnabled(true);
        },
        [this](const QString &message) {
            m_source->setText(tr("Could not read the raw record: %1").arg(message));
        });
}

QString RawRecordDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace sightline::ui
