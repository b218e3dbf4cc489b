#include "MainWindow.h"

#include "CaseFiles.h"
#include "EntityStyle.h"
#include "PlainText.h"
#include "SightlineLink.h"
#include "TimeText.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "pages/AccountsPage.h"
#include "pages/EntityPage.h"
#include "pages/FindingPage.h"
#include "pages/FindingsPage.h"
#include "pages/GraphPage.h"
#include "pages/GroupPage.h"
#include "pages/GroupsPage.h"
#include "pages/SourcesPage.h"
#include "pages/SummaryPage.h"
#include "queries/EntitySearch.h"
#include "widgets/ScopeBar.h"
#include "widgets/SearchBox.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QThreadPool>
#include <QToolBar>

namespace sightline::ui {

namespace {

int pageKey(Location::Page page, EntityType type)
{
    if (page == Location::Page::Entity && type == EntityType::Finding)
        return 100; // a finding has its own page
    return static_cast<int>(page);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_context = new CaseContext(this);
    setAcceptDrops(true);
    resize(1360, 860);
    setWindowIcon(typeIcon(EntityType::Finding));
    createPages();
    createActions();
    connect(m_context, &CaseContext::navigateRequested, this, &MainWindow::navigate);
    connect(m_context, &CaseContext::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_context, &CaseContext::caseChanged, this, [this] {
        updateTitle();
        updateActions();
        loadAccounts();
    });
    connect(m_context, &CaseContext::caseDataChanged, this, &MainWindow::loadAccounts);
    TimeText::setLocal(QSettings().value(PreferencesDialog::localTimeKey(), false).toBool());
    m_localTime->setChecked(TimeText::local());
    qApp->installEventFilter(this);
    updateTitle();
    updateActions();
    showLocation(Location::summary());
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    m_context->runner().waitForIdle();
}

void MainWindow::createPages()
{
    m_stack = new QStackedWidget(this);
    auto add = [this](Location::Page page, EntityType type, Page *widget) {
        m_pages.insert(pageKey(page, type), widget);
        m_stack->addWidget(widget);
        connect(widget, &Page::titleChanged, this, &MainWindow::updateTitle);
    };
    add(Location::Page::Summary, {}, new SummaryPage(*m_context, m_stack));
    add(Location::Page::Accounts, {}, new AccountsPage(*m_context, m_stack));
    add(Location::Page::Findings, {}, new FindingsPage(*m_context, m_stack));
    add(Location::Page::Groups, {}, new GroupsPage(*m_context, m_stack));
    add(Location::Page::Sources, {}, new SourcesPage(*m_context, m_stack));
    add(Location::Page::Entity, EntityType::AwsUser, new EntityPage(*m_context, m_stack));
    add(Location::Page::Entity, EntityType::Finding, new FindingPage(*m_context, m_stack));
    add(Location::Page::Graph, {}, new GraphPage(*m_context, m_stack));
    add(Location::Page::Group, {}, new GroupPage(*m_context, m_stack));

    m_sidebar = new QListWidget(this);
    m_sidebar->setMaximumWidth(180);
    m_sidebar->setIconSize(QSize(20, 20));
    const std::pair<QString, Location::Page> entries[] = {
        {tr("Summary"), Location::Page::Summary},   {tr("Accounts"), Location::Page::Accounts},
        {tr("Findings"), Location::Page::Findings}, {tr("Finding groups"), Location::Page::Groups},
        {tr("Sources"), Location::Page::Sources},
    };
    for (const auto &[text, page] : entries) {
        auto *item = new QListWidgetItem(text, m_sidebar);
        item->setData(Qt::UserRole, static_cast<int>(page));
    }
    connect(m_sidebar, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        navigate(Location::simple(static_cast<Location::Page>(item->data(Qt::UserRole).toInt())));
    });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    // The sidebar's size hint is wider than its maximum: without sizes the pages start where
    // the hint ends, leaving a blank strip.
    splitter->setSizes({m_sidebar->maximumWidth(), 100000});
    setCentralWidget(splitter);
}

void MainWindow::createActions()
{
    // File
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Case…"), QKeySequence::New, this, &MainWindow::chooseNewCase);
    file->addAction(tr("&Open Case…"), QKeySequence::Open, this, &MainWindow::chooseOpenCase);
    m_recent = file->addMenu(tr("Open &Recent"));
    connect(m_recent, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    m_import = file->addAction(tr("&Import Files…"), QKeySequence(tr("Ctrl+I")), this,
                               [this] { chooseImport(false); });
    m_importFolder = file->addAction(tr("Import &Folder…"), QKeySequence(tr("Ctrl+Shift+I")), this,
                                     [this] { chooseImport(true); });
    file->addSeparator();
    file->addAction(tr("Open &Link…"), QKeySequence(tr("Ctrl+L")), this, &MainWindow::askLink);
    m_copyLink = file->addAction(tr("&Copy Link"), QKeySequence(tr("Ctrl+Shift+C")), this,
                                 &MainWindow::copyLink);
    file->addSeparator();
    m_close = file->addAction(tr("&Close Case"), QKeySequence::Close, this, [this] {
        m_context->closeCase();
        m_history.clear();
        showLocation(Location::summary());
    });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Edit
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find Entity…"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcuts({QKeySequence(tr("Ctrl+K")), QKeySequence::Find});
    edit->addSeparator();
    edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                    &MainWindow::showPreferences);

    // Go
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_back = go->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this,
                           &MainWindow::goBack);
    m_back->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence::Back});
    m_forward = go->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this,
                              &MainWindow::goForward);
    m_forward->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence::Forward});
    go->addSeparator();
    const std::pair<QString, Location::Page> pages[] = {
        {tr("&Summary"), Location::Page::Summary},
        {tr("&Accounts"), Location::Page::Accounts},
        {tr("F&indings"), Location::Page::Findings},
        {tr("Finding &Groups"), Location::Page::Groups},
        {tr("S&ources"), Location::Page::Sources},
    };
    int n = 1;
    for (const auto &[text, page] : pages) {
        const Location::Page p = page;
        go->addAction(text, QKeySequence(QStringLiteral("Ctrl+%1").arg(n++)), this,
                      [this, p] { navigate(Location::simple(p)); });
    }

    // View
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_localTime = view->addAction(tr("Show &Local Time"));
    m_localTime->setCheckable(true);
    m_localTime->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(m_localTime, &QAction::toggled, this, &MainWindow::setLocalTime);
    QMenu *scope = view->addMenu(tr("&Scope Time"));
    scope->addAction(tr("&Whole Case"), QKeySequence(tr("Ctrl+0")), this,
                     [this] { m_scopeBar->applyPreset(ScopeBar::WholeCase); });
    scope->addAction(tr("Last &24 Hours of Data"), this,
                     [this] { m_scopeBar->applyPreset(ScopeBar::Last24Hours); });
    scope->addAction(tr("Last &7 Days of Data"), this,
                     [this] { m_scopeBar->applyPreset(ScopeBar::Last7Days); });
    scope->addAction(tr("The &Finding's Window"), this,
                     [this] { m_scopeBar->applyPreset(ScopeBar::FindingWindow); });

    // Help
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sightline"), this, &MainWindow::showAbout);

    // Tool bar
    QToolBar *bar = addToolBar(tr("Navigation"));
    bar->setObjectName(QStringLiteral("navigation"));
    bar->setMovable(false);
    bar->addAction(m_back);
    bar->addAction(m_forward);
    m_search = new SearchBox(*m_context, bar);
    bar->addWidget(m_search);
    bar->addSeparator();
    m_scopeBar = new ScopeBar(*m_context, bar);
    bar->addWidget(m_scopeBar);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Account:"), bar));
    m_account = new QComboBox(bar);
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_account->addItem(tr("All accounts"), QString());
    m_account->setToolTip(tr("Narrow every page to one account"));
    connect(m_account, &QComboBox::activated, this, [this](int index) {
        m_context->setAccountFilter(m_account->itemData(index).toString());
    });
    connect(m_context, &CaseContext::accountFilterChanged, this, [this] {
        const int index = m_account->findData(m_context->accountFilter());
        if (index >= 0)
            m_account->setCurrentIndex(index);
    });
    bar->addWidget(m_account);
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

