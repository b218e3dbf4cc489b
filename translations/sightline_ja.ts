<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>EntityType</name>
    <message>
        <source>AWS account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IAM user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IAM users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IAM role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IAM roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC2 instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC2 instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3 buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceCheck</name>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 now %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryRunner</name>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informational</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SightlineLink</name>
    <message>
        <source>The link is empty; Sightline links start with sightline://open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link does not start with sightline://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown link target &quot;%1&quot;: Sightline links start with sightline://open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link has parts Sightline does not use (user, port or fragment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names the parameter &quot;%1&quot; twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time &quot;%1&quot; in the link is not an ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link has an unknown parameter &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link does not name a case file (case=...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case file in the link must be an absolute path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s scope time ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entity key in the link is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names an entity key but no type (type=...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown entity type &quot;%1&quot; in the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names an entity type but no key (key=...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finding group link needs key=&lt;group id&gt; and no type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page &quot;%1&quot; does not take an entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot; in the link.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceStatus</name>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the account filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls in the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principals of the account active in the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active findings of the account in the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from a sample of the account&apos;s events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files holding events of the account in the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1: %2 regions, %3 source files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions and files were read from a sample of its events; others may exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts: %1. Select one to narrow every page to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every page shows account %1 only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::EntityPage</name>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingPage</name>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a sightline:// link to this finding within its window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the finding and its entities in the relationship graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open within the finding&apos;s window (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of the finding that involved the entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no finding %1 in this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the finding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The raw record is not available.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved Entities (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingTableModel</name>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingsPage</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by type, title, resource, account, region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the findings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first %1 of %2 are listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::GraphPage</name>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupPage</name>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::ImportDialog</name>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing into %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 · %3 records · %4 new events · %5 errors · %6/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import into %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into %1 cancelled; the case keeps what was committed before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files · %2 records · %3 new events · %4 duplicates · %5 errors · %6 skipped files · %7 in %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flow records aggregated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged or unreadable files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 more errors were counted but not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records, %2 new events, %3 duplicates, %4 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Import Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::MainWindow</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Entity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding &amp;Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Local Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scope Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;24 Hours of Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;7 Days of Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;Finding&apos;s Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Sightline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow every page to one account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sightline cases (*.sightline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sightline cases (*.sightline);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs and archives (*.json *.gz *.jsonl *.log *.csv *.txt *.zip *.tar *.tgz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence is imported into a case file. Choose where to create the new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the link:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sightline:// link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Sightline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;Offline investigation of AWS logs: CloudTrail, VPC Flow Logs, GuardDuty, Security Hub, EKS audit, Route 53 Resolver and OCSF.&lt;/p&gt;&lt;p&gt;Sightline opens no network connection.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in the &amp;local time zone (UTC otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time Sightline starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::ScopeBar</name>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the scope time (whole hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the scope time (exclusive, whole hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finding&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finding&apos;s window (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scope must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::SearchBox</name>
    <message>
        <source>Search IP, CIDR, ARN, name, access key, instance, bucket… (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>    … %n more, refine the search</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash the original files again and compare them with the SHA-256 recorded when they were imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last verification of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byte offset in the decoded file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files · %2 records · %3 new events · %4 duplicates · %5 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped, %2 damaged, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2 recorded errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded errors: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the files (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unchanged, %2 changed, %3 missing, %4 unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every file is as it was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some evidence is no longer as it was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sightline::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings in the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the %1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls over the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC flow bytes over the scope time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principals with the most API calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances with the most traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case (File ▸ Open Case…) or drop evidence files on the window to import them into a new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case holds no events yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data from %1 to %2 · %3 events from %4 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope time: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active findings: %1 (archived findings not counted: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active findings: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API calls in the scope time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a principal to open its profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VPC flow traffic of instances in the scope time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click an instance to open its profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
