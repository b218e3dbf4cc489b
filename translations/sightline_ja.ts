<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CaseFiles</name>
    <message>
        <source>The case file %1 does not exist.</source>
        <translation>ケースファイル %1 は存在しません。</translation>
    </message>
    <message>
        <source>Cannot create %1:
%2</source>
        <translation>%1 を作成できません:
%2</translation>
    </message>
</context>
<context>
    <name>EntityType</name>
    <message>
        <source>AWS account</source>
        <translation>AWS アカウント</translation>
    </message>
    <message>
        <source>AWS accounts</source>
        <translation>AWS アカウント</translation>
    </message>
    <message>
        <source>IAM user</source>
        <translation>IAM ユーザー</translation>
    </message>
    <message>
        <source>IAM users</source>
        <translation>IAM ユーザー</translation>
    </message>
    <message>
        <source>IAM role</source>
        <translation>IAM ロール</translation>
    </message>
    <message>
        <source>IAM roles</source>
        <translation>IAM ロール</translation>
    </message>
    <message>
        <source>Role session</source>
        <translation>ロールセッション</translation>
    </message>
    <message>
        <source>Role sessions</source>
        <translation>ロールセッション</translation>
    </message>
    <message>
        <source>Federated user</source>
        <translation>フェデレーティッドユーザー</translation>
    </message>
    <message>
        <source>Federated users</source>
        <translation>フェデレーティッドユーザー</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>Access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>EC2 instance</source>
        <translation>EC2 インスタンス</translation>
    </message>
    <message>
        <source>EC2 instances</source>
        <translation>EC2 インスタンス</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>ユーザーエージェント</translation>
    </message>
    <message>
        <source>User agents</source>
        <translation>ユーザーエージェント</translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation>S3 バケット</translation>
    </message>
    <message>
        <source>S3 buckets</source>
        <translation>S3 バケット</translation>
    </message>
    <message>
        <source>Container cluster</source>
        <translation>コンテナクラスター</translation>
    </message>
    <message>
        <source>Container clusters</source>
        <translation>コンテナクラスター</translation>
    </message>
    <message>
        <source>Kubernetes subject</source>
        <translation>Kubernetes サブジェクト</translation>
    </message>
    <message>
        <source>Kubernetes subjects</source>
        <translation>Kubernetes サブジェクト</translation>
    </message>
    <message>
        <source>Container pod</source>
        <translation>コンテナポッド</translation>
    </message>
    <message>
        <source>Container pods</source>
        <translation>コンテナポッド</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>コンテナイメージ</translation>
    </message>
    <message>
        <source>Container images</source>
        <translation>コンテナイメージ</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Finding group</source>
        <translation>検出結果グループ</translation>
    </message>
    <message>
        <source>Finding groups</source>
        <translation>検出結果グループ</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>ドメイン</translation>
    </message>
</context>
<context>
    <name>EvidenceCheck</name>
    <message>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取り不可</translation>
    </message>
    <message>
        <source>in archive</source>
        <translation>アーカイブ内</translation>
    </message>
    <message>
        <source>not checked (cancelled)</source>
        <translation>未確認 (キャンセル)</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>ファイルが存在しなくなっています。</translation>
    </message>
    <message>
        <source>SHA-256 now %1</source>
        <translation>現在の SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>+%1 %2</source>
        <translation>+%1 件の%2</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>The case holds no such entity.</source>
        <translation>このケースには該当するエンティティがありません。</translation>
    </message>
    <message>
        <source>This chart counts every account: the case keeps this entity&apos;s totals without a split by account, so the account filter (%1) does not narrow it. The tables below are narrowed.</source>
        <translation>このグラフはすべてのアカウントを数えています。ケースはこのエンティティの合計をアカウント別に分けて保持していないため、アカウントフィルター (%1) ではグラフを絞り込めません。下の表は絞り込まれています。</translation>
    </message>