Page *MainWindow::page(Location::Page page, EntityType type) const
{
    return m_pages.value(pageKey(page, type));
}

void MainWindow::navigate(const Location &location)
{
    m_history.visit(location);
    showLocation(location);
}

void MainWindow::goBack()
{
    if (m_history.canGoBack())
        showLocation(m_history.back());
}

void MainWindow::goForward()
{
    if (m_history.canGoForward())
        showLocation(m_history.forward());
}

void MainWindow::showLocation(const Location &location)
{
    if (!m_history.current())
        m_history.visit(location);
    m_current = location;
    Page *target = page(location.page, location.type);
    if (!target)
        return;
    m_stack->setCurrentWidget(target);
    if (m_context->hasCase())
        target->activate(location);
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QListWidgetItem *item = m_sidebar->item(i);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(location.page))
            m_sidebar->setCurrentItem(item);
    }
    if (location.page == Location::Page::Entity || location.page == Location::Page::Graph ||
        location.page == Location::Page::Group)
        m_sidebar->clearSelection();
    updateActions();
    updateTitle();
    emit locationShown(location);
}

void MainWindow::updateTitle()
{
    QString title;
    if (m_context->hasCase()) {
        title = QFileInfo(m_context->casePath()).fileName();
        if (Page *p = currentPage(); p && !p->title().isEmpty())
            title = p->title() + QStringLiteral(" — ") + title;
        title += QStringLiteral(" — ");
    }
    setWindowTitle(title + QStringLiteral("Sightline"));
}

