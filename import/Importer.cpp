#include "Importer.h"

#include "CaseFile.h"
#include "CaseWriter.h"
#include "ImportMessage.h"
#include "SourceProcessor.h"
#include "Statement.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <latch>
#include <thread>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <unordered_map>

namespace fs = std::filesystem;

namespace sightline {
namespace {

struct WorkItem
{
    std::string path;
    int64_t size = 0;
};

// Files under the given paths, folders walked recursively in name order. Symbolic links
// to folders are not followed (no loops); links to files are read.
void collect(const std::vector<std::string> &paths, std::vector<WorkItem> &items,
             ImportSummary &summary)
{
    for (const std::string &p : paths) {
        std::error_code ec;
        const fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            summary.fileResults.push_back(ImportedFile{p, "", 0, 0, 0, 1,
                                                       static_cast<int>(SourceStatus::Failed),
                                                       "no such file or folder"});
            ++summary.skipped;
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<WorkItem> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied,
                                                ec),
                end;
            for (; !ec && it != end; it.increment(ec)) {
                std::error_code e2;
                if (it->is_regular_file(e2))
                    found.push_back(
                        WorkItem{it->path().string(), static_cast<int64_t>(it->file_size(e2))});
            }
            std::sort(found.begin(), found.end(),
                      [](const WorkItem &a, const WorkItem &b) { return a.path < b.path; });
            items.insert(items.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(st)) {
            items.push_back(WorkItem{p, static_cast<int64_t>(fs::file_size(p, ec))});
        } else {
            summary.fileResults.push_back(ImportedFile{
                p, "", 0, 0, 0, 0, static_cast<int>(SourceStatus::Skipped), "not a regular file"});
            ++summary.skipped;
        }
    }
}

struct SourceState
{
    int64_t id = 0;
    size_t resultIndex = 0;
    BatchOutcome totals;
};

// The writer (this thread) is the import's bottleneck: parser threads run at a lower
// priority so that, with as many parsers as cores, the writer keeps a core of its own.
void yieldToWriter()
{
#if defined(__linux__)
    // Linux applies a nice value to the one thread whose id is given. Failure is harmless.
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, std::min(19, getpriority(PRIO_PROCESS, thread) + 5));
#endif
}

} // namespace