</context>
<context>
    <name>QueryRunner</name>
    <message>
        <source>No case is open.</source>
        <translation>ケースが開かれていません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <source>related to</source>
        <translation>関連</translation>
    </message>
    <message>
        <source>called from</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>used agent</source>
        <translation>使用したエージェント</translation>
    </message>
    <message>
        <source>uses key</source>
        <translation>使用キー</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>引き受けたロール</translation>
    </message>
    <message>
        <source>acted on</source>
        <translation>操作対象</translation>
    </message>
    <message>
        <source>session of</source>
        <translation>セッション元</translation>
    </message>
    <message>
        <source>in account</source>
        <translation>所属アカウント</translation>
    </message>
    <message>
        <source>owns</source>
        <translation>所有</translation>
    </message>
    <message>
        <source>issued key</source>
        <translation>発行したキー</translation>
    </message>
    <message>
        <source>talked to</source>
        <translation>通信先</translation>
    </message>
    <message>
        <source>involves</source>
        <translation>関与エンティティ</translation>
    </message>
    <message>
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>queried by</source>
        <translation>照会元</translation>
    </message>
    <message>
        <source>runs in</source>
        <translation>実行場所</translation>
    </message>
    <message>
        <source>uses image</source>
        <translation>使用イメージ</translation>
    </message>
    <message>
        <source>runs as</source>
        <translation>実行 ID</translation>
    </message>
    <message>
        <source>authenticated as</source>
        <translation>認証 ID</translation>
    </message>
    <message>
        <source>resolves to</source>
        <translation>解決先</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>SightlineLink</name>
    <message>
        <source>The link is empty; Sightline links start with sightline://open?</source>
        <translation>リンクが空です。Sightline のリンクは sightline://open? で始まります。</translation>
    </message>
    <message>
        <source>The link is too long.</source>
        <translation>リンクが長すぎます。</translation>
    </message>
    <message>
        <source>The link is not a valid URL: %1</source>
        <translation>リンクが有効な URL ではありません: %1</translation>
    </message>
    <message>
        <source>The link does not start with sightline://</source>
        <translation>リンクが sightline:// で始まっていません</translation>
    </message>
    <message>
        <source>Unknown link target &quot;%1&quot;: Sightline links start with sightline://open?</source>
        <translation>不明なリンク先「%1」: Sightline のリンクは sightline://open? で始まります</translation>
    </message>
    <message>
        <source>The link has parts Sightline does not use (user, port or fragment).</source>
        <translation>リンクに Sightline が使用しない部分 (ユーザー、ポート、フラグメント) が含まれています。</translation>
    </message>
    <message>
        <source>The link names the parameter &quot;%1&quot; twice.</source>
        <translation>リンクでパラメータ「%1」が 2 回指定されています。</translation>
    </message>
    <message>
        <source>The time &quot;%1&quot; in the link is not an ISO 8601 time.</source>
        <translation>リンク内の時刻「%1」は ISO 8601 形式の時刻ではありません。</translation>
    </message>
    <message>
        <source>The link has an unknown parameter &quot;%1&quot;.</source>
        <translation>リンクに不明なパラメータ「%1」があります。</translation>
    </message>
    <message>
        <source>The link does not name a case file (case=...).</source>
        <translation>リンクでケースファイルが指定されていません (case=...)。</translation>
    </message>
    <message>
        <source>The case file in the link must be an absolute path: %1</source>
        <translation>リンク内のケースファイルは絶対パスである必要があります: %1</translation>
    </message>
    <message>
        <source>The link&apos;s scope time ends before it starts.</source>
        <translation>リンクのスコープ時間の終了が開始より前になっています。</translation>
    </message>
    <message>
        <source>The entity key in the link is too long.</source>
        <translation>リンク内のエンティティキーが長すぎます。</translation>
    </message>
    <message>
        <source>The link names an entity key but no type (type=...).</source>
        <translation>リンクでエンティティキーが指定されていますが、タイプ (type=...) がありません。</translation>
    </message>
    <message>
        <source>Unknown entity type &quot;%1&quot; in the link.</source>
        <translation>リンク内のエンティティタイプ「%1」は不明です。</translation>
    </message>
    <message>
        <source>The link names an entity type but no key (key=...).</source>
        <translation>リンクでエンティティタイプが指定されていますが、キー (key=...) がありません。</translation>
    </message>
    <message>
        <source>A finding group link needs key=&lt;group id&gt; and no type.</source>
        <translation>検出結果グループのリンクには key=&lt;group id&gt; が必要で、type は指定できません。</translation>
    </message>
    <message>
        <source>The page &quot;%1&quot; does not take an entity.</source>
        <translation>ページ「%1」はエンティティを受け付けません。</translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot; in the link.</source>
        <translation>リンク内のページ「%1」は不明です。</translation>
    </message>
</context>
<context>
    <name>SourceStatus</name>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>インポート済み</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>sightline::ui::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message>
        <source>Clear the account filter</source>
        <translation>アカウントフィルターをクリア</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API コール</translation>
    </message>
    <message>
        <source>API calls in the scope time</source>
        <translation>スコープ時間内の API コール</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Principals</source>
        <translation>プリンシパル</translation>
    </message>
    <message>
        <source>Principals of the account active in the scope time</source>
        <translation>スコープ時間内にアクティブだったアカウントのプリンシパル</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Active findings of the account in the scope time</source>
        <translation>スコープ時間内のアカウントのアクティブな検出結果</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Read from a sample of the account&apos;s events.</source>
        <translation>アカウントのイベントのサンプルから読み取りました。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Files holding events of the account in the scope time</source>
        <translation>スコープ時間内のアカウントのイベントを含むファイル</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Account %1: %2 regions, %3 source files.</source>
        <translation>アカウント %1: %2 リージョン、%3 ソースファイル。</translation>
    </message>
    <message>
        <source>Regions and files were read from a sample of its events; others may exist.</source>
        <translation>リージョンとファイルはイベントのサンプルから読み取りました。他にも存在する可能性があります。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation>アカウントを読み取れません: %1</translation>
    </message>
    <message>
        <source>Accounts: %1. Select one to narrow every page to it.</source>
        <translation>アカウント: %1。選択すると、すべてのページをそのアカウントに絞り込みます。</translation>
    </message>
    <message>
        <source>Every page shows account %1 only.</source>
        <translation>すべてのページでアカウント %1 のみを表示しています。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::ActivityPanel</name>
    <message>
        <source>API call volume</source>
        <translation>API コールボリューム</translation>
    </message>
    <message>
        <source>Hover over a bar for its numbers; drag across the chart to narrow the scope time.</source>
        <translation>バーにカーソルを合わせると数値を表示します。グラフ上をドラッグするとスコープ時間を絞り込みます。</translation>
    </message>
    <message>
        <source>events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>successful</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 events in the scope time (this entity has no API call aggregates: events it appears in are counted).</source>
        <translation>スコープ時間内のイベント: %1 件 (このエンティティには API コールの集計がないため、出現するイベントを数えています)。</translation>
    </message>
    <message>
        <source>%1 API calls in the scope time, %2 failed.</source>
        <translation>スコープ時間内の API コール: %1 件 (失敗 %2 件)。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::DetailsPanel</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source> (hour precision)</source>
        <translation> (1 時間単位の精度)</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>%1 successful, %2 failed</source>
        <translation>成功 %1 件、失敗 %2 件</translation>
    </message>
    <message>
        <source> (whole hours)</source>
        <translation> (1 時間単位)</translation>
    </message>
    <message>
        <source>API calls in scope</source>
        <translation>スコープ内の API コール</translation>
    </message>
    <message>
        <source>AS%1 %2</source>
        <translation>AS%1 %2</translation>
    </message>
    <message>
        <source>Geolocation</source>
        <translation>位置情報</translation>
    </message>
    <message>
        <source>Nothing is known about this entity in the scope time.</source>
        <translation>スコープ時間内にこのエンティティに関する情報はありません。</translation>
    </message>
    <message>
        <source> (every account: the account filter does not narrow these counts)</source>
        <translation> (すべてのアカウント: アカウントフィルターはこの件数を絞り込みません)</translation>
    </message>