void MainWindow::updateActions()
{
    const bool open = m_context->hasCase();
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
    m_import->setEnabled(true);
    m_importFolder->setEnabled(true);
    m_close->setEnabled(open);
    m_copyLink->setEnabled(open);
    m_account->setEnabled(open);
}

void MainWindow::openCase(const QString &path, std::function<void()> then)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const int ticket = ++m_openTicket;
    statusBar()->showMessage(tr("Opening %1…").arg(absolute));
    QThreadPool::globalInstance()->start([this, absolute, ticket, then] {
        const CaseOpenCheck outcome = checkCaseFile(absolute);
        QMetaObject::invokeMethod(this, [this, absolute, ticket, then, outcome] {
            if (ticket != m_openTicket)
                return;
            statusBar()->clearMessage();
            if (!outcome.ok) {
                const QString message =
                    tr("Cannot open %1:\n%2")
                        .arg(QDir::toNativeSeparators(absolute), outcome.message);
                emit caseOpenFailed(message);
                if (isVisible())
                    QMessageBox::warning(this, tr("Open Case"), message);
                return;
            }
            m_history.clear();
            m_context->setCase(absolute, outcome.first, outcome.last);
            RecentCases::remember(absolute);
            navigate(Location::summary());
            emit caseOpened(absolute);
            if (then)
                then();
        });
    });
}

void MainWindow::newCase(const QString &path, std::function<void()> then)
{
    QString error;
    const QString created = createCaseFile(path, &error);
    if (created.isEmpty()) {
        QMessageBox::warning(this, tr("New Case"), error);
        return;
    }
    openCase(created, std::move(then));
}

QString MainWindow::askNewCasePath()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Case"), QDir::homePath(),
                                                tr("Sightline cases (*.sightline)"));
    if (!path.isEmpty() && QFileInfo::exists(path))
        QFile::remove(path); // the dialog asked to overwrite
    return path;
}

void MainWindow::chooseNewCase()
{
    const QString path = askNewCasePath();
    if (!path.isEmpty())
        newCase(path);
}

