#pragma once
// Imports evidence (files, folders, .gz, .zip, .tar, .tar.gz) into a case file.
// Thread affinity: call from one (non-GUI) thread; it starts and joins its own workers.
// The CaseFile must be opened ReadWrite and not used by anyone else during the import.
#include "ImportTypes.h"
#include "Result.h"

#include <string>
#include <vector>

namespace sightline {

class CaseFile;

Result<ImportSummary> importPaths(CaseFile &caseFile, const std::vector<std::string> &paths,
                                  ImportSink *sink = nullptr, const ImportOptions &options = {});

} // namespace sightline