Result<ImportSummary> importPaths(CaseFile &caseFile, const std::vector<std::string> &paths,
                                  ImportSink *sink, const ImportOptions &options)
{
    const auto t0 = std::chrono::steady_clock::now();
    ImportSummary summary;
    CaseWriter writer(caseFile);
    if (auto s = writer.prepare(options.checkpointPages, options.cachedEntities); !s)
        return s.error();
    writer.interner().rememberKeysPerThread(options.rememberKeysPerThread);

    std::vector<WorkItem> items;
    collect(paths, items, summary);

    // Bounds memory: batches hold up to 16k events or 64k flow rows. It holds enough for the
    // parsers to go on while the writer commits (VPC flow files are a batch each, and a
    // flow commit takes up to a second): with 6 messages they waited, a core idle.
    ImportQueue queue(options.queueMessages, options.queueBytes);
    ImportShared shared(writer.interner(), queue, options);
    shared.sink = sink;
    {
        // Evidence already in the case (imported completely) is not read again.
        Statement st(caseFile.db(), "SELECT sha256, path FROM sources WHERE status IN (1, 3)");
        while (st.step())
            shared.knownSha.emplace(st.string(0), "case:" + st.string(1));
        // Flow log files whose import was interrupted after a commit: their records up to
        // that commit are in the flows table (counted at each commit, below).
        Statement flows(caseFile.db(), "SELECT sha256, sum(new_events) FROM sources WHERE "
                                       "status IN (0, 5) AND format = 'vpcflow' GROUP BY sha256");
        while (flows.step()) {
            if (flows.int64(1) > 0)
                shared.flowRecordsInCase.emplace(flows.string(0), flows.int64(1));
        }
    }
    ImportProgress progress;
    progress.filesTotal = static_cast<int64_t>(items.size());
    for (const WorkItem &w : items)
        progress.bytesTotal += w.size;
    summary.bytes = progress.bytesTotal;

    std::atomic<size_t> nextItem{0}, nextDeferred{0};
    const int threadCount =
        std::max(1, options.threads > 0 ? options.threads
                                        : static_cast<int>(std::thread::hardware_concurrency()));
    const int workerCount =
        std::min<int>(threadCount, std::max<int>(1, static_cast<int>(items.size())));
    // Worth it only when there are other files to learn interfaces from.
    const bool deferFlows = items.size() > 1;
    std::latch otherFilesRead(workerCount);
    std::vector<std::thread> workers;
    for (int i = 0; i < workerCount; ++i) {
        queue.addProducer();
        workers.emplace_back([&] {
            yieldToWriter();
            SourceProcessor processor(shared);
            for (;;) {
                const size_t k = nextItem++;
                if (k >= items.size() || shared.stop())
                    break;
                processor.processPath(items[k].path, items[k].size, deferFlows);
            }
            // VPC flow log files last, once every other file has mapped its network
            // interfaces to instances.
            otherFilesRead.arrive_and_wait();
            for (;;) {
                const size_t k = nextDeferred++;
                if (k >= shared.deferred.size() || shared.stop())
                    break;
                processor.processDeferred(shared.deferred[k]);
            }
            queue.producerDone();
        });
    }

    std::unordered_map<int64_t, SourceState> sources;  // those being read: Begin seen, End not
    int64_t committedNew = 0, committedDuplicates = 0; // as of the last commit
    Status failure;
    auto lastProgress = std::chrono::steady_clock::now();
    auto report = [&](bool force) {
        if (!sink)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - lastProgress < std::chrono::milliseconds(100))
            return;
        lastProgress = now;
        progress.bytesDone = std::min(shared.bytesDone.load(), progress.bytesTotal);
        progress.records = shared.records.load();
        progress.errors = shared.errors.load();
        progress.filesDone = shared.filesDone.load();
        progress.newEvents = summary.newEvents;
        {
            std::lock_guard lock(shared.mutex);
            progress.currentFile = shared.currentFile;
        }
        sink->progress(progress);
    };
    auto fail = [&](Status s) {
        if (failure.ok())
            failure = std::move(s);
        shared.cancelled = true;
        queue.close();
    };

    while (auto msg = queue.pop()) {
        if (!failure.ok())
            continue;
        if (sink && sink->cancelled() && !shared.cancelled) {
            shared.cancelled = true;
            summary.cancelled = true;
        }
        switch (msg->kind) {
        case ImportMessage::Kind::Skip:
            summary.fileResults.push_back(ImportedFile{
                msg->path, "", 0, 0, 0, 0, static_cast<int>(SourceStatus::Skipped), msg->reason});
            ++summary.skipped;
            break;
        case ImportMessage::Kind::Begin: {
            auto id = writer.addSource(msg->source);
            if (!id) {
                fail(id.error());
                break;
            }
            SourceState &s = sources[msg->token];
            s.id = *id;
            s.resultIndex = summary.fileResults.size();
            ImportedFile file;
            file.path = msg->source.path;
            file.format = msg->source.format;
            summary.fileResults.push_back(std::move(file));
            break;
        }
        case ImportMessage::Kind::Batch: {
            SourceState &s = sources[msg->token];
            msg->batch.sourceId = s.id;
            auto outcome = writer.write(msg->batch);
            if (!outcome) {
                fail(outcome.error());
                break;
            }
            // Flow records have no events rows; they count as the source's new records.
            s.totals.newEvents += outcome->newEvents + outcome->flowRecords;
            s.totals.duplicates += outcome->duplicates;
            if (outcome->newEvents || outcome->flowRecords) {
                s.totals.minTime = s.totals.minTime ? std::min(s.totals.minTime, outcome->minTime)
                                                    : outcome->minTime;
                s.totals.maxTime = std::max(s.totals.maxTime, outcome->maxTime);
            }
            summary.newEvents += outcome->newEvents;
            summary.flowRecords += outcome->flowRecords;
            summary.duplicates += outcome->duplicates;
            const std::string &path = summary.fileResults[s.resultIndex].path;
            for (const ImportErrorRow &e : msg->batch.errors) {
                if (summary.issues.size() < 10000)
                    summary.issues.push_back(ImportIssue{path, e.line, e.offset, e.reason});
            }
            if (writer.pendingEvents() >= options.commitEveryEvents && !shared.cancelled) {
                // Sources still being read say what the commit holds of them, so that a
                // later import of an interrupted file knows (flowRecordsInCase).
                for (const auto &[token, open] : sources) {
                    if (open.totals.newEvents == 0)
                        continue;
                    if (auto p = writer.noteProgress(open.id, open.totals.newEvents); !p) {
                        fail(p);
                        break;
                    }
                }
                if (!failure.ok())
                    break;
                if (auto c = writer.commit(); !c)
                    fail(c);
                committedNew = summary.newEvents;
                committedDuplicates = summary.duplicates;
            }
            break;
        }
        case ImportMessage::Kind::End: {
            SourceState &s = sources[msg->token];
            SourceTotals t = std::move(msg->totals);
            t.newEvents = s.totals.newEvents;
            t.duplicates = s.totals.duplicates;
            t.firstTime = s.totals.minTime;
            t.lastTime = s.totals.maxTime;
            if (auto f = writer.finishSource(s.id, t); !f) {
                fail(f);
                break;
            }
            ImportedFile &r = summary.fileResults[s.resultIndex];
            r.records = t.records;
            r.newEvents = t.newEvents;
            r.duplicates = t.duplicates;
            r.errors = t.errors;
            r.status = static_cast<int>(t.status);
            r.note = t.note;
            if (r.format == "archive") {
                // members are counted on their own
            } else if (t.status == SourceStatus::Skipped || t.status == SourceStatus::Failed) {
                ++summary.skipped;
            } else {
                ++summary.files;
                summary.records += t.records;
                summary.errors += t.errors;
            }
            sources.erase(msg->token); // only sources still being read stay
            break;
        }
        }
        report(false);
    }
    for (std::thread &t : workers)
        t.join();

    if (!failure.ok()) {
        writer.rollback();
        return failure.error();
    }
    if (shared.cancelled) {
        // Keep the case as of the last commit, and say what it holds.
        writer.rollback();
        summary.cancelled = true;
        summary.newEvents = committedNew;
        summary.duplicates = committedDuplicates;
    } else if (auto c = writer.finish(); !c) {
        writer.rollback();
        return c.error();
    }
    report(true);
    summary.writer = writer.stats();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return summary;
}

} // namespace sightline
