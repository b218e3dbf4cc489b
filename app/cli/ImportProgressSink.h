#pragma once
// The import's progress and cancellation for a terminal. progress() and cancelled() are
// called from import threads: thread-safe, cheap, and drawing at most ten times a second.
// SIGINT sets the cancel flag (a second SIGINT exits at once with 130).
#include "ImportTypes.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace sightline::cli {

class ImportProgressSink : public ImportSink
{
public:
    explicit ImportProgressSink(bool draw);
    ~ImportProgressSink() override; // restores the SIGINT handler

    void progress(const ImportProgress &p) override;
    bool cancelled() override;
    void finish(); // clears the progress line

    static bool interrupted();

private:
    void draw(const ImportProgress &p);

    const bool m_draw;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_start, m_lastDraw;
    bool m_drawn = false;
    void (*m_previousHandler)(int) = nullptr;
};

} // namespace sightline::cli
