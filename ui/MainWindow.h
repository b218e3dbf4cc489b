#pragma once
// The investigator's window: menus and shortcuts, the search field, Back / Forward, the
// scope bar and account filter, and the pages in a stack. It owns the CaseContext that
// every page shares and records visited locations for Back / Forward.
#include "CaseContext.h"
#include "Location.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QComboBox;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace sightline::ui {

class Page;
class ScopeBar;
class SearchBox;
struct SightlineLink;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseContext &context() { return *m_context; }
    SearchBox *searchBox() const { return m_search; }
    ScopeBar *scopeBar() const { return m_scopeBar; }
    Page *currentPage() const;
    Page *page(Location::Page page, EntityType type = EntityType::AwsAccount) const;

    // Opens a case file; on failure shows why and keeps what was open. Asynchronous: emits
    // caseOpened or caseOpenFailed. then (optional) runs once the case is open.
    void openCase(const QString &path, std::function<void()> then = {});
    // Creates a new, empty case file (replacing an empty file) and opens it; then as in openCase.
    void newCase(const QString &path, std::function<void()> then = {});
    // Opens a sightline:// link (possibly in another case). Returns false with a message
    // box (unless quiet) when the link is malformed.
    bool openLink(const QString &link, bool quiet = false);
    // Imports files and folders into the open case (asks for a new case when none is open).
    void importPaths(const QStringList &paths);
    // The sightline:// link of what is shown now, within the scope time.
    QString currentLink() const;

    void navigate(const Location &location);
    void goBack();
    void goForward();

signals:
    void caseOpened(const QString &path);
    void caseOpenFailed(const QString &message);
    void locationShown(const sightline::ui::Location &location);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createPages();
    void showLocation(const Location &location);
    void updateTitle();
    void updateActions();
    void fillRecentMenu();
    void loadAccounts();
    QString askNewCasePath();
    void chooseNewCase();
    void chooseOpenCase();
    void chooseImport(bool folders);
    void askLink();
    void copyLink();
    void showPreferences();
    void showAbout();
    void setLocalTime(bool local);

    CaseContext *m_context = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListWidget *m_sidebar = nullptr;
    SearchBox *m_search = nullptr;
    ScopeBar *m_scopeBar = nullptr;
    QComboBox *m_account = nullptr;
    QHash<int, Page *> m_pages; // by pageKey()
    History m_history;
    Location m_current;
    JobSlot m_accountsSlot;
    int m_openTicket = 0;

    QAction *m_back = nullptr, *m_forward = nullptr, *m_import = nullptr, *m_importFolder = nullptr,
            *m_close = nullptr, *m_copyLink = nullptr, *m_localTime = nullptr;
    QMenu *m_recent = nullptr;
};

} // namespace sightline::ui
