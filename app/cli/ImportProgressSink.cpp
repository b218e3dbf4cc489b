#include "ImportProgressSink.h"

#include "CliSupport.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace sightline::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onSigint(int)
{
    if (g_interrupted.exchange(true))
        _exit(ExitCancelled);
}

} // namespace

ImportProgressSink::ImportProgressSink(bool draw)
    : m_draw(draw), m_start(std::chrono::steady_clock::now())
{
    m_previousHandler = std::signal(SIGINT, onSigint);
}

ImportProgressSink::~ImportProgressSink()
{
    std::signal(SIGINT, m_previousHandler == SIG_ERR ? SIG_DFL : m_previousHandler);
}

bool ImportProgressSink::interrupted()
{
    return g_interrupted.load();
}

bool ImportProgressSink::cancelled()
{
    return g_interrupted.load(std::memory_order_relaxed);
}

void ImportProgressSink::progress(const ImportProgress &p)
{
    if (!m_draw)
        return;
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (!lock.owns_lock())
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    draw(p);
}

void ImportProgressSink::draw(const ImportProgress &p)
{
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double rate = seconds > 0.2 ? static_cast<double>(p.records) / seconds : 0;
    const double mbps = seconds > 0.2 ? static_cast<double>(p.bytesDone) / seconds / 1e6 : 0;
    char pct[16] = "";
    if (p.bytesTotal > 0)
        std::snprintf(pct, sizeof pct, " %3d%%",
                      static_cast<int>(100.0 * static_cast<double>(p.bytesDone) /
                                       static_cast<double>(p.bytesTotal)));
    char speed[64];
    std::snprintf(speed, sizeof speed, "%.0f rec/s, %.1f MB/s", rate, mbps);
    std::string line = "\r" + formatBytes(p.bytesDone) + " / " + formatBytes(p.bytesTotal) + pct +
                       "  files " + formatCount(p.filesDone) + "/" + formatCount(p.filesTotal) +
                       "  records " + formatCount(p.records) + "  errors " + formatCount(p.errors) +
                       "  " + speed;
    if (g_interrupted.load())
        line += "  cancelling...";
    line += "\033[K";
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void ImportProgressSink::finish()
{
    std::lock_guard lock(m_mutex);
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    m_drawn = false;
}

} // namespace sightline::cli