</context>
<context>
    <name>sightline::ui::DrillDownPanel</name>
    <message>
        <source>By IP address → API → caller</source>
        <translation>IP アドレス → API → 呼び出し元</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>APIs called from it</source>
        <translation>そこから呼び出された API</translation>
    </message>
    <message>
        <source>Callers of that API</source>
        <translation>その API の呼び出し元</translation>
    </message>
    <message>
        <source>By API → IP address → access key</source>
        <translation>API → IP アドレス → アクセスキー</translation>
    </message>
    <message>
        <source>APIs by service</source>
        <translation>サービス別の API</translation>
    </message>
    <message>
        <source>IP addresses it was called from</source>
        <translation>呼び出し元の IP アドレス</translation>
    </message>
    <message>
        <source>Access keys used</source>
        <translation>使用されたアクセスキー</translation>
    </message>
    <message>
        <source>By access key or resource → IP address → API</source>
        <translation>アクセスキーまたはリソース → IP アドレス → API</translation>
    </message>
    <message>
        <source>Access keys and resources</source>
        <translation>アクセスキーとリソース</translation>
    </message>
    <message>
        <source>APIs called</source>
        <translation>呼び出された API</translation>
    </message>
    <message>
        <source>By caller → API → IP address</source>
        <translation>呼び出し元 → API → IP アドレス</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>APIs they called</source>
        <translation>呼び出した API</translation>
    </message>
    <message>
        <source>IP addresses used</source>
        <translation>使用された IP アドレス</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Drill down</source>
        <translation>ドリルダウン</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>呼び出し数</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Pick a row to drill down. First table: whole UTC days at the edges of the scope time.</source>
        <translation>行を選択してドリルダウンします。最初の表: スコープ時間の両端は UTC の日単位で集計されます。</translation>
    </message>
    <message>
        <source>Pick a row to drill down.</source>
        <translation>行を選択してドリルダウンします。</translation>
    </message>
    <message>
        <source>The second and third tables count the %1 most recent events of the picked row; it has more in the scope time.</source>
        <translation>2 番目と 3 番目の表は、選択した行の最新 %1 件のイベントを集計しています。スコープ時間内にはさらにイベントがあります。</translation>
    </message>
    <message>
        <source>The second and third tables count all %1 events of the picked row in the scope time.</source>
        <translation>2 番目と 3 番目の表は、スコープ時間内の選択した行のイベント全 %1 件を集計しています。</translation>
    </message>
    <message>
        <source>First table: the APIs of the %1 most recent events in account %2 (the entity&apos;s call counts cover every account).</source>
        <translation>最初の表: アカウント %2 の最新 %1 件のイベントの API (このエンティティの呼び出し件数はすべてのアカウントを含みます)。</translation>
    </message>
    <message>
        <source>First table: the APIs of all %1 events in account %2 (the entity&apos;s call counts cover every account).</source>
        <translation>最初の表: アカウント %2 の全 %1 件のイベントの API (このエンティティの呼び出し件数はすべてのアカウントを含みます)。</translation>
    </message>
    <message>
        <source>Account filter: only events in account %1 or by its principals.</source>
        <translation>アカウントフィルター: アカウント %1 のイベント、またはそのプリンシパルによるイベントのみ。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::EntityPage</name>
    <message>
        <source>Show every account</source>
        <translation>すべてのアカウントを表示</translation>
    </message>
    <message>
        <source>Clear the account filter of the window</source>
        <translation>ウィンドウのアカウントフィルターをクリア</translation>
    </message>
    <message>
        <source>This entity belongs to account %1; the account filter shows account %2. The lists below hold only what involves account %2, and the charts count every account.</source>
        <translation>このエンティティはアカウント %1 に属していますが、アカウントフィルターはアカウント %2 を表示しています。下の一覧にはアカウント %2 に関わるものだけが含まれ、グラフはすべてのアカウントを数えています。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::EventsPanel</name>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>ユーザーエージェント</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Double-click or press Enter on an event to see its raw record</source>
        <translation>イベントをダブルクリックするか Enter キーを押すと、未加工のレコードを表示します</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>さらに読み込む</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>The %1 most recent events in the scope time; older ones follow with Load more.</source>
        <translation>スコープ時間内の最新 %1 件のイベントです。それより古いイベントは「さらに読み込む」で表示します。</translation>
    </message>
    <message>
        <source>%1 events in the scope time.</source>
        <translation>スコープ時間内のイベント: %1 件。</translation>
    </message>
    <message>
        <source>Account filter: only events in account %1 or by its principals.</source>
        <translation>アカウントフィルター: アカウント %1 のイベント、またはそのプリンシパルによるイベントのみ。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingGroupsModel</name>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Finding types</source>
        <translation>検出結果タイプ</translation>
    </message>
    <message>
        <source>ATT&amp;CK tactics</source>
        <translation>ATT&amp;CK 戦術</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingPage</name>
    <message>
        <source>Finding</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Copy a sightline:// link to this finding within its window</source>
        <translation>この検出結果の期間を指定した sightline:// リンクをコピー</translation>
    </message>
    <message>
        <source>Show in Graph</source>
        <translation>グラフに表示</translation>
    </message>
    <message>
        <source>Show the finding and its entities in the relationship graph</source>
        <translation>検出結果とそのエンティティを関係グラフに表示</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>タイプ:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>製品:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>リージョン:</translation>
    </message>
    <message>
        <source>First seen:</source>
        <translation>初回確認:</translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation>最終確認:</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>カウント:</translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation>アーカイブ済み:</translation>
    </message>
    <message>
        <source>Finding ID:</source>
        <translation>検出結果 ID:</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Open within the finding&apos;s window (Enter or double-click)</source>
        <translation>検出結果の期間内で開く (Enter キーまたはダブルクリック)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Versions of the finding that involved the entity</source>
        <translation>このエンティティが関与した検出結果のバージョン</translation>
    </message>
    <message>
        <source>Involved Entities</source>
        <translation>関与エンティティ</translation>
    </message>
    <message>
        <source>Raw Finding</source>
        <translation>未加工の検出結果</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>表示中</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>ソースファイル</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>@%1</source>
        <translation>@%1</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>リンクをコピーしました: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>There is no finding %1 in this case.</source>
        <translation>このケースに検出結果 %1 はありません。</translation>
    </message>
    <message>
        <source>Cannot read the finding: %1</source>
        <translation>検出結果を読み取れません: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>(The raw record is not available.)</source>
        <translation>(未加工のレコードはありません。)</translation>
    </message>
    <message>
        <source>Involved Entities (%1)</source>
        <translation>関与エンティティ (%1)</translation>
    </message>
    <message>
        <source>Versions (%1)</source>
        <translation>バージョン (%1)</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingTableModel</name>
    <message>
        <source>+%1 more</source>
        <translation>他 %1 件</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (アーカイブ済み)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>製品</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingsPage</name>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>重要度:</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>すべての重要度</translation>
    </message>
    <message>
        <source>%1 or higher</source>
        <translation>%1 以上</translation>
    </message>
    <message>
        <source>%1 only</source>
        <translation>%1 のみ</translation>
    </message>
    <message>
        <source>Filter by type, title, resource, account, region…</source>
        <translation>タイプ、タイトル、リソース、アカウント、リージョンでフィルター…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>アーカイブ済みを表示</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the findings: %1</source>
        <translation>検出結果を読み取れません: %1</translation>
    </message>
    <message>
        <source>%1 of %2 findings</source>
        <translation>検出結果 %2 件中 %1 件</translation>
    </message>
    <message>
        <source>the first %1 of %2 are listed</source>
        <translation>%2 件中最初の %1 件を表示</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FindingsPanel</name>
    <message>
        <source>Associated findings</source>
        <translation>関連する検出結果</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>製品</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>%1 findings; the first %2 are listed.</source>
        <translation>検出結果 %1 件のうち、最初の %2 件を表示しています。</translation>
    </message>
    <message>
        <source>Account filter: findings of account %1 only.</source>
        <translation>アカウントフィルター: アカウント %1 の検出結果のみ。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::FlowPanel</name>
    <message>
        <source>VPC flow volume</source>
        <translation>VPC フローボリューム</translation>
    </message>
    <message>
        <source>Tick rows of the table to plot their bytes per hour.</source>
        <translation>表の行にチェックを入れると、1 時間あたりのバイト数をグラフに表示します。</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>リモート</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>ローカルポート</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>リモートポート</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>送信バイト</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>受信バイト</translation>
    </message>
    <message>
        <source>Packets out</source>
        <translation>送信パケット</translation>
    </message>
    <message>
        <source>Packets in</source>
        <translation>受信パケット</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>bytes in</source>
        <translation>受信バイト</translation>
    </message>
    <message>
        <source>bytes out</source>
        <translation>送信バイト</translation>
    </message>
    <message>
        <source>in</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>out</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>In the scope time: %1 out, %2 in, %3 accepted and %4 rejected records, %5 peers.</source>
        <translation>スコープ時間内: 送信 %1、受信 %2、許可レコード %3 件、拒否レコード %4 件、ピア %5 件。</translation>
    </message>
    <message>
        <source>%1 %2 %3→%4</source>
        <translation>%1 %2 %3→%4</translation>
    </message>