void MainWindow::chooseOpenCase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Case"), QDir::homePath(),
                                     tr("Sightline cases (*.sightline);;All files (*)"));
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::chooseImport(bool folders)
{
    QStringList paths;
    if (folders) {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Import Folder"), QDir::homePath());
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = QFileDialog::getOpenFileNames(this, tr("Import Evidence"), QDir::homePath(),
                                              tr("Logs and archives (*.json *.gz *.jsonl *.log "
                                                 "*.csv *.txt *.zip *.tar *.tgz);;All files (*)"));
    }
    if (!paths.isEmpty())
        importPaths(paths);
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!m_context->hasCase()) {
        QMessageBox::information(this, tr("Import"),
                                 tr("Evidence is imported into a case file. Choose where to "
                                    "create the new case."));
        const QString path = askNewCasePath();
        if (!path.isEmpty())
            newCase(path, [this, paths] { importPaths(paths); });
        return;
    }
    auto *dialog = new ImportDialog(*m_context, paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString MainWindow::currentLink() const
{
    SightlineLink link;
    link.casePath = m_context->casePath();
    link.location = m_current;
    if (m_context->scopeTo() > m_context->scopeFrom()) {
        link.from = m_context->scopeFrom();
        link.to = m_context->scopeTo();
    }
    return link.toUrl().toString(QUrl::FullyEncoded);
}

void MainWindow::copyLink()
{
    if (!m_context->hasCase())
        return;
    QGuiApplication::clipboard()->setText(currentLink());
    statusBar()->showMessage(tr("Link copied: %1").arg(currentLink()), 6000);
}

bool MainWindow::openLink(const QString &text, bool quiet)
{
    QString error;
    const auto link = SightlineLink::parse(text, &error);
    if (!link) {
        const QString message = tr("Cannot open the link:\n%1").arg(error);
        emit caseOpenFailed(message);
        if (!quiet)
            QMessageBox::warning(this, tr("Open Link"), message);
        return false;
    }
    auto apply = [this, l = *link] {
        if (l.from || l.to)
            m_context->setScope(l.from.value_or(m_context->caseFrom()),
                                l.to.value_or(m_context->caseTo()));
        navigate(l.location);
    };
    if (QFileInfo(link->casePath).absoluteFilePath() == m_context->casePath())
        apply();
    else
        openCase(link->casePath, apply);
    return true;
}

void MainWindow::askLink()
{
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Open Link"), tr("sightline:// link:"), QLineEdit::Normal,
                              QGuiApplication::clipboard()->text().left(4096), &ok);
    if (ok && !text.trimmed().isEmpty())
        openLink(text);
}

void MainWindow::fillRecentMenu()
{
    m_recent->clear();
    const QStringList recent = RecentCases::list();
    for (const QString &path : recent) {
        QAction *action = m_recent->addAction(QDir::toNativeSeparators(path), this,
                                              [this, path] { openCase(path); });
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recent->addAction(tr("No recent cases"))->setEnabled(false);
    else {
        m_recent->addSeparator();
        m_recent->addAction(tr("Clear List"), this, [] { RecentCases::clear(); });
    }
}

void MainWindow::loadAccounts()
{
    m_account->clear();
    m_account->addItem(tr("All accounts"), QString());
    if (!m_context->hasCase())
        return;
    m_context->runner().run<Result<SearchResult>>(
        this, m_accountsSlot,
        [](Database &db) { return EntitySearch(db).run("*", 1000, EntityType::AwsAccount); },
        [this](Result<SearchResult> &&result) {
            if (!result.ok())
                return;
            for (const auto &hit : result->hits) {
                const QString key = qs(hit.entity.key);
                const QString label = qs(hit.entity.label);
                m_account->addItem(typeIcon(EntityType::AwsAccount),
                                   label.isEmpty() || label == key
                                       ? key
                                       : label + QStringLiteral(" (") + key + QLatin1Char(')'),
                                   key);
            }
            const int index = m_account->findData(m_context->accountFilter());
            m_account->setCurrentIndex(index < 0 ? 0 : index);
        });
}

void MainWindow::setLocalTime(bool local)
{
    if (TimeText::local() == local)
        return;
    TimeText::setLocal(local);
    QSettings().setValue(PreferencesDialog::localTimeKey(), local);
    m_localTime->setChecked(local);
    emit m_context->timeDisplayChanged();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    connect(&dialog, &PreferencesDialog::localTimeChosen, this, &MainWindow::setLocalTime);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Sightline"),
                       tr("<h3>Sightline %1</h3><p>Offline investigation of AWS logs: "
                          "CloudTrail, VPC Flow Logs, GuardDuty, Security Hub, EKS audit, "
                          "Route 53 Resolver and OCSF.</p><p>Sightline opens no network "
                          "connection.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_context->runner().waitForIdle();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    QString caseFile;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".sightline")))
            caseFile = path;
        else
            paths << path;
    }
    event->acceptProposedAction();
    if (!caseFile.isEmpty() && paths.isEmpty())
        openCase(caseFile);
    else if (!paths.isEmpty())
        importPaths(paths);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Mouse back / forward buttons anywhere in the window (child widgets eat the press).
    if (event->type() == QEvent::MouseButtonPress) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == this &&
            (mouse->button() == Qt::BackButton || mouse->button() == Qt::ForwardButton)) {
            mouse->button() == Qt::BackButton ? goBack() : goForward();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace sightline::ui