</context>
<context>
    <name>sightline::ui::GraphPage</name>
    <message>
        <source>Graph</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Graph: %1</source>
        <translation>グラフ: %1</translation>
    </message>
    <message>
        <source>Relationship graph</source>
        <translation>関係グラフ</translation>
    </message>
    <message>
        <source>Relationship graph of %1 %2</source>
        <translation>%1 %2 の関係グラフ</translation>
    </message>
    <message numerus="yes">
        <source>Account %1 only: %n node(s) of other accounts left out</source>
        <translation>
            <numerusform>アカウント %1 のみ: 他のアカウントのノード %n 件を除外しました</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::GraphWidget</name>
    <message>
        <source>The scope changed: run Shortest Paths again.</source>
        <translation>スコープが変わりました。最短経路をもう一度実行してください。</translation>
    </message>
    <message>
        <source>Cannot show the graph: %1</source>
        <translation>グラフを表示できません: %1</translation>
    </message>
    <message>
        <source>Layout failed: %1</source>
        <translation>レイアウトに失敗しました: %1</translation>
    </message>
    <message>
        <source>Searching for shortest paths…</source>
        <translation>最短経路を検索しています…</translation>
    </message>
    <message>
        <source>Shortest paths failed: %1</source>
        <translation>最短経路の検索に失敗しました: %1</translation>
    </message>
    <message>
        <source>No path found before the search limit.</source>
        <translation>検索の上限までに経路が見つかりませんでした。</translation>
    </message>
    <message>
        <source>No path between them within the scope time.</source>
        <translation>スコープ時間内に両者を結ぶ経路はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n shortest path(s) of length %1</source>
        <translation>
            <numerusform>長さ %1 の最短経路 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source> (more exist)</source>
        <translation> (ほかにもあります)</translation>
    </message>
    <message numerus="yes">
        <source>; %n busy node(s) not crossed</source>
        <translation>
            <numerusform>、接続の多いノード %n 件は経由していません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>ノード %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>エッジ %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>非表示 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the graph in the view (Ctrl+0)</source>
        <translation>グラフ全体をビューに収める (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, mouse wheel)</source>
        <translation>拡大 (Ctrl+=、マウスホイール)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, mouse wheel)</source>
        <translation>縮小 (Ctrl+-、マウスホイール)</translation>
    </message>
    <message>
        <source>Re-layout</source>
        <translation>再レイアウト</translation>
    </message>
    <message>
        <source>Lay out again every node that is not pinned</source>
        <translation>固定されていないノードをすべて配置し直す</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>関係</translation>
    </message>
    <message>
        <source>Show Hidden</source>
        <translation>非表示を表示</translation>
    </message>
    <message>
        <source>Shortest Paths</source>
        <translation>最短経路</translation>
    </message>
    <message>
        <source>Select two nodes (Ctrl+click) to show the shortest paths between them within the scope time</source>
        <translation>2 つのノードを選択 (Ctrl+クリック) すると、スコープ時間内の両者間の最短経路を表示します</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Show Members…</source>
        <translation>メンバーを表示…</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <source>Open Profile</source>
        <translation>プロファイルを開く</translation>
    </message>
    <message>
        <source>New Graph From Here</source>
        <translation>ここから新しいグラフ</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>非表示にする</translation>
    </message>
    <message>
        <source>Sightline relationship graph</source>
        <translation>Sightline 関係グラフ</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>グラフのエクスポート</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupMembersDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Add to Graph</source>
        <translation>グラフに追加</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>%1 of %2 shown; scroll for more. Double-click a row to add it to the graph.</source>
        <translation>%2 件中 %1 件を表示しています。続きはスクロールしてください。行をダブルクリックするとグラフに追加します。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupMembersModel</name>
    <message>
        <source>Relations</source>
        <translation>関係</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupPage</name>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Finding group</source>
        <translation>検出結果グループ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>No finding group holds this finding within the scope time.</source>
        <translation>スコープ時間内にこの検出結果を含む検出結果グループはありません。</translation>
    </message>
    <message>
        <source>Cannot build the finding groups: %1</source>
        <translation>検出結果グループを作成できません: %1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>グループ: %1</translation>
    </message>
    <message>
        <source>%1 finding group: %2</source>
        <translation>%1 の検出結果グループ: %2</translation>
    </message>
    <message>
        <source>%1 findings and %2 entities, %3 to %4.</source>
        <translation>検出結果 %1 件、エンティティ %2 件、%3 から %4 まで。</translation>
    </message>
    <message>
        <source>ATT&amp;CK tactics: %1.</source>
        <translation>ATT&amp;CK 戦術: %1。</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>検出結果 (%1)</translation>
    </message>
    <message>
        <source>Entities (%1)</source>
        <translation>エンティティ (%1)</translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupsPage</name>
    <message>
        <source>Finding groups</source>
        <translation>検出結果グループ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot list the finding groups: %1</source>
        <translation>検出結果グループを一覧できません: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of findings that involve one same entity (not an account or a user agent) within 24 hours of each other, within the scope time. Open a group to see its findings and entities in a graph.</source>
        <translation>
            <numerusform>スコープ時間内で、同じエンティティ (アカウントとユーザーエージェントを除く) に 24 時間以内に関わる検出結果のグループが %n 件あります。グループを開くと、その検出結果とエンティティをグラフで表示します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::ImportDialog</name>
    <message>
        <source>line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>offset %1</source>
        <translation>オフセット %1</translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>証拠のインポート</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>新規イベント</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Save Report…</source>
        <translation>レポートを保存…</translation>
    </message>
    <message>
        <source>Importing into %1:</source>
        <translation>%1 にインポート中:</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>ケースが開かれていません。</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>現在のバッチの完了後にキャンセルします…</translation>
    </message>
    <message>
        <source>Looking for evidence…</source>
        <translation>証拠を検索中…</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>ファイル %1/%2: %3</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 records · %4 new events · %5 errors · %6/s</source>
        <translation>%1 / %2 · %3 レコード · 新規イベント %4 件 · エラー %5 件 · %6/秒</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>残り約 %1</translation>
    </message>
    <message>
        <source>The import into %1 failed: %2</source>
        <translation>%1 へのインポートに失敗しました: %2</translation>
    </message>
    <message>
        <source>Import into %1 cancelled; the case keeps what was committed before.</source>
        <translation>%1 へのインポートをキャンセルしました。ケースにはそれまでにコミットされた内容が保持されます。</translation>
    </message>
    <message>
        <source>Imported into %1.</source>
        <translation>%1 にインポートしました。</translation>
    </message>
    <message>
        <source>%1 files · %2 records · %3 new events · %4 duplicates · %5 errors · %6 skipped files · %7 in %8</source>
        <translation>%1 ファイル · %2 レコード · 新規イベント %3 件 · 重複 %4 件 · エラー %5 件 · スキップしたファイル %6 件 · %7 (所要時間 %8)</translation>
    </message>
    <message>
        <source>%1 flow records aggregated.</source>
        <translation>%1 件のフローレコードを集計しました。</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>スキップしたファイル</translation>
    </message>
    <message>
        <source>Damaged or unreadable files</source>
        <translation>破損または読み取り不可のファイル</translation>
    </message>
    <message>
        <source>(%1 more errors were counted but not recorded)</source>
        <translation>(他に %1 件のエラーがカウントされましたが、記録されていません)</translation>
    </message>
    <message>
        <source>%1 records, %2 new events, %3 duplicates, %4 errors</source>
        <translation>%1 レコード、新規イベント %2 件、重複 %3 件、エラー %4 件</translation>
    </message>
    <message>
        <source>Save Import Report</source>
        <translation>インポートレポートの保存</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot save %1:
%2</source>
        <translation>%1 を保存できません:
%2</translation>
    </message>
</context>
<context>
    <name>sightline::ui::KubernetesPanel</name>
    <message>
        <source>Kubernetes API activity</source>
        <translation>Kubernetes API アクティビティ</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>呼び出し</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>%1 successful and %2 failed Kubernetes API calls in the scope time.</source>
        <translation>スコープ時間内の Kubernetes API コール: 成功 %1 件、失敗 %2 件。</translation>
    </message>
    <message>
        <source>The %1 busiest of %2 calls are listed.</source>
        <translation>%2 件の呼び出しのうち、最も多い %1 件を表示しています。</translation>
    </message>
    <message>
        <source>Per-call counts cover whole UTC days.</source>
        <translation>呼び出しごとのカウントは UTC の日単位です。</translation>
    </message>
    <message>
        <source>These counts cover every account: the account filter does not narrow them.</source>
        <translation>この件数はすべてのアカウントを含みます。アカウントフィルターでは絞り込まれません。</translation>
    </message>
    <message>
        <source>Unauthorized (401)</source>
        <translation>未認証 (401)</translation>
    </message>
    <message>
        <source>Forbidden (403)</source>
        <translation>禁止 (403)</translation>
    </message>
    <message>
        <source>Of the failed calls, %1 were unauthorized (401) and %2 forbidden (403).</source>
        <translation>失敗のうち、未認証 (401) が %1 件、禁止 (403) が %2 件。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::MainWindow</name>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Finding groups</source>
        <translation>検出結果グループ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>新しいケース(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>ケースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったケースを開く(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>ファイルをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>フォルダーをインポート(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Open &amp;Link…</source>
        <translation>リンクを開く(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>リンクをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>ケースを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find Entity…</source>
        <translation>エンティティを検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>概要(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>検出結果(&amp;I)</translation>
    </message>
    <message>
        <source>Finding &amp;Groups</source>
        <translation>検出結果グループ(&amp;G)</translation>
    </message>
    <message>
        <source>S&amp;ources</source>
        <translation>ソース(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Local Time</source>
        <translation>ローカル時刻で表示(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Scope Time</source>
        <translation>スコープ時間(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Whole Case</source>
        <translation>ケース全体(&amp;W)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Last &amp;24 Hours of Data</source>
        <translation>データの直近 24 時間(&amp;2)</translation>
    </message>
    <message>
        <source>Last &amp;7 Days of Data</source>
        <translation>データの直近 7 日間(&amp;7)</translation>
    </message>
    <message>
        <source>The &amp;Finding&apos;s Window</source>
        <translation>検出結果の期間(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Sightline</source>
        <translation>Sightline について(&amp;A)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message>
        <source>Narrow every page to one account</source>
        <translation>すべてのページを 1 つのアカウントに絞り込む</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 を開けません:
%2</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>ケースを開く</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>新しいケース</translation>
    </message>
    <message>
        <source>Sightline cases (*.sightline)</source>
        <translation>Sightline ケース (*.sightline)</translation>
    </message>
    <message>
        <source>Sightline cases (*.sightline);;All files (*)</source>
        <translation>Sightline ケース (*.sightline);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>フォルダーのインポート</translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>証拠のインポート</translation>
    </message>
    <message>
        <source>Logs and archives (*.json *.gz *.jsonl *.log *.csv *.txt *.zip *.tar *.tgz);;All files (*)</source>
        <translation>ログとアーカイブ (*.json *.gz *.jsonl *.log *.csv *.txt *.zip *.tar *.tgz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Evidence is imported into a case file. Choose where to create the new case.</source>
        <translation>証拠はケースファイルにインポートされます。新しいケースを作成する場所を選択してください。</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>リンクをコピーしました: %1</translation>
    </message>
    <message>
        <source>Cannot open the link:
%1</source>
        <translation>リンクを開けません:
%1</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>リンクを開く</translation>
    </message>
    <message>
        <source>sightline:// link:</source>
        <translation>sightline:// リンク:</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>最近使ったケースはありません</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>リストをクリア</translation>
    </message>
    <message>
        <source>About Sightline</source>
        <translation>Sightline について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;Offline investigation of AWS logs: CloudTrail, VPC Flow Logs, GuardDuty, Security Hub, EKS audit, Route 53 Resolver and OCSF.&lt;/p&gt;&lt;p&gt;Sightline opens no network connection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;AWS ログのオフライン調査: CloudTrail、VPC フローログ、GuardDuty、Security Hub、EKS 監査ログ、Route 53 Resolver、OCSF。&lt;/p&gt;&lt;p&gt;Sightline はネットワーク接続を一切行いません。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sightline::ui::NodePanel</name>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Open Profile</source>
        <translation>プロファイルを開く</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>非表示にする</translation>
    </message>
    <message>
        <source>Show Members…</source>
        <translation>メンバーを表示…</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>何も選択されていません</translation>
    </message>
    <message>
        <source>Select a node to see its details. Double-click expands it; Ctrl+click a second node to find the paths between them.</source>
        <translation>ノードを選択すると詳細を表示します。ダブルクリックで展開し、Ctrl+クリックで 2 つ目のノードを選ぶと両者間の経路を検索します。</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>固定を解除</translation>
    </message>
    <message>
        <source>%1 more neighbours of this type%2. Open the table to add some of them to the graph.</source>
        <translation>このタイプの隣接エンティティがほかに %1 件あります%2。表を開いてグラフに追加できます。</translation>
    </message>
    <message>
        <source> (at least)</source>
        <translation> (以上)</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>重要度: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>First seen: %1</source>
        <translation>初回確認: %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>最終確認: %1</translation>
    </message>
    <message>
        <source>Not seen within the scope time.</source>
        <translation>スコープ時間内には確認されていません。</translation>
    </message>
    <message>
        <source>API calls: %1 (%2 failed)</source>
        <translation>API コール: %1 (失敗 %2)</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>検出結果 (%1)</translation>
    </message>
</context>
<context>
    <name>sightline::ui::PeersPanel</name>
    <message>
        <source>Seen with</source>
        <translation>同時に確認されたエンティティ</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>呼び出し数</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>User agents</source>
        <translation>ユーザーエージェント</translation>
    </message>
    <message>
        <source>Access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%3 件中 %2 件)</translation>
    </message>
    <message>
        <source>This entity has more peers than were read: the lists are incomplete.</source>
        <translation>このエンティティには読み取った以上のピアがあります。リストは不完全です。</translation>
    </message>
    <message>
        <source>Counts cover whole UTC days at the edges of the scope time.</source>
        <translation>スコープ時間の両端のカウントは UTC の日単位です。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Show times in the &amp;local time zone (UTC otherwise)</source>
        <translation>ローカルタイムゾーンで時刻を表示(&amp;L) (オフの場合は UTC)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies the next time Sightline starts.</source>
        <translation>新しい言語は Sightline の次回起動時に適用されます。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::ProfileHeader</name>
    <message>
        <source>Copy Link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Copy a sightline:// link to this profile and scope time</source>
        <translation>このプロファイルとスコープ時間の sightline:// リンクをコピー</translation>
    </message>
    <message>
        <source>Show in Graph</source>
        <translation>グラフに表示</translation>
    </message>
    <message>
        <source>Open the relationship graph around this entity</source>
        <translation>このエンティティを中心とした関係グラフを開く</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>リンクをコピーしました</translation>
    </message>
    <message>
        <source>Scope: %1 – %2 %3</source>
        <translation>スコープ: %1 – %2 %3</translation>
    </message>
    <message>
        <source>Account %1 only</source>
        <translation>アカウント %1 のみ</translation>
    </message>
    <message>
        <source>The account filter leaves out the events, findings, callers, keys and other entities of other accounts; addresses, user agents and other entities of no account stay.</source>
        <translation>アカウントフィルターは、他のアカウントのイベント、検出結果、呼び出し元、キーなどのエンティティを除外します。アドレス、ユーザーエージェントなど、どのアカウントにも属さないエンティティは残ります。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::ProfilePanel</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>sightline::ui::RawRecordDialog</name>
    <message>
        <source>Raw record</source>
        <translation>未加工のレコード</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Could not read the raw record: %1</source>
        <translation>未加工のレコードを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Source: %1, line %2</source>
        <translation>ソース: %1、%2 行目</translation>
    </message>
    <message>
        <source>Source: %1, byte offset %2</source>
        <translation>ソース: %1、バイトオフセット %2</translation>
    </message>
    <message>
        <source>The case holds no raw record for this event.</source>
        <translation>このケースにはこのイベントの未加工のレコードがありません。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::RelationsPanel</name>
    <message>
        <source>called from</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>was the address of</source>
        <translation>アドレスの使用元</translation>
    </message>
    <message>
        <source>used agent</source>
        <translation>使用したエージェント</translation>
    </message>
    <message>
        <source>was used by</source>
        <translation>使用元</translation>
    </message>
    <message>
        <source>used key</source>
        <translation>使用したキー</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>引き受けたロール</translation>
    </message>
    <message>
        <source>was assumed by</source>
        <translation>引き受け元</translation>
    </message>
    <message>
        <source>acted on</source>
        <translation>操作対象</translation>
    </message>
    <message>
        <source>was acted on by</source>
        <translation>操作元</translation>
    </message>
    <message>
        <source>is a session of</source>
        <translation>セッション元</translation>
    </message>
    <message>
        <source>has session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>in account</source>
        <translation>所属アカウント</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>所属エンティティ</translation>
    </message>
    <message>
        <source>owns</source>
        <translation>所有</translation>
    </message>
    <message>
        <source>is owned by</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>was issued key</source>
        <translation>発行されたキー</translation>
    </message>
    <message>
        <source>was issued to</source>
        <translation>発行先</translation>
    </message>
    <message>
        <source>talked to</source>
        <translation>通信先</translation>
    </message>
    <message>
        <source>was talked to by</source>
        <translation>通信元</translation>
    </message>
    <message>
        <source>involves</source>
        <translation>関与エンティティ</translation>
    </message>
    <message>
        <source>is involved in</source>
        <translation>関与した検出結果</translation>
    </message>
    <message>
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>was created by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>was queried by</source>
        <translation>クエリ元</translation>
    </message>
    <message>
        <source>queried</source>
        <translation>クエリ先</translation>
    </message>
    <message>
        <source>runs in</source>
        <translation>実行場所</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>uses image</source>
        <translation>使用イメージ</translation>
    </message>
    <message>
        <source>is the image of</source>
        <translation>イメージの使用元</translation>
    </message>
    <message>
        <source>runs as</source>
        <translation>実行 ID</translation>
    </message>
    <message>
        <source>is the identity of</source>
        <translation>ID の使用元</translation>
    </message>
    <message>
        <source>authenticated as</source>
        <translation>認証 ID</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>認証元</translation>
    </message>
    <message>
        <source>resolves to</source>
        <translation>解決先</translation>
    </message>
    <message>
        <source>is an answer for</source>
        <translation>解決元</translation>
    </message>
    <message>
        <source>Resource interaction</source>
        <translation>リソースインタラクション</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>関係</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>初回確認</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
</context>
<context>
    <name>sightline::ui::ScopeBar</name>
    <message>
        <source>Scope:</source>
        <translation>スコープ:</translation>
    </message>
    <message>
        <source>Start of the scope time (whole hours)</source>
        <translation>スコープ時間の開始 (1 時間単位)</translation>
    </message>
    <message>
        <source>End of the scope time (exclusive, whole hours)</source>
        <translation>スコープ時間の終了 (この時刻を含まない、1 時間単位)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>ケース全体</translation>
    </message>
    <message>
        <source>Last 24 hours of data</source>
        <translation>データの直近 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days of data</source>
        <translation>データの直近 7 日間</translation>
    </message>
    <message>
        <source>The finding&apos;s window</source>
        <translation>検出結果の期間</translation>
    </message>
    <message>
        <source>The finding&apos;s window (%1)</source>
        <translation>検出結果の期間 (%1)</translation>
    </message>
    <message>
        <source>The scope must end after it starts.</source>
        <translation>スコープの終了は開始より後にする必要があります。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::SearchBox</name>
    <message>
        <source>Search IP, CIDR, ARN, name, access key, instance, bucket… (Ctrl+K)</source>
        <translation>IP、CIDR、ARN、名前、アクセスキー、インスタンス、バケットなどを検索… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>検索できません: %1</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;</source>
        <translation>「%1」に一致するものはありません</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>    … %n more, refine the search</source>
        <translation>
            <numerusform>    … 他 %n 件。検索条件を絞り込んでください</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Verify Evidence</source>
        <translation>証拠を検証</translation>
    </message>
    <message>
        <source>Hash the original files again and compare them with the SHA-256 recorded when they were imported</source>
        <translation>元のファイルのハッシュを再計算し、インポート時に記録した SHA-256 と比較します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>新規イベント</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>インポート日時</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>証拠</translation>
    </message>
    <message>
        <source>The last verification of the file</source>
        <translation>ファイルの最終検証結果</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>オフセット</translation>
    </message>
    <message>
        <source>Byte offset in the decoded file</source>
        <translation>デコード後のファイル内のバイトオフセット</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>インポートエラー</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the sources: %1</source>
        <translation>ソースを読み取れません: %1</translation>
    </message>
    <message>
        <source>%1 files · %2 records · %3 new events · %4 duplicates · %5 errors</source>
        <translation>%1 ファイル · %2 レコード · 新規イベント %3 件 · 重複 %4 件 · エラー %5 件</translation>
    </message>
    <message>
        <source>%1 skipped, %2 damaged, %3 failed</source>
        <translation>スキップ %1 件、破損 %2 件、失敗 %3 件</translation>
    </message>
    <message>
        <source>The first %1 of %2 recorded errors.</source>
        <translation>記録されたエラー %2 件のうち最初の %1 件です。</translation>
    </message>
    <message>
        <source>Recorded errors: %1.</source>
        <translation>記録されたエラー: %1 件。</translation>
    </message>
    <message>
        <source>Verifying the files (%1)…</source>
        <translation>ファイルを検証中 (%1)…</translation>
    </message>
    <message>
        <source>%1 unchanged, %2 changed, %3 missing, %4 unreadable.</source>
        <translation>変更なし %1 件、変更あり %2 件、見つからない %3 件、読み取り不可 %4 件。</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>検証をキャンセルしました。</translation>
    </message>
    <message>
        <source>Every file is as it was imported.</source>
        <translation>すべてのファイルはインポート時のままです。</translation>
    </message>
    <message>
        <source>Some evidence is no longer as it was imported.</source>
        <translation>一部の証拠がインポート時から変更されています。</translation>
    </message>
</context>
<context>
    <name>sightline::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Findings in the scope time</source>
        <translation>スコープ時間内の検出結果</translation>
    </message>
    <message>
        <source>Show the %1 findings</source>
        <translation>%1 件の検出結果を表示</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>プリンシパル</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API コール</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>アクティビティ</translation>
    </message>
    <message>
        <source>API calls over the scope time</source>
        <translation>スコープ時間内の API コール</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>受信バイト</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>送信バイト</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>トラフィック</translation>
    </message>
    <message>
        <source>VPC flow bytes over the scope time</source>
        <translation>スコープ時間内の VPC フローのバイト数</translation>
    </message>
    <message>
        <source>Principals with the most API calls</source>
        <translation>API コールが最も多いプリンシパル</translation>
    </message>
    <message>
        <source>Instances with the most traffic</source>
        <translation>トラフィックが最も多いインスタンス</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>エンティティタイプ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>新規イベント</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>No case is open</source>
        <translation>ケースが開かれていません</translation>
    </message>
    <message>
        <source>Open a case (File ▸ Open Case…) or drop evidence files on the window to import them into a new case.</source>
        <translation>ケースを開く (ファイル ▸ ケースを開く…) か、証拠ファイルをウィンドウにドロップして新しいケースにインポートしてください。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot read the case: %1</source>
        <translation>ケースを読み取れません: %1</translation>
    </message>
    <message>
        <source>The case holds no events yet.</source>
        <translation>このケースにはまだイベントがありません。</translation>
    </message>
    <message>
        <source>Data from %1 to %2 · %3 events from %4 files</source>
        <translation>データ期間 %1 ～ %2 · %4 ファイルから %3 件のイベント</translation>
    </message>
    <message>
        <source>Scope time: %1 to %2</source>
        <translation>スコープ時間: %1 ～ %2</translation>
    </message>
    <message>
        <source>Account %1 only</source>
        <translation>アカウント %1 のみ</translation>
    </message>
    <message>
        <source>Active findings: %1 (archived findings not counted: %2).</source>
        <translation>アクティブな検出結果: %1 件 (カウント対象外のアーカイブ済み検出結果: %2 件)。</translation>
    </message>
    <message>
        <source>Active findings: %1.</source>
        <translation>アクティブな検出結果: %1 件。</translation>
    </message>
    <message>
        <source>No API calls in the scope time.</source>
        <translation>スコープ時間内に API コールはありません。</translation>
    </message>
    <message>
        <source>Double-click a principal to open its profile.</source>
        <translation>プリンシパルをダブルクリックするとプロファイルを開きます。</translation>
    </message>
    <message>
        <source>No VPC flow traffic of instances in the scope time.</source>
        <translation>スコープ時間内にインスタンスの VPC フロートラフィックはありません。</translation>
    </message>
    <message>
        <source>Double-click an instance to open its profile.</source>
        <translation>インスタンスをダブルクリックするとプロファイルを開きます。</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>(スキップ)</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(読み取り不可)</translation>
    </message>
</context>
<context>
    <name>sightline::ui::VolumeChart</name>
    <message>
        <source>Drag across the chart to narrow the scope time</source>
        <translation>グラフ上をドラッグしてスコープ時間を絞り込みます</translation>
    </message>
    <message>
        <source>%1 (outside the scope)</source>
        <translation>%1 (スコープ外)</translation>
    </message>
    <message>
        <source>Outside the scope</source>
        <translation>スコープ外</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4, %5 %6</source>
        <translation>%1 %2: %4 %3、%6 %5</translation>
    </message>
    <message>
        <source> (outside the scope)</source>
        <translation> (スコープ外)</translation>
    </message>
</context>
</TS>
